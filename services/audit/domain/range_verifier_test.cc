// The parallel check of a whole log (ChainIntact) in memory: an intact log
// passes whatever the number of ranges, and every kind of tampering makes
// it fail so that the sequential walk names the event.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "services/audit/domain/canonical.h"
#include "services/audit/domain/range_verifier.h"
#include "services/audit/domain/signing_key.h"

namespace depot::audit {
namespace {

constexpr char kLog[] = "readingroom";

std::vector<SealedEvent> Chain(int n) {
  ChainHasher hasher;
  std::vector<SealedEvent> events;
  std::string previous = ZeroHash();
  for (int i = 1; i <= n; ++i) {
    SealedEvent e;
    e.seq = i;
    e.id = i + 100;
    e.occurred_at_us = 1'700'000'000'000'000 + i * 1000;
    e.actor = "desk-1";
    e.actor_role = "desk";
    e.action = "loan.open";
    e.object = "loan/" + std::to_string(i);
    e.subject = i % 3 ? "9c1d" : "";
    e.detail = "items: record:" + std::to_string(i);
    e.chain_hash = hasher.Next(previous, e);
    previous = e.chain_hash;
    events.push_back(e);
  }
  return events;
}

// Serves each range from the events in seq order, as the database does
// (a range starts with its anchor, the event before it), one thread each.
RangeSource SourceOf(std::vector<SealedEvent> events) {
  std::sort(events.begin(), events.end(),
            [](const auto& a, const auto& b) { return a.seq < b.seq; });
  return
      [events](const std::vector<SeqRange>& ranges,
               const std::function<bool(size_t, const SealedEvent&)>& visit) {
        std::vector<std::thread> readers;
        for (size_t r = 0; r < ranges.size(); ++r) {
          readers.emplace_back([&, r] {
            for (const SealedEvent& e : events) {
              if (e.seq < ranges[r].first || e.seq > ranges[r].last) continue;
              if (!visit(r, e)) return;
            }
          });
        }
        for (auto& reader : readers) reader.join();
      };
}

class ChainIntactTest : public ::testing::Test {
 protected:
  bool Intact(const std::vector<SealedEvent>& events, int64_t last,
              size_t parts) {
    SignedHead head{last, chain_[last - 1].chain_hash, 1'700'000'100'000'000,
                    ""};
    head.signature = key_->Sign(HeadBytes(kLog, head));
    return ChainIntact(kLog, last, parts, SourceOf(events), {head},
                       key_->verifier());
  }

  std::unique_ptr<AuditSigningKey> key_ = AuditSigningKey::Generate();
  std::vector<SealedEvent> chain_ = Chain(1000);
};

TEST_F(ChainIntactTest, AnUntouchedLogIsIntactInAnyNumberOfRanges) {
  for (size_t parts : {1, 2, 3, 4, 7}) {
    EXPECT_TRUE(Intact(chain_, 1000, parts)) << parts << " ranges";
  }
}

TEST_F(ChainIntactTest, AChangedEventIsNotIntact) {
  auto events = chain_;
  events[499].detail = "items: record:9999";
  EXPECT_FALSE(Intact(events, 1000, 4));
}

TEST_F(ChainIntactTest, ARemovedEventIsNotIntact) {
  for (size_t at : {0, 250, 999}) {
    auto events = chain_;
    events.erase(events.begin() + at);
    EXPECT_FALSE(Intact(events, 1000, 4)) << "removed index " << at;
  }
}

TEST_F(ChainIntactTest, SwappedEventsAreNotIntact) {
  auto events = chain_;
  std::swap(events[10].seq, events[600].seq);
  EXPECT_FALSE(Intact(events, 1000, 4));
}

TEST_F(ChainIntactTest, AnInsertedEventIsNotIntact) {
  auto events = chain_;
  SealedEvent extra = events[300];
  extra.id = 99999;
  extra.detail = "inserted";
  events.push_back(extra);  // a second event with seq 301
  EXPECT_FALSE(Intact(events, 1000, 4));
}

TEST_F(ChainIntactTest, AHeadSignedByAnotherKeyIsNotIntact) {
  auto other = AuditSigningKey::Generate();
  SignedHead head{1000, chain_[999].chain_hash, 1'700'000'100'000'000, ""};
  head.signature = other->Sign(HeadBytes(kLog, head));
  EXPECT_FALSE(
      ChainIntact(kLog, 1000, 4, SourceOf(chain_), {head}, key_->verifier()));
}

}  // namespace
}  // namespace depot::audit
