#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "clients/cli/csv.h"
#include "depot/v1/deposit.pb.h"

namespace depot::cli {

/// The columns of a transfer file, in this order, named in its header row.
const std::vector<std::string>& RecordCsvColumns();

/// A transfer file: a header row with RecordCsvColumns(), then one record
/// per line. A record's position is its data line number: 1 for the line
/// after the header, counting every line after it (empty lines, which are
/// skipped, too), so positions stay the same however often the file is read.
class RecordCsvFile {
 public:
  /// Opens the file and checks the header. Throws std::runtime_error when
  /// the file cannot be read and CsvError for a wrong header.
  explicit RecordCsvFile(const std::string& path);
  /// Reads a transfer file from `in` (which must outlive this); `name`
  /// stands for the file in messages.
  RecordCsvFile(std::istream& in, const std::string& name);

  /// The next record; false at the end. Throws CsvError, its message naming
  /// the file, the data line and the file line, for a malformed line: a
  /// wrong number of fields, bad quoting, a death year or document size
  /// that is not a number, a document entry that is not name:size:sha256.
  bool Next(v1::RecordData* record);

 private:
  [[noreturn]] void Fail(int64_t file_line, const std::string& what) const;
  void ReadHeader();

  std::string path_;
  std::ifstream file_;
  CsvReader reader_;
  int64_t header_line_ = 1;
  std::vector<std::string> fields_;
};

}  // namespace depot::cli
