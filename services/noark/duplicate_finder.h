#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace depot::noark {

/// Finds values that occur more than once in a sequence read twice (a
/// streamed document), in memory bounded by the filter, not by the number
/// of values: the first pass sets a Bloom filter and keeps only the hashes
/// that might repeat; the second pass tells each repetition of those.
class DuplicateFinder {
 public:
  /// filter_bytes: the Bloom filter (16 MiB keeps false candidates rare
  /// up to tens of millions of values).
  explicit DuplicateFinder(size_t filter_bytes = 16 << 20);

  void FirstPass(std::string_view value);
  /// Whether a second pass can find anything.
  bool HasCandidates() const { return !candidates_.empty(); }
  /// Second pass, values in the same order: true for every occurrence of
  /// a value after its first.
  bool IsRepeat(std::string_view value);

 private:
  static constexpr size_t kMaxCandidates = 1 << 20;
  std::vector<uint64_t> bits_;
  std::unordered_set<uint64_t> candidates_;
  std::unordered_set<uint64_t> seen_;
};

}  // namespace depot::noark
