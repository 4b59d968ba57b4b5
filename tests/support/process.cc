#include "tests/support/process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace depot::testing {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

pid_t Spawn(const std::vector<std::string>& argv,
            const std::map<std::string, std::string>& env,
            const std::filesystem::path& out, const std::filesystem::path& err) {
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // Child: a fresh signal mask (the parent may block SIGTERM) and output
    // to the files.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err_fd = out == err ? out_fd
                            : open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
    int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    for (const auto& [key, value] : env) setenv(key.c_str(), value.c_str(), 1);
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

std::filesystem::path SourceDir() { return DEPOT_SOURCE_DIR; }
std::filesystem::path BinaryDir() { return DEPOT_BINARY_DIR "/bin"; }

TempDir::TempDir() {
  std::random_device random;
  auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("depot-test-" + std::to_string(random()));
    if (std::filesystem::create_directory(candidate)) {
      // Readable by the postgres user, which runs test clusters as root.
      std::filesystem::permissions(candidate,
                                   std::filesystem::perms::owner_all |
                                       std::filesystem::perms::group_exec |
                                       std::filesystem::perms::others_exec);
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env) {
  TempDir dir;
  pid_t pid = Spawn(argv, env, dir.path() / "out", dir.path() / "err");
  int status = 0;
  waitpid(pid, &status, 0);
  return {DecodeStatus(status), ReadFile(dir.path() / "out"),
          ReadFile(dir.path() / "err")};
}

std::string RunOps(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/bin/bash",
                                   (SourceDir() / "ops" / args[0]).string()};
  argv.insert(argv.end(), args.begin() + 1, args.end());
  CommandResult result = RunCommand(argv);
  if (result.exit_code != 0) {
    throw std::runtime_error("ops/" + args[0] + " failed: " + result.err);
  }
  return result.out;
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::map<std::string, std::string>& env) {
  char name[] = "/tmp/depot-child-XXXXXX";
  int fd = mkstemp(name);
  close(fd);
  log_ = name;
  pid_ = Spawn(argv, env, log_, log_);
}

ChildProcess::~ChildProcess() {
  if (Running()) {
    kill(pid_, SIGKILL);
    WaitForExit(std::chrono::seconds(10));
  }
  std::error_code ignored;
  std::filesystem::remove(log_, ignored);
}

void ChildProcess::Signal(int signal) { kill(pid_, signal); }

bool ChildProcess::Running() {
  if (status_) return false;
  int status = 0;
  pid_t done = waitpid(pid_, &status, WNOHANG);
  if (done == pid_) status_ = DecodeStatus(status);
  return !status_;
}

std::optional<int> ChildProcess::WaitForExit(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (Running()) {
    if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return status_;
}

std::string ChildProcess::Log() const { return ReadFile(log_); }

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  int port = ntohs(address.sin_port);
  close(fd);
  return port;
}

bool WaitForPort(int port, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    bool open = connect(fd, reinterpret_cast<sockaddr*>(&address),
                        sizeof(address)) == 0;
    close(fd);
    if (open) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace depot::testing
