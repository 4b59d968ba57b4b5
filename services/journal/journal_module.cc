#include "services/journal/journal_module.h"

#include <spdlog/spdlog.h>

#include "services/common/crypto/subject_keystore.h"
#include "services/journal/domain/noark5_writer.h"
#include "services/journal/journal_handler.h"
#include "storage/journal/pg_journal_store.h"

namespace depot::journal {
namespace {

// The per-document key store (crypto-shredding of disposed application
// documents). Without a configured directory (no key_file either: tests
// with keys from the environment) documents are sealed with the keyring
// alone.
std::unique_ptr<SubjectKeyStore> SubjectKeysFrom(const ServerConfig& config) {
  if (config.subject_key_dir.empty()) return nullptr;
  return std::make_unique<SubjectKeyStore>(config.subject_key_dir);
}

class JournalModule : public ServiceModule {
 public:
  explicit JournalModule(DaemonContext& context)
      : subject_keys_(SubjectKeysFrom(context.config)),
        store_(context.pool, context.keyring, subject_keys_.get()),
        handler_(store_, context.resolver, context.keyring, SystemClock()) {
    InitLibxml();  // before handler threads write XML
    // Rows journaled before the journal sealed its text: sealed before
    // anything is served (docs/journal.md, "Stored sealed").
    if (int64_t sealed = store_.SealClearText(); sealed > 0) {
      spdlog::info("journal: sealed {} row(s) kept in clear text before",
                   sealed);
    }
  }
  grpc::Service* service() override { return &handler_; }
  const google::protobuf::ServiceDescriptor* descriptor() override {
    return google::protobuf::DescriptorPool::generated_pool()
        ->FindServiceByName(v1::JournalService::service_full_name());
  }

 private:
  std::unique_ptr<SubjectKeyStore> subject_keys_;
  storage::PgJournalStore store_;
  JournalHandler handler_;
};

}  // namespace

std::unique_ptr<ServiceModule> MakeJournalModule(DaemonContext& context) {
  return std::make_unique<JournalModule>(context);
}

}  // namespace depot::journal
