#include "services/deposits/domain/record_rules.h"

#include <cctype>
#include <nlohmann/json.hpp>

namespace depot::deposits {
namespace {

constexpr size_t kMaxText = 500;
constexpr size_t kMaxNoarkMetadata = 64 * 1024;

RecordVerdict Reject(const RecordInput& record, std::string field,
                     std::string reason, std::string eligible_from = "") {
  return {std::nullopt,
          Rejection{record.position, record.source_record_id, std::move(field),
                    std::move(reason), std::move(eligible_from)}};
}

bool IsHexSha256(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

RecordVerdict CheckRecord(const RecordInput& record, const CategoryRule& rule,
                          Date deposit_date, Date today, bool has_exception) {
  if (record.source_record_id.empty() ||
      record.source_record_id.size() > 200) {
    return Reject(record, "source_record_id",
                  "source_record_id is required (at most 200 characters)");
  }
  if (record.position < 1) {
    return Reject(record, "position", "position must be 1 or more");
  }
  if (record.person_name.find_first_not_of(" \t") == std::string::npos) {
    return Reject(record, "person_name", "the person's name is missing");
  }
  if (record.person_name.size() > kMaxText) {
    return Reject(record, "person_name", "the person's name is too long");
  }

  CheckedRecord checked;
  std::string today_text = FormatDate(today);
  if (!record.national_id.empty()) {
    NationalIdCheck id = CheckNationalId(record.national_id, today_text);
    if (!id.id) return Reject(record, "national_id", id.problem);
    checked.national_id = id.id;
    checked.birth_date = id.id->birth_date;
    if (!record.birth_date.empty() && record.birth_date != checked.birth_date) {
      return Reject(record, "birth_date",
                    "birth date does not match the identity number");
    }
  } else {
    if (record.birth_date.empty()) {
      return Reject(record, "birth_date",
                    "a birth date is required when there is no identity "
                    "number");
    }
    auto birth = ParseDate(record.birth_date);
    if (!birth) {
      return Reject(record, "birth_date", "birth date must be YYYY-MM-DD");
    }
    if (*birth > today) {
      return Reject(record, "birth_date", "birth date is in the future");
    }
    checked.birth_date = record.birth_date;
  }
  Date birth = *ParseDate(checked.birth_date);

  auto opened = ParseDate(record.opened_date);
  if (!opened) {
    return Reject(record, "opened_date", "opened date must be YYYY-MM-DD");
  }
  auto last_contact = ParseDate(record.last_contact_date);
  if (!last_contact) {
    return Reject(record, "last_contact_date",
                  "last contact date must be YYYY-MM-DD");
  }
  if (*opened > today) {
    return Reject(record, "opened_date", "opened date is in the future");
  }
  if (*last_contact > today) {
    return Reject(record, "last_contact_date",
                  "last contact date is in the future");
  }
  if (*last_contact < *opened) {
    return Reject(record, "last_contact_date",
                  "last contact " + record.last_contact_date +
                      " is before the file was opened " + record.opened_date);
  }
  if (*last_contact < birth) {
    return Reject(record, "last_contact_date",
                  "last contact is before the person's birth");
  }
  if (record.death_year != 0) {
    int born = static_cast<int>(birth.year());
    if (record.death_year < born) {
      return Reject(record, "death_year", "death year is before birth");
    }
    if (record.death_year > static_cast<int>(today.year())) {
      return Reject(record, "death_year", "death year is in the future");
    }
  }
  if (record.box.size() > 100 || record.shelf.size() > 100) {
    return Reject(record, record.box.size() > 100 ? "box" : "shelf",
                  "box and shelf labels are at most 100 characters");
  }
  for (const DigitalDocument& document : record.documents) {
    if (document.file_name.empty() || document.file_name.size() > kMaxText) {
      return Reject(record, "documents.file_name",
                    "every document needs a file name (at most 500 "
                    "characters)");
    }
    if (document.size_bytes < 0) {
      return Reject(record, "documents.size_bytes",
                    "document size must not be negative");
    }
    if (!IsHexSha256(document.sha256)) {
      return Reject(record, "documents.sha256",
                    "document checksum must be 64 hex digits (SHA-256)");
    }
  }

  if (!record.noark_metadata.empty()) {
    bool object = record.noark_metadata.size() <= kMaxNoarkMetadata &&
                  nlohmann::json::parse(record.noark_metadata, nullptr, false)
                      .is_object();
    if (!object) {
      return Reject(record, "noark_metadata",
                    "noark_metadata must be a JSON object of at most 64 KiB");
    }
  }

  Date eligible_from = AddYears(*last_contact, rule.eligibility_years);
  if (eligible_from > deposit_date && !has_exception) {
    return Reject(record, "last_contact_date",
                  "last contact " + record.last_contact_date + " is less than " +
                      std::to_string(rule.eligibility_years) +
                      " years before the deposit date " +
                      FormatDate(deposit_date) + " (" + rule.name +
                      "); eligible from " + FormatDate(eligible_from) +
                      " or with an archivist's exception",
                  FormatDate(eligible_from));
  }
  return {checked, std::nullopt};
}

}  // namespace depot::deposits
