#pragma once

#include "depot/v1/readingroom.grpc.pb.h"
#include "services/common/crypto/keyring.h"
#include "services/common/rpc_gate.h"
#include "services/readingroom/domain/copy_agreements.h"
#include "services/readingroom/domain/declarations.h"
#include "services/readingroom/domain/lending_log.h"
#include "services/readingroom/domain/loans.h"
#include "services/readingroom/domain/retention.h"
#include "services/readingroom/domain/subject_visitors.h"
#include "services/readingroom/domain/visitors.h"

namespace depot::readingroom {

/// What the reading room's rules work with.
struct ReadingRoomDeps {
  ReadingRoomStore& store;
  ItemCatalog& catalog;
  const SealKey& seal_key;
  const Keyring& keyring;
  Clock clock;
  const Settings& settings;
  /// Subject key store: per-visitor keys for crypto-shredding.
  SubjectKeyStore* subject_keys{};
};

/// ReadingRoomService over gRPC: its RPC methods, converting through
/// readingroom_proto.h. Authorization and error mapping happen in RpcGate.
class ReadingRoomHandler final : public v1::ReadingRoomService::Service {
 public:
  ReadingRoomHandler(const ReadingRoomDeps& deps, CallerResolver& resolver);

  grpc::Status RegisterVisitor(grpc::ServerContext* context,
                               const v1::RegisterVisitorRequest* request,
                               v1::Visitor* response) override;
  grpc::Status GetVisitor(grpc::ServerContext* context,
                          const v1::GetVisitorRequest* request,
                          v1::Visitor* response) override;
  grpc::Status FindVisitors(grpc::ServerContext* context,
                            const v1::FindVisitorsRequest* request,
                            v1::FindVisitorsResponse* response) override;
  grpc::Status CorrectVisitor(grpc::ServerContext* context,
                              const v1::CorrectVisitorRequest* request,
                              v1::Visitor* response) override;
  grpc::Status CheckIn(grpc::ServerContext* context,
                       const v1::CheckInRequest* request,
                       v1::Visit* response) override;
  grpc::Status CheckOut(grpc::ServerContext* context,
                        const v1::CheckOutRequest* request,
                        v1::Visit* response) override;
  grpc::Status VisitorLog(grpc::ServerContext* context,
                          const v1::VisitorLogRequest* request,
                          v1::VisitorLogResponse* response) override;

  grpc::Status ListDeclarationTexts(
      grpc::ServerContext* context,
      const v1::ListDeclarationTextsRequest* request,
      v1::ListDeclarationTextsResponse* response) override;
  grpc::Status AddDeclarationText(grpc::ServerContext* context,
                                  const v1::AddDeclarationTextRequest* request,
                                  v1::DeclarationText* response) override;
  grpc::Status SignDeclaration(grpc::ServerContext* context,
                               const v1::SignDeclarationRequest* request,
                               v1::Declaration* response) override;
  grpc::Status GetDeclaration(grpc::ServerContext* context,
                              const v1::GetDeclarationRequest* request,
                              v1::Declaration* response) override;
  grpc::Status ListDeclarations(
      grpc::ServerContext* context, const v1::ListDeclarationsRequest* request,
      v1::ListDeclarationsResponse* response) override;
  grpc::Status VerifyDeclaration(
      grpc::ServerContext* context, const v1::VerifyDeclarationRequest* request,
      v1::DeclarationVerification* response) override;
  grpc::Status RevokeDeclaration(grpc::ServerContext* context,
                                 const v1::RevokeDeclarationRequest* request,
                                 v1::Declaration* response) override;
  grpc::Status GetSealPublicKey(grpc::ServerContext* context,
                                const v1::GetSealPublicKeyRequest* request,
                                v1::SealPublicKey* response) override;

  grpc::Status ApproveSpecialAccess(
      grpc::ServerContext* context,
      const v1::ApproveSpecialAccessRequest* request,
      v1::SpecialApproval* response) override;
  grpc::Status OpenLoan(grpc::ServerContext* context,
                        const v1::OpenLoanRequest* request,
                        v1::Loan* response) override;
  grpc::Status ReturnLoan(grpc::ServerContext* context,
                          const v1::ReturnLoanRequest* request,
                          v1::Loan* response) override;
  grpc::Status GetLoan(grpc::ServerContext* context,
                       const v1::GetLoanRequest* request,
                       v1::Loan* response) override;
  grpc::Status ListOverdue(grpc::ServerContext* context,
                           const v1::ListOverdueRequest* request,
                           v1::ListOverdueResponse* response) override;

  grpc::Status RecordCopyAgreement(
      grpc::ServerContext* context,
      const v1::RecordCopyAgreementRequest* request,
      v1::CopyAgreement* response) override;
  grpc::Status ListCopyAgreements(
      grpc::ServerContext* context,
      const v1::ListCopyAgreementsRequest* request,
      v1::ListCopyAgreementsResponse* response) override;

  grpc::Status ItemLendingLog(grpc::ServerContext* context,
                              const v1::ItemLendingLogRequest* request,
                              v1::ItemLendingLogResponse* response) override;
  grpc::Status VisitorLendingLog(
      grpc::ServerContext* context, const v1::VisitorLendingLogRequest* request,
      v1::VisitorLendingLogResponse* response) override;

  grpc::Status SubjectData(grpc::ServerContext* context,
                           const v1::SubjectQuery* request,
                           v1::SubjectDataResponse* response) override;
  grpc::Status EraseSubjectData(
      grpc::ServerContext* context, const v1::SubjectQuery* request,
      v1::EraseSubjectDataResponse* response) override;
  grpc::Status ApplyRetention(grpc::ServerContext* context,
                              const v1::RetentionRequest* request,
                              v1::RetentionReport* response) override;

 private:
  RpcGate gate_;
  Visitors visitors_;
  Declarations declarations_;
  Loans loans_;
  CopyAgreements copies_;
  LendingLog lending_log_;
  SubjectVisitors subject_visitors_;
  Retention retention_;
};

}  // namespace depot::readingroom
