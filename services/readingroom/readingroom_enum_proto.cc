#include "services/common/request_rules.h"
#include "services/readingroom/domain/categories.h"
#include "services/readingroom/readingroom_proto.h"

namespace depot::readingroom {

std::optional<IdDocumentKind> FromProto(v1::IdDocumentKind kind) {
  switch (kind) {
    case v1::ID_DOCUMENT_KIND_UNSPECIFIED:
      return std::nullopt;
    case v1::ID_DOCUMENT_KIND_PASSPORT:
      return IdDocumentKind::kPassport;
    case v1::ID_DOCUMENT_KIND_NATIONAL_ID_CARD:
      return IdDocumentKind::kNationalIdCard;
    case v1::ID_DOCUMENT_KIND_DRIVING_LICENCE:
      return IdDocumentKind::kDrivingLicence;
    case v1::ID_DOCUMENT_KIND_RESIDENCE_CARD:
      return IdDocumentKind::kResidenceCard;
    case v1::ID_DOCUMENT_KIND_OTHER:
      return IdDocumentKind::kOther;
    default:
      throw UnknownEnumValue("id_document_kind", kind,
                             *v1::IdDocumentKind_descriptor());
  }
}

v1::IdDocumentKind ToProto(IdDocumentKind kind) {
  switch (kind) {
    case IdDocumentKind::kPassport:
      return v1::ID_DOCUMENT_KIND_PASSPORT;
    case IdDocumentKind::kNationalIdCard:
      return v1::ID_DOCUMENT_KIND_NATIONAL_ID_CARD;
    case IdDocumentKind::kDrivingLicence:
      return v1::ID_DOCUMENT_KIND_DRIVING_LICENCE;
    case IdDocumentKind::kResidenceCard:
      return v1::ID_DOCUMENT_KIND_RESIDENCE_CARD;
    case IdDocumentKind::kOther:
      return v1::ID_DOCUMENT_KIND_OTHER;
  }
  return v1::ID_DOCUMENT_KIND_UNSPECIFIED;
}

std::optional<CopyMethod> FromProto(v1::CopyMethod method) {
  switch (method) {
    case v1::COPY_METHOD_UNSPECIFIED:
      return std::nullopt;
    case v1::COPY_METHOD_PHOTO:
      return CopyMethod::kPhoto;
    case v1::COPY_METHOD_SCAN:
      return CopyMethod::kScan;
    case v1::COPY_METHOD_PHOTOCOPY:
      return CopyMethod::kPhotocopy;
    default:
      throw UnknownEnumValue("method", method, *v1::CopyMethod_descriptor());
  }
}

v1::CopyMethod ToProto(CopyMethod method) {
  switch (method) {
    case CopyMethod::kPhoto:
      return v1::COPY_METHOD_PHOTO;
    case CopyMethod::kScan:
      return v1::COPY_METHOD_SCAN;
    case CopyMethod::kPhotocopy:
      return v1::COPY_METHOD_PHOTOCOPY;
  }
  return v1::COPY_METHOD_UNSPECIFIED;
}

std::optional<ScopeKind> FromProto(v1::ScopeKind kind) {
  switch (kind) {
    case v1::SCOPE_KIND_UNSPECIFIED:
      return std::nullopt;
    case v1::SCOPE_KIND_ALL:
      return ScopeKind::kAll;
    case v1::SCOPE_KIND_DEPOSITOR:
      return ScopeKind::kDepositor;
    case v1::SCOPE_KIND_CATEGORY:
      return ScopeKind::kCategory;
    case v1::SCOPE_KIND_RECORDS:
      return ScopeKind::kRecords;
    default:
      throw UnknownEnumValue("scope.kind", kind, *v1::ScopeKind_descriptor());
  }
}

v1::ScopeKind ToProto(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::kAll:
      return v1::SCOPE_KIND_ALL;
    case ScopeKind::kDepositor:
      return v1::SCOPE_KIND_DEPOSITOR;
    case ScopeKind::kCategory:
      return v1::SCOPE_KIND_CATEGORY;
    case ScopeKind::kRecords:
      return v1::SCOPE_KIND_RECORDS;
  }
  return v1::SCOPE_KIND_UNSPECIFIED;
}

v1::RegisterCategory CategoryToProto(const std::string& name) {
  auto number = CategoryNumber(name);
  return number ? static_cast<v1::RegisterCategory>(*number)
                : v1::REGISTER_CATEGORY_UNSPECIFIED;
}

std::vector<std::string> ScopeValuesFromProto(
    const v1::DeclarationScope& scope) {
  auto category_names = [&](std::vector<std::string>* values) {
    for (int i = 0; i < scope.categories_size(); ++i) {
      auto name = CategoryName(scope.categories(i));
      if (!name) {
        throw UnknownEnumValue("scope.categories[" + std::to_string(i) + "]",
                               scope.categories(i),
                               *v1::RegisterCategory_descriptor());
      }
      values->push_back(*name);
    }
  };
  std::vector<std::string> values;
  switch (scope.kind()) {
    case v1::SCOPE_KIND_DEPOSITOR:
      values.assign(scope.organization_numbers().begin(),
                    scope.organization_numbers().end());
      break;
    case v1::SCOPE_KIND_CATEGORY:
      category_names(&values);
      break;
    case v1::SCOPE_KIND_RECORDS:
      for (int64_t id : scope.record_ids())
        values.push_back(std::to_string(id));
      break;
    default:
      // Values given for a kind that takes none are refused by the domain.
      values.assign(scope.organization_numbers().begin(),
                    scope.organization_numbers().end());
      category_names(&values);
      for (int64_t id : scope.record_ids())
        values.push_back(std::to_string(id));
      break;
  }
  return values;
}

}  // namespace depot::readingroom
