// PrivacyService's storage on real PostgreSQL, driven through the domain:
// requests with sealed identities, deadline lists, retention deletes,
// breaches, audit events in the same transaction.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "services/common/error.h"
#include "services/common/time_format.h"
#include "services/privacy/domain/access_requests.h"
#include "services/privacy/domain/breaches.h"
#include "services/privacy/domain/erasure.h"
#include "services/privacy/domain/retention.h"
#include "storage/privacy/pg_privacy_store.h"
#include "tests/support/postgres.h"
#include "tests/support/fakes/fake_privacy_store.h"
#include "tests/support/fakes/privacy_test_support.h"
#include "tests/support/sql.h"

namespace depot::privacy {
namespace {

using testing::Dpo;
using testing::Noon;

class PgPrivacyStoreTest : public ::testing::Test {
 protected:
  template <typename... Params>
  pqxx::result Sql(const storage::SqlQuery& query, const Params&... params) {
    return depot::testing::RunSql(db_.dsn(), query, params...);
  }

  depot::testing::TestDatabase db_;
  storage::ConnectionPool pool_{db_.dsn(), 4};
  storage::PgPrivacyStore store_{pool_};
  Keyring keyring_ = Keyring::Random();
  testing::FakeClock clock_{Noon(2025, 1, 31)};
  FakeSubjectSources sources_;
  AccessRequests requests_{store_, sources_, keyring_, clock_.clock()};
  Retention retention_{store_, sources_, clock_.clock(), Settings{}};
  Erasure erasure_{store_, sources_, keyring_, clock_.clock(), Settings{}};
  Breaches breaches_{store_, clock_.clock()};
};

TEST_F(PgPrivacyStoreTest, RequestsRoundTripWithTheIdentitySealed) {
  auto opened = requests_.Open(
      Dpo(), {"", "Kari Nordmann", "1980-05-17", "id-document", ""});
  auto got = requests_.Get(Dpo(), opened.request.id);
  ASSERT_TRUE(got.identity);
  EXPECT_EQ(got.identity->name, "Kari Nordmann");
  EXPECT_EQ(FormatDate(got.request.due_on), "2025-02-28");
  EXPECT_EQ(FormatDate(got.request.target_on), "2025-03-02");
  EXPECT_EQ(got.request.opened_at, clock_.now);

  // Nothing in clear in any privacy table, audit events included.
  auto rows = Sql(depot::testing::sql::kCountAccessRequestsWithKariInClear);
  EXPECT_EQ(rows[0][0].as<int>(), 0);
  rows = Sql(depot::testing::sql::kCountAccessRequestEventsOfTheRequest);
  EXPECT_EQ(rows[0][0].as<int>(), 2);  // open, read
  EXPECT_EQ(rows[0][1].as<int>(), 2);
  // A moved ciphertext does not decrypt: bound to its request id.
  auto second =
      requests_.Open(Dpo(), {"15108695088", "", "", "electronic-id", ""});
  Sql(depot::testing::sql::kCopySealedAccessRequestIdentity, opened.request.id,
      second.request.id);
  EXPECT_THROW(requests_.Get(Dpo(), second.request.id), Error);
}

TEST_F(PgPrivacyStoreTest, ListsByDueDateAndCompilesWithOwnData) {
  auto early = requests_.Open(
      Dpo(), {"", "Ola A", "1970-01-01", "id-document", "2025-01-05"});
  auto late =
      requests_.Open(Dpo(), {"", "Ola B", "1970-01-02", "id-document", ""});
  auto within = requests_.List(Dpo(), {false, 7, false, 0});
  ASSERT_EQ(within.size(), 1u);
  EXPECT_EQ(within[0].request.id, early.request.id);
  auto all = requests_.List(Dpo(), {});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].request.id, late.request.id);

  sources_.data = {{"deposits", {}, {}}};
  auto compiled = requests_.Compile(Dpo(), late.request.id);
  EXPECT_EQ(compiled.request.request.status, RequestStatus::kCompiled);
  auto stored = requests_.Get(Dpo(), late.request.id);
  EXPECT_EQ(stored.request.compile_count, 1);
  EXPECT_EQ(stored.request.document_sha256,
            compiled.request.request.document_sha256);
  // Own data: this request and its audit events; not Ola A's.
  int requests = 0;
  for (const auto& item : compiled.extract.items) {
    if (item.kind == "access_request") {
      ++requests;
      EXPECT_EQ(item.id, "access_request/" + std::to_string(late.request.id));
    }
  }
  EXPECT_EQ(requests, 1);
}

TEST_F(PgPrivacyStoreTest, RetentionDeletesClosedRequestsPastThePeriodOnce) {
  auto old_one =
      requests_.Open(Dpo(), {"", "Ola A", "1970-01-01", "id-document", ""});
  requests_.Close(Dpo(), old_one.request.id, RequestStatus::kWithdrawn,
                  "withdrawn");
  clock_.now = Noon(2027, 1, 1);
  auto kept =
      requests_.Open(Dpo(), {"", "Ola B", "1970-01-01", "id-document", ""});
  requests_.Close(Dpo(), kept.request.id, RequestStatus::kRefused,
                  "manifestly unfounded");
  clock_.now = Noon(2028, 2, 1);
  EXPECT_EQ(retention_.Run(Dpo(), true)[0].count, 1);
  EXPECT_EQ(retention_.Run(Dpo(), false)[0].count, 1);
  EXPECT_EQ(retention_.Run(Dpo(), false)[0].count, 0);
  EXPECT_EQ(Sql(depot::testing::sql::kCountAccessRequests)[0][0].as<int>(), 1);
  auto audit = Sql(depot::testing::sql::kListPrivacyAuditDetailsOfAction,
                   "retention.run");
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0][0].as<std::string>().rfind("closed_access_requests=1", 0),
            0u);
}

TEST_F(PgPrivacyStoreTest, ErasureAndBreachesAreStored) {
  requests_.Open(Dpo(), {"15108695088", "", "", "id-document", ""});
  sources_.outcomes = {{"readingroom", "visitor", "visitor/1", true, "gone"}};
  auto result =
      erasure_.Erase(Dpo(), {"15108695088", "", "", "erasure request"});
  EXPECT_GT(result.record.id, 0);
  auto rows = Sql(depot::testing::sql::kListErasureCounts);
  EXPECT_EQ(rows[0][0].as<int>(), 1);
  EXPECT_EQ(rows[0][1].as<int>(), 1);

  Breach b = breaches_.Register(Dpo(), {"2025-01-27T10:00:00Z",
                                        "lost laptop",
                                        {"names", "health-data"},
                                        {"pupils"},
                                        120});
  EXPECT_EQ(FormatRfc3339(b.deadline_at), "2025-01-30T10:00:00Z");
  auto overdue = breaches_.List(Dpo(), false, true);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].data_categories,
            (std::vector<std::string>{"names", "health-data"}));
  Breach notified = breaches_.Notify(Dpo(), b.id, "", "weekend");
  EXPECT_TRUE(notified.NotifiedLate());
  EXPECT_TRUE(breaches_.List(Dpo(), true, false).empty());
  auto stored = breaches_.List(Dpo(), false, false);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].late_reason, "weekend");
  EXPECT_EQ(stored[0].notified_at, clock_.now);
}

// The statements the domain tests above reach only in part, straight
// through a transaction: what is not there, and what belongs to whom.
TEST_F(PgPrivacyStoreTest, StatementsFindOnlyWhatBelongsToTheSubject) {
  auto first =
      requests_.Open(Dpo(), {"", "Ola A", "1970-01-01", "id-document", ""});
  auto second =
      requests_.Open(Dpo(), {"", "Ola B", "1970-01-02", "id-document", ""});
  requests_.Close(Dpo(), first.request.id, RequestStatus::kWithdrawn,
                  "withdrawn");
  store_.Run([&](PrivacyTransaction& tx) {
    EXPECT_FALSE(tx.FindAccessRequest(999, false));
    EXPECT_FALSE(tx.FindAccessRequest(999, true));
    EXPECT_FALSE(tx.FindBreach(999, false));
    EXPECT_FALSE(tx.FindBreach(999, true));
    auto open = tx.ListAccessRequests({true, std::nullopt, 10});
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].id, second.request.id);
    EXPECT_EQ(tx.ListAccessRequests({false, std::nullopt, 1}).size(), 1u);
    EXPECT_EQ(tx.ListAccessRequests({false, std::nullopt, 10}).size(), 2u);
    auto of_second = tx.AccessRequestsOfSubject(second.request.subject);
    ASSERT_EQ(of_second.size(), 1u);
    EXPECT_EQ(of_second[0].status, RequestStatus::kReceived);
    EXPECT_FALSE(of_second[0].closed_at);
    auto of_first = tx.FindAccessRequest(first.request.id, true);
    ASSERT_TRUE(of_first);
    EXPECT_EQ(of_first->closed_at, clock_.now);

    tx.InsertErasure({0, "p-a", clock_.now, "dora", "asked", 2, 1});
    tx.InsertErasure({0, "p-b", clock_.now, "dora", "asked", 0, 0});
    auto erasures = tx.ErasuresOfSubject("p-a");
    ASSERT_EQ(erasures.size(), 1u);
    EXPECT_EQ(erasures[0].requested_at, clock_.now);
    EXPECT_EQ(erasures[0].erased_count, 2);
    EXPECT_EQ(erasures[0].kept_count, 1);

    tx.Audit({"dora", "dpo", "subject.read", "x/1", "p-a", "one"});
    tx.Audit({"dora", "dpo", "subject.read", "x/2", "p-b", "other"});
    tx.Audit({"dora", "dpo", "subject.read", "x/3", "p-a", "two"});
    auto trail = tx.AuditEventsOfSubject("p-a");
    ASSERT_EQ(trail.size(), 2u);
    EXPECT_EQ(trail[0].detail, "one");
    EXPECT_EQ(trail[1].detail, "two");
  });
}

}  // namespace
}  // namespace depot::privacy
