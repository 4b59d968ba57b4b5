#include "tests/support/pki.h"

#include <grpcpp/create_channel.h>

#include "tests/support/process.h"

namespace depot::testing {

const std::filesystem::path& TestPki() {
  static TempDir* dir = new TempDir();  // lives for the whole process
  static std::filesystem::path pki = [] {
    std::filesystem::path path = dir->path() / "pki";
    std::string p = path.string();
    RunOps({"dev-certs", "init", p, kOwnMunicipality, kOtherMunicipality});
    RunOps({"dev-certs", "expired", p, "expired"});
    RunOps({"dev-certs", "foreign", p, "foreign"});
    RunOps({"dev-certs", "issue", p, "revoked", "archivist"});
    RunOps({"dev-certs", "revoke", p, "revoked"});
    return path;
  }();
  return pki;
}

TlsFiles ServerTls() {
  const auto& pki = TestPki();
  return {pki / "server.crt", pki / "server.key", pki / "ca.crt"};
}

TlsFiles ClientTls(const std::string& name) {
  const auto& pki = TestPki();
  return {pki / (name + ".crt"), pki / (name + ".key"), pki / "ca.crt"};
}

std::shared_ptr<grpc::Channel> ChannelAs(int port, const std::string& name) {
  grpc::ChannelArguments arguments;
  arguments.SetSslTargetNameOverride("localhost");
  // Each test wants its own connection (its own handshake and identity).
  arguments.SetInt("grpc.use_local_subchannel_pool", 1);
  return grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(port),
                                   MutualTlsChannelCredentials(ClientTls(name)),
                                   arguments);
}

}  // namespace depot::testing
