#pragma once

#include <google/protobuf/message.h>
#include <google/protobuf/repeated_ptr_field.h>
#include <grpcpp/support/status.h>

#include <iostream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "clients/cli/exit_codes.h"

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

/// "-" for an empty value, as tables show it.
std::string OrDash(const std::string& text);

/// The texts with separator between them.
std::string Join(const google::protobuf::RepeatedPtrField<std::string>& texts,
                 const std::string& separator);

/// The message as JSON with the proto field names (for --json).
std::string ToJson(const google::protobuf::Message& message);

/// An answer as JSON with --json, else as print(message) prints it.
template <typename Message, typename Print>
void PrintAnswer(const Message& message, bool json, Print print) {
  if (json) {
    std::cout << ToJson(message);
  } else {
    print(message);
  }
}

/// A JSON array of messages written one by one as they arrive, one line
/// each, so that memory does not grow with a long stream.
class JsonArrayWriter {
 public:
  /// Writes the opening bracket.
  explicit JsonArrayWriter(std::ostream& out);
  void Add(const google::protobuf::Message& message);
  /// Writes the closing bracket.
  void Close();
  bool empty() const { return empty_; }

 private:
  std::ostream& out_;
  bool empty_ = true;
};

/// Prints JSON objects (ToJson) as they are for one, else as an array.
void PrintJsonObjects(const std::vector<std::string>& objects);

/// The one way the CLI reports a failure: "depot: <what>" on stderr.
/// Returns the exit code.
int ReportFailure(ExitCode code, const std::string& what);

/// A failed call, or input refused here as the server would refuse it:
/// "depot: <class>: <message>" with the status's exit code.
int ReportFailure(const grpc::Status& status);
int ReportFailure(grpc::StatusCode code, const std::string& message);

/// Ends a command with a failure from wherever it is found (a file that
/// cannot be read, say); reported with ReportFailure where the command
/// runs.
class CommandFailure : public std::runtime_error {
 public:
  CommandFailure(ExitCode code, const std::string& what)
      : std::runtime_error(what), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace depot::cli
