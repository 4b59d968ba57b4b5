#include "services/audit/domain/range_verifier.h"

#include <algorithm>
#include <atomic>
#include <string>

#include "services/audit/domain/canonical.h"

namespace depot::audit {
namespace {

// One range [first, last] read from first - 1 (its anchor: the stored hash
// the range chains onto; the range before checks that event itself).
struct Part {
  int64_t first = 0;
  int64_t last = 0;
  int64_t expected = 0;  // seq of the next event to come
  std::string previous;  // stored chain hash at expected - 1
  std::string hash;
  std::vector<const SignedHead*> heads;  // sizes within [first, last]
  size_t next_head = 0;
};

}  // namespace

bool ChainIntact(std::string_view log, int64_t last, size_t parts,
                 const RangeSource& source,
                 const std::vector<SignedHead>& heads,
                 const HeadVerifier& verifier) {
  if (last < 1 || parts < 1) return false;
  parts = static_cast<size_t>(std::min<int64_t>(parts, last));

  std::vector<Part> state(parts);
  std::vector<SeqRange> ranges(parts);
  for (size_t i = 0; i < parts; ++i) {
    Part& part = state[i];
    part.first =
        1 + last * static_cast<int64_t>(i) / static_cast<int64_t>(parts);
    part.last =
        last * static_cast<int64_t>(i + 1) / static_cast<int64_t>(parts);
    part.expected = part.first == 1 ? 1 : part.first - 1;
    if (part.first == 1) part.previous = ZeroHash();
    ranges[i] = {part.expected, part.last};
  }

  for (const SignedHead& head : heads) {
    if (!verifier.Verify(HeadBytes(log, head), head.signature)) return false;
    if (head.size == 0) {
      if (head.root != ZeroHash()) return false;
      continue;
    }
    if (head.size < 0 || head.size > last) return false;
    for (Part& part : state) {
      if (head.size >= part.first && head.size <= part.last) {
        part.heads.push_back(&head);
      }
    }
  }
  for (Part& part : state) {
    std::sort(part.heads.begin(), part.heads.end(),
              [](const SignedHead* a, const SignedHead* b) {
                return a->size < b->size;
              });
  }

  // One hasher per range: visit runs on the readers' threads.
  std::vector<ChainHasher> hashers(parts);
  std::atomic<bool> failed{false};
  source(ranges, [&](size_t index, const SealedEvent& e) {
    Part& part = state[index];
    if (failed.load(std::memory_order_relaxed) || e.seq != part.expected) {
      failed = true;
      return false;
    }
    ++part.expected;
    if (e.seq < part.first) {  // the anchor
      part.previous = e.chain_hash;
      return true;
    }
    hashers[index].Next(part.previous, e, &part.hash);
    if (part.hash != e.chain_hash) {
      failed = true;
      return false;
    }
    for (; part.next_head < part.heads.size() &&
           part.heads[part.next_head]->size == e.seq;
         ++part.next_head) {
      if (part.heads[part.next_head]->root != part.hash) {
        failed = true;
        return false;
      }
    }
    part.previous.swap(part.hash);
    return true;
  });
  if (failed) return false;
  for (const Part& part : state) {
    if (part.expected != part.last + 1 || part.next_head != part.heads.size()) {
      return false;
    }
  }
  return true;
}

}  // namespace depot::audit
