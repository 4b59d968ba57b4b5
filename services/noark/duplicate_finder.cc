#include "services/noark/duplicate_finder.h"

#include <algorithm>
#include <functional>

namespace depot::noark {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64's finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t Hash(std::string_view value) {
  return Mix(std::hash<std::string_view>{}(value));
}

}  // namespace

DuplicateFinder::DuplicateFinder(size_t filter_bytes)
    : bits_(std::max<size_t>(filter_bytes / 8, 1), 0) {}

void DuplicateFinder::FirstPass(std::string_view value) {
  uint64_t h = Hash(value);
  uint64_t step = Mix(h) | 1;
  uint64_t bit_count = bits_.size() * 64;
  bool all_set = true;
  for (int i = 0; i < 3; ++i) {
    uint64_t bit = (h + i * step) % bit_count;
    uint64_t mask = uint64_t{1} << (bit % 64);
    if ((bits_[bit / 64] & mask) == 0) {
      all_set = false;
      bits_[bit / 64] |= mask;
    }
  }
  if (all_set && candidates_.size() < kMaxCandidates) candidates_.insert(h);
}

bool DuplicateFinder::IsRepeat(std::string_view value) {
  if (candidates_.empty()) return false;
  uint64_t h = Hash(value);
  if (!candidates_.contains(h)) return false;
  return !seen_.insert(h).second;
}

}  // namespace depot::noark
