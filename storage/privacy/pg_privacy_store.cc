#include "storage/privacy/pg_privacy_store.h"

#include "services/common/error.h"
#include "storage/audit_writer.h"
#include "storage/pg_time.h"

namespace depot::storage {
namespace {

using namespace depot::privacy;

constexpr char kNextRequestId[] = "privacy_next_request_id";
constexpr char kInsertRequest[] = "privacy_insert_request";
constexpr char kFindRequest[] = "privacy_find_request";
constexpr char kFindRequestForUpdate[] = "privacy_find_request_for_update";
constexpr char kUpdateRequest[] = "privacy_update_request";
constexpr char kListRequests[] = "privacy_list_requests";
constexpr char kRequestsOfSubject[] = "privacy_requests_of_subject";
constexpr char kClosedBefore[] = "privacy_closed_before";
constexpr char kDeleteRequests[] = "privacy_delete_requests";
constexpr char kInsertErasure[] = "privacy_insert_erasure";
constexpr char kErasuresOfSubject[] = "privacy_erasures_of_subject";
constexpr char kAuditOfSubject[] = "privacy_audit_of_subject";
constexpr char kInsertBreach[] = "privacy_insert_breach";
constexpr char kFindBreach[] = "privacy_find_breach";
constexpr char kFindBreachForUpdate[] = "privacy_find_breach_for_update";
constexpr char kNotifyBreach[] = "privacy_notify_breach";
constexpr char kListBreaches[] = "privacy_list_breaches";

std::string Micros(const std::string& column) {
  return "(extract(epoch FROM " + column + ") * 1000000)::bigint";
}

std::string At(int n) {
  return "to_timestamp($" + std::to_string(n) + "::double precision / 1e6)";
}

Date DateFrom(const pqxx::field& field) {
  return StoredDate(field.as<std::string>());
}

// A nullable timestamp parameter: micros or NULL.
struct TimeParam {
  explicit TimeParam(const std::optional<TimePoint>& time)
      : text(time ? std::to_string(ToMicros(*time)) : ""),
        present(time.has_value()) {}
  const char* get() const { return present ? text.c_str() : nullptr; }
  std::string text;
  bool present;
};

// Categories are validated tokens (a-z, 0-9, -), so a comma joins them.
std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += ',';
    joined += item;
  }
  return joined;
}

std::vector<std::string> Split(const std::string& joined) {
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

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string joined = "{";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) joined += ',';
    joined += std::to_string(ids[i]);
  }
  return joined + "}";
}

const std::string kRequestColumns =
    "id, subject, identity_kind, identity_sealed, verified_by, "
    "received_on::text AS received_on, due_on::text AS due_on, "
    "target_on::text AS target_on, extension_months, extension_reason, "
    "status, " +
    Micros("opened_at") + " AS opened_us, opened_by, " + Micros("compiled_at") +
    " AS compiled_us, compile_count, item_count, document_sha256, " +
    Micros("closed_at") + " AS closed_us, closed_by, close_reason";

const std::string kBreachColumns =
    "id, " + Micros("became_aware_at") + " AS aware_us, " +
    Micros("deadline_at") +
    " AS deadline_us, nature, array_to_string(data_categories, ',') AS "
    "data_categories, array_to_string(people_categories, ',') AS "
    "people_categories, approximate_people, " +
    Micros("registered_at") + " AS registered_us, registered_by, " +
    Micros("notified_at") + " AS notified_us, notified_by, late_reason";

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
  r.status = ParseStatus(row["status"].as<std::string>())
                 .value_or(RequestStatus::kReceived);
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
  b.data_categories = Split(row["data_categories"].as<std::string>());
  b.people_categories = Split(row["people_categories"].as<std::string>());
  b.approximate_people = row["approximate_people"].as<int64_t>();
  b.registered_at = FromMicros(row["registered_us"].as<int64_t>());
  b.registered_by = row["registered_by"].as<std::string>();
  b.notified_at = OptionalTime(row["notified_us"]);
  b.notified_by = row["notified_by"].as<std::string>();
  b.late_reason = row["late_reason"].as<std::string>();
  return b;
}

class PgPrivacyTransaction : public PrivacyTransaction {
 public:
  explicit PgPrivacyTransaction(pqxx::work& tx) : tx_(tx) {}

  int64_t NextAccessRequestId() override {
    return tx_.exec_prepared1(kNextRequestId)[0].as<int64_t>();
  }

  void InsertAccessRequest(const AccessRequest& r) override {
    tx_.exec_prepared(kInsertRequest, r.id, r.subject, r.identity_kind,
                      r.identity_sealed, r.verified_by,
                      FormatDate(r.received_on), FormatDate(r.due_on),
                      FormatDate(r.target_on), StatusName(r.status),
                      ToMicros(r.opened_at), r.opened_by);
  }

  std::optional<AccessRequest> FindAccessRequest(int64_t id,
                                                 bool for_update) override {
    auto result = tx_.exec_prepared(
        for_update ? kFindRequestForUpdate : kFindRequest, id);
    if (result.empty()) return std::nullopt;
    return RequestFrom(result[0]);
  }

  void UpdateAccessRequest(const AccessRequest& r) override {
    TimeParam compiled(r.compiled_at), closed(r.closed_at);
    tx_.exec_prepared(kUpdateRequest, r.id, FormatDate(r.due_on),
                      r.extension_months, r.extension_reason,
                      StatusName(r.status), compiled.get(), r.compile_count,
                      r.item_count, r.document_sha256, closed.get(),
                      r.closed_by, r.close_reason);
  }

  std::vector<AccessRequest> ListAccessRequests(
      const RequestFilter& filter) override {
    std::string due = filter.due_on_or_before
                          ? FormatDate(*filter.due_on_or_before)
                          : std::string();
    std::vector<AccessRequest> requests;
    for (const auto& row : tx_.exec_prepared(
             kListRequests, filter.open_only,
             filter.due_on_or_before ? due.c_str() : nullptr, filter.limit)) {
      requests.push_back(RequestFrom(row));
    }
    return requests;
  }

  std::vector<AccessRequest> AccessRequestsOfSubject(
      const std::string& subject) override {
    std::vector<AccessRequest> requests;
    for (const auto& row : tx_.exec_prepared(kRequestsOfSubject, subject)) {
      requests.push_back(RequestFrom(row));
    }
    return requests;
  }

  std::vector<int64_t> ClosedRequestsBefore(TimePoint cutoff) override {
    std::vector<int64_t> ids;
    for (const auto& row : tx_.exec_prepared(kClosedBefore, ToMicros(cutoff))) {
      ids.push_back(row[0].as<int64_t>());
    }
    return ids;
  }

  void DeleteAccessRequests(const std::vector<int64_t>& ids) override {
    tx_.exec_prepared(kDeleteRequests, JoinIds(ids));
  }

  ErasureRecord InsertErasure(const ErasureRecord& e) override {
    ErasureRecord stored = e;
    stored.id = tx_.exec_prepared1(kInsertErasure, e.subject,
                                   ToMicros(e.requested_at), e.requested_by,
                                   e.reason, e.erased_count, e.kept_count)[0]
                    .as<int64_t>();
    return stored;
  }

  std::vector<ErasureRecord> ErasuresOfSubject(
      const std::string& subject) override {
    std::vector<ErasureRecord> erasures;
    for (const auto& row : tx_.exec_prepared(kErasuresOfSubject, subject)) {
      ErasureRecord e;
      e.id = row["id"].as<int64_t>();
      e.subject = subject;
      e.requested_at = FromMicros(row["requested_us"].as<int64_t>());
      e.requested_by = row["requested_by"].as<std::string>();
      e.reason = row["reason"].as<std::string>();
      e.erased_count = row["erased_count"].as<int>();
      e.kept_count = row["kept_count"].as<int>();
      erasures.push_back(std::move(e));
    }
    return erasures;
  }

  std::vector<StoredAuditEvent> AuditEventsOfSubject(
      const std::string& subject) override {
    std::vector<StoredAuditEvent> events;
    for (const auto& row : tx_.exec_prepared(kAuditOfSubject, subject)) {
      StoredAuditEvent ev;
      ev.id = row["id"].as<int64_t>();
      ev.occurred_at = FromMicros(row["occurred_us"].as<int64_t>());
      ev.actor = row["actor"].as<std::string>();
      ev.actor_role = row["actor_role"].as<std::string>();
      ev.action = row["action"].as<std::string>();
      ev.object = row["object"].as<std::string>();
      ev.detail = row["detail"].as<std::string>();
      events.push_back(std::move(ev));
    }
    return events;
  }

  Breach InsertBreach(const Breach& b) override {
    auto row = tx_.exec_prepared1(
        kInsertBreach, ToMicros(b.became_aware_at), ToMicros(b.deadline_at),
        b.nature, Join(b.data_categories), Join(b.people_categories),
        b.approximate_people, ToMicros(b.registered_at), b.registered_by);
    return BreachFrom(row);
  }

  std::optional<Breach> FindBreach(int64_t id, bool for_update) override {
    auto result =
        tx_.exec_prepared(for_update ? kFindBreachForUpdate : kFindBreach, id);
    if (result.empty()) return std::nullopt;
    return BreachFrom(result[0]);
  }

  void UpdateBreachNotification(const Breach& b) override {
    TimeParam notified(b.notified_at);
    tx_.exec_prepared(kNotifyBreach, b.id, notified.get(), b.notified_by,
                      b.late_reason);
  }

  std::vector<Breach> ListBreaches(bool open_only) override {
    std::vector<Breach> breaches;
    for (const auto& row : tx_.exec_prepared(kListBreaches, open_only)) {
      breaches.push_back(BreachFrom(row));
    }
    return breaches;
  }

  void Audit(const AuditEvent& event) override {
    AppendAuditEvent(tx_, "privacy", event);
  }

 private:
  pqxx::work& tx_;
};

}  // namespace

PgPrivacyStore::PgPrivacyStore(ConnectionPool& pool) : pool_(pool) {
  const std::string select_request =
      "SELECT " + kRequestColumns + " FROM privacy.access_requests ";
  pool_.Prepare(kNextRequestId,
                "SELECT nextval(pg_get_serial_sequence("
                "'privacy.access_requests', 'id'))");
  pool_.Prepare(kInsertRequest,
                "INSERT INTO privacy.access_requests (id, subject, "
                "identity_kind, identity_sealed, verified_by, received_on, "
                "due_on, target_on, status, opened_at, opened_by) VALUES ($1, "
                "$2, $3, $4, $5, $6::date, $7::date, $8::date, $9, " +
                    At(10) + ", $11)");
  pool_.Prepare(kFindRequest, select_request + "WHERE id = $1");
  pool_.Prepare(kFindRequestForUpdate,
                select_request + "WHERE id = $1 FOR UPDATE");
  pool_.Prepare(kUpdateRequest,
                "UPDATE privacy.access_requests SET due_on = $2::date, "
                "extension_months = $3, extension_reason = $4, status = $5, "
                "compiled_at = " +
                    At(6) +
                    ", compile_count = $7, item_count = $8, "
                    "document_sha256 = $9, closed_at = " +
                    At(10) +
                    ", closed_by = $11, close_reason = $12 WHERE id = $1");
  pool_.Prepare(kListRequests,
                select_request +
                    "WHERE (NOT $1::boolean OR closed_at IS NULL) AND "
                    "($2::date IS NULL OR due_on <= $2::date) "
                    "ORDER BY due_on, id LIMIT $3");
  pool_.Prepare(kRequestsOfSubject,
                select_request + "WHERE subject = $1 ORDER BY id");
  pool_.Prepare(kClosedBefore,
                "SELECT id FROM privacy.access_requests WHERE closed_at < " +
                    At(1) + " ORDER BY id FOR UPDATE");
  pool_.Prepare(kDeleteRequests,
                "DELETE FROM privacy.access_requests WHERE id = "
                "ANY($1::bigint[])");
  pool_.Prepare(kInsertErasure,
                "INSERT INTO privacy.erasures (subject, requested_at, "
                "requested_by, reason, erased_count, kept_count) VALUES ($1, " +
                    At(2) + ", $3, $4, $5, $6) RETURNING id");
  pool_.Prepare(kErasuresOfSubject,
                "SELECT id, " + Micros("requested_at") +
                    " AS requested_us, requested_by, reason, erased_count, "
                    "kept_count FROM privacy.erasures WHERE subject = $1 "
                    "ORDER BY id");
  pool_.Prepare(kAuditOfSubject,
                "SELECT id, " + Micros("occurred_at") +
                    " AS occurred_us, actor, actor_role, action, object, "
                    "detail FROM privacy.audit_events WHERE subject = $1 "
                    "ORDER BY id");
  pool_.Prepare(
      kInsertBreach,
      "INSERT INTO privacy.breaches (became_aware_at, deadline_at, nature, "
      "data_categories, people_categories, approximate_people, "
      "registered_at, registered_by) VALUES (" +
          At(1) + ", " + At(2) +
          ", $3, string_to_array($4, ','), string_to_array($5, ','), $6, " +
          At(7) + ", $8) RETURNING " + kBreachColumns);
  const std::string select_breach =
      "SELECT " + kBreachColumns + " FROM privacy.breaches ";
  pool_.Prepare(kFindBreach, select_breach + "WHERE id = $1");
  pool_.Prepare(kFindBreachForUpdate,
                select_breach + "WHERE id = $1 FOR UPDATE");
  pool_.Prepare(kNotifyBreach,
                "UPDATE privacy.breaches SET notified_at = " + At(2) +
                    ", notified_by = $3, late_reason = $4 WHERE id = $1 AND "
                    "notified_at IS NULL");
  pool_.Prepare(kListBreaches,
                "SELECT " + kBreachColumns +
                    " FROM privacy.breaches WHERE (NOT $1::boolean OR "
                    "notified_at IS NULL) ORDER BY deadline_at, id");
}

void PgPrivacyStore::Run(
    const std::function<void(privacy::PrivacyTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    PgPrivacyTransaction transaction(tx);
    work(transaction);
  });
}

}  // namespace depot::storage
