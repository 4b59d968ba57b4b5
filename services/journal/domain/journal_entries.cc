// Journal's entries: recording one, reading one back, screening words.
// Cases, name releases and settings are in journal.cc.
#include <cstdio>

#include "services/common/error.h"
#include "services/journal/domain/case_view.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/correspondent_identity.h"
#include "services/journal/domain/entry_input.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/validation.h"

namespace depot::journal {
namespace {

Error NoEntry(int year, int sequence) {
  char text[32];
  std::snprintf(text, sizeof(text), "%d/%06d", year, sequence);
  return NotFound(std::string("no journal entry ") + text +
                  "; check the journal number");
}

}  // namespace

EntryDetails Journal::RecordEntry(const Caller& caller,
                                  const NewEntry& request) {
  CheckedEntry checked = CheckNewEntry(request, LocalDay(clock_()));
  checked.entry.recorded_by = caller.identity;
  EntryDetails details;
  store_.Run([&](JournalTransaction& tx) {
    JournalEntry row = checked.entry;
    // Lock order: the case row first, then the year's counter.
    JournalCase c = FindCaseOrThrow(tx, request.case_number, true);
    if (c.status == CaseStatus::kClosed) {
      throw FailedPrecondition("case " + c.Number() +
                               " is closed; entries cannot be added to a "
                               "closed case");
    }
    SettleRoles(c, request.correspondents, row.correspondents);
    row.case_id = c.id;
    row.case_year = c.year;
    row.case_sequence = c.sequence;
    // Read before taking the year's number: writers of the year queue on
    // its counter row until commit, so as little as possible follows it.
    // The case row is locked, so its parties cannot change meanwhile.
    CaseParties parties = tx.LoadCaseParties(c.id);
    row.number_in_case = tx.NextNumberInCase(c.id);
    row.sequence = tx.NextEntrySequence(row.year);
    // Sealed once the journal number is known: the ciphertexts are bound to
    // the entry and the correspondent's position.
    for (size_t i = 0; i < row.correspondents.size(); ++i) {
      if (!checked.identities[i]) continue;
      row.correspondents[i].identity = SealIdentity(
          keyring_, row.correspondents[i].name, *checked.identities[i],
          row.JournalNumber(), static_cast<int>(i));
    }
    JournalEntry stored = tx.InsertEntry(row);
    AuditCorrespondents(tx, caller, "journal.entry.record", stored);
    for (const Correspondent& k : stored.correspondents) {
      parties.parties.push_back({k, stored.screening});
    }
    if (!checked.words.words.empty()) {
      RecordWords(tx, caller, stored, checked.words, &parties);
    }
    details = Describe(parties, std::move(stored));
  });
  ShowBirthDates(caller, details);
  return details;
}

EntryDetails Journal::GetEntry(const Caller& caller,
                               const std::string& journal_number,
                               bool include_content) {
  auto [year, sequence] = ParseJournalNumber(journal_number);
  EntryDetails details;
  store_.Run([&](JournalTransaction& tx) {
    auto found = tx.FindEntry(year, sequence, include_content);
    if (!found) throw NoEntry(year, sequence);
    AuditCorrespondents(tx, caller, "journal.entry.read", *found);
    details = Describe(tx.LoadCaseParties(found->case_id), std::move(*found));
  });
  ShowBirthDates(caller, details);
  return details;
}

void Journal::ShowBirthDates(const Caller& caller,
                             EntryDetails& details) const {
  const JournalEntry& e = details.entry;
  details.birth_dates.assign(e.correspondents.size(), "");
  if (caller.role != Role::kArchivist) return;
  for (size_t i = 0; i < e.correspondents.size(); ++i) {
    details.birth_dates[i] =
        OpenBirthDate(keyring_, e.correspondents[i].identity, e.JournalNumber(),
                      static_cast<int>(i));
  }
}

EntryDetails Journal::Describe(const CaseParties& parties, JournalEntry entry) {
  CaseView view(parties, LocalDay(clock_()));
  EntryDetails details;
  details.journal_case = parties.journal_case;
  for (const ScreenedWords& marked : parties.screened_words) {
    if (marked.entry_id == entry.id) details.screened_words.push_back(marked);
  }
  for (const Correspondent& c : entry.correspondents) {
    details.name_screening.push_back(view.HiddenName(c, entry.screening));
  }
  details.public_view = MakePublicEntry(entry, view);
  details.entry = std::move(entry);
  return details;
}

void Journal::AuditCorrespondents(JournalTransaction& tx, const Caller& caller,
                                  const std::string& action,
                                  const JournalEntry& entry) {
  for (const Correspondent& c : entry.correspondents) {
    AuditEvent event;
    event.actor = caller.identity;
    event.actor_role = caller.RoleLabel();
    event.action = action;
    event.object = "entry/" + entry.JournalNumber();
    event.subject = CorrespondentSubject(keyring_, c);
    event.detail = std::string("kind=") + CorrespondentKindName(c.kind) +
                   " role=" + PartyRoleName(c.role);
    tx.Audit(event);
  }
}

void Journal::RecordWords(JournalTransaction& tx, const Caller& caller,
                          const JournalEntry& entry, ScreenedWords words,
                          CaseParties* parties) {
  words.entry_id = entry.id;
  words.screened_at = clock_();
  words.screened_by = caller.identity;
  tx.InsertScreenedWords(entry.case_id, entry, words);
  // The words may be a person's, but whose is not known: no subject; the
  // words themselves never go into the audit log.
  tx.Audit({caller.identity, caller.RoleLabel(), "journal.words.screen",
            "entry/" + entry.JournalNumber(), "",
            "words=" + std::to_string(words.words.size())});
  parties->screened_words.push_back(std::move(words));
}

EntryDetails Journal::ScreenWords(const Caller& caller,
                                  const std::string& journal_number,
                                  const WordScreeningInput& input) {
  auto [year, sequence] = ParseJournalNumber(journal_number);
  ScreenedWords words = CleanWordScreening("screening", input);
  if (words.words.empty()) {
    throw InvalidArgument(
        "screening.words: give at least one word to screen, as written in "
        "the entry");
  }
  EntryDetails details;
  store_.Run([&](JournalTransaction& tx) {
    auto found = tx.FindEntry(year, sequence, false);
    if (!found) throw NoEntry(year, sequence);
    // The case row first, as every writer of the case takes it.
    tx.FindCase(found->case_year, found->case_sequence, true);
    RequireWordsInEntry("screening", words, *found);
    CaseParties parties = tx.LoadCaseParties(found->case_id);
    RecordWords(tx, caller, *found, words, &parties);
    details = Describe(parties, std::move(*found));
  });
  ShowBirthDates(caller, details);
  return details;
}

}  // namespace depot::journal
