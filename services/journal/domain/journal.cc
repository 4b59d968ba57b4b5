#include "services/journal/domain/journal.h"

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/case_view.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/masking/words.h"
#include "services/journal/domain/validation.h"

// Journal's cases, name releases and settings; its entries are in
// journal_entries.cc.
namespace depot::journal {

Journal::Journal(JournalStore& store, const Keyring& keyring, Clock clock)
    : store_(store), keyring_(keyring), clock_(std::move(clock)) {}

JournalCase Journal::FindCaseOrThrow(JournalTransaction& tx,
                                     const std::string& case_number,
                                     bool for_update) {
  auto [year, sequence] = ParseCaseNumber(case_number);
  auto found = tx.FindCase(year, sequence, for_update);
  if (!found) {
    throw NotFound("no case " + std::to_string(year) + "/" +
                   std::to_string(sequence) +
                   "; check the number or create the case first");
  }
  return *found;
}

JournalCase Journal::CreateCase(const Caller& caller, const NewCase& request) {
  if (!request.kind) {
    throw InvalidArgument(
        "kind is required: ordinary, job_application or personnel");
  }
  JournalCase c;
  c.kind = *request.kind;
  c.title = CleanText("title", request.title, 1000, true, true);
  c.public_title =
      CleanText("public_title", request.public_title, 1000, false, true);
  c.screening = CleanScreening("screening", request.screening);
  c.administrative_unit =
      CleanText("administrative_unit", request.administrative_unit, 200, false);
  c.case_officer = CleanText("case_officer", request.case_officer, 200, false);
  if (c.screening.Has(kScreenCaseTitleWords) && c.public_title.empty()) {
    throw InvalidArgument(
        "public_title is required when the screening hides selected words of "
        "the title (TMO): give the title as the public may see it");
  }
  c.status = CaseStatus::kOpen;
  c.created_by = caller.identity;
  int year = static_cast<int>(LocalDay(clock_()).year());
  JournalCase stored;
  store_.Run([&](JournalTransaction& tx) {
    JournalCase row = c;
    row.year = year;
    row.sequence = tx.NextCaseSequence(year);
    stored = tx.InsertCase(row);
  });
  return stored;
}

JournalCase Journal::GetCase(const Caller&, const std::string& case_number) {
  JournalCase found;
  store_.Run([&](JournalTransaction& tx) {
    found = FindCaseOrThrow(tx, case_number, false);
  });
  return found;
}

JournalCase Journal::CloseCase(const Caller& caller,
                               const std::string& case_number) {
  JournalCase closed;
  TimePoint now = clock_();
  store_.Run([&](JournalTransaction& tx) {
    closed = FindCaseOrThrow(tx, case_number, true);
    if (closed.status == CaseStatus::kClosed) {
      throw FailedPrecondition("case " + closed.Number() +
                               " is closed already (since " +
                               FormatDate(LocalDay(*closed.closed_at)) + ")");
    }
    tx.MarkCaseClosed(closed.id, now, caller.identity);
    closed.status = CaseStatus::kClosed;
    closed.closed_at = now;
    closed.closed_by = caller.identity;
  });
  return closed;
}

ReleaseResult Journal::ReleaseName(const Caller& caller,
                                   const std::string& case_number,
                                   const std::string& name,
                                   const std::string& reason) {
  ParseCaseNumber(case_number);
  std::string clean_name = CleanText("name", name, 300, true);
  std::string clean_reason = CleanText("reason", reason, 500, true);
  TimePoint now = clock_();
  ReleaseResult result;
  store_.Run([&](JournalTransaction& tx) {
    JournalCase c = FindCaseOrThrow(tx, case_number, true);
    if (c.kind != CaseKind::kJobApplication) {
      throw FailedPrecondition(
          "case " + c.Number() +
          " is not a job-application case; only applicants' names are "
          "screened by default and can be released");
    }
    CaseParties parties = tx.LoadCaseParties(c.id);
    std::string canonical = CanonicalName(clean_name);
    for (const std::string& released : parties.released_names) {
      if (CanonicalName(released) == canonical) {
        throw AlreadyExists("that applicant's name is released in case " +
                            c.Number() + " already");
      }
    }
    int matching = 0;
    for (const auto& party : parties.parties) {
      if (party.correspondent.role == PartyRole::kApplicant &&
          CanonicalName(party.correspondent.name) == canonical) {
        ++matching;
      }
    }
    if (matching == 0) {
      throw NotFound("case " + c.Number() +
                     " has no applicant by that name; give the name as it "
                     "was journaled");
    }
    NameRelease release{c.id, canonical, clean_reason, now, caller.identity};
    tx.InsertRelease(release);
    parties.released_names.push_back(canonical);
    CaseView view(parties, LocalDay(now));
    result.case_number = c.Number();
    result.correspondents_released = matching;
    for (const auto& party : parties.parties) {
      if (party.correspondent.role == PartyRole::kApplicant &&
          CanonicalName(party.correspondent.name) == canonical &&
          view.NameScreening(party.correspondent, party.entry_screening)) {
        ++result.still_screened;
      }
    }
    result.released_at = now;
    result.released_by = caller.identity;
    AuditEvent event;
    event.actor = caller.identity;
    event.actor_role = caller.RoleLabel();
    event.action = "journal.name.release";
    event.object = "case/" + c.Number();
    event.subject = keyring_.Pseudonym(SubjectKeyFromName(clean_name));
    event.detail = "correspondents=" + std::to_string(matching) +
                   " still_screened=" + std::to_string(result.still_screened);
    tx.Audit(event);
  });
  return result;
}

JournalSettings Journal::GetSettings(const Caller&) {
  JournalSettings settings;
  store_.Run([&](JournalTransaction& tx) { settings = tx.LoadSettings(); });
  return settings;
}

JournalSettings Journal::UpdateSettings(const Caller& caller,
                                        const std::string& creator_id,
                                        const std::string& creator_name,
                                        int retention_months) {
  std::string id = CleanText("archive_creator_id", creator_id, 100, false);
  std::string name =
      CleanText("archive_creator_name", creator_name, 200, false);
  if (retention_months < 0 || retention_months > 120) {
    throw InvalidArgument(
        "application_retention_months must be between 1 and 120 (0 keeps "
        "the current value)");
  }
  JournalSettings settings;
  TimePoint now = clock_();
  store_.Run([&](JournalTransaction& tx) {
    settings = tx.LoadSettings();
    if (!id.empty()) settings.archive_creator_id = id;
    if (!name.empty()) settings.archive_creator_name = name;
    if (retention_months > 0) {
      settings.application_retention_months = retention_months;
    }
    settings.updated_at = now;
    settings.updated_by = caller.identity;
    tx.SaveSettings(settings);
  });
  return settings;
}

}  // namespace depot::journal
