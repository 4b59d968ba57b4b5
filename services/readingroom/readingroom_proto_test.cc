#include "services/readingroom/readingroom_proto.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/error_of.h"

namespace depot::readingroom {
namespace {

using depot::testing::ErrorOf;

// The start of the message of the InvalidArgument `action` throws.
std::string RefusedField(const std::function<void()>& action) {
  Error error = ErrorOf(action);
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument) << error.what();
  std::string message = error.what();
  return message.substr(0, message.find(':'));
}

TEST(ReadingRoomProto, EnumsMapBothWays) {
  for (IdDocumentKind kind :
       {IdDocumentKind::kPassport, IdDocumentKind::kNationalIdCard,
        IdDocumentKind::kDrivingLicence, IdDocumentKind::kResidenceCard,
        IdDocumentKind::kOther}) {
    EXPECT_EQ(FromProto(ToProto(kind)), kind);
  }
  for (CopyMethod method :
       {CopyMethod::kPhoto, CopyMethod::kScan, CopyMethod::kPhotocopy}) {
    EXPECT_EQ(FromProto(ToProto(method)), method);
  }
  for (ScopeKind kind : {ScopeKind::kAll, ScopeKind::kDepositor,
                         ScopeKind::kCategory, ScopeKind::kRecords}) {
    EXPECT_EQ(FromProto(ToProto(kind)), kind);
  }
  EXPECT_EQ(FromProto(v1::ID_DOCUMENT_KIND_UNSPECIFIED), std::nullopt);
  EXPECT_EQ(FromProto(v1::COPY_METHOD_UNSPECIFIED), std::nullopt);
  EXPECT_EQ(FromProto(v1::SCOPE_KIND_UNSPECIFIED), std::nullopt);
}

TEST(ReadingRoomProto, UnknownNumbersAreRefusedNamingTheField) {
  EXPECT_EQ(
      RefusedField([] { FromProto(static_cast<v1::IdDocumentKind>(99)); }),
      "id_document_kind");
  EXPECT_EQ(RefusedField([] { FromProto(static_cast<v1::CopyMethod>(99)); }),
            "method");
  EXPECT_EQ(RefusedField([] { FromProto(static_cast<v1::ScopeKind>(99)); }),
            "scope.kind");
  v1::DeclarationScope scope;
  scope.set_kind(v1::SCOPE_KIND_CATEGORY);
  scope.add_categories(v1::REGISTER_CATEGORY_HEALTH_CARDS);
  scope.add_categories(static_cast<v1::RegisterCategory>(99));
  EXPECT_EQ(RefusedField([&] { ScopeValuesFromProto(scope); }),
            "scope.categories[1]");
}

TEST(ReadingRoomProto, CategoriesGoByNameBothWays) {
  v1::DeclarationScope scope;
  scope.set_kind(v1::SCOPE_KIND_CATEGORY);
  scope.add_categories(v1::REGISTER_CATEGORY_CHILD_WELFARE);
  std::vector<std::string> names = ScopeValuesFromProto(scope);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(CategoryToProto(names[0]), v1::REGISTER_CATEGORY_CHILD_WELFARE);
  EXPECT_EQ(CategoryToProto("no-such-category"),
            v1::REGISTER_CATEGORY_UNSPECIFIED);
}

TEST(ReadingRoomProto, AnEmptyCorrectionFieldKeepsTheValue) {
  v1::CorrectVisitorRequest request;
  request.set_visitor_id(3);
  request.set_contact("kari@example.org");
  request.set_reason("moved");
  VisitorCorrection correction = FromProto(request);
  EXPECT_EQ(correction.visitor_id, 3);
  EXPECT_EQ(correction.name, std::nullopt);
  EXPECT_EQ(correction.contact, "kari@example.org");
  EXPECT_EQ(correction.id_document_kind, std::nullopt);
  EXPECT_EQ(correction.birth_date, std::nullopt);
  EXPECT_EQ(correction.national_id, std::nullopt);
}

TEST(ReadingRoomProto, OverdueListGivesTheClosingTimeAsHoursAndMinutes) {
  OverdueList list;
  list.closing_minutes = 15 * 60 + 5;
  v1::ListOverdueResponse response;
  ToProto(list, &response);
  EXPECT_EQ(response.closing_time(), "15:05");
}

}  // namespace
}  // namespace depot::readingroom
