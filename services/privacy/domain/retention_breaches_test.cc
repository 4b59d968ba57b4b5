// Retention, erasure bookkeeping and the breach register (72 hours to
// notify), with an injectable clock.
#include <gtest/gtest.h>

#include "services/common/error.h"
#include "services/common/time_format.h"
#include "services/privacy/domain/access_requests.h"
#include "services/privacy/domain/breaches.h"
#include "services/privacy/domain/erasure.h"
#include "services/privacy/domain/retention.h"
#include "services/privacy/domain/time_text.h"
#include "tests/support/fakes/fake_privacy_store.h"
#include "tests/support/fakes/privacy_test_support.h"

namespace depot::privacy {
namespace {

using testing::Dpo;
using testing::Noon;

ErrorCode CodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no error";
  return ErrorCode::kInternal;
}

class RetentionTest : public ::testing::Test {
 protected:
  // A request closed (withdrawn) on the day the clock shows.
  int64_t ClosedRequest(const std::string& name) {
    auto view =
        requests_.Open(Dpo(), {"", name, "1970-01-01", "signed-letter", ""});
    requests_.Close(Dpo(), view.request.id, RequestStatus::kWithdrawn,
                    "withdrawn by letter");
    return view.request.id;
  }

  testing::FakeClock clock_{Noon(2020, 1, 10)};
  FakePrivacyStore store_;
  FakeSubjectSources sources_;
  Keyring keyring_ = Keyring::Random();
  Settings settings_;  // 36 months
  AccessRequests requests_{store_, sources_, keyring_, clock_.clock()};
  Retention retention_{store_, sources_, clock_.clock(), settings_};
};

TEST_F(RetentionTest, DeletesExactlyWhatIsPastItsPeriodAndASecondRunNothing) {
  int64_t old_one = ClosedRequest("Ola Old");  // closed 2020-01-10 12:00
  clock_.now = Noon(2021, 6, 1);
  int64_t recent = ClosedRequest("Per Recent");  // closed 2021-06-01
  auto open = requests_.Open(
      Dpo(), {"", "Open Person", "1970-01-01", "id-document", ""});
  sources_.retention = {{"readingroom", "visits", 4, "", "P5Y"}};

  // Exactly at the boundary nothing is past its period yet.
  clock_.now = Noon(2023, 1, 10);
  auto counts = retention_.Run(Dpo(), false);
  EXPECT_EQ(counts[0].count, 0);

  clock_.now = Noon(2023, 1, 10) + std::chrono::seconds(1);
  auto dry = retention_.Run(Dpo(), true);
  EXPECT_EQ(dry[0].kind, "closed_access_requests");
  EXPECT_EQ(dry[0].count, 1);
  EXPECT_EQ(dry[0].period, "P36M");
  EXPECT_TRUE(sources_.last_dry_run);
  EXPECT_EQ(store_.state().requests.size(), 3u);  // dry run deleted nothing

  auto run = retention_.Run(Dpo(), false);
  EXPECT_EQ(run[0].count, 1);
  ASSERT_EQ(run.size(), 2u);
  EXPECT_EQ(run[1].kind, "visits");
  EXPECT_FALSE(store_.state().requests.count(old_one));
  EXPECT_TRUE(store_.state().requests.count(recent));
  EXPECT_TRUE(store_.state().requests.count(open.request.id));

  auto again = retention_.Run(Dpo(), false);
  EXPECT_EQ(again[0].count, 0);

  // Counts only in the audit log, never names.
  for (const AuditEvent& ev : store_.state().audit) {
    if (ev.action.starts_with("retention")) {
      EXPECT_TRUE(ev.subject.empty());
      EXPECT_EQ(ev.detail.find("Ola"), std::string::npos);
    }
  }
}

TEST_F(RetentionTest, ReadingRoomFailureIsReportedAfterOwnDeletion) {
  ClosedRequest("Ola Old");
  clock_.now = Noon(2024, 1, 1);
  sources_.fail = true;
  EXPECT_EQ(CodeOf([&] { retention_.Run(Dpo(), false); }),
            ErrorCode::kUnavailable);
  EXPECT_TRUE(store_.state().requests.empty());
}

TEST(ErasureTest, RecordsOutcomesAndKeepsOwnRequestsWithTheReason) {
  testing::FakeClock clock{Noon(2025, 3, 1)};
  FakePrivacyStore store;
  FakeSubjectSources sources;
  Keyring keyring = Keyring::Random();
  AccessRequests requests(store, sources, keyring, clock.clock());
  Erasure erasure(store, sources, keyring, clock.clock(), Settings{});
  requests.Open(Dpo(), {"15108695088", "", "", "id-document", ""});
  sources.outcomes = {
      {"deposits", "record", "record/1", false, "arkivlova § 9"},
      {"readingroom", "visitor", "visitor/2", true, "no longer needed"}};
  EXPECT_EQ(CodeOf([&] {
              erasure.Erase(Dpo(), {"15108695088", "", "", ""});
            }),
            ErrorCode::kInvalidArgument);
  ErasureResult result =
      erasure.Erase(Dpo(), {"151086 95088", "", "", "request of 2025-02-27"});
  EXPECT_EQ(sources.last_identity.national_id, "15108695088");
  ASSERT_EQ(result.outcomes.size(), 3u);
  EXPECT_EQ(result.outcomes[2].kind, "access_request");
  EXPECT_FALSE(result.outcomes[2].erased);
  EXPECT_NE(result.outcomes[2].legal_reason.find("art. 5(2)"),
            std::string::npos);
  EXPECT_EQ(result.record.erased_count, 1);
  EXPECT_EQ(result.record.kept_count, 2);
  ASSERT_EQ(store.state().erasures.size(), 1u);
  EXPECT_EQ(store.state().erasures[0].subject,
            store.state().requests.begin()->second.subject);
  EXPECT_EQ(store.state().audit.back().action, "subject.erase");
}

class BreachesTest : public ::testing::Test {
 protected:
  NewBreach Input(const std::string& aware) {
    return {aware,
            "visitor list left on a train",
            {"names", "contact-details"},
            {"visitors"},
            40};
  }
  testing::FakeClock clock_{Noon(2025, 3, 2)};
  FakePrivacyStore store_;
  Breaches breaches_{store_, clock_.clock()};
};

TEST_F(BreachesTest, DeadlineIsBecameAwarePlus72Hours) {
  Breach b = breaches_.Register(Dpo(), Input("2025-03-02T08:15:00+01:00"));
  EXPECT_EQ(FormatRfc3339(b.became_aware_at), "2025-03-02T07:15:00Z");
  EXPECT_EQ(FormatRfc3339(b.deadline_at), "2025-03-05T07:15:00Z");
  EXPECT_FALSE(b.Overdue(clock_.now));
}

TEST_F(BreachesTest, OverdueBreachIsListedAndLateNotificationNeedsAReason) {
  Breach late = breaches_.Register(Dpo(), Input("2025-03-01T09:00:00Z"));
  Breach fresh = breaches_.Register(Dpo(), Input("2025-03-02T09:00:00Z"));
  clock_.now = Noon(2025, 3, 4) + std::chrono::hours(1);  // 13:00 on the 4th
  auto overdue = breaches_.List(Dpo(), false, true);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].id, late.id);
  EXPECT_EQ(breaches_.List(Dpo(), true, false).size(), 2u);

  EXPECT_EQ(CodeOf([&] { breaches_.Notify(Dpo(), late.id, "", ""); }),
            ErrorCode::kFailedPrecondition);
  Breach notified =
      breaches_.Notify(Dpo(), late.id, "", "found out over the weekend");
  EXPECT_TRUE(notified.NotifiedLate());
  EXPECT_EQ(notified.late_reason, "found out over the weekend");
  Breach on_time =
      breaches_.Notify(Dpo(), fresh.id, "2025-03-03T10:00:00Z", "");
  EXPECT_FALSE(on_time.NotifiedLate());
  EXPECT_TRUE(breaches_.List(Dpo(), true, false).empty());
  EXPECT_EQ(CodeOf([&] { breaches_.Notify(Dpo(), fresh.id, "", ""); }),
            ErrorCode::kFailedPrecondition);
}

TEST_F(BreachesTest, BadInputNamesTheField) {
  EXPECT_EQ(CodeOf([&] { breaches_.Register(Dpo(), Input("yesterday")); }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      CodeOf([&] { breaches_.Register(Dpo(), Input("2030-01-01T00:00:00Z")); }),
      ErrorCode::kInvalidArgument);
  NewBreach no_categories = Input("2025-03-01T09:00:00Z");
  no_categories.data_categories.clear();
  EXPECT_EQ(CodeOf([&] { breaches_.Register(Dpo(), no_categories); }),
            ErrorCode::kInvalidArgument);
  NewBreach bad = Input("2025-03-01T09:00:00Z");
  bad.people_categories = {"Visitors With Names"};
  EXPECT_EQ(CodeOf([&] { breaches_.Register(Dpo(), bad); }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] { breaches_.Notify(Dpo(), 5, "", ""); }),
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace depot::privacy
