#include "storage/privacy/privacy_rows.h"

#include "storage/pg_time.h"

namespace depot::storage::privacy_rows {
namespace {

using privacy::AccessRequest;
using privacy::Breach;
using privacy::ErasureRecord;

Date DateFrom(const pqxx::field& field) {
  return StoredDate(field.as<std::string>());
}

std::vector<std::string> SplitCategories(const std::string& joined) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start < joined.size()) {
    size_t comma = joined.find(',', start);
    if (comma == std::string::npos) comma = joined.size();
    if (comma > start) items.push_back(joined.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

}  // namespace

AccessRequest RequestFrom(const pqxx::row& row) {
  AccessRequest r;
  r.id = row["id"].as<int64_t>();
  r.subject = row["subject"].as<std::string>();
  r.identity_kind = row["identity_kind"].as<std::string>();
  r.identity_sealed = row["identity_sealed"].as<std::string>();
  r.verified_by = row["verified_by"].as<std::string>();
  r.received_on = DateFrom(row["received_on"]);
  r.due_on = DateFrom(row["due_on"]);
  r.target_on = DateFrom(row["target_on"]);
  r.extension_months = row["extension_months"].as<int>();
  r.extension_reason = row["extension_reason"].as<std::string>();
  r.status = privacy::ParseStatus(row["status"].as<std::string>())
                 .value_or(privacy::RequestStatus::kReceived);
  r.opened_at = FromMicros(row["opened_us"].as<int64_t>());
  r.opened_by = row["opened_by"].as<std::string>();
  r.compiled_at = OptionalTime(row["compiled_us"]);
  r.compile_count = row["compile_count"].as<int>();
  r.item_count = row["item_count"].as<int>();
  r.document_sha256 = row["document_sha256"].as<std::string>();
  r.closed_at = OptionalTime(row["closed_us"]);
  r.closed_by = row["closed_by"].as<std::string>();
  r.close_reason = row["close_reason"].as<std::string>();
  return r;
}

Breach BreachFrom(const pqxx::row& row) {
  Breach b;
  b.id = row["id"].as<int64_t>();
  b.became_aware_at = FromMicros(row["aware_us"].as<int64_t>());
  b.deadline_at = FromMicros(row["deadline_us"].as<int64_t>());
  b.nature = row["nature"].as<std::string>();
  b.data_categories = SplitCategories(row["data_categories"].as<std::string>());
  b.people_categories =
      SplitCategories(row["people_categories"].as<std::string>());
  b.approximate_people = row["approximate_people"].as<int64_t>();
  b.registered_at = FromMicros(row["registered_us"].as<int64_t>());
  b.registered_by = row["registered_by"].as<std::string>();
  b.notified_at = OptionalTime(row["notified_us"]);
  b.notified_by = row["notified_by"].as<std::string>();
  b.late_reason = row["late_reason"].as<std::string>();
  return b;
}

ErasureRecord ErasureFrom(const pqxx::row& row, const std::string& subject) {
  ErasureRecord e;
  e.id = row["id"].as<int64_t>();
  e.subject = subject;
  e.requested_at = FromMicros(row["requested_us"].as<int64_t>());
  e.requested_by = row["requested_by"].as<std::string>();
  e.reason = row["reason"].as<std::string>();
  e.erased_count = row["erased_count"].as<int>();
  e.kept_count = row["kept_count"].as<int>();
  return e;
}

std::string JoinCategories(const std::vector<std::string>& categories) {
  std::string joined;
  for (const std::string& category : categories) {
    if (!joined.empty()) joined += ',';
    joined += category;
  }
  return joined;
}

std::string IdArrayLiteral(const std::vector<int64_t>& ids) {
  std::string joined = "{";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) joined += ',';
    joined += std::to_string(ids[i]);
  }
  return joined + "}";
}

OptionalMicros::OptionalMicros(const std::optional<privacy::TimePoint>& time)
    : text_(time ? std::to_string(ToMicros(*time)) : ""),
      present_(time.has_value()) {}

}  // namespace depot::storage::privacy_rows
