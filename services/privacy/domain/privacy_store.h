#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "services/common/audit_event.h"
#include "services/privacy/domain/model.h"

namespace depot::privacy {

/// The data operations of one PrivacyService transaction. Implemented over
/// PostgreSQL in storage/privacy and by an in-memory fake in unit tests.
class PrivacyTransaction {
 public:
  virtual ~PrivacyTransaction() = default;

  /// Reserves the id of a new access request (the identity is sealed with
  /// the id as associated data before the row exists).
  virtual int64_t NextAccessRequestId() = 0;
  /// Inserts the request with the id it carries.
  virtual void InsertAccessRequest(const AccessRequest& request) = 0;
  /// for_update: locks the row until the transaction ends.
  virtual std::optional<AccessRequest> FindAccessRequest(int64_t id,
                                                         bool for_update) = 0;
  /// Writes every mutable column of the request.
  virtual void UpdateAccessRequest(const AccessRequest& request) = 0;
  /// Oldest due date first, then id.
  virtual std::vector<AccessRequest> ListAccessRequests(
      const RequestFilter& filter) = 0;
  /// Every request about the pseudonym, by id.
  virtual std::vector<AccessRequest> AccessRequestsOfSubject(
      const std::string& subject) = 0;
  /// Ids of closed requests closed before cutoff, locked against a
  /// concurrent run.
  virtual std::vector<int64_t> ClosedRequestsBefore(TimePoint cutoff) = 0;
  virtual void DeleteAccessRequests(const std::vector<int64_t>& ids) = 0;

  /// Fills id.
  virtual ErasureRecord InsertErasure(const ErasureRecord& erasure) = 0;
  virtual std::vector<ErasureRecord> ErasuresOfSubject(
      const std::string& subject) = 0;
  /// privacy.audit_events about the pseudonym, by id.
  virtual std::vector<StoredAuditEvent> AuditEventsOfSubject(
      const std::string& subject) = 0;

  /// Fills id.
  virtual Breach InsertBreach(const Breach& breach) = 0;
  virtual std::optional<Breach> FindBreach(int64_t id, bool for_update) = 0;
  /// Writes notified_at, notified_by and late_reason.
  virtual void UpdateBreachNotification(const Breach& breach) = 0;
  /// By deadline; open_only: not notified yet.
  virtual std::vector<Breach> ListBreaches(bool open_only) = 0;

  /// Appends an audit event to privacy.audit_events in this transaction.
  virtual void Audit(const AuditEvent& event) = 0;
};

/// Runs work atomically: all of it commits or none of it does.
class PrivacyStore {
 public:
  virtual ~PrivacyStore() = default;
  virtual void Run(const std::function<void(PrivacyTransaction&)>& work) = 0;
};

}  // namespace depot::privacy
