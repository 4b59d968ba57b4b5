// depot-readingroom: ReadingRoomService alone, for deployments that run
// each service in its own process (set deposits_address to DepositService).
#include "services/common/daemon.h"
#include "services/readingroom/readingroom_module.h"

int main(int argc, char** argv) {
  return depot::RunDaemon(
      argc, argv, "depot-readingroom",
      "depot ReadingRoomService: visitors, declarations, loans",
      {depot::readingroom::MakeReadingRoomModule});
}
