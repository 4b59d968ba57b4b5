// PgPrivacyTransaction: access requests (innsyn).
#include <pqxx/pqxx>

#include "storage/pg_time.h"
#include "storage/privacy/privacy_rows.h"
#include "storage/privacy/privacy_transaction.h"
#include "storage/privacy/queries.h"

namespace depot::storage {

namespace sql = privacy_sql;
using privacy::AccessRequest;
using privacy_rows::OptionalMicros;
using privacy_rows::RequestFrom;

int64_t PgPrivacyTransaction::NextAccessRequestId() {
  return tx_.exec_prepared1(sql::kNextAccessRequestId.name)[0].as<int64_t>();
}

void PgPrivacyTransaction::InsertAccessRequest(const AccessRequest& r) {
  tx_.exec_prepared(sql::kInsertAccessRequest.name, r.id, r.subject,
                    r.identity_kind, r.identity_sealed, r.verified_by,
                    FormatDate(r.received_on), FormatDate(r.due_on),
                    FormatDate(r.target_on), StatusName(r.status),
                    ToMicros(r.opened_at), r.opened_by);
}

std::optional<AccessRequest> PgPrivacyTransaction::FindAccessRequest(
    int64_t id, bool for_update) {
  auto result =
      tx_.exec_prepared(for_update ? sql::kFindAccessRequestForUpdate.name
                                   : sql::kFindAccessRequest.name,
                        id);
  if (result.empty()) return std::nullopt;
  return RequestFrom(result[0]);
}

void PgPrivacyTransaction::UpdateAccessRequest(const AccessRequest& r) {
  OptionalMicros compiled(r.compiled_at), closed(r.closed_at);
  tx_.exec_prepared(sql::kUpdateAccessRequest.name, r.id, FormatDate(r.due_on),
                    r.extension_months, r.extension_reason,
                    StatusName(r.status), compiled.get(), r.compile_count,
                    r.item_count, r.document_sha256, closed.get(), r.closed_by,
                    r.close_reason);
}

std::vector<AccessRequest> PgPrivacyTransaction::ListAccessRequests(
    const privacy::RequestFilter& filter) {
  std::string due = filter.due_on_or_before
                        ? FormatDate(*filter.due_on_or_before)
                        : std::string();
  std::vector<AccessRequest> requests;
  for (const auto& row : tx_.exec_prepared(
           sql::kListAccessRequests.name, filter.open_only,
           filter.due_on_or_before ? due.c_str() : nullptr, filter.limit)) {
    requests.push_back(RequestFrom(row));
  }
  return requests;
}

std::vector<AccessRequest> PgPrivacyTransaction::AccessRequestsOfSubject(
    const std::string& subject) {
  std::vector<AccessRequest> requests;
  for (const auto& row :
       tx_.exec_prepared(sql::kAccessRequestsOfSubject.name, subject)) {
    requests.push_back(RequestFrom(row));
  }
  return requests;
}

std::vector<int64_t> PgPrivacyTransaction::ClosedRequestsBefore(
    privacy::TimePoint cutoff) {
  std::vector<int64_t> ids;
  for (const auto& row : tx_.exec_prepared(
           sql::kClosedAccessRequestsBefore.name, ToMicros(cutoff))) {
    ids.push_back(row[0].as<int64_t>());
  }
  return ids;
}

void PgPrivacyTransaction::DeleteAccessRequests(
    const std::vector<int64_t>& ids) {
  tx_.exec_prepared(sql::kDeleteAccessRequests.name,
                    privacy_rows::IdArrayLiteral(ids));
}

}  // namespace depot::storage
