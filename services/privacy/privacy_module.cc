#include "services/privacy/privacy_module.h"

#include <grpcpp/create_channel.h>

#include "services/common/error.h"
#include "services/common/tls.h"
#include "services/privacy/daily_retention.h"
#include "services/privacy/domain/time_text.h"
#include "services/privacy/grpc_subject_sources.h"
#include "services/privacy/privacy_handler.h"
#include "storage/privacy/pg_privacy_store.h"

namespace depot::privacy {
namespace {

// A channel to another depot service, as the `service` identity. The
// address is read when first needed: a test server learns its port late.
std::shared_ptr<grpc::Channel> ServiceChannel(const ServerConfig& config,
                                              const std::string& configured,
                                              const std::string& service) {
  std::string address = !configured.empty() ? configured
                        : !config.deposits_address.empty()
                            ? config.deposits_address
                            : config.listen;
  if (config.insecure_dev) {
    return grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  }
  TlsFiles tls{config.service_tls_cert, config.service_tls_key, config.tls.ca};
  if (tls.cert.empty() || tls.key.empty()) {
    throw Error(ErrorCode::kInternal,
                "no service certificate configured for calls to " + service +
                    ": set service_tls_cert and service_tls_key");
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

Settings SettingsFrom(const ServerConfig& config) {
  Settings settings;
  settings.closed_request_retention_months =
      config.access_request_retention_months;
  return settings;
}

std::optional<int> DailyAt(const ServerConfig& config) {
  if (config.retention_daily_at == "off") return std::nullopt;
  auto minutes = ParseClockTime(config.retention_daily_at);
  if (!minutes) {
    throw StartupError(
        "retention_daily_at must be HH:MM (24 hours) or off, "
        "got '" +
        config.retention_daily_at + "'");
  }
  return minutes;
}

class PrivacyModule : public ServiceModule {
 public:
  explicit PrivacyModule(DaemonContext& context)
      : settings_(SettingsFrom(context.config)),
        store_(context.pool),
        sources_({[&config = context.config] {
                    return ServiceChannel(config, config.deposits_address,
                                          "DepositService");
                  },
                  [&config = context.config] {
                    return ServiceChannel(config, config.readingroom_address,
                                          "ReadingRoomService");
                  },
                  [&config = context.config] {
                    return ServiceChannel(config, config.journal_address,
                                          "JournalService");
                  }},
                 context.config.insecure_dev ? "service" : ""),
        requests_(store_, sources_, context.keyring, SystemClock()),
        erasure_(store_, sources_, context.keyring, SystemClock(), settings_),
        retention_(store_, sources_, SystemClock(), settings_),
        breaches_(store_, SystemClock()),
        handler_({requests_, erasure_, retention_, breaches_},
                 context.resolver) {
    if (auto at = DailyAt(context.config)) {
      daily_ = std::make_unique<DailyRetention>(retention_, *at);
    }
  }

  grpc::Service* service() override { return &handler_; }
  const google::protobuf::ServiceDescriptor* descriptor() override {
    return google::protobuf::DescriptorPool::generated_pool()
        ->FindServiceByName(v1::PrivacyService::service_full_name());
  }

 private:
  Settings settings_;
  storage::PgPrivacyStore store_;
  GrpcSubjectSources sources_;
  AccessRequests requests_;
  Erasure erasure_;
  Retention retention_;
  Breaches breaches_;
  PrivacyHandler handler_;
  // Last: stopped (joined) before what it uses goes away.
  std::unique_ptr<DailyRetention> daily_;
};

}  // namespace

std::unique_ptr<ServiceModule> MakePrivacyModule(DaemonContext& context) {
  return std::make_unique<PrivacyModule>(context);
}

}  // namespace depot::privacy
