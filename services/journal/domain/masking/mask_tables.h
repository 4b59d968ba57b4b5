#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace depot::journal {

/// Why a span of public text is masked.
enum class MaskReason {
  kScreenedName,           ///< a correspondent's screened name
  kScreenedWord,           ///< a word an archivist marked to screen
  kScreenedCorrespondent,  ///< the name field of a screened correspondent
  kScreeningCode,  ///< a screening code hides the field or its rest (TD,
                   ///< TR1, M, ...)
};

/// What the masker looks for, by skeleton (MaskerBuilder fills it).
struct MaskTables {
  enum class Kind { kFull, kInitial };
  /// A word that belongs to a name: one of its parts (or a part's
  /// genitive, or a written-together form), or one of its initials.
  struct Membership {
    size_t name;
    Kind kind;
  };
  /// Masked wherever it occurs inside a word.
  struct Pattern {
    std::string skeleton;
    size_t name;
  };
  struct Name {
    MaskReason reason = MaskReason::kScreenedName;
    /// The one part of a one-part name, when it may be masked alone.
    std::string lone_part;
  };

  /// The names a word belongs to, or nullptr.
  const std::vector<Membership>* MembersOf(const std::string& skeleton) const {
    auto found = members.find(skeleton);
    return found == members.end() ? nullptr : &found->second;
  }

  std::vector<Name> names;
  std::vector<Pattern> patterns;
  std::unordered_map<std::string, std::vector<Membership>> members;
  std::set<std::string> parts;  ///< every part's skeleton
};

}  // namespace depot::journal
