#pragma once

#include "depot/v1/journal.grpc.pb.h"
#include "services/common/rpc_gate.h"
#include "services/journal/domain/disposal.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "services/journal/domain/subject_entries.h"

namespace depot::journal {

/// JournalService over gRPC: its RPC methods, converting through
/// journal_proto.h. Authorization and error mapping happen in RpcGate.
class JournalHandler final : public depot::v1::JournalService::Service {
 public:
  JournalHandler(JournalStore& store, CallerResolver& resolver,
                 const Keyring& keyring, Clock clock);

  grpc::Status CreateCase(grpc::ServerContext* context,
                          const v1::CreateCaseRequest* request,
                          v1::JournalCase* response) override;
  grpc::Status GetCase(grpc::ServerContext* context,
                       const v1::GetCaseRequest* request,
                       v1::JournalCase* response) override;
  grpc::Status CloseCase(grpc::ServerContext* context,
                         const v1::CloseCaseRequest* request,
                         v1::JournalCase* response) override;
  grpc::Status RecordEntry(grpc::ServerContext* context,
                           const v1::RecordEntryRequest* request,
                           v1::JournalEntry* response) override;
  grpc::Status GetEntry(grpc::ServerContext* context,
                        const v1::GetEntryRequest* request,
                        v1::JournalEntry* response) override;
  grpc::Status ReleaseName(grpc::ServerContext* context,
                           const v1::ReleaseNameRequest* request,
                           v1::ReleaseNameResponse* response) override;
  grpc::Status ScreenWords(grpc::ServerContext* context,
                           const v1::ScreenWordsRequest* request,
                           v1::JournalEntry* response) override;
  grpc::Status ApplicantList(grpc::ServerContext* context,
                             const v1::ApplicantListRequest* request,
                             v1::ApplicantListResponse* response) override;
  grpc::Status PublicJournal(
      grpc::ServerContext* context, const v1::PublicJournalRequest* request,
      grpc::ServerWriter<v1::PublicJournalEntry>* writer) override;
  grpc::Status PreviewPublicJournal(
      grpc::ServerContext* context, const v1::PublicJournalRequest* request,
      grpc::ServerWriter<v1::PreviewEntry>* writer) override;
  grpc::Status ExportOffentligJournal(
      grpc::ServerContext* context, const v1::ExportJournalRequest* request,
      grpc::ServerWriter<v1::XmlChunk>* writer) override;
  grpc::Status ExportLoependeJournal(
      grpc::ServerContext* context, const v1::ExportJournalRequest* request,
      grpc::ServerWriter<v1::XmlChunk>* writer) override;
  grpc::Status RunDisposal(grpc::ServerContext* context,
                           const v1::RunDisposalRequest* request,
                           v1::DisposalReport* response) override;
  grpc::Status GetJournalSettings(grpc::ServerContext* context,
                                  const v1::GetJournalSettingsRequest* request,
                                  v1::JournalSettings* response) override;
  grpc::Status UpdateJournalSettings(
      grpc::ServerContext* context,
      const v1::UpdateJournalSettingsRequest* request,
      v1::JournalSettings* response) override;

  grpc::Status SubjectData(grpc::ServerContext* context,
                           const v1::SubjectQuery* request,
                           v1::SubjectDataResponse* response) override;
  grpc::Status EraseSubjectData(
      grpc::ServerContext* context, const v1::SubjectQuery* request,
      v1::EraseSubjectDataResponse* response) override;

 private:
  RpcGate gate_;
  Journal journal_;
  depot::journal::PublicJournal public_;
  Disposal disposal_;
  SubjectEntries subject_entries_;
};

}  // namespace depot::journal
