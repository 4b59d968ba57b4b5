#include "services/readingroom/domain/scope.h"

#include <algorithm>
#include <set>

#include "services/common/error.h"
#include "services/common/organisation_number.h"
#include "services/common/text_check.h"
#include "services/readingroom/domain/categories.h"

namespace depot::readingroom {
namespace {

constexpr size_t kMaxValues = 1000;

bool DecimalLess(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

std::string CanonicalRecordId(const std::string& text) {
  bool digits = !text.empty() && text.size() <= 18;
  for (char c : text) digits &= c >= '0' && c <= '9';
  size_t start = text.find_first_not_of('0');
  if (!digits || start == std::string::npos) {
    throw InvalidArgument("scope.record_ids: " + QuoteInput(text) +
                          " is not a record id (a positive number)");
  }
  return text.substr(start);
}

}  // namespace

Scope NormalizeScope(std::optional<ScopeKind> kind,
                     const std::vector<std::string>& values) {
  if (!kind) {
    throw InvalidArgument(
        "scope.kind is required: all, depositor, category or records");
  }
  Scope scope{*kind, {}};
  if (values.size() > kMaxValues) {
    throw InvalidArgument("scope lists more than 1000 values");
  }
  std::set<std::string> unique;
  switch (*kind) {
    case ScopeKind::kAll:
      if (!values.empty()) {
        throw InvalidArgument(
            "scope: a scope of all material lists no depositors, categories "
            "or records");
      }
      break;
    case ScopeKind::kDepositor:
      for (const std::string& number : values) {
        if (auto problem = OrganisationNumberProblem(number)) {
          throw InvalidArgument("scope.organization_numbers: " + *problem);
        }
        unique.insert(number);
      }
      break;
    case ScopeKind::kCategory:
      for (const std::string& name : values) {
        if (!CategoryNumber(name)) {
          throw InvalidArgument("scope.categories: " + QuoteInput(name) +
                                " is not a register category (" +
                                CategoryNames() + ")");
        }
        unique.insert(name);
      }
      break;
    case ScopeKind::kRecords:
      for (const std::string& id : values) unique.insert(CanonicalRecordId(id));
      break;
  }
  if (*kind != ScopeKind::kAll && unique.empty()) {
    throw InvalidArgument(std::string("scope: a ") + ScopeKindName(*kind) +
                          " scope needs at least one value");
  }
  scope.values.assign(unique.begin(), unique.end());
  if (*kind == ScopeKind::kRecords) {
    std::sort(scope.values.begin(), scope.values.end(), DecimalLess);
  }
  return scope;
}

bool Covers(const Scope& scope, const ItemInfo& item) {
  auto listed = [&](const std::string& value) {
    return std::find(scope.values.begin(), scope.values.end(), value) !=
           scope.values.end();
  };
  switch (scope.kind) {
    case ScopeKind::kAll:
      return true;
    case ScopeKind::kDepositor:
      return listed(item.organisation_number);
    case ScopeKind::kCategory:
      return listed(item.category);
    case ScopeKind::kRecords:
      if (item.record_ids.empty()) return false;
      for (int64_t id : item.record_ids) {
        if (!listed(std::to_string(id))) return false;
      }
      return true;
  }
  return false;
}

std::string DescribeScope(const Scope& scope) {
  if (scope.kind == ScopeKind::kAll) return "all material";
  std::string text = scope.kind == ScopeKind::kDepositor  ? "depositor "
                     : scope.kind == ScopeKind::kCategory ? "category "
                                                          : "records ";
  constexpr size_t kShown = 5;
  for (size_t i = 0; i < scope.values.size() && i < kShown; ++i) {
    if (i > 0) text += ", ";
    text += scope.values[i];
  }
  if (scope.values.size() > kShown) {
    text += " and " + std::to_string(scope.values.size() - kShown) + " more";
  }
  return text;
}

}  // namespace depot::readingroom
