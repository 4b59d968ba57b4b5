#pragma once

#include <string>

namespace depot {

/// One read or write of personal data, appended in the same transaction as
/// the change (or the read). It never holds a name or an identity number:
/// the person is the keyed pseudonym of Keyring::Pseudonym.
struct AuditEvent {
  std::string actor;       ///< certificate common name of the caller
  std::string actor_role;  ///< "archivist", "municipality:964338531", ...
  std::string action;      ///< verb: "record.search", "loan.open", ...
  std::string object;      ///< what was touched: "deposit/12", "record/345"
  std::string subject;     ///< pseudonym of the person, or empty
  std::string detail;      ///< counts, reasons: never personal data
};

}  // namespace depot
