#pragma once

#include <memory>

#include "services/common/daemon.h"

namespace depot::audit {

/// AuditService with its PostgreSQL store and the sealer thread, for depotd
/// and depot-audit.
std::unique_ptr<ServiceModule> MakeAuditModule(DaemonContext& context);

}  // namespace depot::audit
