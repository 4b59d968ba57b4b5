#include "services/deposits/domain/subject_records.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "services/common/date.h"
#include "services/common/subject_key.h"
#include "services/deposits/domain/record_sealing.h"

namespace depot::deposits {
namespace {

constexpr int kPage = 500;
constexpr char kService[] = "deposits";

std::vector<DepositTransaction::StoredRecord> AllMatching(
    DepositTransaction& tx, const RecordQuery& query) {
  std::vector<DepositTransaction::StoredRecord> all;
  int64_t after = 0;
  while (true) {
    auto page = tx.SearchRecords(query, after, kPage);
    all.insert(all.end(), page.begin(), page.end());
    if (static_cast<int>(page.size()) < kPage) break;
    after = page.back().record_id;
  }
  return all;
}

std::string RecordObject(int64_t id) { return "record/" + std::to_string(id); }

}  // namespace

SubjectRecords::Match SubjectRecords::Find(DepositTransaction& tx,
                                           const CheckedSubject& subject) {
  Match match;
  std::map<int64_t, DepositTransaction::StoredRecord> found;
  std::string id_index;
  if (!subject.national_id.empty()) {
    id_index = context_.keyring.BlindIndex(subject.national_id);
    RecordQuery query;
    query.national_id_index = id_index;
    for (auto& row : AllMatching(tx, query)) found[row.record_id] = row;
  }
  if (subject.has_name_and_birth_date) {
    RecordQuery query;
    query.person_index =
        PersonIndex(context_.keyring, subject.name, subject.birth_date);
    auto rows = AllMatching(tx, query);
    // Name + birth date cannot tell apart two people who share both. A
    // record that carries an identity number is the person's only when the
    // number is theirs (asked by number) or, asked without one, when all
    // such records carry one and the same number.
    std::set<std::string> numbers;
    for (const auto& row : rows) {
      if (!row.sealed.national_id_index.empty()) {
        numbers.insert(row.sealed.national_id_index);
      }
    }
    int withheld = 0;
    for (auto& row : rows) {
      const std::string& number = row.sealed.national_id_index;
      bool theirs = number.empty() || (!id_index.empty() ? number == id_index
                                                         : numbers.size() == 1);
      if (theirs) {
        found[row.record_id] = row;
      } else if (id_index.empty() || number != id_index) {
        ++withheld;
      }
    }
    if (withheld > 0 && id_index.empty()) {
      match.notes.push_back(
          std::to_string(withheld) +
          " deposited record(s) match the name and birth date but carry "
          "identity numbers of " +
          std::to_string(numbers.size()) +
          " different people; left out. Ask again with the person's "
          "national identity number.");
    }
  }
  for (auto& [id, row] : found) match.records.push_back(std::move(row));
  return match;
}

SubjectData SubjectRecords::Data(const Caller& caller,
                                 const SubjectQuery& query) {
  CheckedSubject subject =
      CheckSubjectQuery(query, FormatDate(DateOf(context_.now())));
  SubjectData data;
  context_.store.Run([&](DepositTransaction& tx) {
    data = SubjectData{};
    Match match = Find(tx, subject);
    data.notes = match.notes;
    std::set<std::string> pseudonyms;
    for (const auto& key : subject.subject_keys) {
      pseudonyms.insert(context_.keyring.Pseudonym(key));
    }
    std::map<std::string, std::string> depositor_names;
    std::vector<AuditEvent> events;
    for (const auto& row : match.records) {
      RecordView view =
          OpenRecord(row.sealed, row.deposit_id, context_.keyring);
      const CategoryRule& rule = context_.rules.For(row.category);
      auto& depositor_name = depositor_names[row.organisation_number];
      if (depositor_name.empty()) {
        auto depositor = tx.FindDepositor(row.organisation_number);
        depositor_name = depositor ? depositor->name : "?";
      }
      nlohmann::json documents = nlohmann::json::array();
      for (const DigitalDocument& d : view.documents) {
        documents.push_back({{"file_name", d.file_name},
                             {"size_bytes", d.size_bytes},
                             {"sha256", d.sha256}});
      }
      nlohmann::json json = {{"record_id", row.record_id},
                             {"deposit_id", row.deposit_id},
                             {"source_record_id", view.source_record_id},
                             {"person_name", view.person_name},
                             {"national_id", view.national_id},
                             {"birth_date", view.birth_date},
                             {"opened_date", view.opened_date},
                             {"last_contact_date", view.last_contact_date},
                             {"death_year", view.death_year},
                             {"register_category", rule.name},
                             {"special_category", rule.special_category},
                             {"box", view.box},
                             {"shelf", view.shelf},
                             {"documents", documents},
                             {"depositor",
                              {{"organization_number", row.organisation_number},
                               {"name", depositor_name}}}};
      if (!view.noark_metadata.empty()) {
        json["noark_metadata"] =
            nlohmann::json::parse(view.noark_metadata, nullptr, false);
      }
      std::string source = "deposit " + std::to_string(row.deposit_id) +
                           " from " + depositor_name + " (" +
                           row.organisation_number + "), register " + rule.name;
      if (!view.box.empty()) source += ", box " + view.box;
      if (!view.shelf.empty()) source += ", shelf " + view.shelf;
      data.items.push_back({kService, "record", RecordObject(row.record_id),
                            json.dump(), source});
      pseudonyms.insert(row.sealed.subject);
      events.push_back({caller.identity, caller.RoleLabel(), "record.read",
                        RecordObject(row.record_id), row.sealed.subject,
                        "subject data for " + subject.purpose});
    }
    for (const StoredAuditEvent& event :
         tx.AuditEventsAbout({pseudonyms.begin(), pseudonyms.end()})) {
      data.items.push_back({kService, "audit_event",
                            "deposits/audit/" + std::to_string(event.id),
                            AuditEventJson(event), "DepositService audit log"});
    }
    for (const std::string& pseudonym : pseudonyms) {
      events.push_back({caller.identity, caller.RoleLabel(), "subject.data",
                        "deposits", pseudonym,
                        "records: " + std::to_string(match.records.size()) +
                            "; for " + subject.purpose});
    }
    tx.Audit(events);
  });
  return data;
}

std::vector<ErasureOutcome> SubjectRecords::Erase(const Caller& caller,
                                                  const SubjectQuery& query) {
  CheckedSubject subject =
      CheckSubjectQuery(query, FormatDate(DateOf(context_.now())));
  std::vector<ErasureOutcome> outcomes;
  context_.store.Run([&](DepositTransaction& tx) {
    outcomes.clear();
    Match match = Find(tx, subject);
    std::set<std::string> pseudonyms;
    for (const auto& key : subject.subject_keys) {
      pseudonyms.insert(context_.keyring.Pseudonym(key));
    }
    std::vector<AuditEvent> events;
    for (const auto& row : match.records) {
      outcomes.push_back({kService, "record", RecordObject(row.record_id),
                          false, kReasonArchiveLaw});
      pseudonyms.insert(row.sealed.subject);
      events.push_back({caller.identity, caller.RoleLabel(),
                        "record.erase_refused", RecordObject(row.record_id),
                        row.sealed.subject,
                        "archive law; for " + subject.purpose});
    }
    auto trail = tx.AuditEventsAbout({pseudonyms.begin(), pseudonyms.end()});
    if (!trail.empty()) {
      outcomes.push_back(AuditTrailKept(kService, trail.size()));
    }
    for (const std::string& pseudonym : pseudonyms) {
      events.push_back({caller.identity, caller.RoleLabel(), "subject.erase",
                        "deposits", pseudonym,
                        "refused: " + std::to_string(match.records.size()) +
                            " records kept under archive law; for " +
                            subject.purpose});
    }
    tx.Audit(events);
  });
  return outcomes;
}

}  // namespace depot::deposits
