// depot-audit: AuditService alone (with the sealer), for deployments that
// run each service in its own process.
#include "services/audit/audit_module.h"
#include "services/common/daemon.h"

int main(int argc, char** argv) {
  return depot::RunDaemon(
      argc, argv, "depot-audit",
      "depot AuditService: sealing, signed heads and verification of the "
      "audit logs",
      {depot::audit::MakeAuditModule});
}
