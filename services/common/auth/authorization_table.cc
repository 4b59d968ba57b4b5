// The authorization table. Every RPC a depot server registers must have a
// row here; tests/integration/authorization_matrix_test enumerates the
// services' descriptors and fails on any RPC without one.
#include "services/common/auth/authorization.h"

namespace depot {

const std::vector<RpcPolicy>& AuthorizationTable() {
  using R = Role;
  static const std::vector<RpcPolicy> kTable = {
      // DepositService: depositors.
      {"depot.v1.DepositService/RegisterDepositor",
       {R::kArchivist, R::kMunicipality},
       true},
      {"depot.v1.DepositService/GetDepositor",
       {R::kArchivist, R::kDpo, R::kAuditor, R::kService, R::kMunicipality},
       true},
      {"depot.v1.DepositService/ListDepositors",
       {R::kArchivist, R::kDpo, R::kAuditor, R::kService, R::kMunicipality},
       true},
  };
  return kTable;
}

}  // namespace depot
