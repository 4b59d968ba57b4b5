// depot-privacy: PrivacyService alone, for deployments that run each
// service in its own process (set deposits_address, readingroom_address
// and journal_address to the other services).
#include "services/common/daemon.h"
#include "services/privacy/privacy_module.h"

int main(int argc, char** argv) {
  return depot::RunDaemon(
      argc, argv, "depot-privacy",
      "depot PrivacyService: access requests, erasure, retention, breaches",
      {depot::privacy::MakePrivacyModule});
}
