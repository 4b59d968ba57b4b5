// Access requests: deadlines, extensions, statuses, compiling (with fake
// services and an injectable clock).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "services/common/error.h"
#include "services/privacy/domain/access_requests.h"
#include "services/privacy/domain/identity.h"
#include "services/privacy/domain/time_text.h"
#include "tests/support/fakes/fake_privacy_store.h"
#include "tests/support/fakes/privacy_test_support.h"

namespace depot::privacy {
namespace {

using testing::Day;
using testing::Dpo;
using testing::Noon;

class AccessRequestsTest : public ::testing::Test {
 protected:
  AccessRequestsTest() { clock_.now = Noon(2025, 1, 31); }

  AccessRequestView OpenByName(const std::string& received = "") {
    return requests_.Open(
        Dpo(), {"", "Kari Nordmann", "1980-05-17", "id-document", received});
  }

  ErrorCode CodeOf(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.code();
    }
    ADD_FAILURE() << "no error";
    return ErrorCode::kInternal;
  }

  testing::FakeClock clock_;
  FakePrivacyStore store_;
  FakeSubjectSources sources_;
  Keyring keyring_ = Keyring::Random();
  AccessRequests requests_{store_, sources_, keyring_, clock_.clock()};
};

TEST(PrivacyCalendarTest, AddMonthsClampsToTheMonthsLastDay) {
  EXPECT_EQ(AddMonths(Day(2025, 1, 31), 1), Day(2025, 2, 28));
  EXPECT_EQ(AddMonths(Day(2024, 1, 31), 1), Day(2024, 2, 29));
  EXPECT_EQ(AddMonths(Day(2025, 3, 31), 1), Day(2025, 4, 30));
  EXPECT_EQ(AddMonths(Day(2025, 11, 15), 3), Day(2026, 2, 15));
  EXPECT_EQ(AddMonths(Day(2025, 3, 31), -1), Day(2025, 2, 28));
}

TEST_F(AccessRequestsTest, DueIsOneCalendarMonthClampedAndTargetThirtyDays) {
  AccessRequestView view = OpenByName();
  EXPECT_EQ(view.request.received_on, Day(2025, 1, 31));
  EXPECT_EQ(view.request.due_on, Day(2025, 2, 28));
  EXPECT_EQ(view.request.target_on, Day(2025, 3, 2));
  EXPECT_EQ(view.request.status, RequestStatus::kReceived);
  EXPECT_EQ(view.days_left, 28);
  ASSERT_TRUE(view.identity);
  EXPECT_EQ(view.identity->name, "Kari Nordmann");
}

TEST_F(AccessRequestsTest, IdentityIsSealedAndNeverInTheAuditLog) {
  AccessRequestView view = OpenByName();
  const AccessRequest& stored = store_.state().requests.at(view.request.id);
  EXPECT_EQ(stored.identity_sealed.find("Kari"), std::string::npos);
  EXPECT_EQ(stored.subject, PseudonymOf(keyring_, *view.identity));
  for (const AuditEvent& ev : store_.state().audit) {
    EXPECT_EQ(ev.detail.find("Kari"), std::string::npos);
    EXPECT_EQ(ev.subject, stored.subject);
  }
  AccessRequestView got = requests_.Get(Dpo(), view.request.id);
  ASSERT_TRUE(got.identity);
  EXPECT_EQ(got.identity->birth_date, "1980-05-17");
}

TEST_F(AccessRequestsTest, IdentityIsExactlyOneWay) {
  EXPECT_EQ(
      CodeOf([&] {
        requests_.Open(Dpo(), {"", "Kari Nordmann", "", "id-document", ""});
      }),
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] {
              requests_.Open(Dpo(), {"15108695088", "Kari", "1986-10-15",
                                     "id-document", ""});
            }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] {
              requests_.Open(Dpo(), {"15108695089", "", "", "id-document", ""});
            }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      CodeOf([&] {
        requests_.Open(Dpo(), {"15108695088", "", "", "a phone call", ""});
      }),
      ErrorCode::kInvalidArgument);
  AccessRequestView ok =
      requests_.Open(Dpo(), {"15108695088", "", "", "electronic-id", ""});
  EXPECT_EQ(ok.request.identity_kind, "national_id");
}

TEST_F(AccessRequestsTest, ExtensionAtMostTwoMonthsWithinTheFirstMonth) {
  AccessRequestView view = OpenByName();
  int64_t id = view.request.id;
  EXPECT_EQ(CodeOf([&] { requests_.Extend(Dpo(), id, 1, ""); }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] { requests_.Extend(Dpo(), id, 3, "many records"); }),
            ErrorCode::kInvalidArgument);
  AccessRequestView once = requests_.Extend(Dpo(), id, 1, "many records");
  EXPECT_EQ(once.request.due_on, Day(2025, 3, 31));
  AccessRequestView twice = requests_.Extend(Dpo(), id, 1, "archive boxes");
  EXPECT_EQ(twice.request.due_on, Day(2025, 4, 30));
  EXPECT_EQ(CodeOf([&] { requests_.Extend(Dpo(), id, 1, "more"); }),
            ErrorCode::kFailedPrecondition);

  // Past the first month no extension can be decided any more.
  AccessRequestView late = OpenByName();
  clock_.now = Noon(2025, 3, 1);
  EXPECT_EQ(CodeOf([&] { requests_.Extend(Dpo(), late.request.id, 1, "x"); }),
            ErrorCode::kFailedPrecondition);
}

TEST_F(AccessRequestsTest, DueWithinAndOverdueLists) {
  AccessRequestView old_one = OpenByName("2025-01-02");  // due 2025-02-02
  AccessRequestView new_one = OpenByName();              // due 2025-02-28
  clock_.now = Noon(2025, 1, 28);
  auto within = requests_.List(Dpo(), {false, 7, false, 0});
  ASSERT_EQ(within.size(), 1u);
  EXPECT_EQ(within[0].request.id, old_one.request.id);
  EXPECT_EQ(within[0].days_left, 5);
  EXPECT_FALSE(within[0].identity);  // lists never carry identities

  clock_.now = Noon(2025, 2, 3);
  auto overdue = requests_.List(Dpo(), {false, 0, true, 0});
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].days_left, -1);
  EXPECT_EQ(requests_.List(Dpo(), {}).size(), 2u);
  (void)new_one;
}

TEST_F(AccessRequestsTest, CompileGathersEveryServiceAndRecordsTheCompile) {
  sources_.data = {
      {"deposits",
       {{"deposits", "record", "record/7", R"({"person_name":"Kari"})",
         "deposit 3"}},
       {}},
      {"readingroom", {}, {}},
      {"journal", {}, {"2 entries with the same name and no identity"}}};
  AccessRequestView view = OpenByName();
  CompiledRequest compiled = requests_.Compile(Dpo(), view.request.id);
  EXPECT_EQ(sources_.last_identity.name, "Kari Nordmann");
  EXPECT_EQ(sources_.last_purpose,
            "access_request/" + std::to_string(view.request.id));
  EXPECT_EQ(compiled.request.request.status, RequestStatus::kCompiled);
  EXPECT_EQ(compiled.request.request.compile_count, 1);
  EXPECT_FALSE(compiled.request.request.document_sha256.empty());

  auto document = nlohmann::json::parse(compiled.extract.document_json);
  EXPECT_EQ(document["subject"]["name"], "Kari Nordmann");
  ASSERT_EQ(document["services"].size(), 4u);
  EXPECT_EQ(document["services"][0]["items"][0]["data"]["person_name"], "Kari");
  // PrivacyService's own data: the request itself and its audit events.
  EXPECT_EQ(document["services"][3]["service"], "privacy");
  EXPECT_EQ(document["services"][3]["counts"]["access_request"], 1);
  EXPECT_EQ(document["services"][3]["counts"]["audit_event"], 1);
  EXPECT_NE(compiled.extract.summary.find("deposits: 1 record"),
            std::string::npos);
  ASSERT_EQ(compiled.extract.notes.size(), 1u);
  EXPECT_EQ(store_.state().audit.back().action, "access_request.compile");
  EXPECT_EQ(store_.state().audit.back().detail.find("Kari"), std::string::npos);
}

TEST_F(AccessRequestsTest, FailedCompileLeavesTheRequestAsItWas) {
  AccessRequestView view = OpenByName();
  sources_.fail = true;
  EXPECT_EQ(CodeOf([&] { requests_.Compile(Dpo(), view.request.id); }),
            ErrorCode::kUnavailable);
  EXPECT_EQ(store_.state().requests.at(view.request.id).status,
            RequestStatus::kReceived);
}

TEST_F(AccessRequestsTest, DeliveredOnlyAfterCompileAndClosedIsFinal) {
  AccessRequestView view = OpenByName();
  int64_t id = view.request.id;
  EXPECT_EQ(CodeOf([&] {
              requests_.Close(Dpo(), id, RequestStatus::kDelivered, "");
            }),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(
      CodeOf([&] { requests_.Close(Dpo(), id, RequestStatus::kRefused, ""); }),
      ErrorCode::kInvalidArgument);
  requests_.Compile(Dpo(), id);
  AccessRequestView closed =
      requests_.Close(Dpo(), id, RequestStatus::kDelivered, "");
  EXPECT_EQ(closed.request.status, RequestStatus::kDelivered);
  EXPECT_TRUE(closed.request.closed_at);
  EXPECT_EQ(CodeOf([&] { requests_.Compile(Dpo(), id); }),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(CodeOf([&] { requests_.Extend(Dpo(), id, 1, "x"); }),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(CodeOf([&] { requests_.Get(Dpo(), 999); }), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace depot::privacy
