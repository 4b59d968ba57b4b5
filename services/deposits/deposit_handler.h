#pragma once

#include "depot/v1/deposit.grpc.pb.h"
#include "services/common/rpc_gate.h"
#include "services/deposits/domain/depositors.h"
#include "services/deposits/domain/deposits.h"
#include "services/deposits/domain/noark_export.h"
#include "services/deposits/domain/record_correction.h"
#include "services/deposits/domain/record_search.h"
#include "services/deposits/domain/subject_records.h"
#include "services/deposits/domain/transfers.h"

namespace depot::deposits {

/// DepositService over gRPC: its RPC methods, converting through
/// deposit_proto.h. Authorization and error mapping happen in RpcGate.
class DepositHandler final : public depot::v1::DepositService::Service {
 public:
  DepositHandler(DepositContext& context, CallerResolver& resolver);

  grpc::Status RegisterDepositor(grpc::ServerContext* context,
                                 const v1::RegisterDepositorRequest* request,
                                 v1::Depositor* response) override;
  grpc::Status GetDepositor(grpc::ServerContext* context,
                            const v1::GetDepositorRequest* request,
                            v1::Depositor* response) override;
  grpc::Status ListDepositors(grpc::ServerContext* context,
                              const v1::ListDepositorsRequest* request,
                              v1::ListDepositorsResponse* response) override;

  grpc::Status ListCategories(grpc::ServerContext* context,
                              const v1::ListCategoriesRequest* request,
                              v1::ListCategoriesResponse* response) override;
  grpc::Status CreateDeposit(grpc::ServerContext* context,
                             const v1::CreateDepositRequest* request,
                             v1::Deposit* response) override;
  grpc::Status GetDeposit(grpc::ServerContext* context,
                          const v1::GetDepositRequest* request,
                          v1::Deposit* response) override;
  grpc::Status ListDeposits(grpc::ServerContext* context,
                            const v1::ListDepositsRequest* request,
                            v1::ListDepositsResponse* response) override;
  grpc::Status CloseDeposit(grpc::ServerContext* context,
                            const v1::CloseDepositRequest* request,
                            v1::Deposit* response) override;
  grpc::Status CancelDeposit(grpc::ServerContext* context,
                             const v1::CancelDepositRequest* request,
                             v1::Deposit* response) override;
  /// Registered in place of the generated TransferRecords: reads the
  /// stream's messages as raw bytes, so that one that cannot be parsed ends
  /// the stream with INVALID_ARGUMENT instead of looking like its end.
  grpc::Status TransferRecords(grpc::ServerContext* context,
                               grpc::ServerReader<grpc::ByteBuffer>* reader,
                               v1::TransferSummary* response);
  grpc::Status GetTransferProgress(
      grpc::ServerContext* context,
      const v1::GetTransferProgressRequest* request,
      v1::TransferProgress* response) override;
  grpc::Status ListRejections(grpc::ServerContext* context,
                              const v1::ListRejectionsRequest* request,
                              v1::ListRejectionsResponse* response) override;
  grpc::Status GrantException(grpc::ServerContext* context,
                              const v1::GrantExceptionRequest* request,
                              v1::RecordException* response) override;
  grpc::Status SearchRecords(grpc::ServerContext* context,
                             const v1::SearchRecordsRequest* request,
                             v1::SearchRecordsResponse* response) override;
  grpc::Status GetItem(grpc::ServerContext* context,
                       const v1::GetItemRequest* request,
                       v1::Item* response) override;
  grpc::Status ExportNoark5(
      grpc::ServerContext* context, const v1::ExportNoark5Request* request,
      grpc::ServerWriter<v1::ExportChunk>* writer) override;
  grpc::Status CorrectRecord(grpc::ServerContext* context,
                             const v1::CorrectRecordRequest* request,
                             v1::RecordSummary* response) override;
  grpc::Status SubjectData(grpc::ServerContext* context,
                           const v1::SubjectQuery* request,
                           v1::SubjectDataResponse* response) override;
  grpc::Status EraseSubjectData(
      grpc::ServerContext* context, const v1::SubjectQuery* request,
      v1::EraseSubjectDataResponse* response) override;

 private:
  RpcGate gate_;
  DepositContext& context_;
  Depositors depositors_;
  Deposits deposits_;
  Transfers transfers_;
  RecordSearch search_;
  NoarkExport export_;
  RecordCorrection correction_;
  SubjectRecords subject_records_;
};

}  // namespace depot::deposits
