#pragma once

#include <memory>

#include "services/common/daemon.h"

namespace depot::privacy {

/// PrivacyService with its PostgreSQL store, the channels to the other
/// services and the daily retention thread, for depotd and depot-privacy.
std::unique_ptr<ServiceModule> MakePrivacyModule(DaemonContext& context);

}  // namespace depot::privacy
