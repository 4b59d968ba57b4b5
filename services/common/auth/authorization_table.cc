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
      {"depot.v1.DepositService/ListCategories",
       {R::kArchivist, R::kDesk, R::kDpo, R::kAuditor, R::kService,
        R::kMunicipality},
       false},
      {"depot.v1.DepositService/CreateDeposit",
       {R::kArchivist, R::kMunicipality},
       true},
      {"depot.v1.DepositService/GetDeposit",
       {R::kArchivist, R::kDpo, R::kAuditor, R::kService, R::kMunicipality},
       true},
      {"depot.v1.DepositService/ListDeposits",
       {R::kArchivist, R::kDpo, R::kAuditor, R::kService, R::kMunicipality},
       true},
      {"depot.v1.DepositService/CloseDeposit",
       {R::kArchivist, R::kMunicipality},
       true},
      {"depot.v1.DepositService/CancelDeposit",
       {R::kArchivist, R::kMunicipality},
       true},
      {"depot.v1.DepositService/TransferRecords",
       {R::kArchivist, R::kMunicipality},
       true},
      {"depot.v1.DepositService/GetTransferProgress",
       {R::kArchivist, R::kMunicipality},
       true},
      {"depot.v1.DepositService/ListRejections",
       {R::kArchivist, R::kMunicipality},
       true},
      {"depot.v1.DepositService/GrantException", {R::kArchivist}, false},
      {"depot.v1.DepositService/SearchRecords",
       {R::kArchivist, R::kDpo, R::kMunicipality},
       true},
      {"depot.v1.DepositService/GetItem",
       {R::kArchivist, R::kDesk, R::kService},
       false},

      // ReadingRoomService (issue 5): add its rows below this line.

      // JournalService (issue 6): add its rows below this line.

      // PrivacyService (issue 7): add its rows below this line.
  };
  return kTable;
}

}  // namespace depot
