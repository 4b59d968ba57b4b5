#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace depot::deposits {

/// The kinds of personal register a depot receives (DOMAIN.md section 1).
enum class RegisterCategory {
  kPupilFiles = 1,
  kPptFiles = 2,
  kChildWelfare = 3,
  kHealthCards = 4,
  kPatientJournals = 5,
  kSocialServices = 6,
  kPersonnelFiles = 7,
  kKindergarten = 8,
  kOther = 9,
};

struct CategoryRule {
  RegisterCategory category;
  std::string name;       ///< "pupil", "child-welfare", ... (CLI, CSV, config)
  int eligibility_years;  ///< the 10-year rule's period for this category
  bool special_category;  ///< GDPR art. 9: stricter access
};

/// The categories with their periods: 10 years, kindergarten 5, unless the
/// operator configured otherwise.
class CategoryRules {
 public:
  /// overrides: "kindergarten=5 pupil=10" (name=years, space or comma
  /// separated). Throws StartupError on an unknown name or a bad number.
  explicit CategoryRules(const std::string& overrides = "");

  const CategoryRule& For(RegisterCategory category) const;
  const std::vector<CategoryRule>& All() const { return rules_; }
  std::optional<RegisterCategory> ByName(const std::string& name) const;

 private:
  std::vector<CategoryRule> rules_;
};

}  // namespace depot::deposits
