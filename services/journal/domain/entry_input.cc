#include "services/journal/domain/entry_input.h"

#include "services/common/error.h"
#include "services/common/sha256.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/validation.h"

namespace depot::journal {
namespace {

std::string At(const std::string& field, size_t index) {
  return field + "[" + std::to_string(index) + "]";
}

void RequireNotFuture(const std::string& field, Date day, Date today) {
  if (today < day) {
    throw InvalidArgument(field + " " + FormatDate(day) +
                          " is in the future; give today or an earlier day");
  }
}

// The type, titles, screening and dates of the entry.
JournalEntry CheckHeading(const NewEntry& request, Date today) {
  if (!request.type) {
    throw InvalidArgument(
        "entry_type is required: I (incoming), U (outgoing), N or X "
        "(internal) or S (case presentation)");
  }
  JournalEntry e;
  e.type = *request.type;
  e.status = request.status;
  e.title = CleanText("title", request.title, 1000, true, true);
  e.public_title =
      CleanText("public_title", request.public_title, 1000, false, true);
  e.screening = CleanScreening("screening", request.screening);
  if (e.screening.Has(kScreenEntryTitleWords) && e.public_title.empty()) {
    throw InvalidArgument(
        "public_title is required when the screening hides selected words of "
        "the title (TRO): give the title as the public may see it");
  }
  e.journal_date =
      ParseDayField("journal_date", request.journal_date).value_or(today);
  RequireNotFuture("journal_date", e.journal_date, today);
  e.document_date = ParseDayField("document_date", request.document_date);
  if (e.document_date) {
    RequireNotFuture("document_date", *e.document_date, today);
  }
  return e;
}

void CheckCorrespondents(const std::vector<NewCorrespondent>& correspondents,
                         Date today, CheckedEntry& checked) {
  if (correspondents.empty()) {
    throw InvalidArgument(
        "correspondents: at least one sender or recipient is required (Noark "
        "5 journals list a correspondent for every entry)");
  }
  for (size_t i = 0; i < correspondents.size(); ++i) {
    const NewCorrespondent& in = correspondents[i];
    std::string field = At("correspondents", i);
    Correspondent c;
    c.name = CleanText(field + ".name", in.name, 300, true);
    if (!in.kind) {
      throw InvalidArgument(field +
                            ".kind is required: sender, recipient or copy");
    }
    c.kind = *in.kind;
    c.screening = CleanScreening(field + ".screening", in.screening);
    checked.identities.push_back(CheckCorrespondentIdentity(
        field, in.birth_date, in.national_id, today));
    // The role is settled once the case's kind is known (SettleRoles).
    c.role = in.role.value_or(PartyRole::kApplicant);
    checked.entry.correspondents.push_back(std::move(c));
  }
}

// The content or the reference of one document, with its SHA-256.
void CheckContent(const std::string& field, const NewDocument& in,
                  size_t& content_bytes, Document& d) {
  if (in.content.has_value() == !d.content_ref.empty()) {
    throw InvalidArgument(field +
                          ": give either content or content_ref (a "
                          "reference to where the document is kept)");
  }
  if (!in.content) {
    if (in.sha256.empty()) {
      throw InvalidArgument(field +
                            ".sha256 is required with content_ref: the "
                            "SHA-256 of the referenced document");
    }
    d.sha256 = CleanSha256(field + ".sha256", in.sha256);
    return;
  }
  content_bytes += in.content->size();
  if (content_bytes > kMaxEntryContentBytes) {
    throw InvalidArgument(
        "documents: the content of one entry is more than 3 MiB; store "
        "large documents elsewhere and give content_ref");
  }
  d.content = in.content;
  d.size_bytes = static_cast<int64_t>(in.content->size());
  d.sha256 = Sha256Hex(*in.content);
  if (!in.sha256.empty() &&
      CleanSha256(field + ".sha256", in.sha256) != d.sha256) {
    throw InvalidArgument(field +
                          ".sha256 does not match the content; the "
                          "document was changed or cut in transit");
  }
}

std::vector<Document> CheckDocuments(
    const std::vector<NewDocument>& documents) {
  std::vector<Document> checked;
  size_t content_bytes = 0;
  for (size_t i = 0; i < documents.size(); ++i) {
    const NewDocument& in = documents[i];
    std::string field = At("documents", i);
    Document d;
    d.description =
        CleanText(field + ".description", in.description, 500, true);
    d.role = in.role;
    d.screening = CleanScreening(field + ".screening", in.screening);
    d.content_ref =
        CleanText(field + ".content_ref", in.content_ref, 500, false);
    CheckContent(field, in, content_bytes, d);
    checked.push_back(std::move(d));
  }
  return checked;
}

}  // namespace

CheckedEntry CheckNewEntry(const NewEntry& request, Date today) {
  ParseCaseNumber(request.case_number);  // bad input before anything else
  CheckedEntry checked;
  checked.entry = CheckHeading(request, today);
  checked.words = CleanWordScreening(
      "screened_words",
      {request.screened_words, request.screened_words_authority});
  CheckCorrespondents(request.correspondents, today, checked);
  checked.entry.documents = CheckDocuments(request.documents);
  RequireWordsInEntry("screened_words", checked.words, checked.entry);
  checked.entry.year = static_cast<int>(checked.entry.journal_date.year());
  return checked;
}

void SettleRoles(const JournalCase& journal_case,
                 const std::vector<NewCorrespondent>& asked,
                 std::vector<Correspondent>& correspondents) {
  if (journal_case.kind == CaseKind::kJobApplication) return;
  for (size_t i = 0; i < correspondents.size(); ++i) {
    if (asked[i].role == PartyRole::kApplicant) {
      throw FailedPrecondition(
          At("correspondents", i) + ".role is applicant, but case " +
          journal_case.Number() + " is not a job-application case");
    }
    correspondents[i].role = PartyRole::kOther;
  }
}

}  // namespace depot::journal
