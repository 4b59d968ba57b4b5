#include "services/deposits/domain/record_rules.h"

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "services/common/sha256.h"

namespace depot::deposits {
namespace {

// What is wrong with a record: the field and the reason, never its data.
struct Fault {
  std::string field;
  std::string reason;
  std::string eligible_from{};
};

using Check = std::optional<Fault>;

RecordVerdict Reject(const RecordInput& record, Fault fault) {
  return {std::nullopt,
          Rejection{record.position, RejectionSourceId(record),
                    std::move(fault.field), std::move(fault.reason),
                    std::move(fault.eligible_from)}};
}

Check TextFault(const std::string& path, std::string_view text,
                std::string_view rule) {
  auto problem = TextProblem(text, RecordTextRules().find(rule)->second);
  if (!problem) return std::nullopt;
  return Fault{path, path + " " + *problem};
}

// Every text against its rule first: what breaks one is never parsed,
// stored or quoted.
Check CheckTexts(const RecordInput& r) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"source_record_id", &r.source_record_id},
      {"person_name", &r.person_name},
      {"national_id", &r.national_id},
      {"birth_date", &r.birth_date},
      {"opened_date", &r.opened_date},
      {"last_contact_date", &r.last_contact_date},
      {"box", &r.box},
      {"shelf", &r.shelf},
      {"noark_metadata", &r.noark_metadata}};
  for (const auto& [name, value] : fields) {
    if (auto fault = TextFault(name, *value, name)) return fault;
  }
  if (r.documents.size() > kMaxDocuments) {
    return Fault{"documents", "a record has at most " +
                                  std::to_string(kMaxDocuments) +
                                  " documents; this one has " +
                                  std::to_string(r.documents.size())};
  }
  for (size_t i = 0; i < r.documents.size(); ++i) {
    std::string path = "documents[" + std::to_string(i) + "].";
    const DigitalDocument& d = r.documents[i];
    if (auto fault =
            TextFault(path + "file_name", d.file_name, "documents.file_name")) {
      return fault;
    }
    if (auto fault = TextFault(path + "sha256", d.sha256, "documents.sha256")) {
      return fault;
    }
  }
  return std::nullopt;
}

Check CheckShape(const RecordInput& r) {
  if (r.source_record_id.empty()) {
    return Fault{"source_record_id", "source_record_id is required"};
  }
  if (r.position < 1 || r.position > kMaxPosition) {
    return Fault{"position", "position must be 1 to " +
                                 std::to_string(kMaxPosition) +
                                 " (the record's place in its source)"};
  }
  if (r.person_name.find_first_not_of(" \t") == std::string::npos) {
    return Fault{"person_name", "the person's name is missing"};
  }
  return std::nullopt;
}

Check CheckIdentity(const RecordInput& r, Date today, CheckedRecord* checked) {
  if (!r.national_id.empty()) {
    NationalIdCheck id = CheckNationalId(r.national_id, FormatDate(today));
    if (!id.id) return Fault{"national_id", id.problem};
    checked->national_id = id.id;
    checked->birth_date = id.id->birth_date;
    if (!r.birth_date.empty() && r.birth_date != checked->birth_date) {
      return Fault{"birth_date",
                   "birth date does not match the identity number"};
    }
    return std::nullopt;
  }
  if (r.birth_date.empty()) {
    return Fault{"birth_date",
                 "a birth date is required when there is no identity number"};
  }
  auto birth = ParseDate(r.birth_date);
  if (!birth) return Fault{"birth_date", "birth date must be YYYY-MM-DD"};
  if (*birth > today) return Fault{"birth_date", "birth date is in the future"};
  checked->birth_date = r.birth_date;
  return std::nullopt;
}

Check CheckDates(const RecordInput& r, Date birth, Date today) {
  auto opened = ParseDate(r.opened_date);
  if (!opened) return Fault{"opened_date", "opened date must be YYYY-MM-DD"};
  auto last_contact = ParseDate(r.last_contact_date);
  if (!last_contact) {
    return Fault{"last_contact_date", "last contact date must be YYYY-MM-DD"};
  }
  if (*opened > today) {
    return Fault{"opened_date", "opened date is in the future"};
  }
  if (*last_contact > today) {
    return Fault{"last_contact_date", "last contact date is in the future"};
  }
  if (*last_contact < *opened) {
    return Fault{"last_contact_date", "last contact " + r.last_contact_date +
                                          " is before the file was opened " +
                                          r.opened_date};
  }
  if (*last_contact < birth) {
    return Fault{"last_contact_date",
                 "last contact is before the person's birth"};
  }
  if (r.death_year != 0) {
    if (r.death_year < static_cast<int>(birth.year())) {
      return Fault{"death_year", "death year is before birth"};
    }
    if (r.death_year > static_cast<int>(today.year())) {
      return Fault{"death_year", "death year is in the future"};
    }
  }
  return std::nullopt;
}

bool IsHexSha256(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Check CheckDocuments(const RecordInput& r) {
  for (size_t i = 0; i < r.documents.size(); ++i) {
    std::string path = "documents[" + std::to_string(i) + "].";
    const DigitalDocument& d = r.documents[i];
    if (d.file_name.empty()) {
      return Fault{path + "file_name", "every document needs a file name"};
    }
    if (d.size_bytes < 0) {
      return Fault{path + "size_bytes", "document size must not be negative"};
    }
    if (!IsHexSha256(d.sha256)) {
      return Fault{path + "sha256",
                   "document checksum must be 64 hex digits (SHA-256)"};
    }
  }
  return std::nullopt;
}

Check CheckNoarkMetadata(const RecordInput& r) {
  if (r.noark_metadata.empty()) return std::nullopt;
  bool object =
      r.noark_metadata.size() <= kMaxNoarkMetadataBytes &&
      nlohmann::json::parse(r.noark_metadata, nullptr, false).is_object();
  if (object) return std::nullopt;
  return Fault{"noark_metadata",
               "noark_metadata must be a JSON object of at most 64 KiB"};
}

Check CheckEligibility(const RecordInput& r, const CategoryRule& rule,
                       Date deposit_date, bool has_exception) {
  Date last_contact = *ParseDate(r.last_contact_date);
  Date eligible_from = AddYears(last_contact, rule.eligibility_years);
  if (eligible_from <= deposit_date || has_exception) return std::nullopt;
  return Fault{"last_contact_date",
               "last contact " + r.last_contact_date + " is less than " +
                   std::to_string(rule.eligibility_years) +
                   " years before the deposit date " +
                   FormatDate(deposit_date) + " (" + rule.name +
                   "); eligible from " + FormatDate(eligible_from) +
                   " or with an archivist's exception",
               FormatDate(eligible_from)};
}

}  // namespace

const std::map<std::string, TextLimit, std::less<>>& RecordTextRules() {
  static const std::map<std::string, TextLimit, std::less<>> rules = {
      {"source_record_id", {200, false}},
      {"person_name", {500, false}},
      {"national_id", {20, false}},
      {"birth_date", {10, false}},
      {"opened_date", {10, false}},
      {"last_contact_date", {10, false}},
      {"box", {100, false}},
      {"shelf", {100, false}},
      {"noark_metadata", {65536, true}},
      {"documents.file_name", {1000, false}},
      {"documents.sha256", {64, false}},
  };
  return rules;
}

std::string RejectionSourceId(const RecordInput& record) {
  const std::string& id = record.source_record_id;
  if (id.empty()) {
    return "\"\" at position " + std::to_string(record.position);
  }
  if (!TextProblem(id, RecordTextRules().find("source_record_id")->second)) {
    return id;
  }
  return QuoteInput(id, 24) + " sha256:" + Sha256Hex(id).substr(0, 16);
}

RecordVerdict CheckRecord(const RecordInput& record, const CategoryRule& rule,
                          Date deposit_date, Date today, bool has_exception) {
  if (auto fault = CheckTexts(record)) return Reject(record, *fault);
  if (auto fault = CheckShape(record)) return Reject(record, *fault);
  CheckedRecord checked;
  if (auto fault = CheckIdentity(record, today, &checked)) {
    return Reject(record, *fault);
  }
  Date birth = *ParseDate(checked.birth_date);
  if (auto fault = CheckDates(record, birth, today)) {
    return Reject(record, *fault);
  }
  if (auto fault = CheckDocuments(record)) return Reject(record, *fault);
  if (auto fault = CheckNoarkMetadata(record)) return Reject(record, *fault);
  if (auto fault =
          CheckEligibility(record, rule, deposit_date, has_exception)) {
    return Reject(record, *fault);
  }
  return {checked, std::nullopt};
}

std::vector<RecordVerdict> CheckBatch(const std::vector<RecordInput>& records,
                                      const CategoryRule& rule,
                                      Date deposit_date, Date today,
                                      const std::set<std::string>& excepted) {
  std::vector<RecordVerdict> verdicts;
  verdicts.reserve(records.size());
  // Position -> the source id that has it first in the batch.
  std::map<int64_t, const std::string*> first_at;
  for (const RecordInput& record : records) {
    auto [at, fresh] =
        first_at.emplace(record.position, &record.source_record_id);
    if (!fresh && *at->second != record.source_record_id) {
      verdicts.push_back(Reject(
          record, {"position", "position " + std::to_string(record.position) +
                                   " is given to an earlier record of this "
                                   "batch with another source_record_id; "
                                   "each record of a source has a position "
                                   "of its own"}));
      continue;
    }
    verdicts.push_back(CheckRecord(record, rule, deposit_date, today,
                                   excepted.contains(record.source_record_id)));
  }
  return verdicts;
}

}  // namespace depot::deposits
