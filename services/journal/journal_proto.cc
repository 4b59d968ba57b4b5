#include "services/journal/journal_proto.h"

#include "services/common/time_format.h"

namespace depot::journal {

ScreeningInput FromProto(const v1::Screening& s) {
  return {s.access_restriction(),
          s.authority(),
          {s.metadata().begin(), s.metadata().end()},
          s.ends()};
}

WordScreeningInput FromProto(const v1::WordScreening& s) {
  return {{s.words().begin(), s.words().end()}, s.authority()};
}

NewCase FromProto(const v1::CreateCaseRequest& request) {
  return {FromProto(request.kind()),     request.title(),
          request.public_title(),        FromProto(request.screening()),
          request.administrative_unit(), request.case_officer()};
}

NewEntry FromProto(const v1::RecordEntryRequest& request) {
  NewEntry entry;
  entry.case_number = request.case_number();
  entry.type = FromProto(request.entry_type());
  entry.status = FromProto(request.status());
  entry.title = request.title();
  entry.public_title = request.public_title();
  entry.document_date = request.document_date();
  entry.journal_date = request.journal_date();
  entry.screening = FromProto(request.screening());
  WordScreeningInput words = FromProto(request.screened_words());
  entry.screened_words = words.words;
  entry.screened_words_authority = words.authority;
  for (const v1::Correspondent& c : request.correspondents()) {
    entry.correspondents.push_back(
        {c.name(), FromProto(c.kind()), FromProto(c.role()),
         FromProto(c.screening()), c.birth_date(), c.national_id()});
  }
  for (const v1::Document& d : request.documents()) {
    NewDocument document;
    document.description = d.description();
    document.sha256 = d.sha256();
    if (!d.content().empty()) document.content = d.content();
    document.content_ref = d.content_ref();
    document.role = FromProto(d.role());
    document.screening = FromProto(d.screening());
    entry.documents.push_back(std::move(document));
  }
  return entry;
}

void ToProto(const Screening& s, v1::Screening* out) {
  out->set_access_restriction(s.access_restriction);
  out->set_authority(s.authority);
  for (const auto& code : s.metadata) out->add_metadata(code);
  if (s.ends) out->set_ends(FormatDate(*s.ends));
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
  out->set_status(ToProto(c.status));
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
  if (e.document_date) out->set_document_date(FormatDate(*e.document_date));
  out->set_journal_date(FormatDate(e.journal_date));
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
  out->set_journal_date(FormatDate(e.journal_date));
  if (e.document_date) out->set_document_date(FormatDate(*e.document_date));
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

void ToProto(const ReleaseResult& result, v1::ReleaseNameResponse* out) {
  out->set_case_number(result.case_number);
  out->set_correspondents_released(result.correspondents_released);
  out->set_still_screened(result.still_screened);
  out->set_released_at(FormatRfc3339(result.released_at));
  out->set_released_by(result.released_by);
}

void ToProto(const ApplicantList& list, v1::ApplicantListResponse* out) {
  out->set_case_number(list.case_number);
  out->set_case_public_title(list.case_public_title);
  out->set_applicant_count(list.applicant_count);
  for (const auto& name : list.public_names) out->add_public_names(name);
  out->set_screened_count(list.screened_count);
}

void ToProto(const DisposalReport& report, v1::DisposalReport* out) {
  out->set_dry_run(report.dry_run);
  out->set_decision(report.decision);
  out->set_retention_months(report.retention_months);
  out->set_run_at(FormatRfc3339(report.run_at));
  out->set_run_by(report.run_by);
  for (const DisposalItem& item : report.items) {
    v1::DisposalItem* o = out->add_items();
    o->set_document_id(item.document_id);
    o->set_journal_number(item.journal_number);
    o->set_case_number(item.case_number);
    o->set_description(item.description);
    o->set_case_closed_at(FormatRfc3339(item.case_closed_at));
    o->set_due_date(FormatDate(item.due));
  }
}

ChunkSink XmlChunksTo(StreamWriter<v1::XmlChunk>& writer) {
  return [&writer](std::string_view chunk) {
    v1::XmlChunk message;
    message.set_data(std::string(chunk));
    writer.Write(message);
  };
}

}  // namespace depot::journal
