#include "tests/support/synthetic_records.h"

#include <cstdio>
#include <stdexcept>

namespace depot::testing {

std::string MakeFodselsnummer(int day, int month, int year, int n) {
  static const int kWeights1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static const int kWeights2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int found = 0;
  for (int individual = 0; individual < 500; ++individual) {
    char digits[48];  // room for any int, though the caller gives 2 digits each
    std::snprintf(digits, sizeof(digits), "%02d%02d%02d%03d", day, month,
                  year % 100, individual);
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * kWeights1[i];
    int k1 = 11 - sum % 11;
    if (k1 == 11) k1 = 0;
    if (k1 == 10) continue;
    digits[9] = static_cast<char>('0' + k1);
    sum = 0;
    for (int i = 0; i < 10; ++i) sum += (digits[i] - '0') * kWeights2[i];
    int k2 = 11 - sum % 11;
    if (k2 == 11) k2 = 0;
    if (k2 == 10) continue;
    digits[10] = static_cast<char>('0' + k2);
    digits[11] = '\0';
    if (found++ == n) return digits;
  }
  throw std::runtime_error("no more fødselsnumre on that day");
}

std::vector<SyntheticRecord> MakeSyntheticRecords(
    int first_position, int count, const std::string& last_contact_date) {
  std::vector<SyntheticRecord> records;
  records.reserve(count);
  for (int i = 0; i < count; ++i) {
    int position = first_position + i;
    // Spread over 1950-1959, 28 days a month, so numbers stay unique.
    int slot = position;
    int day = 1 + slot % 28;
    int month = 1 + (slot / 28) % 12;
    int year = 1950 + (slot / (28 * 12)) % 10;
    int n = slot / (28 * 12 * 10);
    SyntheticRecord record;
    record.position = position;
    record.source_record_id = "src-" + std::to_string(position);
    record.person_name = "Test Person " + std::to_string(position);
    record.national_id = MakeFodselsnummer(day, month, year, n);
    record.opened_date = "1970-01-01";
    record.last_contact_date = last_contact_date;
    record.box = "box-" + std::to_string(position / 100);
    record.shelf = "A-1";
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace depot::testing
