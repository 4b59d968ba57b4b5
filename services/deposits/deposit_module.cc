#include "services/deposits/deposit_module.h"

#include "services/deposits/deposit_handler.h"
#include "storage/deposits/pg_deposit_store.h"

namespace depot::deposits {
namespace {

class DepositModule : public ServiceModule {
 public:
  explicit DepositModule(DaemonContext& context)
      : store_(context.pool),
        rules_(context.config.eligibility_years),
        domain_{store_, context.keyring, rules_},
        handler_(domain_, context.resolver) {}
  grpc::Service* service() override { return &handler_; }
  const google::protobuf::ServiceDescriptor* descriptor() override {
    return google::protobuf::DescriptorPool::generated_pool()
        ->FindServiceByName(v1::DepositService::service_full_name());
  }

 private:
  storage::PgDepositStore store_;
  CategoryRules rules_;
  DepositContext domain_;
  DepositHandler handler_;
};

}  // namespace

std::unique_ptr<ServiceModule> MakeDepositModule(DaemonContext& context) {
  return std::make_unique<DepositModule>(context);
}

}  // namespace depot::deposits
