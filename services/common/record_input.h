#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace depot {

/// A digital document of a record: a file of the transfer.
struct DigitalDocument {
  std::string file_name;
  int64_t size_bytes = 0;
  std::string sha256;  ///< lower-case hex
};

/// One person's file as depot's RecordData carries it: what a source
/// system sends and the deposit service takes in (clear text, in memory
/// only: it is encrypted before it reaches storage), what the Noark 5
/// importer makes of a mappe and what the exporter writes a mappe from.
struct RecordInput {
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
  std::vector<DigitalDocument> documents;
  /// Noark 5 screening/disposal metadata, a JSON object; empty when none.
  /// (`{}` keeps aggregate initializers that stop at documents warning-free.)
  std::string noark_metadata{};
};

}  // namespace depot
