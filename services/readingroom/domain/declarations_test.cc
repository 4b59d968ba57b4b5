// Confidentiality declarations: versioned texts, the canonical encoding,
// the Ed25519 seal, verification and revocation.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "services/common/key_value_file.h"
#include "tests/support/fakes/readingroom_fixture.h"

namespace depot::readingroom {
namespace {

class DeclarationsTest : public ReadingRoomFixture {};

TEST_F(DeclarationsTest, SignedDeclarationVerifies) {
  int64_t visitor = AddVisitor();
  SignRequest request{visitor,
                      0,
                      ScopeKind::kDepositor,
                      {kOtherOrg, kOrg, kOrg},
                      "2026-03-01",
                      "2027-02-28",
                      std::string(64, 'A')};
  Declaration signed_ = declarations_.Sign(Desk(), request);
  EXPECT_EQ(signed_.text_version, 1);
  EXPECT_EQ(signed_.witnessed_by, "desk-kari");
  EXPECT_EQ(signed_.scope.values,
            (std::vector<std::string>{kOtherOrg, kOrg}));  // sorted, unique
  EXPECT_EQ(signed_.signature_scan_sha256, std::string(64, 'a'));
  EXPECT_EQ(signed_.seal.size(), 128u);
  EXPECT_EQ(signed_.seal_key_id, seal_key_->verifier().key_id());
  EXPECT_EQ(signed_.valid_until, LocalEndOfDay(*ParseDate("2027-02-28")));

  Verification verification = declarations_.Verify(Desk(), signed_.id);
  EXPECT_TRUE(verification.check.valid());
  EXPECT_TRUE(verification.check.problems.empty());
  EXPECT_TRUE(verification.check.seal_valid);
  EXPECT_TRUE(verification.check.text_intact);
}

TEST_F(DeclarationsTest, AnyChangeToTheStoredRecordBreaksTheSeal) {
  int64_t visitor = AddVisitor();
  Declaration original = SignAll(visitor);
  using Change = std::function<void(Declaration&)>;
  std::vector<std::pair<std::string, Change>> changes = {
      {"visitor", [](Declaration& d) { d.visitor_id += 1; }},
      {"text version", [](Declaration& d) { d.text_version = 2; }},
      {"text hash", [](Declaration& d) { d.text_sha256[0] ^= 1; }},
      {"scope", [](Declaration& d) { d.scope.kind = ScopeKind::kDepositor; }},
      {"from", [](Declaration& d) { d.valid_from -= std::chrono::hours(1); }},
      {"until", [](Declaration& d) { d.valid_until += std::chrono::hours(1); }},
      {"signed",
       [](Declaration& d) { d.signed_at += std::chrono::seconds(1); }},
      {"witness", [](Declaration& d) { d.witnessed_by = "desk-eve"; }},
      {"scan", [](Declaration& d) { d.signature_scan_sha256 = "00"; }},
  };
  for (const auto& [what, change] : changes) {
    Declaration altered = original;
    change(altered);
    DeclarationCheck check =
        CheckDeclaration(altered, seal_key_->verifier(), clock_.now);
    EXPECT_FALSE(check.seal_valid) << what;
    EXPECT_FALSE(check.valid()) << what;
  }
  DeclarationCheck check =
      CheckDeclaration(original, seal_key_->verifier(), clock_.now);
  EXPECT_TRUE(check.valid());
}

TEST_F(DeclarationsTest, VerifyReportsAlteredTextRevocationAndExpiry) {
  int64_t visitor = AddVisitor();
  SignRequest request{visitor, 0, ScopeKind::kAll, {}, "", "2026-03-10", ""};
  Declaration declaration = declarations_.Sign(Desk(), request);

  store_.mutable_state().texts.at(1).text[0] = 'i';
  Verification altered = declarations_.Verify(Desk(), declaration.id);
  EXPECT_TRUE(altered.check.seal_valid);
  EXPECT_FALSE(altered.check.text_intact);
  EXPECT_FALSE(altered.check.valid());
  store_.mutable_state().texts.at(1).text[0] = 'I';

  clock_.Advance(std::chrono::hours(24 * 30));
  Verification expired = declarations_.Verify(Desk(), declaration.id);
  EXPECT_FALSE(expired.check.within_validity);
  ASSERT_EQ(expired.check.problems.size(), 1u);
  EXPECT_TRUE(Contains(expired.check.problems[0], "expired at"));

  declarations_.Revoke(Desk(), declaration.id, "visitor asked");
  Verification revoked = declarations_.Verify(Desk(), declaration.id);
  EXPECT_TRUE(revoked.check.revoked);
  EXPECT_EQ(ErrorOf([&] {
              declarations_.Revoke(Desk(), declaration.id, "again");
            }).code(),
            ErrorCode::kFailedPrecondition);
}

TEST_F(DeclarationsTest, NotYetValidIsNotValid) {
  int64_t visitor = AddVisitor();
  SignRequest request{visitor, 0, ScopeKind::kAll, {}, "2026-04-01", "", ""};
  Declaration declaration = declarations_.Sign(Desk(), request);
  Verification early = declarations_.Verify(Desk(), declaration.id);
  EXPECT_FALSE(early.check.valid());
  EXPECT_TRUE(Contains(early.check.problems.at(0), "valid only from"));
}

TEST_F(DeclarationsTest, ANewTextVersionLeavesSignedDeclarationsAlone) {
  int64_t visitor = AddVisitor();
  Declaration first = SignAll(visitor);
  DeclarationText second =
      declarations_.AddText(Archivist(), "A stricter text, version two.");
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(second.sha256, Sha256Hex("A stricter text, version two."));
  EXPECT_TRUE(declarations_.Verify(Desk(), first.id).check.valid());
  EXPECT_EQ(declarations_.Get(Desk(), first.id).text_version, 1);
  EXPECT_EQ(SignAll(visitor).text_version, 2);  // the newest by default
  auto texts = declarations_.Texts(Desk(), false);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_TRUE(texts[0].text.empty());
  EXPECT_EQ(declarations_.Texts(Desk(), true)[1].text,
            "A stricter text, version two.");
}

TEST_F(DeclarationsTest, BadRequestsAreInvalidArgumentNamingTheField) {
  int64_t visitor = AddVisitor();
  auto code_and_text = [&](SignRequest request) {
    Error error = ErrorOf([&] { declarations_.Sign(Desk(), request); });
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument) << error.what();
    return std::string(error.what());
  };
  EXPECT_TRUE(Contains(
      code_and_text({visitor, 0, std::nullopt, {}, "", "", ""}), "scope.kind"));
  EXPECT_TRUE(Contains(
      code_and_text(
          {visitor, 0, ScopeKind::kDepositor, {"964338532"}, "", "", ""}),
      "scope.organization_numbers"));
  EXPECT_TRUE(Contains(
      code_and_text({visitor, 0, ScopeKind::kCategory, {"novels"}, "", "", ""}),
      "scope.categories"));
  EXPECT_TRUE(Contains(
      code_and_text({visitor, 0, ScopeKind::kRecords, {"-3"}, "", "", ""}),
      "scope.record_ids"));
  EXPECT_TRUE(
      Contains(code_and_text({visitor, 0, ScopeKind::kAll, {"1"}, "", "", ""}),
               "scope"));
  EXPECT_TRUE(Contains(
      code_and_text({visitor, 0, ScopeKind::kAll, {}, "2026-13-01", "", ""}),
      "valid_from"));
  EXPECT_TRUE(Contains(
      code_and_text(
          {visitor, 0, ScopeKind::kAll, {}, "2026-03-02", "2026-03-01", ""}),
      "valid_until"));
  EXPECT_TRUE(
      Contains(code_and_text({visitor, 0, ScopeKind::kAll, {}, "", "", "abc"}),
               "signature_scan_sha256"));
  EXPECT_EQ(ErrorOf([&] {
              declarations_.Sign(Desk(),
                                 {visitor, 7, ScopeKind::kAll, {}, "", "", ""});
            }).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(ErrorOf([&] {
              declarations_.Sign(
                  Desk(), {visitor + 50, 0, ScopeKind::kAll, {}, "", "", ""});
            }).code(),
            ErrorCode::kNotFound);
  EXPECT_TRUE(store_.state().declarations.empty());
}

TEST(CanonicalEncoding, IsLengthPrefixedFieldsInAFixedOrder) {
  SealedFields fields;
  fields.declaration_id = "7";
  fields.visitor_id = "3";
  fields.text_version = "1";
  fields.text_sha256 = "ab";
  fields.scope_kind = "records";
  fields.scope_values = {"10", "9"};
  fields.valid_from = "2026-03-02T10:00:00Z";
  fields.valid_until = "2029-03-02T10:00:00Z";
  fields.signed_at = "2026-03-02T10:00:00Z";
  fields.witnessed_by = "desk";
  fields.signature_scan_sha256 = "";
  fields.seal_key_id = "k";
  auto field = [](const std::string& value) {
    std::string out(4, '\0');
    out[3] = static_cast<char>(value.size());
    return out + value;
  };
  std::string expected =
      field("depot-declaration-v1") + field("7") + field("3") + field("1") +
      field("ab") + field("records") + field("2") + field("9") + field("10") +
      field("2026-03-02T10:00:00Z") + field("2029-03-02T10:00:00Z") +
      field("2026-03-02T10:00:00Z") + field("desk") + field("") + field("k");
  EXPECT_EQ(CanonicalDeclarationBytes(fields), expected);
}

TEST(SealKeyFile, IsCreatedOnceWithMode0600AndReloaded) {
  auto dir = std::filesystem::temp_directory_path() /
             ("depot-seal-test-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  auto file = dir / "keys" / "declaration-seal.pem";
  auto first = SealKey::LoadOrCreate(file);
  auto perms = std::filesystem::status(file).permissions();
  EXPECT_EQ(
      perms & std::filesystem::perms::all,
      std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto again = SealKey::LoadOrCreate(file);
  EXPECT_EQ(first->verifier().key_id(), again->verifier().key_id());
  std::string seal = first->Seal("hello");
  EXPECT_TRUE(again->verifier().Verify("hello", seal));
  EXPECT_FALSE(again->verifier().Verify("hellO", seal));
  EXPECT_FALSE(again->verifier().Verify("hello", "zz"));
  // The public key travels alone for offline verification.
  SealVerifier offline(first->verifier().public_key_pem());
  EXPECT_TRUE(offline.Verify("hello", seal));
  EXPECT_EQ(offline.key_id(), first->verifier().key_id());
  EXPECT_THROW(SealVerifier("not a key"), Error);
  std::ofstream(dir / "bad.pem") << "garbage";
  EXPECT_THROW(SealKey::LoadOrCreate(dir / "bad.pem"), StartupError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace depot::readingroom
