#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include <ostream>
#include <string>
#include <vector>

namespace depot::cli {

/// A plain-text table with a header row, columns padded to fit.
class Table {
 public:
  explicit Table(std::vector<std::string> header);
  void AddRow(std::vector<std::string> row);
  void Print(std::ostream& out) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

/// The message as JSON with the proto field names (for --json).
std::string ToJson(const google::protobuf::Message& message);

/// Prints "depot: <class>: <message>" to stderr and returns the exit code.
int ReportFailure(const grpc::Status& status);

}  // namespace depot::cli
