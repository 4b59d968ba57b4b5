#include "services/deposits/deposit_proto.h"

#include <gtest/gtest.h>

#include <set>

#include "depot/v1/field_rules.pb.h"
#include "services/deposits/domain/record_rules.h"
#include "tests/support/error_of.h"

namespace depot::deposits {
namespace {

using depot::testing::ErrorOf;

TEST(DepositProto, DepositorKindsMapBothWays) {
  for (DepositorKind kind : {DepositorKind::kMunicipality,
                             DepositorKind::kCounty, DepositorKind::kOther}) {
    EXPECT_NE(ToProto(kind), v1::DEPOSITOR_KIND_UNSPECIFIED);
    EXPECT_EQ(FromProto(ToProto(kind)), kind);
  }
  EXPECT_EQ(FromProto(v1::DEPOSITOR_KIND_COUNTY), DepositorKind::kCounty);
  // Unspecified is left to the domain, which says the kind is required.
  EXPECT_EQ(FromProto(v1::DEPOSITOR_KIND_UNSPECIFIED), std::nullopt);
}

TEST(DepositProto, UnknownDepositorKindIsRefusedNamingTheField) {
  Error error = ErrorOf([] { FromProto(static_cast<v1::DepositorKind>(42)); });
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(std::string(error.what()).rfind("kind: ", 0), 0u) << error.what();
}

TEST(DepositProto, CategoriesMapByNumberAndUnknownOnesAreRefused) {
  EXPECT_EQ(CategoryFromProto(v1::REGISTER_CATEGORY_PUPIL_FILES),
            RegisterCategory::kPupilFiles);
  EXPECT_EQ(CategoryFromProto(v1::REGISTER_CATEGORY_KINDERGARTEN),
            RegisterCategory::kKindergarten);
  EXPECT_EQ(CategoryFromProto(v1::REGISTER_CATEGORY_OTHER),
            RegisterCategory::kOther);
  EXPECT_EQ(CategoryFromProto(v1::REGISTER_CATEGORY_UNSPECIFIED), std::nullopt);
  for (int number : {-1, 10}) {
    Error error = ErrorOf(
        [&] { CategoryFromProto(static_cast<v1::RegisterCategory>(number)); });
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(std::string(error.what()).rfind("category: ", 0), 0u)
        << error.what();
  }
}

TEST(DepositProto, SearchWithoutCategorySearchesEveryCategory) {
  v1::SearchRecordsRequest request;
  EXPECT_EQ(FromProto(request).category, 0);
  request.set_category(v1::REGISTER_CATEGORY_HEALTH_CARDS);
  EXPECT_EQ(FromProto(request).category,
            static_cast<int>(RegisterCategory::kHealthCards));
}

TEST(DepositProto, EveryDepositStateHasItsOwnValue) {
  std::set<v1::DepositState> seen;
  for (DepositState state :
       {DepositState::kOpen, DepositState::kTransferring,
        DepositState::kReceived, DepositState::kCancelled}) {
    EXPECT_NE(ToProto(state), v1::DEPOSIT_STATE_UNSPECIFIED);
    seen.insert(ToProto(state));
  }
  EXPECT_EQ(seen.size(), 4u);
}

TEST(DepositProto, ProgressOfATransferNotBegunStartsAtPositionOne) {
  TransferReport report;
  report.deposit.id = 7;
  report.deposit.state = DepositState::kOpen;
  v1::TransferProgress progress;
  ToProto(report, "pupils.csv", &progress);
  EXPECT_EQ(progress.deposit_id(), 7);
  EXPECT_EQ(progress.transfer_id(), "pupils.csv");
  EXPECT_EQ(progress.next_position(), 1);
  EXPECT_EQ(progress.started_at(), "");

  report.transfer.emplace();
  report.transfer->next_position = 41;
  ToProto(report, "pupils.csv", &progress);
  EXPECT_EQ(progress.next_position(), 41);
}

// The rules the proto states for RecordData's text fields are the ones the
// domain checks each record against: every string field has one, and they
// agree.
TEST(RecordTextRules, AreTheRulesTheProtoStates) {
  using google::protobuf::Descriptor;
  using google::protobuf::FieldDescriptor;
  size_t seen = 0;
  auto compare = [&](const Descriptor& message, const std::string& prefix) {
    for (int i = 0; i < message.field_count(); ++i) {
      const FieldDescriptor& field = *message.field(i);
      if (field.type() != FieldDescriptor::TYPE_STRING) continue;
      std::string name = prefix + field.name();
      ASSERT_TRUE(field.options().HasExtension(v1::text))
          << name << " has no (depot.v1.text) rule";
      const v1::TextRule& rule = field.options().GetExtension(v1::text);
      auto found = RecordTextRules().find(name);
      ASSERT_NE(found, RecordTextRules().end()) << name;
      EXPECT_EQ(found->second.max_chars, static_cast<size_t>(rule.max_chars()))
          << name;
      EXPECT_EQ(found->second.multiline, rule.multiline()) << name;
      ++seen;
    }
  };
  compare(*v1::RecordData::descriptor(), "");
  compare(*v1::DigitalDocument::descriptor(), "documents.");
  EXPECT_EQ(seen, RecordTextRules().size());
}

}  // namespace
}  // namespace depot::deposits
