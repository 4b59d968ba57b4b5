#include "clients/cli/csv.h"

namespace depot::cli {

bool CsvReader::ReadLine(std::string* line) {
  if (!std::getline(in_, *line)) return false;
  ++lines_read_;
  if (lines_read_ == 1 && line->starts_with("\xEF\xBB\xBF")) line->erase(0, 3);
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  std::string line;
  do {
    if (!ReadLine(&line)) return false;
  } while (line.empty());
  record_line_ = lines_read_;

  std::string field;
  size_t i = 0;
  while (true) {
    // At the start of a field.
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) {
          // A quoted field may span lines; the line break is part of it.
          if (!ReadLine(&line)) {
            throw CsvError(record_line_,
                           "a quoted field is not closed: add the closing "
                           "quote (a quote inside a field is written \"\")");
          }
          field += '\n';
          i = 0;
          continue;
        }
        char c = line[i++];
        if (c != '"') {
          field += c;
        } else if (i < line.size() && line[i] == '"') {
          field += '"';
          ++i;
        } else {
          break;  // the closing quote
        }
      }
      if (i < line.size() && line[i] != ',') {
        throw CsvError(record_line_,
                       "text after a closing quote in field " +
                           std::to_string(fields->size() + 1) +
                           ": a quote inside a field is written \"\"");
      }
    } else {
      size_t end = line.find(',', i);
      if (end == std::string::npos) end = line.size();
      field.assign(line, i, end - i);
      if (field.find('"') != std::string::npos) {
        throw CsvError(record_line_,
                       "a quote inside unquoted field " +
                           std::to_string(fields->size() + 1) +
                           ": quote the whole field and write the quote as "
                           "\"\"");
      }
      i = end;
    }
    fields->push_back(std::move(field));
    field.clear();
    if (i >= line.size()) return true;
    ++i;  // the comma; a trailing comma means one more, empty field
  }
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << CsvField(fields[i]);
  }
  out << '\n';
}

}  // namespace depot::cli
