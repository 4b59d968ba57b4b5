#include "services/journal/domain/subject_entries.h"

#include <nlohmann/json.hpp>
#include <set>

#include "services/common/subject_key.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/correspondent_identity.h"
#include "services/journal/domain/masking/masker.h"
#include "services/journal/domain/masking/words.h"
#include "services/journal/domain/public_view.h"

namespace depot::journal {
namespace {

constexpr char kService[] = "journal";

std::string EntryObject(const JournalEntry& entry) {
  return "entry/" + entry.JournalNumber();
}

nlohmann::json ScreeningJson(const std::optional<Screening>& screening) {
  if (!screening) return nullptr;
  nlohmann::json json = {{"access_restriction", screening->access_restriction},
                         {"authority", screening->authority},
                         {"metadata", screening->metadata}};
  if (screening->ends) json["ends"] = FormatDate(*screening->ends);
  return json;
}

// The entry's title as the person's extract may show it: the names of the
// case's other correspondents and the words marked to screen masked (an
// extract must not contain other people's data), the person's own name
// kept.
std::string TitleForThePerson(const JournalEntry& entry,
                              const std::vector<size_t>& positions,
                              const CaseParties& parties) {
  std::set<std::string> own;
  MaskerBuilder builder;
  for (size_t position : positions) {
    const std::string& name = entry.correspondents[position].name;
    own.insert(CanonicalName(name));
    builder.AddPublicName(name, true);
  }
  for (const CaseParties::Party& party : parties.parties) {
    const std::string& name = party.correspondent.name;
    if (!own.count(CanonicalName(name))) builder.AddScreenedName(name);
  }
  for (const ScreenedWords& marked : parties.screened_words) {
    for (const std::string& word : marked.words) {
      builder.AddScreenedWords(word);
    }
  }
  return builder.Build().Apply(entry.title);
}

}  // namespace

CheckedSubject SubjectEntries::Check(const SubjectQuery& query) const {
  return CheckSubjectQuery(query, FormatDate(LocalDay(clock_())));
}

SubjectEntries::Match SubjectEntries::Find(JournalTransaction& tx,
                                           const CheckedSubject& subject) {
  Match match;
  std::string id_index;
  if (!subject.national_id.empty()) {
    id_index = keyring_.BlindIndex(subject.national_id);
  }
  std::string person_index;
  if (subject.has_name_and_birth_date) {
    person_index = PersonIndex(keyring_, subject.name, subject.birth_date);
  }
  std::vector<JournalEntry> entries =
      tx.EntriesOfIdentity(id_index, person_index);
  // Name + birth date cannot tell apart two people who share both. A
  // correspondent that carries an identity number is the person's only
  // when the number is theirs (asked by number) or, asked without one,
  // when all such correspondents carry one and the same number (as
  // DepositService decides for records).
  std::set<std::string> numbers;
  for (const JournalEntry& e : entries) {
    for (const Correspondent& c : e.correspondents) {
      if (!person_index.empty() && c.identity.person_index == person_index &&
          !c.identity.national_id_index.empty()) {
        numbers.insert(c.identity.national_id_index);
      }
    }
  }
  int withheld = 0;
  for (JournalEntry& e : entries) {
    Found found;
    for (size_t i = 0; i < e.correspondents.size(); ++i) {
      const SealedIdentity& id = e.correspondents[i].identity;
      bool theirs = false;
      if (!id_index.empty() && id.national_id_index == id_index) {
        theirs = true;
      } else if (!person_index.empty() && id.person_index == person_index) {
        theirs = id.national_id_index.empty() ||
                 (id_index.empty() && numbers.size() == 1);
        if (!theirs && id_index.empty()) ++withheld;
      }
      if (theirs) found.positions.push_back(i);
    }
    if (!found.positions.empty()) {
      found.entry = std::move(e);
      match.entries.push_back(std::move(found));
    }
  }
  if (withheld > 0) {
    match.notes.push_back(
        std::to_string(withheld) +
        " journal correspondent(s) match the name and birth date but carry "
        "identity numbers of " +
        std::to_string(numbers.size()) +
        " different people; left out. Ask again with the person's national "
        "identity number.");
  }
  if (!subject.name.empty()) {
    int64_t name_only = tx.CountNameOnlyCorrespondents(FoldName(subject.name));
    if (name_only > 0) {
      match.notes.push_back(
          std::to_string(name_only) +
          " journal correspondent(s) have the same name but were journaled "
          "without a birth date or identity number, so they cannot be "
          "attributed to this person and are not in the extract. An "
          "archivist can look through the internal journal for them and "
          "check with the person which entries concern them.");
    }
  } else {
    match.notes.push_back(
        "asked by identity number only: journal correspondents recorded by "
        "name alone were not counted; give the name as well to have them "
        "counted.");
  }
  return match;
}

SubjectData SubjectEntries::Data(const Caller& caller,
                                 const SubjectQuery& query) {
  CheckedSubject subject = Check(query);
  Date today = LocalDay(clock_());
  SubjectData data;
  store_.Run([&](JournalTransaction& tx) {
    data = SubjectData{};
    Match match = Find(tx, subject);
    data.notes = match.notes;
    std::set<std::string> pseudonyms;
    for (const auto& key : subject.subject_keys) {
      pseudonyms.insert(keyring_.Pseudonym(key));
    }
    std::vector<AuditEvent> events;
    for (const Found& found : match.entries) {
      const JournalEntry& e = found.entry;
      CaseParties parties = tx.LoadCaseParties(e.case_id);
      CaseView view(parties, today);
      std::optional<Screening> entry_screening =
          view.EntryScreening(e.screening);
      for (size_t position : found.positions) {
        const Correspondent& c = e.correspondents[position];
        std::optional<Screening> hidden = view.HiddenName(c, e.screening);
        nlohmann::json json = {
            {"journal_number", e.JournalNumber()},
            {"registry_id", e.RegistryId()},
            {"case_number", e.CaseNumber()},
            {"journal_date", FormatDate(e.journal_date)},
            {"document_date", e.document_date
                                  ? nlohmann::json(FormatDate(*e.document_date))
                                  : nlohmann::json(nullptr)},
            {"entry_type", std::string(1, EntryTypeLetter(e.type))},
            {"title", TitleForThePerson(e, found.positions, parties)},
            {"correspondent",
             {{"name", c.name},
              {"kind", CorrespondentKindName(c.kind)},
              {"role", PartyRoleName(c.role)}}},
            {"screening",
             {{"entry", ScreeningJson(entry_screening)},
              {"name_screened_in_public_journal", hidden.has_value()},
              {"name", ScreeningJson(hidden)}}}};
        data.items.push_back(
            {kService, "journal_entry", EntryObject(e), json.dump(),
             "postjournal " + e.JournalNumber() + ", case " + e.CaseNumber()});
        std::string pseudonym = CorrespondentSubject(keyring_, c);
        pseudonyms.insert(pseudonym);
        events.push_back({caller.identity, caller.RoleLabel(),
                          "journal.entry.read", EntryObject(e), pseudonym,
                          "subject data for " + subject.purpose});
      }
    }
    for (const StoredAuditEvent& event :
         tx.AuditEventsAbout({pseudonyms.begin(), pseudonyms.end()})) {
      data.items.push_back({kService, "audit_event",
                            "journal/audit/" + std::to_string(event.id),
                            AuditEventJson(event), "JournalService audit log"});
    }
    for (const std::string& pseudonym : pseudonyms) {
      events.push_back({caller.identity, caller.RoleLabel(), "subject.data",
                        "journal", pseudonym,
                        "entries: " + std::to_string(match.entries.size()) +
                            "; for " + subject.purpose});
    }
    for (const AuditEvent& event : events) tx.Audit(event);
  });
  return data;
}

std::vector<ErasureOutcome> SubjectEntries::Erase(const Caller& caller,
                                                  const SubjectQuery& query) {
  CheckedSubject subject = Check(query);
  std::vector<ErasureOutcome> outcomes;
  store_.Run([&](JournalTransaction& tx) {
    outcomes.clear();
    Match match = Find(tx, subject);
    std::set<std::string> pseudonyms;
    for (const auto& key : subject.subject_keys) {
      pseudonyms.insert(keyring_.Pseudonym(key));
    }
    std::vector<AuditEvent> events;
    for (const Found& found : match.entries) {
      const JournalEntry& e = found.entry;
      outcomes.push_back({kService, "journal_entry", EntryObject(e), false,
                          kReasonJournalKept});
      for (size_t position : found.positions) {
        std::string pseudonym =
            CorrespondentSubject(keyring_, e.correspondents[position]);
        pseudonyms.insert(pseudonym);
        events.push_back({caller.identity, caller.RoleLabel(),
                          "journal.entry.erase_refused", EntryObject(e),
                          pseudonym,
                          "journal entries are kept; for " + subject.purpose});
      }
    }
    auto trail = tx.AuditEventsAbout({pseudonyms.begin(), pseudonyms.end()});
    if (!trail.empty()) {
      outcomes.push_back(AuditTrailKept(kService, trail.size()));
    }
    for (const std::string& pseudonym : pseudonyms) {
      events.push_back({caller.identity, caller.RoleLabel(), "subject.erase",
                        "journal", pseudonym,
                        "refused: " + std::to_string(match.entries.size()) +
                            " journal entries kept; for " + subject.purpose});
    }
    for (const AuditEvent& event : events) tx.Audit(event);
  });
  return outcomes;
}

}  // namespace depot::journal
