// Transport security: who is refused at the handshake, who by identity.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "depot/v1/deposit.grpc.pb.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/server.h"
#include "services/deposits/deposit_module.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"

namespace depot {
namespace {

using testing::ChannelAs;

class TlsRefusalTest : public ::testing::Test {
 protected:
  grpc::Status ListWith(std::shared_ptr<grpc::Channel> channel) {
    v1::ListDepositorsResponse response;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(10));
    return v1::DepositService::NewStub(channel)->ListDepositors(
        &context, v1::ListDepositorsRequest(), &response);
  }
  std::shared_ptr<grpc::Channel> ChannelWith(grpc::SslCredentialsOptions options) {
    grpc::ChannelArguments arguments;
    arguments.SetSslTargetNameOverride("localhost");
    arguments.SetInt("grpc.use_local_subchannel_pool", 1);
    return grpc::CreateCustomChannel(
        "127.0.0.1:" + std::to_string(server_.port()),
        grpc::SslCredentials(options), arguments);
  }

  testing::TestDatabase db_;
  testing::InProcessServer server_{db_.dsn(), {deposits::MakeDepositModule}};
};

TEST_F(TlsRefusalTest, ValidCertificateIsServed) {
  EXPECT_TRUE(ListWith(ChannelAs(server_.port(), "archivist")).ok());
}

TEST_F(TlsRefusalTest, NoClientCertificateFailsTheHandshake) {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = ReadWholeFile(testing::TestPki() / "ca.crt");
  grpc::Status status = ListWith(ChannelWith(options));
  EXPECT_EQ(status.error_code(), grpc::UNAVAILABLE) << status.error_message();
}

TEST_F(TlsRefusalTest, CertificateFromAnotherCaFailsTheHandshake) {
  grpc::Status status = ListWith(ChannelAs(server_.port(), "foreign"));
  EXPECT_EQ(status.error_code(), grpc::UNAVAILABLE) << status.error_message();
}

TEST_F(TlsRefusalTest, ExpiredCertificateFailsTheHandshake) {
  grpc::Status status = ListWith(ChannelAs(server_.port(), "expired"));
  EXPECT_EQ(status.error_code(), grpc::UNAVAILABLE) << status.error_message();
}

TEST_F(TlsRefusalTest, RevokedCertificateIsPermissionDenied) {
  grpc::Status status = ListWith(ChannelAs(server_.port(), "revoked"));
  EXPECT_EQ(status.error_code(), grpc::PERMISSION_DENIED);
  EXPECT_NE(status.error_message().find("revoked"), std::string::npos);
}

TEST_F(TlsRefusalTest, CertificateWithoutRoleIsPermissionDenied) {
  testing::RunOps({"dev-certs", "issue", testing::TestPki().string(),
                   "nobody-" + std::to_string(::getpid()), "archivist"});
  // Issued by our CA, but take its role away again.
  std::string roles = ReadWholeFile(testing::TestPki() / "roles.conf");
  std::string name = "nobody-" + std::to_string(::getpid());
  auto at = roles.find(name + " = archivist");
  ASSERT_NE(at, std::string::npos);
  roles.erase(at, (name + " = archivist").size());
  std::ofstream(testing::TestPki() / "roles.conf") << roles;
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // reload
  grpc::Status status = ListWith(ChannelAs(server_.port(), name));
  EXPECT_EQ(status.error_code(), grpc::PERMISSION_DENIED);
  EXPECT_NE(status.error_message().find("no role"), std::string::npos);
}

TEST(InsecureDev, RefusedOnANonLoopbackAddress) {
  ServerConfig config;
  config.listen = "0.0.0.0:0";
  config.insecure_dev = true;
  DepotServer server(config);
  EXPECT_THROW(server.Start(), StartupError);
}

}  // namespace
}  // namespace depot
