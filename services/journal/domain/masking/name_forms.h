#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace depot::journal {

/// The forms in which a screened name shows up in titles, descriptions,
/// file names and addresses, as skeletons (see skeleton.h): what the
/// masker looks for.
struct NameForms {
  /// Each part of the name: its words, a hyphenated word also split at the
  /// hyphen ("Anne-Marie Bø" -> anne, marie, bo).
  std::vector<std::string> parts;
  /// Parallel to parts: written with 3 letters or more, so long enough to
  /// mask alone ("Zoë" is, although its skeleton "zo" is shorter).
  std::vector<bool> long_parts;
  /// Parts written together: a hyphenated word without its hyphen
  /// (annemarie), two neighbouring parts in either order (mariebo, boemarie
  /// ...), and all parts in order and surname first: what "KariNordmann",
  /// "nordmannkari" and an e-mail address's "karinordmann" hold.
  std::vector<std::string> joined;
  /// The first letter of each part, for initials ("K. Nordmann").
  std::vector<std::string> initials;
};

/// The forms of a name as journaled. Empty parts for a name without
/// letters or digits.
NameForms DeriveNameForms(std::string_view name);

/// The number of characters (code points) of a skeleton.
size_t SkeletonLength(std::string_view skeleton);

}  // namespace depot::journal
