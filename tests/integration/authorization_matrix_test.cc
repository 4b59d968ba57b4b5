// Every RPC depotd registers, called over real mTLS with every role's
// certificate: allowed or refused exactly as the authorization table says.
#include <google/protobuf/descriptor.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "depot/v1/journal.grpc.pb.h"
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
      std::string method =
          service->full_name() + "/" + service->method(i)->name();
      const RpcPolicy* policy = FindPolicy(method);
      ASSERT_NE(policy, nullptr)
          << method << " has no row in the authorization table "
          << "(services/common/auth/authorization_table.cc)";
      for (const auto& [role, certificate] : EveryRole()) {
        bool allowed = std::find(policy->roles.begin(), policy->roles.end(),
                                 role) != policy->roles.end();
        grpc::Status status =
            CallWithEmptyRequest(channels[certificate], "/" + method);
        std::string denial =
            "role " + std::string(RoleName(role)) + " may not call " + method;
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

// Screened journal content (applicants' names, titles and descriptions as
// recorded, application letters) is for archivists: DOMAIN.md section 3 and
// the README say the unscreened journal is theirs. Everyone else on the staff
// reads the public view. Every JournalService RPC is classified here, so a
// new one cannot slip in without saying which it shows; an RPC that shows
// screened content admits archivists only (and the service identity for
// the rights requests PrivacyService makes on a person's behalf).
TEST(AuthorizationMatrix, OnlyArchivistsReadScreenedJournalContent) {
  enum class Shows { kScreenedContent, kRightsRequest, kPublicView, kNoNames };
  const std::map<std::string, Shows> kJournalRpcs = {
      {"CreateCase", Shows::kScreenedContent},
      {"GetCase", Shows::kScreenedContent},
      {"CloseCase", Shows::kScreenedContent},
      {"RecordEntry", Shows::kScreenedContent},
      {"GetEntry", Shows::kScreenedContent},
      {"ReleaseName", Shows::kScreenedContent},
      {"ScreenWords", Shows::kScreenedContent},
      {"PreviewPublicJournal", Shows::kScreenedContent},
      {"ExportLoependeJournal", Shows::kScreenedContent},
      {"RunDisposal", Shows::kScreenedContent},
      {"ApplicantList", Shows::kPublicView},
      {"PublicJournal", Shows::kPublicView},
      {"ExportOffentligJournal", Shows::kPublicView},
      {"GetJournalSettings", Shows::kNoNames},
      {"UpdateJournalSettings", Shows::kScreenedContent},
      {"SubjectData", Shows::kRightsRequest},
      {"EraseSubjectData", Shows::kRightsRequest},
  };
  const auto* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          v1::JournalService::service_full_name());
  ASSERT_NE(service, nullptr);
  for (int i = 0; i < service->method_count(); ++i) {
    const std::string name = service->method(i)->name();
    auto shows = kJournalRpcs.find(name);
    ASSERT_NE(shows, kJournalRpcs.end())
        << "JournalService/" << name
        << " is not classified: say whether it shows screened content";
    const RpcPolicy* policy = FindPolicy(service->full_name() + "/" + name);
    ASSERT_NE(policy, nullptr) << name;
    std::set<Role> roles(policy->roles.begin(), policy->roles.end());
    switch (shows->second) {
      case Shows::kScreenedContent:
        EXPECT_EQ(roles, std::set<Role>{Role::kArchivist})
            << name << " shows screened content: archivists only";
        break;
      case Shows::kRightsRequest:
        EXPECT_EQ(roles, std::set<Role>{Role::kService}) << name;
        break;
      case Shows::kPublicView:
        EXPECT_FALSE(roles.count(Role::kMunicipality)) << name;
        break;
      case Shows::kNoNames:
        break;
    }
  }
}

}  // namespace
}  // namespace depot
