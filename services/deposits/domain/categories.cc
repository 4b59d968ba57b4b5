#include "services/deposits/domain/categories.h"

#include <sstream>

#include "services/common/error.h"

namespace depot::deposits {

CategoryRules::CategoryRules(const std::string& overrides) {
  using C = RegisterCategory;
  rules_ = {
      {C::kPupilFiles, "pupil", 10, false},
      {C::kPptFiles, "ppt", 10, true},
      {C::kChildWelfare, "child-welfare", 10, true},
      {C::kHealthCards, "health-card", 10, true},
      {C::kPatientJournals, "patient-journal", 10, true},
      {C::kSocialServices, "social-services", 10, true},
      {C::kPersonnelFiles, "personnel", 10, false},
      {C::kKindergarten, "kindergarten", 5, false},
      {C::kOther, "other", 10, false},
  };
  std::string text = overrides;
  for (char& c : text) {
    if (c == ',') c = ' ';
  }
  std::istringstream words(text);
  for (std::string word; words >> word;) {
    auto equals = word.find('=');
    auto category = ByName(word.substr(0, equals));
    int years = -1;
    try {
      if (equals != std::string::npos) years = std::stoi(word.substr(equals + 1));
    } catch (const std::exception&) {
    }
    if (!category || years < 0 || years > 200) {
      throw StartupError("eligibility_years: '" + word +
                         "' must be CATEGORY=YEARS with a known category");
    }
    for (CategoryRule& rule : rules_) {
      if (rule.category == *category) rule.eligibility_years = years;
    }
  }
}

const CategoryRule& CategoryRules::For(RegisterCategory category) const {
  for (const CategoryRule& rule : rules_) {
    if (rule.category == category) return rule;
  }
  return rules_.back();
}

std::optional<RegisterCategory> CategoryRules::ByName(
    const std::string& name) const {
  for (const CategoryRule& rule : rules_) {
    if (rule.name == name) return rule.category;
  }
  return std::nullopt;
}

}  // namespace depot::deposits
