#pragma once

#include <memory>

#include "services/common/daemon.h"

namespace depot::deposits {

/// DepositService with its PostgreSQL store, for depotd and depot-deposits.
std::unique_ptr<ServiceModule> MakeDepositModule(DaemonContext& context);

}  // namespace depot::deposits
