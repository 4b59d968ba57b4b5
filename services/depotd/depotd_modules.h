#pragma once

#include <vector>

#include "services/common/daemon.h"

namespace depot {

/// Every service depotd hosts, in registration order.
std::vector<ModuleFactory> DepotdModules();

}  // namespace depot
