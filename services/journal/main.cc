// depot-journal: JournalService alone, for deployments that run each
// service in its own process.
#include "services/common/daemon.h"
#include "services/journal/journal_module.h"

int main(int argc, char** argv) {
  return depot::RunDaemon(
      argc, argv, "depot-journal",
      "depot JournalService: postjournal, screening, public journal, disposal",
      {depot::journal::MakeJournalModule});
}
