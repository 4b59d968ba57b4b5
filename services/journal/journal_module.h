#pragma once

#include <memory>

#include "services/common/daemon.h"

namespace depot::journal {

/// JournalService with its PostgreSQL store, for depotd and depot-journal.
std::unique_ptr<ServiceModule> MakeJournalModule(DaemonContext& context);

}  // namespace depot::journal
