#include "services/depotd/depotd_modules.h"

#include "services/audit/audit_module.h"
#include "services/deposits/deposit_module.h"
#include "services/journal/journal_module.h"
#include "services/privacy/privacy_module.h"
#include "services/readingroom/readingroom_module.h"

namespace depot {

std::vector<ModuleFactory> DepotdModules() {
  return {deposits::MakeDepositModule, readingroom::MakeReadingRoomModule,
          journal::MakeJournalModule, privacy::MakePrivacyModule,
          audit::MakeAuditModule};
}

}  // namespace depot
