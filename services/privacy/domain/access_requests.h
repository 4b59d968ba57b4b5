#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/crypto/keyring.h"
#include "services/privacy/domain/extract.h"
#include "services/privacy/domain/privacy_store.h"
#include "services/privacy/domain/subject_sources.h"

namespace depot::privacy {

struct NewAccessRequest {
  std::string national_id;
  std::string name;
  std::string birth_date;
  std::string verified_by;
  std::string received_on;  ///< YYYY-MM-DD or empty for today
};

struct RequestQuery {
  bool open_only = false;
  int due_within_days = 0;  ///< > 0: open ones due within N days
  bool overdue_only = false;
  int limit = 0;  ///< 0: the maximum
};

/// A compile's answer: the request after it and the extract.
struct CompiledRequest {
  AccessRequestView request;
  Extract extract;
};

/// Access requests (innsyn, GDPR art. 12 and 15; DOMAIN.md section 4):
/// deadlines, extensions, compiling across services, closing.
class AccessRequests {
 public:
  AccessRequests(PrivacyStore& store, SubjectSources& sources,
                 const Keyring& keyring, Clock clock);

  AccessRequestView Open(const Caller& caller, const NewAccessRequest& input);
  AccessRequestView Get(const Caller& caller, int64_t id);
  /// Without identities.
  std::vector<AccessRequestView> List(const Caller& caller,
                                      const RequestQuery& query);
  AccessRequestView Extend(const Caller& caller, int64_t id, int months,
                           const std::string& reason);
  /// outcome: delivered, refused or withdrawn.
  AccessRequestView Close(const Caller& caller, int64_t id,
                          RequestStatus outcome, const std::string& reason);
  CompiledRequest Compile(const Caller& caller, int64_t id);

  /// PrivacyService's own data about the pseudonym (its requests and
  /// erasures, its audit events), as service "privacy".
  static SubjectData OwnData(PrivacyTransaction& tx,
                             const std::string& subject);

 private:
  AccessRequestView View(const AccessRequest& request, bool with_identity,
                         Date today) const;
  AccessRequest Load(PrivacyTransaction& tx, int64_t id, bool for_update);

  PrivacyStore& store_;
  SubjectSources& sources_;
  const Keyring& keyring_;
  Clock clock_;
};

}  // namespace depot::privacy
