#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "services/audit/domain/audit_log.h"

namespace depot::audit {

/// Version tag that opens the head encoding.
inline constexpr char kHeadEncoding[] = "depot-audit-head-v1";
inline constexpr size_t kHashSize = 32;

/// The canonical bytes of an event (documented in docs/integrators.md):
/// nine fields, each a 4-byte big-endian length followed by the bytes, in
/// this order: seq, id, occurred_at (microseconds since 1970 UTC), the
/// three as ASCII decimal; then actor, actor_role, action, object, subject
/// (empty when none), detail as stored (UTF-8). The chain hash is not part
/// of it.
std::string CanonicalEventBytes(const SealedEvent& event);
void AppendCanonicalEvent(std::string* out, const SealedEvent& event);

/// The bytes a tree head signature covers: five length-prefixed fields,
/// the tag "depot-audit-head-v1", the log name, size (decimal), root (32
/// raw bytes), signed_at (microseconds since 1970 UTC, decimal).
std::string HeadBytes(std::string_view log, const SignedHead& head);

/// chain(0): 32 zero bytes.
const std::string& ZeroHash();

/// SHA-256(previous || canonical(event)), reusing one digest context and
/// buffer: verification hashes a million events a second. One per thread.
class ChainHasher {
 public:
  ChainHasher();
  ~ChainHasher();
  ChainHasher(const ChainHasher&) = delete;
  ChainHasher& operator=(const ChainHasher&) = delete;

  /// Writes 32 raw bytes to out.
  void Next(std::string_view previous, const SealedEvent& event,
            std::string* out);
  std::string Next(std::string_view previous, const SealedEvent& event) {
    std::string out;
    Next(previous, event, &out);
    return out;
  }

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Lower-case hex.
std::string ToHex(std::string_view bytes);
/// nullopt unless hex is an even number of lower- or upper-case digits.
std::optional<std::string> FromHex(std::string_view hex);

/// "2026-03-01T10:11:12.123456Z".
std::string FormatMicros(int64_t micros_since_epoch);

}  // namespace depot::audit
