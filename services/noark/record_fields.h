#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace depot::noark {

struct DocumentRef {
  std::string file_name;
  int64_t size_bytes = 0;
  std::string sha256;  ///< lower-case hex
};

/// One person's record as depot's RecordData carries it (plain C++: the
/// importer fills it from a mappe, the exporter writes a mappe from it).
struct RecordFields {
  int64_t position = 0;
  std::string source_record_id;
  std::string person_name;
  std::string national_id;
  std::string birth_date;
  std::string opened_date;
  std::string last_contact_date;
  int death_year = 0;
  std::string box;
  std::string shelf;
  std::vector<DocumentRef> documents;
  std::string noark_metadata;  ///< JSON object, or ""
};

}  // namespace depot::noark
