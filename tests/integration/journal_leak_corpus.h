#pragma once

// The generated postjournal of JournalService's leak test: job-application
// cases of generated applicants whose names are spelled every way in
// titles, and ordinary cases full of the common words some names are made
// of. Generated through the domain, with what every public output must
// then show.
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/journal/domain/journal.h"

namespace depot::testing {

/// What one case must show: canonical names screened and released, the
/// folded words of the screened names.
struct CaseTruth {
  std::set<std::string> screened;
  std::set<std::string> released;
  std::set<std::string> screened_parts;
  int applicants = 0;
};

/// The generated journal and, by case number, what it must show.
struct LeakCorpus {
  std::map<std::string, CaseTruth> truth;
  std::set<std::string> all_screened;
  /// (case number, name as the archivist types it) of each release to make.
  std::vector<std::pair<std::string, std::string>> to_release;
  int entries = 0;
};

/// Journals 30 job-application cases of 60 applicants and 10 ordinary
/// cases of 60 entries, the same for the same seed.
LeakCorpus JournalLeakCorpus(journal::Journal& journal, const Caller& archivist,
                             unsigned seed);

}  // namespace depot::testing
