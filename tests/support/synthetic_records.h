#pragma once

#include <string>
#include <vector>

namespace depot::testing {

/// A valid Norwegian fødselsnummer for someone born on day/month/year
/// (1900-1999), the n-th such number (n from 0).
std::string MakeFodselsnummer(int day, int month, int year, int n);

/// One synthetic register record, in plain C++ so that domain tests can use
/// it without the generated messages (MakeRecords in records.h sends the
/// same records over gRPC).
struct SyntheticRecord {
  int position = 0;
  std::string source_record_id;
  std::string person_name;
  std::string national_id;
  std::string opened_date;
  std::string last_contact_date;
  std::string box;
  std::string shelf;
};

/// `count` synthetic records at positions first_position.., born in the
/// 1950s with valid identity numbers, opened 1970 and last contact on
/// last_contact_date; source ids "src-<position>", names "Test Person <n>".
std::vector<SyntheticRecord> MakeSyntheticRecords(
    int first_position, int count, const std::string& last_contact_date);

}  // namespace depot::testing
