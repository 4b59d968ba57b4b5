// depot-deposits: DepositService alone, for deployments that run each
// service in its own process.
#include "services/common/daemon.h"
#include "services/deposits/deposit_module.h"

int main(int argc, char** argv) {
  return depot::RunDaemon(argc, argv, "depot-deposits",
                          "depot DepositService: depositors, deposits, records",
                          {depot::deposits::MakeDepositModule});
}
