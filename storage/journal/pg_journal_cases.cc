#include "storage/journal/pg_journal_cases.h"

#include <nlohmann/json.hpp>

#include "services/common/error.h"
#include "services/journal/domain/codes.h"
#include "storage/journal/journal_rows.h"
#include "storage/journal/queries.h"
#include "storage/pg_time.h"

namespace depot::storage {

using namespace depot::journal;
using namespace depot::storage::journal_sql;

int PgJournalCases::NextSequence(int year) {
  return tx_.exec_prepared1(kNextCaseSequence.name, year)[0].as<int>();
}

JournalCase PgJournalCases::Insert(const JournalCase& c) {
  auto id =
      tx_.exec_prepared1(
             kInsertCase.name, c.year, c.sequence, CaseKindName(c.kind),
             sealer_.Seal(c.title, CasePlace(c.year, c.sequence, "title")),
             SealedOrNull(sealer_, c.public_title,
                          CasePlace(c.year, c.sequence, "public_title")),
             c.administrative_unit, c.case_officer,
             c.screening.access_restriction, c.screening.authority,
             JoinCodes(c.screening.metadata), DayOrNull(c.screening.ends),
             c.created_by)[0]
          .as<int64_t>();
  return ToCase(tx_.exec_prepared1(kFindCaseById.name, id), sealer_);
}

std::optional<JournalCase> PgJournalCases::Find(int year, int sequence,
                                                bool for_update) {
  const SqlQuery& query = for_update ? kFindCaseForUpdate : kFindCase;
  auto result = tx_.exec_prepared(query.name, year, sequence);
  if (result.empty()) return std::nullopt;
  return ToCase(result[0], sealer_);
}

void PgJournalCases::MarkClosed(int64_t case_id, TimePoint closed_at,
                                const std::string& closed_by) {
  tx_.exec_prepared(kCloseCase.name, case_id, ToMicros(closed_at), closed_by);
}

int PgJournalCases::NextNumberInCase(int64_t case_id) {
  return tx_.exec_prepared1(kNextNumberInCase.name, case_id)[0].as<int>();
}

void PgJournalCases::InsertRelease(const NameRelease& r) {
  std::string index = sealer_.ReleaseIndex(r.case_id, r.folded_name);
  try {
    pqxx::subtransaction guard(tx_, "insert_release");
    guard.exec_prepared(
        kInsertRelease.name, r.case_id, index,
        sealer_.Seal(r.folded_name, ReleasePlace(r.case_id, index, "name")),
        sealer_.Seal(r.reason, ReleasePlace(r.case_id, index, "reason")),
        ToMicros(r.released_at), r.released_by);
    guard.commit();
  } catch (const pqxx::unique_violation&) {
    throw AlreadyExists(
        "that applicant's name is released in the case already");
  }
}

void PgJournalCases::InsertScreenedWords(int64_t case_id,
                                         const JournalEntry& entry,
                                         const ScreenedWords& words) {
  int marking = tx_.exec_prepared1(kNextMarking.name, entry.id)[0].as<int>();
  tx_.exec_prepared(
      kInsertScreenedWords.name, case_id, entry.id, marking,
      sealer_.Seal(nlohmann::json(words.words).dump(),
                   ScreenedWordsPlace(entry.year, entry.sequence, marking)),
      words.authority, ToMicros(words.screened_at), words.screened_by);
}

CaseParties PgJournalCases::LoadParties(int64_t case_id) {
  CaseParties parties;
  auto found = tx_.exec_prepared(kFindCaseById.name, case_id);
  if (found.empty()) {
    throw NotFound("no case with id " + std::to_string(case_id));
  }
  parties.journal_case = ToCase(found[0], sealer_);
  parties.parties = Parties(case_id);
  for (const auto& row : tx_.exec_prepared(kCaseScreenedWords.name, case_id)) {
    parties.screened_words.push_back(ToScreenedWords(row, sealer_));
  }
  parties.released_names = ReleasedNames(case_id);
  return parties;
}

std::vector<CaseParties::Party> PgJournalCases::Parties(int64_t case_id) {
  std::vector<CaseParties::Party> parties;
  for (const auto& row : tx_.exec_prepared(kCaseParties.name, case_id)) {
    CaseParties::Party party;
    Correspondent& c = party.correspondent;
    c.id = row["id"].as<int64_t>();
    c.name = SealedOrClear(sealer_, row["name_sealed"], row["name"],
                           CorrespondentPlace(row["journal_year"].as<int>(),
                                              row["journal_sequence"].as<int>(),
                                              row["position"].as<int>()));
    c.kind = ParseCorrespondentKind(row["kind"].as<std::string>())
                 .value_or(CorrespondentKind::kSender);
    c.role = ParsePartyRole(row["role"].as<std::string>())
                 .value_or(PartyRole::kOther);
    c.screening = ScreeningFrom(row);
    party.entry_screening = ScreeningFrom(row, "e_");
    parties.push_back(std::move(party));
  }
  return parties;
}

std::vector<std::string> PgJournalCases::ReleasedNames(int64_t case_id) {
  std::vector<std::string> names;
  for (const auto& row : tx_.exec_prepared(kCaseReleases.name, case_id)) {
    std::string index =
        row["name_index"].is_null() ? "" : row["name_index"].as<std::string>();
    names.push_back(SealedOrClear(sealer_, row["name_sealed"],
                                  row["canonical_name"],
                                  ReleasePlace(case_id, index, "name")));
  }
  return names;
}

}  // namespace depot::storage
