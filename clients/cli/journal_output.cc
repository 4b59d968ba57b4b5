#include "clients/cli/journal_output.h"

#include <iostream>

#include "clients/cli/output.h"

namespace depot::cli {
namespace {

const char* StatusLetter(v1::EntryStatus status) {
  switch (status) {
    case v1::ENTRY_STATUS_JOURNALFOERT:
      return "J";
    case v1::ENTRY_STATUS_EKSPEDERT:
      return "E";
    case v1::ENTRY_STATUS_ARKIVERT:
      return "A";
    case v1::ENTRY_STATUS_UTGAAR:
      return "U";
    default:
      return "-";
  }
}

const char* CorrespondentKindName(v1::CorrespondentKind kind) {
  switch (kind) {
    case v1::CORRESPONDENT_KIND_SENDER:
      return "sender";
    case v1::CORRESPONDENT_KIND_RECIPIENT:
      return "recipient";
    case v1::CORRESPONDENT_KIND_COPY_RECIPIENT:
      return "copy";
    default:
      return "-";
  }
}

void PrintParties(const v1::JournalEntry& e) {
  Table parties({"CORRESPONDENT", "KIND", "ROLE", "PUBLIC"});
  for (const auto& c : e.correspondents()) {
    parties.AddRow(
        {c.name(), CorrespondentKindName(c.kind()),
         c.role() == v1::PARTY_ROLE_APPLICANT ? "applicant" : "other",
         c.name_screened()
             ? "screened: " + ScreeningText(c.effective_screening())
             : "shown"});
  }
  parties.Print(std::cout);
}

void PrintDocuments(const v1::JournalEntry& e) {
  Table documents({"DOCUMENT", "ROLE", "SIZE", "SHA-256", "STATE"});
  for (const auto& d : e.documents()) {
    documents.AddRow(
        {d.description(),
         d.role() == v1::DOCUMENT_ROLE_APPLICATION ? "application" : "other",
         std::to_string(d.size_bytes()), d.sha256().substr(0, 16) + "...",
         d.disposed()
             ? "disposed " + d.disposed_at() + " by " + d.disposed_by()
             : (d.content_ref().empty() ? "kept" : "ref " + d.content_ref())});
  }
  documents.Print(std::cout);
}

}  // namespace

const char* CaseKindName(v1::CaseKind kind) {
  switch (kind) {
    case v1::CASE_KIND_ORDINARY:
      return "ordinary";
    case v1::CASE_KIND_JOB_APPLICATION:
      return "job-application";
    case v1::CASE_KIND_PERSONNEL:
      return "personnel";
    default:
      return "-";
  }
}

const char* EntryTypeLetter(v1::EntryType type) {
  switch (type) {
    case v1::ENTRY_TYPE_INCOMING:
      return "I";
    case v1::ENTRY_TYPE_OUTGOING:
      return "U";
    case v1::ENTRY_TYPE_INTERNAL_FOLLOW_UP:
      return "N";
    case v1::ENTRY_TYPE_INTERNAL_NO_FOLLOW_UP:
      return "X";
    case v1::ENTRY_TYPE_CASE_PRESENTATION:
      return "S";
    default:
      return "-";
  }
}

v1::EntryType EntryTypeByLetter(const std::string& letter) {
  if (letter == "I") return v1::ENTRY_TYPE_INCOMING;
  if (letter == "U") return v1::ENTRY_TYPE_OUTGOING;
  if (letter == "N") return v1::ENTRY_TYPE_INTERNAL_FOLLOW_UP;
  if (letter == "X") return v1::ENTRY_TYPE_INTERNAL_NO_FOLLOW_UP;
  if (letter == "S") return v1::ENTRY_TYPE_CASE_PRESENTATION;
  return v1::ENTRY_TYPE_UNSPECIFIED;
}

v1::EntryStatus EntryStatusByLetter(const std::string& letter) {
  if (letter == "E") return v1::ENTRY_STATUS_EKSPEDERT;
  if (letter == "A") return v1::ENTRY_STATUS_ARKIVERT;
  if (letter == "U") return v1::ENTRY_STATUS_UTGAAR;
  return v1::ENTRY_STATUS_JOURNALFOERT;
}

std::string ScreeningText(const v1::Screening& s) {
  if (s.access_restriction().empty()) return "-";
  std::string text = s.access_restriction() + ", " + s.authority();
  if (s.metadata_size() > 0) text += " [" + Join(s.metadata(), ",") + "]";
  if (!s.ends().empty()) text += " until " + s.ends();
  return text;
}

void ScreeningArgs::AddTo(CLI::App* command) {
  command->add_option("--restriction", restriction,
                      "screen it: tilgangsrestriksjon UO (Unntatt "
                      "offentlighet), P (Personalsaker) or KL (Klientsaker)");
  command->add_option("--authority", authority,
                      "skjermingshjemmel, e.g. \"offentleglova § 13\"");
  command
      ->add_option("--screen", metadata,
                   "skjermingMetadata codes (NA, NM, NPS, TR1, TRO, TD, "
                   "M, ...), comma-separated or repeated")
      ->delimiter(',');
  command->add_option("--screen-until", until,
                      "skjermingOpphoererDato YYYY-MM-DD");
}

void ScreeningArgs::Fill(v1::Screening* out) const {
  out->set_access_restriction(restriction);
  out->set_authority(authority);
  for (const auto& code : metadata) out->add_metadata(code);
  out->set_ends(until);
}

void PrintCase(const v1::JournalCase& c) {
  Table table({"FIELD", "VALUE"});
  table.AddRow({"case", c.case_number()});
  table.AddRow({"kind", CaseKindName(c.kind())});
  table.AddRow({"title", c.title()});
  table.AddRow(
      {"public title", c.public_title().empty() ? "-" : c.public_title()});
  table.AddRow(
      {"status", c.status() == v1::CASE_STATUS_CLOSED ? "closed" : "open"});
  table.AddRow({"screening", ScreeningText(c.screening())});
  table.AddRow({"entries", std::to_string(c.entry_count())});
  table.AddRow({"created", c.created_at() + " by " + c.created_by()});
  if (!c.closed_at().empty()) {
    table.AddRow({"closed", c.closed_at() + " by " + c.closed_by()});
  }
  table.Print(std::cout);
}

void PrintEntry(const v1::JournalEntry& e) {
  Table table({"FIELD", "VALUE"});
  table.AddRow({"journal number", e.journal_number()});
  table.AddRow({"registry id", e.registry_id()});
  table.AddRow({"case", e.case_number()});
  table.AddRow({"type", EntryTypeLetter(e.entry_type())});
  table.AddRow({"status", StatusLetter(e.status())});
  table.AddRow({"title", e.title()});
  table.AddRow({"public title", e.public_title()});
  table.AddRow({"journal date", e.journal_date()});
  table.AddRow(
      {"document date", e.document_date().empty() ? "-" : e.document_date()});
  table.AddRow({"screening", ScreeningText(e.screening())});
  for (const auto& marked : e.screened_words()) {
    table.AddRow({"screened words", Join(marked.words(), ", ") + " (" +
                                        marked.authority() + "; " +
                                        marked.screened_at() + " by " +
                                        marked.screened_by() + ")"});
  }
  table.AddRow({"recorded", e.recorded_at() + " by " + e.recorded_by()});
  table.Print(std::cout);
  std::cout << "\n";
  PrintParties(e);
  if (e.documents_size() > 0) {
    std::cout << "\n";
    PrintDocuments(e);
  }
}

}  // namespace depot::cli
