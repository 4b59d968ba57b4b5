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
      // Noark 5: an export carries every record of a deposit in
      // clear text, so only archivists make one.
      {"depot.v1.DepositService/ExportNoark5", {R::kArchivist}, false},
      // Rectification by archivists; rights requests only
      // through PrivacyService (the service identity).
      {"depot.v1.DepositService/CorrectRecord", {R::kArchivist}, false},
      {"depot.v1.DepositService/SubjectData", {R::kService}, false},
      {"depot.v1.DepositService/EraseSubjectData", {R::kService}, false},

      // ReadingRoomService.
      {"depot.v1.ReadingRoomService/RegisterVisitor",
       {R::kArchivist, R::kDesk},
       false},
      {"depot.v1.ReadingRoomService/GetVisitor",
       {R::kArchivist, R::kDesk, R::kDpo},
       false},
      {"depot.v1.ReadingRoomService/FindVisitors",
       {R::kArchivist, R::kDesk, R::kDpo},
       false},
      {"depot.v1.ReadingRoomService/CorrectVisitor",
       {R::kArchivist, R::kDesk, R::kDpo},
       false},
      {"depot.v1.ReadingRoomService/CheckIn", {R::kArchivist, R::kDesk}, false},
      {"depot.v1.ReadingRoomService/CheckOut",
       {R::kArchivist, R::kDesk},
       false},
      {"depot.v1.ReadingRoomService/VisitorLog",
       {R::kArchivist, R::kDesk, R::kDpo},
       false},
      {"depot.v1.ReadingRoomService/ListDeclarationTexts",
       {R::kArchivist, R::kDesk, R::kDpo, R::kAuditor},
       false},
      {"depot.v1.ReadingRoomService/AddDeclarationText",
       {R::kArchivist},
       false},
      {"depot.v1.ReadingRoomService/SignDeclaration",
       {R::kArchivist, R::kDesk},
       false},
      {"depot.v1.ReadingRoomService/GetDeclaration",
       {R::kArchivist, R::kDesk, R::kDpo},
       false},
      {"depot.v1.ReadingRoomService/ListDeclarations",
       {R::kArchivist, R::kDesk, R::kDpo},
       false},
      {"depot.v1.ReadingRoomService/VerifyDeclaration",
       {R::kArchivist, R::kDesk, R::kDpo, R::kAuditor},
       false},
      {"depot.v1.ReadingRoomService/RevokeDeclaration",
       {R::kArchivist, R::kDesk},
       false},
      {"depot.v1.ReadingRoomService/GetSealPublicKey",
       {R::kArchivist, R::kDesk, R::kDpo, R::kAuditor, R::kService,
        R::kMunicipality},
       false},
      {"depot.v1.ReadingRoomService/ApproveSpecialAccess",
       {R::kArchivist},
       false},
      {"depot.v1.ReadingRoomService/OpenLoan",
       {R::kArchivist, R::kDesk},
       false},
      {"depot.v1.ReadingRoomService/ReturnLoan",
       {R::kArchivist, R::kDesk},
       false},
      {"depot.v1.ReadingRoomService/GetLoan",
       {R::kArchivist, R::kDesk, R::kDpo},
       false},
      {"depot.v1.ReadingRoomService/ListOverdue",
       {R::kArchivist, R::kDesk},
       false},
      {"depot.v1.ReadingRoomService/RecordCopyAgreement",
       {R::kArchivist},
       false},
      {"depot.v1.ReadingRoomService/ListCopyAgreements",
       {R::kArchivist, R::kDesk, R::kDpo},
       false},
      {"depot.v1.ReadingRoomService/ItemLendingLog",
       {R::kArchivist, R::kDpo, R::kAuditor},
       false},
      {"depot.v1.ReadingRoomService/VisitorLendingLog",
       {R::kArchivist, R::kDpo},
       false},
      // Rights requests and retention via PrivacyService.
      {"depot.v1.ReadingRoomService/SubjectData", {R::kService}, false},
      {"depot.v1.ReadingRoomService/EraseSubjectData", {R::kService}, false},
      {"depot.v1.ReadingRoomService/ApplyRetention", {R::kService}, false},

      // JournalService.
      // Screened content (names, titles and descriptions as recorded,
      // application letters) is for archivists only: every RPC that answers
      // with it, reads as well as writes (DOMAIN.md: the unscreened journal
      // is the archivists'). The public journal is public data: every
      // staff role (and services publishing it) reads it, DPO and auditor
      // included; that is their view of the journal. Municipal systems: no
      // access.
      {"depot.v1.JournalService/CreateCase", {R::kArchivist}, false},
      {"depot.v1.JournalService/GetCase", {R::kArchivist}, false},
      {"depot.v1.JournalService/CloseCase", {R::kArchivist}, false},
      {"depot.v1.JournalService/RecordEntry", {R::kArchivist}, false},
      {"depot.v1.JournalService/GetEntry", {R::kArchivist}, false},
      {"depot.v1.JournalService/ReleaseName", {R::kArchivist}, false},
      {"depot.v1.JournalService/ScreenWords", {R::kArchivist}, false},
      // The preview shows what each mask hides: archivists only.
      {"depot.v1.JournalService/PreviewPublicJournal", {R::kArchivist}, false},
      {"depot.v1.JournalService/ApplicantList",
       {R::kArchivist, R::kDesk, R::kDpo, R::kAuditor, R::kService},
       false},
      {"depot.v1.JournalService/PublicJournal",
       {R::kArchivist, R::kDesk, R::kDpo, R::kAuditor, R::kService},
       false},
      {"depot.v1.JournalService/ExportOffentligJournal",
       {R::kArchivist, R::kDesk, R::kDpo, R::kAuditor, R::kService},
       false},
      {"depot.v1.JournalService/ExportLoependeJournal", {R::kArchivist}, false},
      {"depot.v1.JournalService/RunDisposal", {R::kArchivist}, false},
      {"depot.v1.JournalService/GetJournalSettings",
       {R::kArchivist, R::kDpo, R::kAuditor},
       false},
      {"depot.v1.JournalService/UpdateJournalSettings", {R::kArchivist}, false},
      // Rights requests via PrivacyService.
      {"depot.v1.JournalService/SubjectData", {R::kService}, false},
      {"depot.v1.JournalService/EraseSubjectData", {R::kService}, false},

      // PrivacyService.
      // Rights requests are the DPO's work (DOMAIN.md: "answers
      // data-subject requests, runs retention, registers breaches"). The
      // auditor sees the request list (no identities) and the breach
      // register; only the DPO sees who a request is about.
      {"depot.v1.PrivacyService/OpenAccessRequest", {R::kDpo}, false},
      {"depot.v1.PrivacyService/GetAccessRequest", {R::kDpo}, false},
      {"depot.v1.PrivacyService/ListAccessRequests",
       {R::kDpo, R::kAuditor},
       false},
      {"depot.v1.PrivacyService/ExtendAccessRequest", {R::kDpo}, false},
      {"depot.v1.PrivacyService/CompileAccessRequest", {R::kDpo}, false},
      {"depot.v1.PrivacyService/CloseAccessRequest", {R::kDpo}, false},
      {"depot.v1.PrivacyService/EraseSubject", {R::kDpo}, false},
      {"depot.v1.PrivacyService/RunRetention", {R::kDpo}, false},
      // Anyone on the staff who discovers a breach may register it; the
      // DPO notifies the authority.
      {"depot.v1.PrivacyService/RegisterBreach",
       {R::kDpo, R::kArchivist, R::kDesk},
       false},
      {"depot.v1.PrivacyService/ListBreaches", {R::kDpo, R::kAuditor}, false},
      {"depot.v1.PrivacyService/NotifyBreach", {R::kDpo}, false},

      // AuditService. Heads and verification tell whether
      // the logs are intact, nothing about anyone: archivists too. An
      // export holds every pseudonym and actor: DPO and auditor only. The
      // public key is public.
      {"depot.v1.AuditService/GetTreeHead",
       {R::kArchivist, R::kDpo, R::kAuditor},
       false},
      {"depot.v1.AuditService/VerifyAudit",
       {R::kArchivist, R::kDpo, R::kAuditor},
       false},
      {"depot.v1.AuditService/ExportAudit", {R::kDpo, R::kAuditor}, false},
      {"depot.v1.AuditService/GetAuditPublicKey",
       {R::kArchivist, R::kDesk, R::kDpo, R::kAuditor, R::kService,
        R::kMunicipality},
       false},
  };
  return kTable;
}

}  // namespace depot
