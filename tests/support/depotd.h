#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace depot::testing {

/// The depotd binary started as a child process with TestPki's server
/// certificate on a free loopback port.
class DepotdProcess {
 public:
  struct Options {
    std::string database;  ///< connection string
    std::string password_file;
    std::string migrations_dir;
    std::vector<std::string> extra_args;
    /// Key file; empty: TestKeyFile().
    std::string key_file;
  };
  explicit DepotdProcess(const Options& options);

  /// Waits until it serves; false when it exited or did not come up.
  bool WaitUntilServing();
  int port() const { return port_; }
  ChildProcess& process() { return *process_; }
  /// The CLI's environment for certificate NAME (DEPOT_SERVER, DEPOT_CA, ...).
  std::map<std::string, std::string> CliEnv(const std::string& name) const;

 private:
  int port_;
  std::unique_ptr<ChildProcess> process_;
};

/// A key file with random keys, made once per test process.
const std::string& TestKeyFile();

/// Runs the depot CLI with args as certificate NAME.
CommandResult RunCli(const DepotdProcess& depotd, const std::string& name,
                     const std::vector<std::string>& args);

}  // namespace depot::testing
