#include "services/journal/journal_handler.h"

#include "services/common/error.h"
#include "services/common/subject_proto.h"
#include "services/journal/journal_preview_proto.h"
#include "services/journal/journal_proto.h"

namespace depot::journal {

JournalHandler::JournalHandler(JournalStore& store, CallerResolver& resolver,
                               const Keyring& keyring, Clock clock)
    : gate_(v1::JournalService::service_full_name(), resolver),
      journal_(store, keyring, clock),
      public_(store, keyring, clock),
      disposal_(store, keyring, clock),
      subject_entries_(store, keyring, clock) {}

grpc::Status JournalHandler::CreateCase(grpc::ServerContext* context,
                                        const v1::CreateCaseRequest* request,
                                        v1::JournalCase* response) {
  return gate_.Serve(context, "CreateCase", request, [&](const Caller& caller) {
    ToProto(journal_.CreateCase(caller, FromProto(*request)), response);
  });
}

grpc::Status JournalHandler::GetCase(grpc::ServerContext* context,
                                     const v1::GetCaseRequest* request,
                                     v1::JournalCase* response) {
  return gate_.Serve(context, "GetCase", request, [&](const Caller& caller) {
    ToProto(journal_.GetCase(caller, request->case_number()), response);
  });
}

grpc::Status JournalHandler::CloseCase(grpc::ServerContext* context,
                                       const v1::CloseCaseRequest* request,
                                       v1::JournalCase* response) {
  return gate_.Serve(context, "CloseCase", request, [&](const Caller& caller) {
    ToProto(journal_.CloseCase(caller, request->case_number()), response);
  });
}

grpc::Status JournalHandler::RecordEntry(grpc::ServerContext* context,
                                         const v1::RecordEntryRequest* request,
                                         v1::JournalEntry* response) {
  return gate_.Serve(
      context, "RecordEntry", request, [&](const Caller& caller) {
        ToProto(journal_.RecordEntry(caller, FromProto(*request)), response);
      });
}

grpc::Status JournalHandler::GetEntry(grpc::ServerContext* context,
                                      const v1::GetEntryRequest* request,
                                      v1::JournalEntry* response) {
  return gate_.Serve(context, "GetEntry", request, [&](const Caller& caller) {
    ToProto(journal_.GetEntry(caller, request->journal_number(),
                              request->include_content()),
            response);
  });
}

grpc::Status JournalHandler::ReleaseName(grpc::ServerContext* context,
                                         const v1::ReleaseNameRequest* request,
                                         v1::ReleaseNameResponse* response) {
  return gate_.Serve(
      context, "ReleaseName", request, [&](const Caller& caller) {
        ToProto(journal_.ReleaseName(caller, request->case_number(),
                                     request->name(), request->reason()),
                response);
      });
}

grpc::Status JournalHandler::ScreenWords(grpc::ServerContext* context,
                                         const v1::ScreenWordsRequest* request,
                                         v1::JournalEntry* response) {
  return gate_.Serve(
      context, "ScreenWords", request, [&](const Caller& caller) {
        ToProto(journal_.ScreenWords(caller, request->journal_number(),
                                     FromProto(request->screening())),
                response);
      });
}

grpc::Status JournalHandler::ApplicantList(
    grpc::ServerContext* context, const v1::ApplicantListRequest* request,
    v1::ApplicantListResponse* response) {
  return gate_.Serve(
      context, "ApplicantList", request, [&](const Caller& caller) {
        ToProto(public_.Applicants(caller, request->case_number()), response);
      });
}

grpc::Status JournalHandler::PublicJournal(
    grpc::ServerContext* context, const v1::PublicJournalRequest* request,
    grpc::ServerWriter<v1::PublicJournalEntry>* writer) {
  return gate_.ServeStream(
      context, "PublicJournal", request, writer,
      [&](const Caller& caller, StreamWriter<v1::PublicJournalEntry>& out) {
        public_.Stream(caller, request->from_date(), request->to_date(),
                       [&](const PublicEntry& entry) {
                         v1::PublicJournalEntry message;
                         ToProto(entry, &message);
                         out.Write(message);
                       });
      });
}

grpc::Status JournalHandler::PreviewPublicJournal(
    grpc::ServerContext* context, const v1::PublicJournalRequest* request,
    grpc::ServerWriter<v1::PreviewEntry>* writer) {
  return gate_.Serve(
      context, "PreviewPublicJournal", request, [&](const Caller& caller) {
        public_.Preview(
            caller, request->from_date(), request->to_date(),
            [&](const EntryPreview& preview) {
              v1::PreviewEntry message;
              ToProto(preview, &message);
              if (!writer->Write(message)) {
                throw Unavailable("the client stopped reading the preview");
              }
            });
      });
}

grpc::Status JournalHandler::ExportOffentligJournal(
    grpc::ServerContext* context, const v1::ExportJournalRequest* request,
    grpc::ServerWriter<v1::XmlChunk>* writer) {
  return gate_.ServeStream(
      context, "ExportOffentligJournal", request, writer,
      [&](const Caller& caller, StreamWriter<v1::XmlChunk>& out) {
        public_.ExportOffentlig(caller, request->from_date(),
                                request->to_date(), XmlChunksTo(out));
      });
}

grpc::Status JournalHandler::ExportLoependeJournal(
    grpc::ServerContext* context, const v1::ExportJournalRequest* request,
    grpc::ServerWriter<v1::XmlChunk>* writer) {
  return gate_.ServeStream(
      context, "ExportLoependeJournal", request, writer,
      [&](const Caller& caller, StreamWriter<v1::XmlChunk>& out) {
        public_.ExportLoepende(caller, request->from_date(), request->to_date(),
                               XmlChunksTo(out));
      });
}

grpc::Status JournalHandler::RunDisposal(grpc::ServerContext* context,
                                         const v1::RunDisposalRequest* request,
                                         v1::DisposalReport* response) {
  return gate_.Serve(
      context, "RunDisposal", request, [&](const Caller& caller) {
        ToProto(disposal_.Run(caller, request->dry_run(), request->decision()),
                response);
      });
}

grpc::Status JournalHandler::GetJournalSettings(
    grpc::ServerContext* context, const v1::GetJournalSettingsRequest* request,
    v1::JournalSettings* response) {
  return gate_.Serve(context, "GetJournalSettings", request,
                     [&](const Caller& caller) {
                       ToProto(journal_.GetSettings(caller), response);
                     });
}

grpc::Status JournalHandler::UpdateJournalSettings(
    grpc::ServerContext* context,
    const v1::UpdateJournalSettingsRequest* request,
    v1::JournalSettings* response) {
  return gate_.Serve(
      context, "UpdateJournalSettings", request, [&](const Caller& caller) {
        ToProto(
            journal_.UpdateSettings(caller, request->archive_creator_id(),
                                    request->archive_creator_name(),
                                    request->application_retention_months()),
            response);
      });
}

grpc::Status JournalHandler::SubjectData(grpc::ServerContext* context,
                                         const v1::SubjectQuery* request,
                                         v1::SubjectDataResponse* response) {
  return gate_.Serve(
      context, "SubjectData", request, [&](const Caller& caller) {
        depot::ToProto(
            subject_entries_.Data(caller, depot::FromProto(*request)),
            response);
      });
}

grpc::Status JournalHandler::EraseSubjectData(
    grpc::ServerContext* context, const v1::SubjectQuery* request,
    v1::EraseSubjectDataResponse* response) {
  return gate_.Serve(
      context, "EraseSubjectData", request, [&](const Caller& caller) {
        depot::ToProto(
            subject_entries_.Erase(caller, depot::FromProto(*request)),
            response);
      });
}

}  // namespace depot::journal
