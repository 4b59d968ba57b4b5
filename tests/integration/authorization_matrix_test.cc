// Every RPC depotd registers, called over real mTLS with every role's
// certificate: allowed or refused exactly as the authorization table says.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "services/common/auth/authorization.h"
#include "services/depotd/depotd_modules.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/raw_call.h"

namespace depot {
namespace {

struct RoleCertificate {
  Role role;
  std::string certificate;
};

std::vector<RoleCertificate> EveryRole() {
  return {{Role::kArchivist, "archivist"},
          {Role::kDesk, "desk"},
          {Role::kDpo, "dpo"},
          {Role::kAuditor, "auditor"},
          {Role::kService, "service"},
          {Role::kMunicipality,
           std::string("municipality-") + testing::kOwnMunicipality}};
}

// Calls a method of any kind (unary or streaming) with one empty request
// message and returns the final status.
grpc::Status CallWithEmptyRequest(const std::shared_ptr<grpc::Channel>& channel,
                                  const std::string& method) {
  return testing::CallRaw(channel, method, {""}).status;
}

TEST(AuthorizationMatrix, EveryRegisteredRpcAgainstEveryRole) {
  testing::TestDatabase db;
  testing::InProcessServer server(db.dsn(), DepotdModules());
  std::map<std::string, std::shared_ptr<grpc::Channel>> channels;
  for (const auto& [role, certificate] : EveryRole()) {
    channels[certificate] = testing::ChannelAs(server.port(), certificate);
  }
  int checked = 0;
  for (const auto& module : server.modules()) {
    const auto* service = module->descriptor();
    ASSERT_NE(service, nullptr);
    for (int i = 0; i < service->method_count(); ++i) {
      std::string method = service->full_name() + "/" + service->method(i)->name();
      const RpcPolicy* policy = FindPolicy(method);
      ASSERT_NE(policy, nullptr)
          << method << " has no row in the authorization table "
          << "(services/common/auth/authorization_table.cc)";
      for (const auto& [role, certificate] : EveryRole()) {
        bool allowed = std::find(policy->roles.begin(), policy->roles.end(),
                                 role) != policy->roles.end();
        grpc::Status status =
            CallWithEmptyRequest(channels[certificate], "/" + method);
        std::string denial = "role " + std::string(RoleName(role)) +
                             " may not call " + method;
        if (allowed) {
          EXPECT_NE(status.error_message(), denial)
              << certificate << " should be allowed to call " << method;
          EXPECT_NE(status.error_code(), grpc::UNAVAILABLE)
              << method << ": " << status.error_message();
        } else {
          EXPECT_EQ(status.error_code(), grpc::PERMISSION_DENIED)
              << certificate << " must not call " << method;
          EXPECT_EQ(status.error_message(), denial);
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace depot
