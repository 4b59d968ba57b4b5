#include "services/audit/audit_module.h"

#include "services/audit/audit_handler.h"
#include "services/audit/sealer_thread.h"
#include "storage/audit/pg_audit_store.h"

namespace depot::audit {
namespace {

// Often enough that a head asked for seconds after a change covers it
// without waiting; cheap when nothing is pending (one indexed probe per log).
constexpr std::chrono::milliseconds kSealInterval(200);

class AuditModule : public ServiceModule {
 public:
  explicit AuditModule(DaemonContext& context)
      : key_(AuditSigningKey::LoadOrCreate(context.config.audit_key_file)),
        store_(context.pool),
        sealer_(store_, *key_, SystemClock()),
        logs_(store_, *key_, sealer_),
        handler_(logs_, context.resolver),
        thread_(sealer_, kSealInterval) {}

  grpc::Service* service() override { return &handler_; }
  const google::protobuf::ServiceDescriptor* descriptor() override {
    return google::protobuf::DescriptorPool::generated_pool()
        ->FindServiceByName(v1::AuditService::service_full_name());
  }

 private:
  std::unique_ptr<AuditSigningKey> key_;
  storage::PgAuditStore store_;
  Sealer sealer_;
  AuditLogs logs_;
  AuditHandler handler_;
  SealerThread thread_;  // last: stops before what it uses goes away
};

}  // namespace

std::unique_ptr<ServiceModule> MakeAuditModule(DaemonContext& context) {
  return std::make_unique<AuditModule>(context);
}

}  // namespace depot::audit
