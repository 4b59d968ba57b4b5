#include "services/depotd/depotd_modules.h"

#include "services/deposits/deposit_module.h"

namespace depot {

std::vector<ModuleFactory> DepotdModules() {
  return {deposits::MakeDepositModule};
}

}  // namespace depot
