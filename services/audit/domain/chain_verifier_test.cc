// The audit chain in memory: the canonical encoding (a fixed test vector,
// also in docs/integrators.md), signing, and verification naming the first
// bad event for every kind of tampering.
#include <gtest/gtest.h>

#include <algorithm>

#include "services/audit/domain/canonical.h"
#include "services/audit/domain/chain_verifier.h"
#include "services/audit/domain/signing_key.h"
#include "services/common/error.h"

namespace depot::audit {
namespace {

constexpr char kLog[] = "deposits";

SealedEvent Event(int64_t id) {
  SealedEvent e;
  e.id = id;
  e.occurred_at_us = 1'700'000'000'000'000 + id * 1000;
  e.actor = "anna";
  e.actor_role = "archivist";
  e.action = "record.search";
  e.object = "deposit/" + std::to_string(id);
  e.subject = id % 2 ? "3f2a" : "";
  e.detail = "results=" + std::to_string(id);
  return e;
}

// Seals events in order: seq 1.., chain from zero.
std::vector<SealedEvent> Chain(int n) {
  ChainHasher hasher;
  std::vector<SealedEvent> events;
  std::string previous = ZeroHash();
  for (int i = 1; i <= n; ++i) {
    SealedEvent e = Event(i);
    e.seq = i;
    e.chain_hash = hasher.Next(previous, e);
    previous = e.chain_hash;
    events.push_back(e);
  }
  return events;
}

SignedHead Head(const AuditSigningKey& key,
                const std::vector<SealedEvent>& chain, int64_t size) {
  SignedHead head{size, size == 0 ? ZeroHash() : chain[size - 1].chain_hash,
                  1'700'000'100'000'000 + size, ""};
  head.signature = key.Sign(HeadBytes(kLog, head));
  return head;
}

EventSource SourceOf(std::vector<SealedEvent> events) {
  std::sort(events.begin(), events.end(),
            [](const auto& a, const auto& b) { return a.seq < b.seq; });
  return [events](const std::function<bool(const SealedEvent&)>& visit) {
    for (const auto& e : events) {
      if (!visit(e)) return;
    }
  };
}

class AuditChainTest : public ::testing::Test {
 protected:
  Verification Verify(const std::vector<SealedEvent>& events,
                      std::vector<SignedHead> heads = {}) {
    return VerifyChain(kLog, SourceOf(events), std::move(heads),
                       key_->verifier());
  }
  std::unique_ptr<AuditSigningKey> key_ = AuditSigningKey::Generate();
  std::vector<SealedEvent> chain_ = Chain(10);
};

TEST(AuditCanonical, TestVectorOfTheDocumentation) {
  SealedEvent e;
  e.seq = 1;
  e.id = 7;
  e.occurred_at_us = 1700000000123456;
  e.actor = "anna";
  e.actor_role = "archivist";
  e.action = "record.search";
  e.object = "deposit/12";
  e.detail = "results=3";
  EXPECT_EQ(ToHex(CanonicalEventBytes(e)),
            "000000013100000001370000001031373030303030303030313233343536000000"
            "04616e6e61000000096172636869766973740000000d7265636f72642e73656172"
            "63680000000a6465706f7369742f31320000000000000009726573756c74733d"
            "33");
  ChainHasher hasher;
  std::string first = hasher.Next(ZeroHash(), e);
  EXPECT_EQ(ToHex(first),
            "73c07b5ba97cf37987284641b9454e77274d440655162026964314a1df137a12");
  SealedEvent second{2,          9,           1700000000223456, "kari",
                     "desk",     "loan.open", "loan/4",         "3f2a",
                     "\xc3\x98", ""};
  EXPECT_EQ(ToHex(hasher.Next(first, second)),
            "96a2c48ed21d5581fa1790e33f5dcfef22c40f794032919b6cc2fd6911cc2d41");
}

TEST(AuditCanonical, FieldBoundariesAreUnambiguous) {
  SealedEvent a = Event(1), b = Event(1);
  a.actor = "ab";
  a.actor_role = "c";
  b.actor = "a";
  b.actor_role = "bc";
  EXPECT_NE(CanonicalEventBytes(a), CanonicalEventBytes(b));
}

TEST(AuditCanonical, MicrosecondsFormatted) {
  EXPECT_EQ(FormatMicros(1700000000123456), "2023-11-14T22:13:20.123456Z");
  EXPECT_EQ(FormatMicros(0), "1970-01-01T00:00:00.000000Z");
}

TEST(AuditSigning, HeadsVerifyOnlyWithTheirKeyAndBytes) {
  auto key = AuditSigningKey::Generate();
  auto other = AuditSigningKey::Generate();
  SignedHead head{3, std::string(32, 'x'), 1700000000000000, ""};
  head.signature = key->Sign(HeadBytes(kLog, head));
  EXPECT_TRUE(key->verifier().Verify(HeadBytes(kLog, head), head.signature));
  EXPECT_FALSE(other->verifier().Verify(HeadBytes(kLog, head), head.signature));
  // The log name is signed: a head cannot be moved to another log.
  EXPECT_FALSE(
      key->verifier().Verify(HeadBytes("journal", head), head.signature));
  HeadVerifier from_pem(key->verifier().public_key_pem());
  EXPECT_EQ(from_pem.key_id(), key->verifier().key_id());
  EXPECT_TRUE(from_pem.Verify(HeadBytes(kLog, head), head.signature));
  EXPECT_THROW(HeadVerifier("not a key"), Error);
}

TEST_F(AuditChainTest, IntactChainVerifies) {
  auto result = Verify(chain_, {Head(*key_, chain_, 0), Head(*key_, chain_, 4),
                                Head(*key_, chain_, 10)});
  EXPECT_TRUE(result.ok()) << result.first_bad->detail;
  EXPECT_EQ(result.events_checked, 10);
  EXPECT_EQ(result.heads_checked, 3);
  EXPECT_TRUE(Verify({}).ok());
}

TEST_F(AuditChainTest, ChangedEventIsNamed) {
  chain_[4].detail = "results=500";
  auto result = Verify(chain_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "changed");
  EXPECT_EQ(result.first_bad->seq, 5);
  EXPECT_EQ(result.first_bad->event_id, 5);
  EXPECT_EQ(result.events_checked, 4);
}

TEST_F(AuditChainTest, ChangedLastEventIsNamed) {
  chain_[9].actor = "mallory";
  auto result = Verify(chain_, {Head(*key_, Chain(10), 10)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "changed");
  EXPECT_EQ(result.first_bad->seq, 10);
}

TEST_F(AuditChainTest, RemovedEventIsNamed) {
  chain_.erase(chain_.begin() + 6);
  auto result = Verify(chain_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "removed");
  EXPECT_EQ(result.first_bad->seq, 7);
  EXPECT_EQ(result.first_bad->event_id, 0);
}

TEST_F(AuditChainTest, RemovedAndRenumberedIsNamed) {
  chain_.erase(chain_.begin() + 6);
  for (auto& e : chain_) {
    if (e.seq > 7) --e.seq;
  }
  auto result = Verify(chain_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "removed");
  EXPECT_EQ(result.first_bad->seq, 7);
}

TEST_F(AuditChainTest, RemovedAtTheEndIsCaughtByTheHead) {
  auto head = Head(*key_, chain_, 10);
  chain_.pop_back();
  auto result = Verify(chain_, {head});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "removed");
  EXPECT_EQ(result.first_bad->seq, 10);
}

TEST_F(AuditChainTest, SwappedEventsAreReordered) {
  std::swap(chain_[2].seq, chain_[6].seq);  // ids 3 and 7
  auto result = Verify(chain_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "reordered");
  EXPECT_EQ(result.first_bad->seq, 3);
  EXPECT_EQ(result.first_bad->event_id, 7);
}

TEST_F(AuditChainTest, AdjacentSwapIsReordered) {
  std::swap(chain_[3].seq, chain_[4].seq);  // ids 4 and 5
  auto result = Verify(chain_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "reordered");
  EXPECT_EQ(result.first_bad->seq, 4);
  EXPECT_EQ(result.first_bad->event_id, 5);
}

TEST_F(AuditChainTest, SwapWithTheLastEventIsReordered) {
  auto head = Head(*key_, chain_, 10);
  std::swap(chain_[1].seq, chain_[9].seq);  // ids 2 and 10
  auto result = Verify(chain_, {head});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "reordered");
  EXPECT_EQ(result.first_bad->seq, 2);
  EXPECT_EQ(result.first_bad->event_id, 10);
}

TEST_F(AuditChainTest, InsertedEventIsNamed) {
  for (auto& e : chain_) {
    if (e.seq >= 5) ++e.seq;
  }
  SealedEvent forged = Event(99);
  forged.seq = 5;
  forged.chain_hash = std::string(32, '\x42');
  chain_.push_back(forged);
  auto result = Verify(chain_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "inserted");
  EXPECT_EQ(result.first_bad->seq, 5);
  EXPECT_EQ(result.first_bad->event_id, 99);
}

TEST_F(AuditChainTest, InsertedWithAValidHashIsStillNamed) {
  for (auto& e : chain_) {
    if (e.seq >= 5) ++e.seq;
  }
  SealedEvent forged = Event(99);
  forged.seq = 5;
  forged.chain_hash = ChainHasher().Next(chain_[3].chain_hash, forged);
  chain_.push_back(forged);
  auto result = Verify(chain_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "inserted");
  EXPECT_EQ(result.first_bad->seq, 5);
  EXPECT_EQ(result.first_bad->event_id, 99);
}

TEST_F(AuditChainTest, RecomputedChainIsCaughtByTheSignedHead) {
  auto heads =
      std::vector<SignedHead>{Head(*key_, chain_, 3), Head(*key_, chain_, 8)};
  // Event 6 removed and every later hash recomputed: consistent, but not
  // what was signed.
  std::vector<SealedEvent> rewritten;
  ChainHasher hasher;
  std::string previous = ZeroHash();
  for (auto e : chain_) {
    if (e.id == 6) continue;
    e.seq = static_cast<int64_t>(rewritten.size()) + 1;
    e.chain_hash = hasher.Next(previous, e);
    previous = e.chain_hash;
    rewritten.push_back(e);
  }
  auto result = Verify(rewritten, heads);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "head mismatch");
  EXPECT_EQ(result.first_bad->seq, 4);  // after the last good head (3)
}

TEST_F(AuditChainTest, TamperedHeadSignatureIsNamed) {
  auto head = Head(*key_, chain_, 6);
  head.signature[0] ^= 1;
  auto result = Verify(chain_, {head});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "head mismatch");
  EXPECT_EQ(result.first_bad->seq, 6);

  auto other = AuditSigningKey::Generate();
  result = Verify(chain_, {Head(*other, chain_, 6)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->what, "head mismatch");
}

TEST_F(AuditChainTest, TheFirstOfSeveralProblemsIsNamed) {
  chain_[7].actor = "x";
  chain_[2].actor = "y";
  auto result = Verify(chain_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad->seq, 3);
}

}  // namespace
}  // namespace depot::audit
