#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace depot::cli {

/// A malformed CSV line: `line` is the file line (1-based, as an editor
/// counts) where the offending record starts.
class CsvError : public std::runtime_error {
 public:
  CsvError(int64_t line, const std::string& message)
      : std::runtime_error(message), line_(line) {}
  int64_t line() const { return line_; }

 private:
  int64_t line_;
};

/// Reads RFC 4180 CSV one record at a time, so files of any size stream
/// through without being held in memory. Accepts LF and CRLF line ends, a
/// UTF-8 byte-order mark, and quoted fields with commas, doubled quotes and
/// line breaks. Empty lines are skipped: they are not records.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}

  /// The next record's fields; false at the end of the input. Throws
  /// CsvError for an unclosed quote or text after a closing quote.
  bool Next(std::vector<std::string>* fields);
  /// The file line where the record Next returned last starts.
  int64_t record_line() const { return record_line_; }

 private:
  bool ReadLine(std::string* line);

  std::istream& in_;
  int64_t lines_read_ = 0;
  int64_t record_line_ = 0;
};

/// One CSV field, quoted when it holds a comma, quote or line break.
std::string CsvField(const std::string& value);

/// Writes fields as one CSV line (CRLF-free: "\n" ends it).
void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace depot::cli
