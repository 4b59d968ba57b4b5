// libFuzzer target: any bytes as a transfer file through the CLI's CSV
// reader (clients/cli/csv.cc, record_csv.cc). It must end with records or a
// CsvError, never crash or hang, and every record it gives must be one a
// transfer can send: positions rising from 1, each a data line.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "clients/cli/record_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // Half the inputs get a valid header, so that the fuzzer reaches records.
  if (size > 0 && data[0] % 2 == 0) {
    bytes =
        "source_record_id,person_name,national_id,birth_date,"
        "opened_date,last_contact_date,death_year,box,shelf,documents\n" +
        bytes.substr(1);
  }
  std::istringstream in(bytes);
  try {
    depot::cli::RecordCsvFile file(in, "fuzz.csv");
    depot::v1::RecordData record;
    int64_t last = 0;
    while (file.Next(&record)) {
      if (record.position() <= last) __builtin_trap();
      if (record.death_year() < 0 || record.death_year() > 9999)
        __builtin_trap();
      for (const auto& document : record.documents()) {
        if (document.size_bytes() < 0) __builtin_trap();
      }
      last = record.position();
    }
  } catch (const depot::cli::CsvError&) {
  }
  return 0;
}
