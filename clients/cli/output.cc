#include "clients/cli/output.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <iostream>

#include "clients/cli/exit_codes.h"

namespace depot::cli {
namespace {

// Display width: counts UTF-8 code points, not bytes, so Norwegian letters
// do not skew the columns.
size_t Width(const std::string& text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (c & 0xC0) != 0x80; });
}

}  // namespace

Table::Table(std::vector<std::string> header) {
  rows_.push_back(std::move(header));
}

void Table::AddRow(std::vector<std::string> row) {
  rows_.push_back(std::move(row));
}

void Table::Print(std::ostream& out) const {
  std::vector<size_t> widths;
  for (const auto& row : rows_) {
    widths.resize(std::max(widths.size(), row.size()));
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], Width(row[i]));
    }
  }
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) {
      out << row[i];
      if (i + 1 < row.size())
        out << std::string(widths[i] - Width(row[i]) + 2, ' ');
    }
    out << '\n';
  }
}

std::string OrDash(const std::string& text) {
  return text.empty() ? "-" : text;
}

std::string Join(const google::protobuf::RepeatedPtrField<std::string>& texts,
                 const std::string& separator) {
  std::string joined;
  for (const std::string& text : texts) {
    if (!joined.empty()) joined += separator;
    joined += text;
  }
  return joined;
}

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = true;
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

JsonArrayWriter::JsonArrayWriter(std::ostream& out) : out_(out) { out_ << "["; }

void JsonArrayWriter::Add(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string line;
  (void)google::protobuf::util::MessageToJsonString(message, &line, options);
  out_ << (empty_ ? "\n" : ",\n") << line;
  empty_ = false;
}

void JsonArrayWriter::Close() { out_ << (empty_ ? "]\n" : "\n]\n"); }

void PrintJsonObjects(const std::vector<std::string>& objects) {
  if (objects.size() == 1) {
    std::cout << objects[0];
    return;
  }
  std::cout << "[\n";
  for (size_t i = 0; i < objects.size(); ++i) {
    std::cout << objects[i] << (i + 1 < objects.size() ? ",\n" : "\n");
  }
  std::cout << "]\n";
}

int ReportFailure(ExitCode code, const std::string& what) {
  std::cerr << "depot: " << what << std::endl;
  return code;
}

int ReportFailure(const grpc::Status& status) {
  return ReportFailure(ExitCodeFor(status.error_code()),
                       std::string(FailureClass(status.error_code())) + ": " +
                           status.error_message());
}

int ReportFailure(grpc::StatusCode code, const std::string& message) {
  return ReportFailure(grpc::Status(code, message));
}

}  // namespace depot::cli
