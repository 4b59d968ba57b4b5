#include "services/readingroom/readingroom_module.h"

#include <grpcpp/create_channel.h>

#include "services/common/error.h"
#include "services/common/tls.h"
#include "services/readingroom/domain/time_text.h"
#include "services/readingroom/grpc_item_catalog.h"
#include "services/readingroom/readingroom_handler.h"
#include "storage/readingroom/pg_readingroom_store.h"

namespace depot::readingroom {
namespace {

Settings SettingsFrom(const ServerConfig& config) {
  Settings settings;
  auto closes = ParseClockTime(config.reading_room_closes);
  if (!closes) {
    throw StartupError("reading_room_closes must be HH:MM (24 hours), got '" +
                       config.reading_room_closes + "'");
  }
  settings.closing_minutes = *closes;
  settings.declaration_validity_years = config.declaration_validity_years;
  settings.visit_retention_months = config.retention_visits_months;
  settings.loan_retention_months = config.retention_loans_months;
  settings.declaration_retention_months = config.retention_declarations_months;
  return settings;
}

// The channel to DepositService, as the `service` identity. Read from the
// configuration when first needed: a test server learns its port late.
std::shared_ptr<grpc::Channel> DepositsChannel(const ServerConfig& config) {
  std::string address =
      config.deposits_address.empty() ? config.listen : config.deposits_address;
  if (config.insecure_dev) {
    return grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  }
  TlsFiles tls{config.service_tls_cert, config.service_tls_key, config.tls.ca};
  if (tls.cert.empty() || tls.key.empty()) {
    throw Error(ErrorCode::kInternal,
                "no service certificate configured for calls to "
                "DepositService: set service_tls_cert and service_tls_key");
  }
  grpc::ChannelArguments arguments;
  // The server certificate names localhost and the service names; let a
  // loopback address through.
  if (address.starts_with("127.") || address.starts_with("[::1]")) {
    arguments.SetSslTargetNameOverride("localhost");
  }
  return grpc::CreateCustomChannel(address, MutualTlsChannelCredentials(tls),
                                   arguments);
}

// The per-visitor key store (crypto-shredding). Without a configured
// directory (no key_file either: tests with keys from the environment)
// visitors are sealed with the keyring alone.
std::unique_ptr<SubjectKeyStore> SubjectKeysFrom(const ServerConfig& config) {
  if (config.subject_key_dir.empty()) return nullptr;
  return std::make_unique<SubjectKeyStore>(config.subject_key_dir);
}

class ReadingRoomModule : public ServiceModule {
 public:
  explicit ReadingRoomModule(DaemonContext& context)
      : settings_(SettingsFrom(context.config)),
        seal_key_(SealKey::LoadOrCreate(context.config.seal_key_file)),
        subject_keys_(SubjectKeysFrom(context.config)),
        store_(context.pool, context.keyring, subject_keys_.get()),
        catalog_([&config = context.config] { return DepositsChannel(config); },
                 context.config.insecure_dev ? "service" : ""),
        handler_({store_, catalog_, *seal_key_, context.keyring, clock_,
                  settings_, subject_keys_.get()},
                 context.resolver) {}

  grpc::Service* service() override { return &handler_; }
  const google::protobuf::ServiceDescriptor* descriptor() override {
    return google::protobuf::DescriptorPool::generated_pool()
        ->FindServiceByName(v1::ReadingRoomService::service_full_name());
  }

 private:
  Settings settings_;
  Clock clock_ = SystemClock();
  std::unique_ptr<SealKey> seal_key_;
  std::unique_ptr<SubjectKeyStore> subject_keys_;
  storage::PgReadingRoomStore store_;
  GrpcItemCatalog catalog_;
  ReadingRoomHandler handler_;
};

}  // namespace

std::unique_ptr<ServiceModule> MakeReadingRoomModule(DaemonContext& context) {
  return std::make_unique<ReadingRoomModule>(context);
}

}  // namespace depot::readingroom
