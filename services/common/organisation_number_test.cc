#include "services/common/organisation_number.h"

#include <gtest/gtest.h>

namespace depot {
namespace {

TEST(OrganisationNumber, AcceptsRealNumbers) {
  for (const char* number : {"964338531", "938587418", "974760673",
                             "923609016", "940101808"}) {
    EXPECT_EQ(OrganisationNumberProblem(number), std::nullopt) << number;
  }
}

TEST(OrganisationNumber, RejectsWrongCheckDigit) {
  auto problem = OrganisationNumberProblem("964338532");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("check digit"), std::string::npos);
}

TEST(OrganisationNumber, RejectsRemainderTen) {
  // Weighted sum 12 (digits 00000006 * weight 2 = 12): 11 - 12 % 11 = 10,
  // which no check digit can express.
  for (char last = '0'; last <= '9'; ++last) {
    EXPECT_TRUE(OrganisationNumberProblem(std::string("00000006") + last));
  }
}

TEST(OrganisationNumber, RejectsWrongLengthAndNonDigits) {
  EXPECT_NE(OrganisationNumberProblem("96433853")->find("9 digits"),
            std::string::npos);
  EXPECT_NE(OrganisationNumberProblem("9643385311")->find("9 digits"),
            std::string::npos);
  EXPECT_NE(OrganisationNumberProblem("96433853A")->find("digits only"),
            std::string::npos);
  EXPECT_NE(OrganisationNumberProblem("")->find("missing"), std::string::npos);
}

}  // namespace
}  // namespace depot
