#include "storage/journal/pg_journal_disposals.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "services/journal/domain/codes.h"
#include "storage/journal/journal_rows.h"
#include "storage/journal/queries.h"
#include "storage/pg_time.h"

namespace depot::storage {

using namespace depot::journal;
using namespace depot::storage::journal_sql;

namespace {

// A row of disposal_candidates.sql, description and applicants opened.
DisposalCandidate ToCandidate(const pqxx::row& row,
                              const JournalSealer& sealer) {
  DisposalCandidate c;
  c.document_id = row["id"].as<int64_t>();
  int year = row["journal_year"].as<int>();
  int sequence = row["journal_sequence"].as<int>();
  c.description = SealedOrClear(
      sealer, row["description_sealed"], row["description"],
      DocumentPlace(year, sequence, row["position"].as<int>(), "description"));
  char number[32];
  std::snprintf(number, sizeof(number), "%d/%06d", year, sequence);
  c.journal_number = number;
  c.case_number = std::to_string(row["case_year"].as<int>()) + "/" +
                  std::to_string(row["case_sequence"].as<int>());
  c.case_kind = ParseCaseKind(row["kind"].as<std::string>())
                    .value_or(CaseKind::kOrdinary);
  c.case_closed_at = FromMicros(row["closed_us"].as<int64_t>());
  for (const auto& applicant :
       nlohmann::json::parse(row["applicants"].c_str())) {
    c.applicant_names.push_back(SealedOrClear(
        sealer, applicant.at(1), applicant.at(0),
        CorrespondentPlace(year, sequence, applicant.at(2).get<int>())));
    c.applicant_subjects.push_back(applicant.at(3).get<std::string>());
  }
  return c;
}

}  // namespace

std::vector<DisposalCandidate> PgJournalDisposals::Candidates() {
  std::vector<DisposalCandidate> candidates;
  for (const auto& row : tx_.exec_prepared(kDisposalCandidates.name)) {
    candidates.push_back(ToCandidate(row, sealer_));
  }
  return candidates;
}

void PgJournalDisposals::Record(const DisposalRecord& d) {
  auto key = tx_.exec_prepared1(kClearContent.name, d.document_id)[0]
                 .as<std::string>();
  if (!key.empty()) doomed_keys_.push_back(key);
  tx_.exec_prepared(kInsertDisposal.name, d.document_id,
                    ToMicros(d.disposed_at), d.disposed_by, d.decision,
                    d.retention_months);
}

JournalSettings PgJournalDisposals::LoadSettings() {
  auto row = tx_.exec_prepared1(kLoadSettings.name);
  JournalSettings s;
  s.archive_creator_id = row["archive_creator_id"].as<std::string>();
  s.archive_creator_name = row["archive_creator_name"].as<std::string>();
  s.application_retention_months =
      row["application_retention_months"].as<int>();
  s.updated_at = FromMicros(row["updated_us"].as<int64_t>());
  s.updated_by = row["updated_by"].as<std::string>();
  return s;
}

void PgJournalDisposals::SaveSettings(const JournalSettings& s) {
  tx_.exec_prepared(kSaveSettings.name, s.archive_creator_id,
                    s.archive_creator_name, s.application_retention_months,
                    ToMicros(s.updated_at), s.updated_by);
}

}  // namespace depot::storage
