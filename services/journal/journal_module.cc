#include "services/journal/journal_module.h"

#include "services/journal/domain/noark5_writer.h"
#include "services/journal/journal_handler.h"
#include "storage/journal/pg_journal_store.h"

namespace depot::journal {
namespace {

class JournalModule : public ServiceModule {
 public:
  explicit JournalModule(DaemonContext& context)
      : store_(context.pool),
        handler_(store_, context.resolver, context.keyring, SystemClock()) {
    InitXml();  // before handler threads write XML
  }
  grpc::Service* service() override { return &handler_; }
  const google::protobuf::ServiceDescriptor* descriptor() override {
    return google::protobuf::DescriptorPool::generated_pool()
        ->FindServiceByName(v1::JournalService::service_full_name());
  }

 private:
  storage::PgJournalStore store_;
  JournalHandler handler_;
};

}  // namespace

std::unique_ptr<ServiceModule> MakeJournalModule(DaemonContext& context) {
  return std::make_unique<JournalModule>(context);
}

}  // namespace depot::journal
