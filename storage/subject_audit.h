#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/common/subject_data.h"

namespace depot::storage {

/// The audit events of <schema>.audit_events whose subject is one of the
/// pseudonyms, oldest first (for a person's extract: who read or changed
/// their data). Read in the caller's transaction.
std::vector<StoredAuditEvent> AuditEventsAbout(
    pqxx::transaction_base& tx, const std::string& schema,
    const std::vector<std::string>& pseudonyms);

}  // namespace depot::storage
