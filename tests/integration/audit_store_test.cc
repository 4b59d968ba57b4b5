// The audit chain on real PostgreSQL: events
// written as every service writes them, sealed by the sealer, then tampered
// with straight in the database: verification names the first bad event.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "services/audit/domain/audit_logs.h"
#include "services/audit/domain/canonical.h"
#include "storage/audit/pg_audit_store.h"
#include "storage/audit_writer.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

using audit::AuditLogs;
using audit::AuditSigningKey;
using audit::Sealer;
namespace sql = testing::sql;

class AuditStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 1; i <= 10; ++i) Append(i);
    auto view = logs_.TreeHead("deposits");
    ASSERT_TRUE(view.present);
    ASSERT_TRUE(view.head);
    ASSERT_EQ(view.head->size, 10);
  }

  // As a service does: one INSERT in its own transaction.
  void Append(int i) {
    pool_.Transact([&](pqxx::work& tx) {
      storage::AppendAuditEvent(
          tx, "deposits",
          {"anna", "archivist", "record.search", "deposit/" + std::to_string(i),
           i % 2 ? "3f2a9c" : "", "results=" + std::to_string(i)});
    });
  }

  template <typename... Params>
  pqxx::result Sql(const storage::SqlQuery& query, const Params&... params) {
    return testing::RunSql(db_.dsn(), query, params...);
  }
  int64_t IdAt(int64_t seq) {
    return Sql(sql::kFindDepositsAuditEventAtSeq, seq)[0][0].as<int64_t>();
  }

  audit::VerifyOutcome Verify() { return logs_.Verify("deposits"); }

  testing::TestDatabase db_;
  storage::ConnectionPool pool_{db_.dsn(), 2};
  storage::PgAuditStore store_{pool_};
  std::unique_ptr<AuditSigningKey> key_ = AuditSigningKey::Generate();
  Sealer sealer_{store_, *key_, SystemClock()};
  AuditLogs logs_{store_, *key_, sealer_};
};

TEST_F(AuditStoreTest, UntouchedLogVerifies) {
  auto outcome = Verify();
  ASSERT_TRUE(outcome.present);
  EXPECT_TRUE(outcome.verification.ok())
      << outcome.verification.first_bad->detail;
  EXPECT_EQ(outcome.verification.events_checked, 10);
  EXPECT_EQ(outcome.verification.heads_checked, 1);  // signed_at round trip
  EXPECT_EQ(outcome.unsealed, 0);
  ASSERT_TRUE(outcome.latest_head);
  EXPECT_EQ(outcome.latest_head->size, 10);
}

TEST_F(AuditStoreTest, UpdatedEventIsNamed) {
  int64_t id = IdAt(5);
  Sql(sql::kChangeDepositsAuditEventSubject, 5);
  auto result = Verify().verification;
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "changed");
  EXPECT_EQ(result.first_bad->seq, 5);
  EXPECT_EQ(result.first_bad->event_id, id);
}

TEST_F(AuditStoreTest, UpdatedTimeIsNamed) {
  Sql(sql::kShiftDepositsAuditEventTime, 2);
  auto result = Verify().verification;
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "changed");
  EXPECT_EQ(result.first_bad->seq, 2);
}

TEST_F(AuditStoreTest, DeletedEventIsNamed) {
  Sql(sql::kDeleteDepositsAuditEventAtSeq, 7);
  auto result = Verify().verification;
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "removed");
  EXPECT_EQ(result.first_bad->seq, 7);
}

TEST_F(AuditStoreTest, DeletedLastEventIsCaughtByTheHead) {
  Sql(sql::kDeleteDepositsAuditEventAtSeq, 10);
  auto result = Verify().verification;
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "removed");
  EXPECT_EQ(result.first_bad->seq, 10);
}

TEST_F(AuditStoreTest, SwappedEventsAreNamed) {
  int64_t moved = IdAt(8);
  {
    pqxx::connection connection(db_.dsn());
    pqxx::work tx(connection);
    tx.exec_params(sql::kMoveDepositsAuditEventToSeq.text, 3, -3);
    tx.exec_params(sql::kMoveDepositsAuditEventToSeq.text, 8, 3);
    tx.exec_params(sql::kMoveDepositsAuditEventToSeq.text, -3, 8);
    tx.commit();
  }
  auto result = Verify().verification;
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "reordered");
  EXPECT_EQ(result.first_bad->seq, 3);
  EXPECT_EQ(result.first_bad->event_id, moved);
}

TEST_F(AuditStoreTest, InsertedEventIsNamed) {
  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  tx.exec_params(sql::kNegateDepositsAuditEventSeqsFrom.text, 5);
  tx.exec_params(sql::kRestoreNegatedDepositsAuditEventSeqsOneLater.text);
  tx.commit();
  int64_t forged =
      Sql(sql::kInsertForgedDepositsAuditEvent, 5)[0][0].as<int64_t>();
  auto result = Verify().verification;
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "inserted");
  EXPECT_EQ(result.first_bad->seq, 5);
  EXPECT_EQ(result.first_bad->event_id, forged);
}

TEST_F(AuditStoreTest, TamperedHeadIsNamed) {
  Sql(sql::kShiftDepositsAuditHeadTime);
  auto result = Verify().verification;
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "head mismatch");
}

// Writers only INSERT: an event of a transaction still open is simply not
// sealed yet; the sealer seals what committed after it and takes the late
// one next, at a later seq.
TEST_F(AuditStoreTest, WritersNeverWaitAndLateCommitsChainLater) {
  pqxx::connection slow(db_.dsn());
  pqxx::work open(slow);
  storage::AppendAuditEvent(open, "deposits",
                            {"kari", "desk", "loan.open", "loan/1", "", ""});
  Append(11);  // commits while the first is still open
  EXPECT_EQ(sealer_.SealLog("deposits", true).sealed, 1);
  open.commit();
  EXPECT_EQ(sealer_.SealLog("deposits", true).sealed, 1);
  auto outcome = Verify();
  EXPECT_TRUE(outcome.verification.ok())
      << outcome.verification.first_bad->detail;
  EXPECT_EQ(outcome.verification.events_checked, 12);
}

TEST_F(AuditStoreTest, ExportIsAuditedAndSealedLater) {
  struct Count : audit::ExportSink {
    void Begin(const std::string&, bool p) override { present = p; }
    void Events(const std::vector<audit::SealedEvent>& e) override {
      events += e.size();
    }
    void Heads(const std::vector<audit::SignedHead>& h) override {
      heads = h.size();
    }
    bool present = false;
    size_t events = 0, heads = 0;
  } sink;
  logs_.Export({"dora", Role::kDpo, ""}, "deposits", sink);
  EXPECT_TRUE(sink.present);
  EXPECT_EQ(sink.events, 10u);
  EXPECT_EQ(sink.heads, 1u);
  auto view = logs_.TreeHead("deposits");
  EXPECT_EQ(view.head->size, 11);
  EXPECT_TRUE(Verify().verification.ok());
}

TEST_F(AuditStoreTest, EveryServiceLogIsChainedAndAMissingOneIsAbsent) {
  for (const char* log : {"readingroom", "journal"}) {
    pool_.Transact([&](pqxx::work& tx) {
      storage::AppendAuditEvent(tx, log, {"a", "desk", "x", "y", "", ""});
    });
    auto view = logs_.TreeHead(log);
    EXPECT_TRUE(view.present) << log;
    ASSERT_TRUE(view.head) << log;
    EXPECT_EQ(view.head->size, 1) << log;
    EXPECT_TRUE(logs_.Verify(log).verification.ok()) << log;
  }
  Sql(sql::kDropSchemaJournal);
  EXPECT_FALSE(logs_.Verify("journal").present);
  EXPECT_FALSE(logs_.TreeHead("journal").present);
  EXPECT_EQ(sealer_.SealAll(), 0);
}

TEST(AuditTimestamps, PostgresTextParsedExactly) {
  EXPECT_EQ(storage::ParseUtcTimestampMicros("2023-11-14 22:13:20.123456+00"),
            1700000000123456);
  EXPECT_EQ(storage::ParseUtcTimestampMicros("2023-11-14 22:13:20.5+00"),
            1700000000500000);
  EXPECT_EQ(storage::ParseUtcTimestampMicros("2023-11-14 22:13:20+00"),
            1700000000000000);
  EXPECT_EQ(storage::ParseUtcTimestampMicros("1969-12-31 23:59:59+00"),
            -1000000);
  EXPECT_EQ(storage::ParseUtcTimestampMicros("infinity"),
            std::numeric_limits<int64_t>::min());
}

// An export's pages: sealed events after one seq up to the last one sealed
// when it began, in seq order; events sealed since are not in them.
TEST_F(AuditStoreTest, SealedPagesStopAtTheirBound) {
  for (int i = 11; i <= 12; ++i) Append(i);
  logs_.TreeHead("deposits");  // seals 11 and 12: after the bound of 10
  std::vector<audit::SealedEvent> first, rest;
  int64_t counted = 0;
  store_.Run([&](audit::AuditTransaction& tx) {
    first = tx.SealedPage("deposits", 0, 10, 4);
    rest = tx.SealedPage("deposits", first.back().seq, 10, 100);
    counted = tx.CountSealed("deposits", 10);
  });
  ASSERT_EQ(first.size(), 4u);
  EXPECT_EQ(first.front().seq, 1);
  EXPECT_EQ(first.back().seq, 4);
  EXPECT_EQ(first[2].object, "deposit/3");
  EXPECT_EQ(first[2].subject, "3f2a9c");
  ASSERT_EQ(rest.size(), 6u);
  EXPECT_EQ(rest.back().seq, 10);
  EXPECT_EQ(counted, 10);
}

}  // namespace
}  // namespace depot

namespace depot {
namespace {

// Verification's parallel read: each range on a connection of its own, all
// on the snapshot of the transaction that asked, and a range whose visitor
// has seen enough is left unread.
TEST_F(AuditStoreTest, RangesAreReadInParallelOnOneSnapshot) {
  std::vector<std::vector<int64_t>> seen(3);
  int64_t unsealed = -1;
  store_.RunSnapshot([&](audit::AuditTransaction& tx) {
    unsealed = tx.CountUnsealed("deposits");
    // Sealed after the snapshot: seq 11 is not in it.
    Append(11);
    logs_.TreeHead("deposits");
    EXPECT_EQ(tx.CountUnsealed("deposits"), unsealed);
    ASSERT_GE(tx.ParallelReaders(), 2u);
    tx.ForEachSealedInRanges("deposits", {{1, 4}, {5, 11}, {2, 9}},
                             [&](size_t range, const audit::SealedEvent& e) {
                               seen[range].push_back(e.seq);
                               return range != 2 || e.seq < 3;
                             });
  });
  EXPECT_EQ(unsealed, 0);
  EXPECT_EQ(seen[0], (std::vector<int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(seen[1], (std::vector<int64_t>{5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(seen[2], (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(logs_.TreeHead("deposits").head->size, 11);
}

}  // namespace
}  // namespace depot
