#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace depot::testing {

/// Output of a finished command.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs argv (argv[0] a path) with extra environment, waits, captures output.
CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {});

/// Runs a shell script of the repository's ops/ directory; throws with its
/// stderr when it fails.
std::string RunOps(const std::vector<std::string>& args);

/// A child process with stderr and stdout sent to a log file.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv,
               const std::map<std::string, std::string>& env = {});
  ~ChildProcess();  ///< SIGKILLs the child if still running

  pid_t pid() const { return pid_; }
  void Signal(int signal);
  /// Waits for exit up to timeout; the exit status (WEXITSTATUS, or 128+sig)
  /// or nullopt on timeout.
  std::optional<int> WaitForExit(std::chrono::milliseconds timeout);
  bool Running();
  std::string Log() const;

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::filesystem::path log_;
};

/// A fresh directory under the system temp directory, removed afterwards.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// A TCP port on 127.0.0.1 that nothing listened on a moment ago.
int FreePort();

/// Waits until something accepts TCP on 127.0.0.1:port.
bool WaitForPort(int port, std::chrono::milliseconds timeout);

std::filesystem::path SourceDir();
std::filesystem::path BinaryDir();  ///< where depotd and depot are built

}  // namespace depot::testing
