#include "services/readingroom/domain/model.h"

#include <array>
#include <utility>

namespace depot::readingroom {
namespace {

template <typename Enum, size_t N>
std::optional<Enum> FindByName(
    const std::array<std::pair<Enum, const char*>, N>& names,
    const std::string& name) {
  for (const auto& [value, text] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum, size_t N>
const char* NameOf(const std::array<std::pair<Enum, const char*>, N>& names,
                   Enum value) {
  for (const auto& [v, text] : names) {
    if (v == value) return text;
  }
  return "?";
}

// Stored in the database and, for scopes, sealed: never rename one.
constexpr std::array<std::pair<IdDocumentKind, const char*>, 5> kDocuments = {{
    {IdDocumentKind::kPassport, "passport"},
    {IdDocumentKind::kNationalIdCard, "national-id-card"},
    {IdDocumentKind::kDrivingLicence, "driving-licence"},
    {IdDocumentKind::kResidenceCard, "residence-card"},
    {IdDocumentKind::kOther, "other"},
}};

constexpr std::array<std::pair<ScopeKind, const char*>, 4> kScopes = {{
    {ScopeKind::kAll, "all"},
    {ScopeKind::kDepositor, "depositor"},
    {ScopeKind::kCategory, "category"},
    {ScopeKind::kRecords, "records"},
}};

constexpr std::array<std::pair<CopyMethod, const char*>, 3> kMethods = {{
    {CopyMethod::kPhoto, "photo"},
    {CopyMethod::kScan, "scan"},
    {CopyMethod::kPhotocopy, "photocopy"},
}};

}  // namespace

const char* IdDocumentKindName(IdDocumentKind kind) {
  return NameOf(kDocuments, kind);
}
std::optional<IdDocumentKind> ParseIdDocumentKind(const std::string& name) {
  return FindByName(kDocuments, name);
}
const char* ScopeKindName(ScopeKind kind) { return NameOf(kScopes, kind); }
std::optional<ScopeKind> ParseScopeKind(const std::string& name) {
  return FindByName(kScopes, name);
}
const char* CopyMethodName(CopyMethod method) {
  return NameOf(kMethods, method);
}
std::optional<CopyMethod> ParseCopyMethod(const std::string& name) {
  return FindByName(kMethods, name);
}

}  // namespace depot::readingroom
