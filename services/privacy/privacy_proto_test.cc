#include "services/privacy/privacy_proto.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "tests/support/error_of.h"

namespace depot::privacy {
namespace {

using depot::testing::ErrorOf;

TEST(PrivacyProto, EveryRequestStatusHasItsOwnValue) {
  std::set<v1::AccessRequestStatus> seen;
  for (RequestStatus status :
       {RequestStatus::kReceived, RequestStatus::kCompiling,
        RequestStatus::kCompiled, RequestStatus::kDelivered,
        RequestStatus::kRefused, RequestStatus::kWithdrawn}) {
    EXPECT_NE(ToProto(status), v1::ACCESS_REQUEST_STATUS_UNSPECIFIED);
    seen.insert(ToProto(status));
  }
  EXPECT_EQ(seen.size(), 6u);
}

TEST(PrivacyProto, OutcomesCloseARequestAsTheyName) {
  EXPECT_EQ(FromProto(v1::CLOSE_OUTCOME_DELIVERED), RequestStatus::kDelivered);
  EXPECT_EQ(FromProto(v1::CLOSE_OUTCOME_REFUSED), RequestStatus::kRefused);
  EXPECT_EQ(FromProto(v1::CLOSE_OUTCOME_WITHDRAWN), RequestStatus::kWithdrawn);
  for (int number : {0, 99}) {
    Error error =
        ErrorOf([&] { FromProto(static_cast<v1::CloseOutcome>(number)); });
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(std::string(error.what()).rfind("outcome: ", 0), 0u)
        << error.what();
  }
}

TEST(PrivacyProto, ABreachRequestKeepsItsCategoriesInOrder) {
  v1::RegisterBreachRequest request;
  request.set_became_aware_at("2026-03-01T10:00:00Z");
  request.add_data_categories("names");
  request.add_data_categories("addresses");
  request.add_people_categories("visitors");
  request.set_approximate_people(3);
  NewBreach breach = FromProto(request);
  EXPECT_EQ(breach.became_aware_at, "2026-03-01T10:00:00Z");
  EXPECT_EQ(breach.data_categories,
            (std::vector<std::string>{"names", "addresses"}));
  EXPECT_EQ(breach.people_categories, std::vector<std::string>{"visitors"});
  EXPECT_EQ(breach.approximate_people, 3);
}

}  // namespace
}  // namespace depot::privacy
