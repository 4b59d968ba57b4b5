#include "tests/support/depotd.h"

#include "services/common/crypto/keyring.h"
#include "tests/support/pki.h"

namespace depot::testing {

const std::string& TestKeyFile() {
  static TempDir* dir = new TempDir();  // lives for the whole process
  static std::string path = [] {
    std::filesystem::path file = dir->path() / "depot.keys";
    Keyring::WriteNewKeyFile(file);
    return file.string();
  }();
  return path;
}

DepotdProcess::DepotdProcess(const Options& options) : port_(FreePort()) {
  const auto& pki = TestPki();
  std::vector<std::string> argv = {
      (BinaryDir() / "depotd").string(),
      "--listen=127.0.0.1:" + std::to_string(port_),
      "--database=" + options.database,
      "--tls-cert=" + (pki / "server.crt").string(),
      "--tls-key=" + (pki / "server.key").string(),
      "--tls-ca=" + (pki / "ca.crt").string(),
      "--roles-file=" + (pki / "roles.conf").string(),
      "--revoked-file=" + (pki / "revoked.conf").string(),
      "--migrations-dir=" +
          (options.migrations_dir.empty()
               ? (SourceDir() / "storage" / "migrations").string()
               : options.migrations_dir)};
  argv.push_back("--key-file=" + (options.key_file.empty()
                                      ? TestKeyFile()
                                      : options.key_file));
  if (!options.password_file.empty()) {
    argv.push_back("--database-password-file=" + options.password_file);
  }
  argv.insert(argv.end(), options.extra_args.begin(), options.extra_args.end());
  // An empty DEPOT_HOME keeps a developer's var/depotd.conf out of tests.
  process_ = std::make_unique<ChildProcess>(
      argv, std::map<std::string, std::string>{{"DEPOT_HOME", "/nonexistent"}});
}

bool DepotdProcess::WaitUntilServing() {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!process_->Running()) return false;
    if (WaitForPort(port_, std::chrono::milliseconds(200))) return true;
  }
  return false;
}

std::map<std::string, std::string> DepotdProcess::CliEnv(
    const std::string& name) const {
  const auto& pki = TestPki();
  return {{"DEPOT_SERVER", "127.0.0.1:" + std::to_string(port_)},
          {"DEPOT_CA", (pki / "ca.crt").string()},
          {"DEPOT_CERT", (pki / (name + ".crt")).string()},
          {"DEPOT_KEY", (pki / (name + ".key")).string()},
          {"DEPOT_HOME", "/nonexistent"}};
}

CommandResult RunCli(const DepotdProcess& depotd, const std::string& name,
                     const std::vector<std::string>& args) {
  std::vector<std::string> argv = {(BinaryDir() / "depot").string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, depotd.CliEnv(name));
}

}  // namespace depot::testing
