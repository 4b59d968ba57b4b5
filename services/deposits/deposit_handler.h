#pragma once

#include "depot/v1/deposit.grpc.pb.h"
#include "services/common/rpc_gate.h"
#include "services/deposits/domain/depositors.h"

namespace depot::deposits {

/// DepositService over gRPC: translates between proto and domain types.
/// Authorization and error mapping happen in RpcGate.
class DepositHandler final : public depot::v1::DepositService::Service {
 public:
  DepositHandler(DepositStore& store, CallerResolver& resolver);

  grpc::Status RegisterDepositor(grpc::ServerContext* context,
                                 const v1::RegisterDepositorRequest* request,
                                 v1::Depositor* response) override;
  grpc::Status GetDepositor(grpc::ServerContext* context,
                            const v1::GetDepositorRequest* request,
                            v1::Depositor* response) override;
  grpc::Status ListDepositors(grpc::ServerContext* context,
                              const v1::ListDepositorsRequest* request,
                              v1::ListDepositorsResponse* response) override;

 private:
  RpcGate gate_;
  Depositors depositors_;
};

}  // namespace depot::deposits
