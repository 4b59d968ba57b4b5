#include "services/depotd/depotd_modules.h"

#include "services/deposits/deposit_module.h"
#include "services/journal/journal_module.h"
#include "services/readingroom/readingroom_module.h"

namespace depot {

std::vector<ModuleFactory> DepotdModules() {
  return {deposits::MakeDepositModule, readingroom::MakeReadingRoomModule,
          journal::MakeJournalModule};
}

}  // namespace depot
