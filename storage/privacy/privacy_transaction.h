#pragma once

#include <pqxx/pqxx>

#include "services/privacy/domain/privacy_store.h"

namespace depot::storage {

/// PrivacyTransaction on one pqxx transaction, executing the statements of
/// storage/privacy/queries/ (prepared by PgPrivacyStore). Its methods are
/// defined per aggregate: access_requests.cc, erasures.cc, breaches.cc.
class PgPrivacyTransaction : public privacy::PrivacyTransaction {
 public:
  explicit PgPrivacyTransaction(pqxx::work& tx) : tx_(tx) {}

  int64_t NextAccessRequestId() override;
  void InsertAccessRequest(const privacy::AccessRequest& request) override;
  std::optional<privacy::AccessRequest> FindAccessRequest(
      int64_t id, bool for_update) override;
  void UpdateAccessRequest(const privacy::AccessRequest& request) override;
  std::vector<privacy::AccessRequest> ListAccessRequests(
      const privacy::RequestFilter& filter) override;
  std::vector<privacy::AccessRequest> AccessRequestsOfSubject(
      const std::string& subject) override;
  std::vector<int64_t> ClosedRequestsBefore(privacy::TimePoint cutoff) override;
  void DeleteAccessRequests(const std::vector<int64_t>& ids) override;

  privacy::ErasureRecord InsertErasure(
      const privacy::ErasureRecord& erasure) override;
  std::vector<privacy::ErasureRecord> ErasuresOfSubject(
      const std::string& subject) override;
  std::vector<privacy::StoredAuditEvent> AuditEventsOfSubject(
      const std::string& subject) override;
  void Audit(const AuditEvent& event) override;

  privacy::Breach InsertBreach(const privacy::Breach& breach) override;
  std::optional<privacy::Breach> FindBreach(int64_t id,
                                            bool for_update) override;
  void UpdateBreachNotification(const privacy::Breach& breach) override;
  std::vector<privacy::Breach> ListBreaches(bool open_only) override;

 private:
  pqxx::work& tx_;
};

}  // namespace depot::storage
