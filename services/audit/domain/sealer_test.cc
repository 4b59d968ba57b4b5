// The sealer and the audit use cases over an in-memory store: batches in id
// order, heads periodic and on demand (time injected), absent logs.
#include <gtest/gtest.h>

#include "services/audit/domain/audit_logs.h"
#include "services/audit/domain/canonical.h"
#include "services/common/error.h"
#include "services/common/time_format.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fakes/fake_audit_store.h"

namespace depot::audit {
namespace {

class AuditSealerTest : public ::testing::Test {
 protected:
  AuditSealerTest() {
    store_.state().logs["deposits"];
    store_.state().logs["journal"];
  }
  testing::FakeClock clock_{std::chrono::system_clock::time_point(
      std::chrono::seconds(1'700'000'000))};
  FakeAuditStore store_;
  std::unique_ptr<AuditSigningKey> key_ = AuditSigningKey::Generate();
  Sealer sealer_{store_, *key_, clock_.clock(),
                 SealerOptions{3, 2, 10'000'000}};
  AuditLogs logs_{store_, *key_, sealer_};
};

TEST_F(AuditSealerTest, SealsInIdOrderInBoundedBatches) {
  for (int i = 0; i < 8; ++i) store_.Append("deposits", "record.search");
  auto pass = sealer_.SealLog("deposits", false);
  EXPECT_TRUE(pass.present);
  EXPECT_EQ(pass.sealed, 6);  // two batches of three per pass
  pass = sealer_.SealLog("deposits", false);
  EXPECT_EQ(pass.sealed, 2);
  const auto& rows = store_.state().logs["deposits"].rows;
  for (const auto& e : rows) EXPECT_EQ(e.seq, e.id);
  auto outcome = logs_.Verify("deposits");
  EXPECT_TRUE(outcome.present);
  EXPECT_TRUE(outcome.verification.ok());
  EXPECT_EQ(outcome.verification.events_checked, 8);
  EXPECT_EQ(outcome.unsealed, 0);
}

TEST_F(AuditSealerTest, PeriodicHeadsAtMostOncePerInterval) {
  store_.Append("deposits", "a");
  sealer_.SealLog("deposits", false);
  ASSERT_EQ(store_.state().logs["deposits"].heads.size(), 1u);
  store_.Append("deposits", "b");
  clock_.Advance(
      std::chrono::seconds(1));  // too soon for another periodic head
  auto pass = sealer_.SealLog("deposits", false);
  EXPECT_EQ(pass.sealed, 1);
  EXPECT_FALSE(pass.head_written);
  clock_.Advance(std::chrono::seconds(10));
  pass = sealer_.SealLog("deposits", false);
  EXPECT_EQ(pass.sealed, 0);
  EXPECT_TRUE(pass.head_written);  // the chain grew since the last head
  const auto& heads = store_.state().logs["deposits"].heads;
  ASSERT_EQ(heads.size(), 2u);
  EXPECT_EQ(heads.back().size, 2);
  EXPECT_EQ(heads.back().signed_at_us, MicrosSinceEpoch(clock_.now));
  EXPECT_TRUE(key_->verifier().Verify(HeadBytes("deposits", heads.back()),
                                      heads.back().signature));
  // Nothing new: no head, however long it has been.
  clock_.Advance(std::chrono::seconds(60));
  EXPECT_FALSE(sealer_.SealLog("deposits", false).head_written);
}

TEST_F(AuditSealerTest, TreeHeadSealsAndSignsOnDemand) {
  store_.Append("journal", "entry.read");
  clock_.Advance(std::chrono::microseconds(1));
  store_.Append("journal", "entry.read");
  auto view = logs_.TreeHead("journal");
  ASSERT_TRUE(view.present);
  ASSERT_TRUE(view.head);
  EXPECT_EQ(view.head->size, 2);
  EXPECT_EQ(view.pending, 0);
  store_.Append("journal", "entry.read");
  clock_.Advance(std::chrono::microseconds(
      1));  // well within the periodic interval: on demand signs anyway
  view = logs_.TreeHead("journal");
  EXPECT_EQ(view.head->size, 3);
  EXPECT_EQ(view.head->signed_at_us, MicrosSinceEpoch(clock_.now));
}

TEST_F(AuditSealerTest, AnotherSealerAtWorkIsNotWaitedForInTheBackground) {
  store_.Append("deposits", "a");
  store_.state().lock_held_elsewhere = true;
  auto pass = sealer_.SealLog("deposits", false);
  EXPECT_FALSE(pass.locked);
  EXPECT_EQ(pass.sealed, 0);
  EXPECT_EQ(logs_.Verify("deposits").unsealed, 1);
}

TEST_F(AuditSealerTest, AbsentLogIsReportedNotAnError) {
  EXPECT_FALSE(logs_.TreeHead("privacy").present);
  EXPECT_FALSE(logs_.Verify("privacy").present);
  EXPECT_EQ(sealer_.SealAll(), 0);
  try {
    logs_.Verify("payroll");
    FAIL() << "an unknown log must be refused";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(error.what()).find("deposits, readingroom"),
              std::string::npos);
  }
}

class Collect : public ExportSink {
 public:
  void Begin(const std::string& log, bool present) override {
    begun = log;
    this->present = present;
  }
  void Events(const std::vector<SealedEvent>& batch) override {
    events.insert(events.end(), batch.begin(), batch.end());
  }
  void Heads(const std::vector<SignedHead>& h) override { heads = h; }
  std::string begun;
  bool present = false;
  std::vector<SealedEvent> events;
  std::vector<SignedHead> heads;
};

TEST_F(AuditSealerTest, ExportCarriesChainAndHeadsAndIsAudited) {
  for (int i = 0; i < 4; ++i) store_.Append("deposits", "record.search");
  logs_.TreeHead("deposits");
  Collect sink;
  Caller dpo{"dora", Role::kDpo, ""};
  logs_.Export(dpo, "deposits", sink);
  EXPECT_EQ(sink.begun, "deposits");
  EXPECT_TRUE(sink.present);
  ASSERT_EQ(sink.events.size(), 4u);
  ASSERT_EQ(sink.heads.size(), 1u);
  auto source = [&](const std::function<bool(const SealedEvent&)>& visit) {
    for (const auto& e : sink.events) {
      if (!visit(e)) return;
    }
  };
  EXPECT_TRUE(
      VerifyChain("deposits", source, sink.heads, key_->verifier()).ok());
  const auto& audited = store_.state().logs["deposits"].audited;
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited[0].action, "audit.export");
  EXPECT_EQ(audited[0].actor, "dora");
  EXPECT_EQ(audited[0].actor_role, "dpo");
  EXPECT_EQ(audited[0].detail, "events=4 heads=1");
}

// An export reads a page per transaction and hands it out after the
// transaction ended: a client that reads slowly keeps no database
// connection waiting.
class OutsideTransactions : public ExportSink {
 public:
  explicit OutsideTransactions(const FakeAuditStore& store) : store_(store) {}
  void Begin(const std::string&, bool) override { Check(); }
  void Events(const std::vector<SealedEvent>& batch) override {
    Check();
    events += batch.size();
    if (on_events) on_events();
  }
  void Heads(const std::vector<SignedHead>&) override { Check(); }
  void Check() { inside += store_.in_transaction() ? 1 : 0; }
  const FakeAuditStore& store_;
  int inside = 0;
  size_t events = 0;
  std::function<void()> on_events;
};

TEST_F(AuditSealerTest, ExportHandsPagesOutBetweenTransactions) {
  for (int i = 0; i < 5; ++i) store_.Append("deposits", "record.search");
  logs_.TreeHead("deposits");
  OutsideTransactions sink(store_);
  logs_.Export(Caller{"dora", Role::kDpo, ""}, "deposits", sink);
  EXPECT_EQ(sink.events, 5u);
  EXPECT_EQ(sink.inside, 0) << "sink called inside a transaction";
}

TEST_F(AuditSealerTest, ExportShowsTheEventsSealedWhenItBegan) {
  const size_t sealed = AuditLogs::kExportBatch + 5;  // two pages
  for (size_t i = 0; i < sealed; ++i) store_.Append("deposits", "a");
  while (sealer_.SealLog("deposits", false).sealed > 0) {
  }
  OutsideTransactions sink(store_);
  sink.on_events = [&] {
    // Sealed while the export runs: after its view, so not in it.
    for (int i = 0; i < 3; ++i) store_.Append("deposits", "later");
    logs_.TreeHead("deposits");
  };
  logs_.Export(Caller{"dora", Role::kDpo, ""}, "deposits", sink);
  EXPECT_EQ(sink.events, sealed);
}

}  // namespace
}  // namespace depot::audit
