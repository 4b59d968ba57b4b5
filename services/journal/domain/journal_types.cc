#include "services/journal/domain/journal_types.h"

#include <cstdio>

namespace depot::journal {

std::string JournalCase::Number() const {
  return std::to_string(year) + "/" + std::to_string(sequence);
}

std::string JournalEntry::JournalNumber() const {
  char text[32];
  std::snprintf(text, sizeof(text), "%d/%06d", year, sequence);
  return text;
}

std::string JournalEntry::CaseNumber() const {
  return std::to_string(case_year) + "/" + std::to_string(case_sequence);
}

std::string JournalEntry::RegistryId() const {
  return CaseNumber() + "-" + std::to_string(number_in_case);
}

}  // namespace depot::journal
