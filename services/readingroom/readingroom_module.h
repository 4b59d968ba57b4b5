#pragma once

#include <memory>

#include "services/common/daemon.h"

namespace depot::readingroom {

/// ReadingRoomService with its PostgreSQL store, its seal key and a
/// channel to DepositService, for depotd and depot-readingroom.
std::unique_ptr<ServiceModule> MakeReadingRoomModule(DaemonContext& context);

}  // namespace depot::readingroom
