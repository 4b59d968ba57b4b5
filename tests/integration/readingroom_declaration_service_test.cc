// ReadingRoomService over gRPC: confidentiality declarations altered in
// the database are refused, and verified online and offline alike.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "tests/integration/readingroom_service_fixture.h"

namespace depot {
namespace {

TEST_F(ReadingRoomServiceTest, RefusesADeclarationAlteredInTheDatabase) {
  int64_t visitor = Visitor("Kari Nordmann");
  CheckIn(visitor);
  v1::Declaration declaration = Sign(visitor, All());
  v1::Loan loan;
  ASSERT_TRUE(Open(visitor, {Record(0)}, &loan).ok());
  ASSERT_TRUE(Return(loan.loan_id()).ok());

  // The text a visitor signed, edited after the fact.
  Sql(testing::sql::kAmendDeclarationTexts);
  std::string reason = Refusal(visitor, {Record(0)});
  EXPECT_TRUE(Has(reason, "text was altered")) << reason;
  Sql(testing::sql::kUnamendDeclarationTexts);
  ASSERT_TRUE(Open(visitor, {Record(0)}, &loan).ok()) << "restored";
  ASSERT_TRUE(Return(loan.loan_id()).ok());

  // The declaration row itself: its validity stretched.
  Sql(testing::sql::kExtendDeclarationsByADay);
  reason = Refusal(visitor, {Record(0)});
  EXPECT_TRUE(Has(reason, "seal does not match")) << reason;
  Sql(testing::sql::kShortenDeclarationsByADay);

  // The seal replaced by another.
  Sql(testing::sql::kReplaceDeclarationSeals);
  reason = Refusal(visitor, {Record(0)});
  EXPECT_TRUE(Has(reason, "seal does not match")) << reason;
  (void)declaration;
}

TEST_F(ReadingRoomServiceTest, VerifiesOnlineAndOfflineAndBothFailAfterAFlip) {
  int64_t visitor = Visitor("Kari Nordmann");
  v1::DeclarationScope scope;
  scope.set_kind(v1::SCOPE_KIND_CATEGORY);
  scope.add_categories(v1::REGISTER_CATEGORY_PUPIL_FILES);
  scope.add_categories(v1::REGISTER_CATEGORY_CHILD_WELFARE);
  v1::Declaration signed_ = Sign(visitor, scope);

  auto verify_online = [&] {
    v1::VerifyDeclarationRequest request;
    request.set_declaration_id(signed_.declaration_id());
    v1::DeclarationVerification result;
    EXPECT_TRUE(Call(&Stub::VerifyDeclaration, request, &result).ok());
    return result;
  };
  v1::SealPublicKey key;
  ASSERT_TRUE(Call(&Stub::GetSealPublicKey, v1::GetSealPublicKeyRequest(), &key,
                   "auditor")
                  .ok());
  readingroom::SealVerifier offline_verifier(key.public_key_pem());
  auto verify_offline = [&] {
    v1::GetDeclarationRequest request;
    request.set_declaration_id(signed_.declaration_id());
    v1::Declaration exported;
    EXPECT_TRUE(Call(&Stub::GetDeclaration, request, &exported).ok());
    auto now = std::chrono::system_clock::now();
    return readingroom::CheckSealedDeclaration(
        readingroom::SealedFieldsFromProto(exported), exported.seal(),
        exported.text(), !exported.revoked_at().empty(),
        *readingroom::ParseLenientRfc3339(exported.valid_from()),
        *readingroom::ParseLenientRfc3339(exported.valid_until()),
        offline_verifier, now);
  };

  v1::DeclarationVerification online = verify_online();
  EXPECT_TRUE(online.valid()) << online.problems_size();
  EXPECT_TRUE(verify_offline().valid());

  // One byte of the stored record: the witness's name.
  Sql(testing::sql::kChangeWitnessOfDeclarations, "desk", "desl");
  online = verify_online();
  EXPECT_FALSE(online.valid());
  EXPECT_FALSE(online.seal_valid());
  EXPECT_FALSE(verify_offline().valid());
  EXPECT_FALSE(verify_offline().seal_valid);
}

}  // namespace
}  // namespace depot
