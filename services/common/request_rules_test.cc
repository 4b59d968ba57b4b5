#include "services/common/request_rules.h"

#include <gtest/gtest.h>

#include "depot/v1/deposit.pb.h"
#include "depot/v1/journal.pb.h"
#include "services/common/error.h"
#include "services/common/text_check.h"

namespace depot {
namespace {

TEST(TextProblem, AcceptsPrintableTextWithinTheLimit) {
  EXPECT_FALSE(TextProblem("Ærlige Åse Øvrebø", {}));
  EXPECT_FALSE(TextProblem(std::string(200, 'x'), {}));
  EXPECT_FALSE(TextProblem("two\nlines\ttab", {.multiline = true}));
}

TEST(TextProblem, RefusesNulControlsBadUtf8AndLength) {
  EXPECT_TRUE(TextProblem(std::string("a\0b", 3), {.multiline = true}));
  EXPECT_TRUE(TextProblem("a\nb", {}));
  EXPECT_TRUE(TextProblem("a\x1b[31m", {.multiline = true}));
  EXPECT_TRUE(TextProblem("\xc2\x85", {.multiline = true}));  // U+0085
  EXPECT_TRUE(TextProblem("\xff\xfe", {}));
  EXPECT_TRUE(TextProblem("\xc0\xaf", {}));      // overlong '/'
  EXPECT_TRUE(TextProblem("\xed\xa0\x80", {}));  // a surrogate
  EXPECT_TRUE(TextProblem(std::string(201, 'x'), {}));
  // Characters, not bytes: 200 two-byte letters are fine.
  std::string letters;
  for (int i = 0; i < 200; ++i) letters += "ø";
  EXPECT_FALSE(TextProblem(letters, {}));
  auto why = TextProblem(std::string("ab\0", 3), {});
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("NUL"), std::string::npos) << *why;
}

TEST(CharacterCount, CountsCodePointsNotBytes) {
  EXPECT_EQ(CharacterCount(""), 0u);
  EXPECT_EQ(CharacterCount("abc"), 3u);
  EXPECT_EQ(CharacterCount("Øvrebø"), 6u);
  EXPECT_EQ(CharacterCount("\xf0\x9f\x98\x80"), 1u);
}

TEST(QuoteInput, NeverGrowsWithTheInput) {
  std::string huge(1 << 20, 'r');
  std::string quoted = QuoteInput(huge);
  EXPECT_LT(quoted.size(), 100u);
  EXPECT_NE(quoted.find("more bytes"), std::string::npos);
  EXPECT_EQ(QuoteInput(std::string("a\0\"", 3)), "\"a\\u0000\\\"\"");
  EXPECT_EQ(QuoteInput("\xff"), "\"\\xFF\"");
}

TEST(TruncateUtf8, KeepsWholeCharacters) {
  EXPECT_EQ(TruncateUtf8("øøø", 3), "ø");
  EXPECT_EQ(TruncateUtf8("abc", 10), "abc");
}

TEST(RequestRules, NamesTheFieldAndTheProblem) {
  v1::CreateDepositRequest request;
  request.set_description(std::string("a\0b", 3));
  auto violation = FindViolation(request);
  ASSERT_TRUE(violation);
  EXPECT_EQ(violation->field, "description");
  EXPECT_THROW(CheckRequest(request), Error);
}

TEST(RequestRules, UsesEachFieldsRule) {
  v1::CreateDepositRequest request;
  request.set_description(std::string(4000, 'd') + "\nline two");
  EXPECT_TRUE(FindViolation(request));  // 4009 characters > 4000
  request.set_description("Elevmapper 1960-1975\nBoks 1-12");
  EXPECT_FALSE(FindViolation(request));
  request.set_organization_number(std::string(201, '9'));  // the default
  EXPECT_TRUE(FindViolation(request));
}

TEST(RequestRules, RefusesUnknownEnumValues) {
  v1::CreateDepositRequest request;
  request.set_category(static_cast<v1::RegisterCategory>(99));
  auto violation = FindViolation(request);
  ASSERT_TRUE(violation);
  EXPECT_EQ(violation->field, "category");
  EXPECT_NE(violation->reason.find("REGISTER_CATEGORY_PUPIL_FILES"),
            std::string::npos);
}

TEST(RequestRules, ChecksNestedAndRepeatedFields) {
  v1::TransferRecordsRequest request;
  auto* batch = request.mutable_batch();
  batch->add_records()->set_box("B1");
  batch->add_records()->set_box(std::string("B\0", 2));
  auto violation = FindViolation(request);
  ASSERT_TRUE(violation);
  EXPECT_EQ(violation->field, "batch.records[1].box");
}

}  // namespace
}  // namespace depot
