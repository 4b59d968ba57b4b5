#include "services/common/auth/authorization.h"

#include <gtest/gtest.h>

#include <set>

#include "services/common/error.h"

namespace depot {
namespace {

Caller As(Role role) {
  Caller caller;
  caller.identity = std::string(RoleName(role));
  caller.role = role;
  if (role == Role::kMunicipality) caller.organisation_number = "964338531";
  return caller;
}

TEST(Authorization, TableHasNoDuplicateRows) {
  std::set<std::string> seen;
  for (const RpcPolicy& policy : AuthorizationTable()) {
    EXPECT_TRUE(seen.insert(policy.method).second) << policy.method;
    EXPECT_FALSE(policy.roles.empty()) << policy.method;
  }
}

TEST(Authorization, DeniedRoleGetsAMessageNamingRoleAndMethod) {
  try {
    Authorize(As(Role::kDesk), "/depot.v1.DepositService/ListDepositors");
    FAIL() << "desk may not list depositors";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kPermissionDenied);
    EXPECT_STREQ(error.what(),
                 "role desk may not call "
                 "depot.v1.DepositService/ListDepositors");
  }
}

TEST(Authorization, AllowedRolePasses) {
  EXPECT_NO_THROW(Authorize(As(Role::kArchivist),
                            "depot.v1.DepositService/RegisterDepositor"));
}

TEST(Authorization, MethodWithoutRowIsRefusedToEveryone) {
  for (Role role : kAllRoles) {
    EXPECT_THROW(Authorize(As(role), "depot.v1.DepositService/Unknown"), Error);
  }
}

TEST(Caller, MunicipalityIsLimitedToItsOwnOrganisation) {
  Caller municipality = As(Role::kMunicipality);
  EXPECT_NO_THROW(municipality.RequireOrganisation("964338531"));
  EXPECT_THROW(municipality.RequireOrganisation("938587418"), Error);
  EXPECT_NO_THROW(As(Role::kArchivist).RequireOrganisation("938587418"));
}

TEST(Caller, ParsesRoleLabels) {
  std::string problem;
  auto municipality = ParseRoleLabel("municipality:964338531", &problem);
  ASSERT_TRUE(municipality);
  EXPECT_EQ(municipality->role, Role::kMunicipality);
  EXPECT_EQ(municipality->organisation_number, "964338531");
  EXPECT_EQ(ParseRoleLabel("desk", &problem)->role, Role::kDesk);
  EXPECT_FALSE(ParseRoleLabel("municipality:123", &problem));
  EXPECT_FALSE(ParseRoleLabel("janitor", &problem));
  EXPECT_NE(problem.find("unknown role"), std::string::npos);
}

}  // namespace
}  // namespace depot
