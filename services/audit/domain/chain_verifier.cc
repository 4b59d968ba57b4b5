#include "services/audit/domain/chain_verifier.h"

#include <algorithm>
#include <optional>
#include <string>

#include "services/audit/domain/canonical.h"

namespace depot::audit {
namespace {

std::string EventName(const SealedEvent& e) {
  return "event id " + std::to_string(e.id) + " at seq " +
         std::to_string(e.seq);
}

// Where was the event sealed originally? Its stored chain hash is what its
// successor at sealing time was chained onto; that successor (if it is
// still there) tells the position. A head whose root is the hash tells it
// for the last event.
std::optional<int64_t> SealedPosition(const EventSource& events,
                                      const SealedEvent& bad,
                                      const std::vector<SignedHead>& heads) {
  ChainHasher hasher;
  std::optional<int64_t> position;
  std::string hash;
  events([&](const SealedEvent& x) {
    if (x.id == bad.id) return true;
    hasher.Next(bad.chain_hash, x, &hash);
    if (hash == x.chain_hash) {
      position = x.seq - 1;
      return false;
    }
    return true;
  });
  if (position) return position;
  for (const SignedHead& head : heads) {
    if (head.root == bad.chain_hash) return head.size;
  }
  return std::nullopt;
}

// The event at bad.seq = p does not follow from the chain up to p - 1
// (whose stored hashes are intact: previous, before_previous). Tell which
// kind of tampering explains it; see VerifyChain.
AuditProblem Classify(const EventSource& events, const SealedEvent& bad,
                      const std::string& previous,
                      const std::string& before_previous, int64_t previous_id,
                      const std::optional<SealedEvent>& next,
                      const std::vector<SignedHead>& heads) {
  const int64_t p = bad.seq;
  ChainHasher hasher;
  auto original = SealedPosition(events, bad, heads);
  if (original && *original != p) {
    return {p, bad.id, "reordered",
            EventName(bad) + " was sealed at seq " + std::to_string(*original) +
                ": events were moved in the chain"};
  }
  if (p >= 2) {
    // The event before it was inserted and this one pushed up by one.
    SealedEvent moved = bad;
    moved.seq = p - 1;
    if (hasher.Next(before_previous, moved) == bad.chain_hash) {
      return {p - 1, previous_id, "inserted",
              "event id " + std::to_string(previous_id) + " at seq " +
                  std::to_string(p - 1) +
                  " was never sealed there: it was inserted and the events "
                  "after it renumbered"};
    }
  }
  if (next && next->seq == p + 1) {
    // The event sealed at p is gone and the later ones moved down by one:
    // the next event still chains onto this one's hash at its old seq.
    SealedEvent moved = *next;
    moved.seq = p + 2;
    if (hasher.Next(bad.chain_hash, moved) == next->chain_hash) {
      return {p, 0, "removed",
              "the event sealed at seq " + std::to_string(p) +
                  " was removed and the events after it renumbered (event "
                  "id " +
                  std::to_string(bad.id) + " now holds seq " +
                  std::to_string(p) + ")"};
    }
    // This event was inserted: the next one chains onto the previous hash.
    moved.seq = p;
    if (hasher.Next(previous, moved) == next->chain_hash) {
      return {p, bad.id, "inserted",
              EventName(bad) +
                  " was never sealed: it was inserted into the "
                  "chain"};
    }
  }
  return {p, bad.id, "changed",
          EventName(bad) +
              " does not match its chain hash: it was changed after sealing "
              "(or the event before it was, with its chain hash recomputed)"};
}

// The heads whose signature does not verify with the key.
std::vector<AuditProblem> BadSignatures(std::string_view log,
                                        const std::vector<SignedHead>& heads,
                                        const HeadVerifier& verifier) {
  std::vector<AuditProblem> problems;
  for (const SignedHead& head : heads) {
    if (!verifier.Verify(HeadBytes(log, head), head.signature)) {
      problems.push_back(
          {head.size, 0, "head mismatch",
           "the signed head of size " + std::to_string(head.size) +
               " (signed at " + FormatMicros(head.signed_at_us) +
               ") does not verify with key " + verifier.key_id() +
               ": it was altered, or signed by another key"});
    }
  }
  return problems;
}

// One pass over the chain in seq order: recomputes each event's chain hash
// and compares each signed head (sorted by size) with the chain at its
// size. Stops one event after the first bad one: that event tells an
// insertion from a change.
class ChainWalk {
 public:
  explicit ChainWalk(const std::vector<SignedHead>& heads) : heads_(heads) {
    CheckHeadsAt(0);
  }

  /// The next event; false to stop reading.
  bool Step(const SealedEvent& e) {
    if (bad_) {
      next_ = e;
      return false;
    }
    if (e.seq != expected_) {
      missing_ = AuditProblem{
          expected_, 0, "removed",
          "the event sealed at seq " + std::to_string(expected_) +
              " is missing: the chain goes on with " + EventName(e)};
      return false;
    }
    hasher_.Next(computed_, e, &hash_);
    if (hash_ != e.chain_hash) {
      bad_ = e;
      return true;
    }
    before_previous_.swap(computed_);
    computed_.swap(hash_);
    previous_id_ = e.id;
    ++events_checked_;
    ++expected_;
    CheckHeadsAt(e.seq);
    return true;
  }

  /// What is wrong with the chain itself, once the walk ended.
  std::optional<AuditProblem> ChainProblem(const EventSource& events) const {
    if (bad_) {
      return Classify(events, *bad_, computed_, before_previous_, previous_id_,
                      next_, heads_);
    }
    if (!missing_ && head_index_ < heads_.size()) {
      const SignedHead& head = heads_.back();
      return AuditProblem{
          expected_, 0, "removed",
          "the signed head of size " + std::to_string(head.size) +
              " covers events up to seq " + std::to_string(head.size) +
              " but the chain ends at seq " + std::to_string(expected_ - 1) +
              ": events at its end were removed"};
    }
    return missing_;
  }

  /// The first signed head that does not match the chain at its size.
  const std::optional<AuditProblem>& head_problem() const {
    return head_problem_;
  }
  int64_t events_checked() const { return events_checked_; }

 private:
  void CheckHeadsAt(int64_t size) {
    for (; head_index_ < heads_.size() && heads_[head_index_].size <= size;
         ++head_index_) {
      const SignedHead& head = heads_[head_index_];
      if (head.size == size && head.root == computed_) {
        last_good_head_ = size;
      } else if (!head_problem_) {
        head_problem_ = AuditProblem{
            last_good_head_ + 1, 0, "head mismatch",
            "the signed head of size " + std::to_string(head.size) +
                " does not match the chain: an event between seq " +
                std::to_string(last_good_head_ + 1) + " and " +
                std::to_string(head.size) +
                " was changed, removed, inserted or reordered and the chain "
                "recomputed"};
      }
    }
  }

  const std::vector<SignedHead>& heads_;
  ChainHasher hasher_;
  std::string computed_ = ZeroHash();  // chain(expected - 1)
  std::string before_previous_;        // chain(expected - 2)
  std::string hash_;
  int64_t expected_ = 1;
  int64_t previous_id_ = 0;
  int64_t events_checked_ = 0;
  size_t head_index_ = 0;
  int64_t last_good_head_ = 0;
  std::optional<SealedEvent> bad_;
  std::optional<SealedEvent> next_;
  std::optional<AuditProblem> missing_;
  std::optional<AuditProblem> head_problem_;
};

}  // namespace

Verification VerifyChain(std::string_view log, const EventSource& events,
                         std::vector<SignedHead> heads,
                         const HeadVerifier& verifier) {
  Verification result;
  std::sort(
      heads.begin(), heads.end(),
      [](const SignedHead& a, const SignedHead& b) { return a.size < b.size; });
  result.heads_checked = static_cast<int64_t>(heads.size());
  std::vector<AuditProblem> problems = BadSignatures(log, heads, verifier);
  ChainWalk walk(heads);
  events([&](const SealedEvent& e) { return walk.Step(e); });
  result.events_checked = walk.events_checked();
  if (auto problem = walk.ChainProblem(events)) problems.push_back(*problem);
  if (walk.head_problem()) problems.push_back(*walk.head_problem());
  // The first bad event: the lowest seq; on a tie, what the chain itself
  // says (more precise than a head).
  for (const AuditProblem& problem : problems) {
    if (!result.first_bad || problem.seq < result.first_bad->seq ||
        (problem.seq == result.first_bad->seq &&
         problem.what != "head mismatch")) {
      result.first_bad = problem;
    }
  }
  return result;
}

}  // namespace depot::audit
