#include "clients/cli/record_csv.h"

#include <cerrno>
#include <cstring>

namespace depot::cli {
namespace {

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

bool AllDigits(const std::string& text) {
  if (text.empty() || text.size() > 18) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) {
    if (!text.empty()) text += ',';
    text += name;
  }
  return text;
}

}  // namespace

const std::vector<std::string>& RecordCsvColumns() {
  static const std::vector<std::string> kColumns = {
      "source_record_id", "person_name", "national_id",
      "birth_date",       "opened_date", "last_contact_date",
      "death_year",       "box",         "shelf",
      "documents"};
  return kColumns;
}

RecordCsvFile::RecordCsvFile(const std::string& path)
    : path_(path), file_(path, std::ios::binary), reader_(file_) {
  if (!file_) {
    throw std::runtime_error("cannot read " + path + ": " +
                             std::strerror(errno));
  }
  ReadHeader();
}

RecordCsvFile::RecordCsvFile(std::istream& in, const std::string& name)
    : path_(name), reader_(in) {
  ReadHeader();
}

void RecordCsvFile::ReadHeader() {
  std::vector<std::string> header;
  try {
    if (!reader_.Next(&header)) {
      throw CsvError(1, "the file is empty");
    }
  } catch (const CsvError& error) {
    throw CsvError(error.line(), path_ + ": header (file line " +
                                     std::to_string(error.line()) +
                                     "): " + error.what() +
                                     "; the first line must be " +
                                     Joined(RecordCsvColumns()));
  }
  header_line_ = reader_.record_line();
  for (std::string& name : header) name = Trim(name);
  if (header != RecordCsvColumns()) {
    throw CsvError(header_line_, path_ + ": header (file line " +
                                     std::to_string(header_line_) + ") is " +
                                     Joined(header) + "; it must be exactly " +
                                     Joined(RecordCsvColumns()));
  }
}

void RecordCsvFile::Fail(int64_t file_line, const std::string& what) const {
  throw CsvError(file_line,
                 path_ + ": line " + std::to_string(file_line - header_line_) +
                     " (file line " + std::to_string(file_line) + "): " + what);
}

bool RecordCsvFile::Next(v1::RecordData* record) {
  try {
    if (!reader_.Next(&fields_)) return false;
  } catch (const CsvError& error) {
    Fail(error.line(), error.what());
  }
  int64_t line = reader_.record_line();
  if (fields_.size() != RecordCsvColumns().size()) {
    Fail(line, "expected " + std::to_string(RecordCsvColumns().size()) +
                   " fields, found " + std::to_string(fields_.size()) +
                   " (a field with a comma must be quoted)");
  }
  for (std::string& field : fields_) field = Trim(field);
  record->Clear();
  record->set_position(line - header_line_);
  record->set_source_record_id(fields_[0]);
  record->set_person_name(fields_[1]);
  record->set_national_id(fields_[2]);
  record->set_birth_date(fields_[3]);
  record->set_opened_date(fields_[4]);
  record->set_last_contact_date(fields_[5]);
  if (!fields_[6].empty()) {
    if (!AllDigits(fields_[6]) || fields_[6].size() > 4) {
      Fail(line, "death_year must be a year (digits) or empty");
    }
    record->set_death_year(std::stoi(fields_[6]));
  }
  record->set_box(fields_[7]);
  record->set_shelf(fields_[8]);

  // documents: name:size:sha256 entries separated by ';'. The name comes
  // first and may itself hold colons, so split from the right.
  const std::string& documents = fields_[9];
  size_t start = 0;
  int entry = 0;
  while (start <= documents.size() && !documents.empty()) {
    size_t end = documents.find(';', start);
    if (end == std::string::npos) end = documents.size();
    std::string item = Trim(documents.substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;
    ++entry;
    size_t last = item.rfind(':');
    size_t middle = last == std::string::npos || last == 0
                        ? std::string::npos
                        : item.rfind(':', last - 1);
    if (middle == std::string::npos || middle == 0) {
      Fail(line, "documents entry " + std::to_string(entry) +
                     " must be name:size:sha256 (entries separated by ;)");
    }
    std::string size = item.substr(middle + 1, last - middle - 1);
    if (!AllDigits(size)) {
      Fail(line, "documents entry " + std::to_string(entry) +
                     ": the size must be a number of bytes");
    }
    auto* document = record->add_documents();
    document->set_file_name(item.substr(0, middle));
    document->set_size_bytes(std::stoll(size));
    document->set_sha256(item.substr(last + 1));
  }
  return true;
}

}  // namespace depot::cli
