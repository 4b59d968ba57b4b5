#include "services/journal/journal_handler.h"

#include "services/common/error.h"
#include "services/common/request_rules.h"
#include "services/common/subject_proto.h"
#include "services/common/time_format.h"
#include "services/journal/domain/codes.h"
#include "services/journal/journal_preview_proto.h"

namespace depot::journal {
namespace {

// A conversion answers nullopt for UNSPECIFIED where the domain decides
// (required, or a documented default) and refuses numbers it does not know.
std::optional<CaseKind> FromProto(v1::CaseKind kind) {
  switch (kind) {
    case v1::CASE_KIND_UNSPECIFIED:
      return std::nullopt;
    case v1::CASE_KIND_ORDINARY:
      return CaseKind::kOrdinary;
    case v1::CASE_KIND_JOB_APPLICATION:
      return CaseKind::kJobApplication;
    case v1::CASE_KIND_PERSONNEL:
      return CaseKind::kPersonnel;
    default:
      throw UnknownEnumValue("kind", kind, *v1::CaseKind_descriptor());
  }
}

v1::CaseKind ToProto(CaseKind kind) {
  switch (kind) {
    case CaseKind::kOrdinary:
      return v1::CASE_KIND_ORDINARY;
    case CaseKind::kJobApplication:
      return v1::CASE_KIND_JOB_APPLICATION;
    case CaseKind::kPersonnel:
      return v1::CASE_KIND_PERSONNEL;
  }
  return v1::CASE_KIND_UNSPECIFIED;
}

std::optional<EntryType> FromProto(v1::EntryType type) {
  switch (type) {
    case v1::ENTRY_TYPE_UNSPECIFIED:
      return std::nullopt;
    case v1::ENTRY_TYPE_INCOMING:
      return EntryType::kIncoming;
    case v1::ENTRY_TYPE_OUTGOING:
      return EntryType::kOutgoing;
    case v1::ENTRY_TYPE_INTERNAL_FOLLOW_UP:
      return EntryType::kInternalFollowUp;
    case v1::ENTRY_TYPE_INTERNAL_NO_FOLLOW_UP:
      return EntryType::kInternalNoFollowUp;
    case v1::ENTRY_TYPE_CASE_PRESENTATION:
      return EntryType::kCasePresentation;
    default:
      throw UnknownEnumValue("entry_type", type, *v1::EntryType_descriptor());
  }
}

v1::EntryType ToProto(EntryType type) {
  switch (type) {
    case EntryType::kIncoming:
      return v1::ENTRY_TYPE_INCOMING;
    case EntryType::kOutgoing:
      return v1::ENTRY_TYPE_OUTGOING;
    case EntryType::kInternalFollowUp:
      return v1::ENTRY_TYPE_INTERNAL_FOLLOW_UP;
    case EntryType::kInternalNoFollowUp:
      return v1::ENTRY_TYPE_INTERNAL_NO_FOLLOW_UP;
    case EntryType::kCasePresentation:
      return v1::ENTRY_TYPE_CASE_PRESENTATION;
  }
  return v1::ENTRY_TYPE_UNSPECIFIED;
}

// UNSPECIFIED means JOURNALFOERT (journal.proto).
EntryStatus FromProto(v1::EntryStatus status) {
  switch (status) {
    case v1::ENTRY_STATUS_UNSPECIFIED:
    case v1::ENTRY_STATUS_JOURNALFOERT:
      return EntryStatus::kJournalfoert;
    case v1::ENTRY_STATUS_EKSPEDERT:
      return EntryStatus::kEkspedert;
    case v1::ENTRY_STATUS_ARKIVERT:
      return EntryStatus::kArkivert;
    case v1::ENTRY_STATUS_UTGAAR:
      return EntryStatus::kUtgaar;
    default:
      throw UnknownEnumValue("status", status, *v1::EntryStatus_descriptor());
  }
}

v1::EntryStatus ToProto(EntryStatus status) {
  switch (status) {
    case EntryStatus::kJournalfoert:
      return v1::ENTRY_STATUS_JOURNALFOERT;
    case EntryStatus::kEkspedert:
      return v1::ENTRY_STATUS_EKSPEDERT;
    case EntryStatus::kArkivert:
      return v1::ENTRY_STATUS_ARKIVERT;
    case EntryStatus::kUtgaar:
      return v1::ENTRY_STATUS_UTGAAR;
  }
  return v1::ENTRY_STATUS_UNSPECIFIED;
}

std::optional<CorrespondentKind> FromProto(v1::CorrespondentKind kind) {
  switch (kind) {
    case v1::CORRESPONDENT_KIND_UNSPECIFIED:
      return std::nullopt;
    case v1::CORRESPONDENT_KIND_SENDER:
      return CorrespondentKind::kSender;
    case v1::CORRESPONDENT_KIND_RECIPIENT:
      return CorrespondentKind::kRecipient;
    case v1::CORRESPONDENT_KIND_COPY_RECIPIENT:
      return CorrespondentKind::kCopyRecipient;
    default:
      throw UnknownEnumValue("correspondents.kind", kind,
                             *v1::CorrespondentKind_descriptor());
  }
}

v1::CorrespondentKind ToProto(CorrespondentKind kind) {
  switch (kind) {
    case CorrespondentKind::kSender:
      return v1::CORRESPONDENT_KIND_SENDER;
    case CorrespondentKind::kRecipient:
      return v1::CORRESPONDENT_KIND_RECIPIENT;
    case CorrespondentKind::kCopyRecipient:
      return v1::CORRESPONDENT_KIND_COPY_RECIPIENT;
  }
  return v1::CORRESPONDENT_KIND_UNSPECIFIED;
}

// UNSPECIFIED: the case kind decides (journal.proto).
std::optional<PartyRole> FromProto(v1::PartyRole role) {
  switch (role) {
    case v1::PARTY_ROLE_UNSPECIFIED:
      return std::nullopt;
    case v1::PARTY_ROLE_APPLICANT:
      return PartyRole::kApplicant;
    case v1::PARTY_ROLE_OTHER:
      return PartyRole::kOther;
    default:
      throw UnknownEnumValue("correspondents.role", role,
                             *v1::PartyRole_descriptor());
  }
}

v1::PartyRole ToProto(PartyRole role) {
  return role == PartyRole::kApplicant ? v1::PARTY_ROLE_APPLICANT
                                       : v1::PARTY_ROLE_OTHER;
}

// UNSPECIFIED means OTHER (journal.proto).
DocumentRole FromProto(v1::DocumentRole role) {
  switch (role) {
    case v1::DOCUMENT_ROLE_APPLICATION:
      return DocumentRole::kApplication;
    case v1::DOCUMENT_ROLE_UNSPECIFIED:
    case v1::DOCUMENT_ROLE_OTHER:
      return DocumentRole::kOther;
    default:
      throw UnknownEnumValue("documents.role", role,
                             *v1::DocumentRole_descriptor());
  }
}

v1::DocumentRole ToProto(DocumentRole role) {
  return role == DocumentRole::kApplication ? v1::DOCUMENT_ROLE_APPLICATION
                                            : v1::DOCUMENT_ROLE_OTHER;
}

ScreeningInput FromProto(const v1::Screening& s) {
  return {s.access_restriction(),
          s.authority(),
          {s.metadata().begin(), s.metadata().end()},
          s.ends()};
}

void ToProto(const Screening& s, v1::Screening* out) {
  out->set_access_restriction(s.access_restriction);
  out->set_authority(s.authority);
  for (const auto& code : s.metadata) out->add_metadata(code);
  if (s.ends) out->set_ends(FormatDay(*s.ends));
}

WordScreeningInput FromProto(const v1::WordScreening& s) {
  return {{s.words().begin(), s.words().end()}, s.authority()};
}

void ToProto(const ScreenedWords& words, v1::WordScreening* out) {
  for (const std::string& word : words.words) out->add_words(word);
  out->set_authority(words.authority);
  out->set_screened_at(FormatRfc3339(words.screened_at));
  out->set_screened_by(words.screened_by);
}

void ToProto(const JournalCase& c, v1::JournalCase* out) {
  out->set_case_number(c.Number());
  out->set_case_year(c.year);
  out->set_case_sequence(c.sequence);
  out->set_system_id(c.system_id);
  out->set_kind(ToProto(c.kind));
  out->set_title(c.title);
  out->set_public_title(c.public_title);
  out->set_status(c.status == CaseStatus::kClosed ? v1::CASE_STATUS_CLOSED
                                                  : v1::CASE_STATUS_OPEN);
  if (!c.screening.empty()) ToProto(c.screening, out->mutable_screening());
  out->set_administrative_unit(c.administrative_unit);
  out->set_case_officer(c.case_officer);
  out->set_created_at(FormatRfc3339(c.created_at));
  out->set_created_by(c.created_by);
  if (c.closed_at) {
    out->set_closed_at(FormatRfc3339(*c.closed_at));
    out->set_closed_by(c.closed_by);
  }
  out->set_entry_count(c.entry_count);
}

void ToProto(const EntryDetails& details, v1::JournalEntry* out) {
  const JournalEntry& e = details.entry;
  out->set_journal_number(e.JournalNumber());
  out->set_journal_year(e.year);
  out->set_journal_sequence(e.sequence);
  out->set_number_in_case(e.number_in_case);
  out->set_registry_id(e.RegistryId());
  out->set_system_id(e.system_id);
  out->set_case_number(e.CaseNumber());
  out->set_entry_type(ToProto(e.type));
  out->set_status(ToProto(e.status));
  out->set_title(e.title);
  out->set_public_title(details.public_view.public_title);
  if (e.document_date) out->set_document_date(FormatDay(*e.document_date));
  out->set_journal_date(FormatDay(e.journal_date));
  for (size_t i = 0; i < e.correspondents.size(); ++i) {
    const Correspondent& c = e.correspondents[i];
    v1::Correspondent* pc = out->add_correspondents();
    pc->set_correspondent_id(c.id);
    pc->set_name(c.name);
    pc->set_kind(ToProto(c.kind));
    pc->set_role(ToProto(c.role));
    if (!c.screening.empty()) ToProto(c.screening, pc->mutable_screening());
    if (i < details.name_screening.size() && details.name_screening[i]) {
      pc->set_name_screened(true);
      ToProto(*details.name_screening[i], pc->mutable_effective_screening());
    }
    if (i < details.birth_dates.size()) {
      pc->set_birth_date(details.birth_dates[i]);
    }
  }
  for (const Document& d : e.documents) {
    v1::Document* pd = out->add_documents();
    pd->set_document_id(d.id);
    pd->set_description(d.description);
    pd->set_sha256(d.sha256);
    if (d.content) pd->set_content(*d.content);
    pd->set_content_ref(d.content_ref);
    pd->set_role(ToProto(d.role));
    if (!d.screening.empty()) ToProto(d.screening, pd->mutable_screening());
    pd->set_size_bytes(d.size_bytes);
    if (d.disposal) {
      pd->set_disposed(true);
      pd->set_disposed_at(FormatRfc3339(d.disposal->disposed_at));
      pd->set_disposed_by(d.disposal->disposed_by);
      pd->set_disposal_decision(d.disposal->decision);
    }
  }
  if (!e.screening.empty()) ToProto(e.screening, out->mutable_screening());
  out->set_recorded_at(FormatRfc3339(e.recorded_at));
  out->set_recorded_by(e.recorded_by);
  for (const ScreenedWords& words : details.screened_words) {
    ToProto(words, out->add_screened_words());
  }
}

void ToProto(const PublicEntry& e, v1::PublicJournalEntry* out) {
  out->set_journal_number(e.JournalNumber());
  out->set_journal_year(e.year);
  out->set_journal_sequence(e.sequence);
  out->set_number_in_case(e.number_in_case);
  out->set_registry_id(e.RegistryId());
  out->set_system_id(e.system_id);
  out->set_case_number(e.CaseNumber());
  out->set_case_public_title(e.case_public_title);
  out->set_entry_type(ToProto(e.type));
  out->set_status(ToProto(e.status));
  out->set_public_title(e.public_title);
  out->set_journal_date(FormatDay(e.journal_date));
  if (e.document_date) out->set_document_date(FormatDay(*e.document_date));
  for (const PublicCorrespondent& c : e.correspondents) {
    v1::PublicCorrespondent* pc = out->add_correspondents();
    pc->set_kind(ToProto(c.kind));
    pc->set_name(c.name);
    pc->set_screened(c.screened);
    pc->set_applicant(c.applicant);
  }
  for (const PublicDocument& d : e.documents) {
    v1::PublicDocument* pd = out->add_documents();
    pd->set_description(d.description);
    pd->set_disposed(d.disposed);
  }
  out->set_access_restriction(e.screening.access_restriction);
  out->set_screening_authority(e.screening.authority);
  for (const auto& code : e.screening.metadata) {
    out->add_screening_metadata(code);
  }
  out->set_administrative_unit(e.administrative_unit);
  out->set_case_officer(e.case_officer);
  out->set_case_access_restriction(e.case_screening.access_restriction);
  out->set_case_screening_authority(e.case_screening.authority);
}

void ToProto(const JournalSettings& s, v1::JournalSettings* out) {
  out->set_archive_creator_id(s.archive_creator_id);
  out->set_archive_creator_name(s.archive_creator_name);
  out->set_application_retention_months(s.application_retention_months);
  out->set_updated_at(FormatRfc3339(s.updated_at));
  out->set_updated_by(s.updated_by);
}

// Sends XML pieces down a server stream; a client that went away ends the
// export.
ChunkSink ChunksTo(StreamWriter<v1::XmlChunk>& writer) {
  return [&writer](std::string_view chunk) {
    v1::XmlChunk message;
    message.set_data(std::string(chunk));
    writer.Write(message);
  };
}

}  // namespace

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
    NewCase c{FromProto(request->kind()),     request->title(),
              request->public_title(),        FromProto(request->screening()),
              request->administrative_unit(), request->case_officer()};
    ToProto(journal_.CreateCase(caller, c), response);
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
        NewEntry entry;
        entry.case_number = request->case_number();
        entry.type = FromProto(request->entry_type());
        entry.status = FromProto(request->status());
        entry.title = request->title();
        entry.public_title = request->public_title();
        entry.document_date = request->document_date();
        entry.journal_date = request->journal_date();
        entry.screening = FromProto(request->screening());
        WordScreeningInput words = FromProto(request->screened_words());
        entry.screened_words = words.words;
        entry.screened_words_authority = words.authority;
        for (const v1::Correspondent& c : request->correspondents()) {
          entry.correspondents.push_back(
              {c.name(), FromProto(c.kind()), FromProto(c.role()),
               FromProto(c.screening()), c.birth_date(), c.national_id()});
        }
        for (const v1::Document& d : request->documents()) {
          NewDocument document;
          document.description = d.description();
          document.sha256 = d.sha256();
          if (!d.content().empty()) document.content = d.content();
          document.content_ref = d.content_ref();
          document.role = FromProto(d.role());
          document.screening = FromProto(d.screening());
          entry.documents.push_back(std::move(document));
        }
        ToProto(journal_.RecordEntry(caller, entry), response);
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
        ReleaseResult result = journal_.ReleaseName(
            caller, request->case_number(), request->name(), request->reason());
        response->set_case_number(result.case_number);
        response->set_correspondents_released(result.correspondents_released);
        response->set_still_screened(result.still_screened);
        response->set_released_at(FormatRfc3339(result.released_at));
        response->set_released_by(result.released_by);
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
        auto list = public_.Applicants(caller, request->case_number());
        response->set_case_number(list.case_number);
        response->set_case_public_title(list.case_public_title);
        response->set_applicant_count(list.applicant_count);
        for (const auto& name : list.public_names) {
          response->add_public_names(name);
        }
        response->set_screened_count(list.screened_count);
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
              ToProto(preview.entry, message.mutable_entry());
              PreviewToProto(preview, &message);
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
                                request->to_date(), ChunksTo(out));
      });
}

grpc::Status JournalHandler::ExportLoependeJournal(
    grpc::ServerContext* context, const v1::ExportJournalRequest* request,
    grpc::ServerWriter<v1::XmlChunk>* writer) {
  return gate_.ServeStream(
      context, "ExportLoependeJournal", request, writer,
      [&](const Caller& caller, StreamWriter<v1::XmlChunk>& out) {
        public_.ExportLoepende(caller, request->from_date(), request->to_date(),
                               ChunksTo(out));
      });
}

grpc::Status JournalHandler::RunDisposal(grpc::ServerContext* context,
                                         const v1::RunDisposalRequest* request,
                                         v1::DisposalReport* response) {
  return gate_.Serve(
      context, "RunDisposal", request, [&](const Caller& caller) {
        DisposalReport report =
            disposal_.Run(caller, request->dry_run(), request->decision());
        response->set_dry_run(report.dry_run);
        response->set_decision(report.decision);
        response->set_retention_months(report.retention_months);
        response->set_run_at(FormatRfc3339(report.run_at));
        response->set_run_by(report.run_by);
        for (const DisposalItem& item : report.items) {
          v1::DisposalItem* out = response->add_items();
          out->set_document_id(item.document_id);
          out->set_journal_number(item.journal_number);
          out->set_case_number(item.case_number);
          out->set_description(item.description);
          out->set_case_closed_at(FormatRfc3339(item.case_closed_at));
          out->set_due_date(FormatDay(item.due));
        }
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
