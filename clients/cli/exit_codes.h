#pragma once

#include <grpcpp/support/status.h>

namespace depot::cli {

/// The CLI's exit codes, one per failure class (documented in --help and
/// docs/cli.md).
enum ExitCode {
  kExitOk = 0,
  kExitOther = 1,           ///< internal error or anything unclassified
  kExitBadInput = 2,        ///< bad arguments or INVALID_ARGUMENT
  kExitRefused = 3,         ///< a rule refused it (FAILED_PRECONDITION)
  kExitNotFound = 4,        ///< NOT_FOUND
  kExitPermission = 5,      ///< PERMISSION_DENIED / UNAUTHENTICATED
  kExitUnavailable = 6,     ///< server or database unreachable, busy, timeout
  kExitConflict = 7,        ///< ALREADY_EXISTS or ABORTED
};

ExitCode ExitCodeFor(grpc::StatusCode code);

/// "permission denied", "not found", ...: the prefix of error lines.
const char* FailureClass(grpc::StatusCode code);

/// The text of the exit-code table for --help.
const char* ExitCodeHelp();

}  // namespace depot::cli
