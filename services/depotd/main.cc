// depotd: every depot service in one process on one port, the embedded
// default that ops/run starts.
#include "services/common/daemon.h"
#include "services/depotd/depotd_modules.h"

int main(int argc, char** argv) {
  return depot::RunDaemon(argc, argv, "depotd",
                          "depotd: the archive depot's services on one port",
                          depot::DepotdModules());
}
