#include <gtest/gtest.h>

#include "services/journal/domain/name_mask.h"

namespace depot::journal {
namespace {

NameMask MaskOf(std::initializer_list<const char*> names) {
  NameMask mask;
  for (const char* name : names) mask.AddName(name);
  return mask;
}

TEST(FoldedWords, SplitsOnPunctuationAndFoldsNorwegianLetters) {
  EXPECT_EQ(FoldedWords("ÆRLIG, Øyvind-Åse «Bø»"),
            (std::vector<std::string>{"ærlig", "øyvind", "åse", "bø"}));
  EXPECT_EQ(FoldedWords("ŁUKASZ Wiśniewski ÉLODIE"),
            (std::vector<std::string>{"łukasz", "wiśniewski", "élodie"}));
  EXPECT_EQ(FoldedWords("  "), std::vector<std::string>{});
  EXPECT_EQ(CanonicalName("  KARI \t nordmann "), "kari nordmann");
}

TEST(NameMask, MasksEveryPartInAnyLetterCase) {
  NameMask mask = MaskOf({"Øyvind Ærlig"});
  EXPECT_EQ(mask.Apply("Søknad fra ØYVIND ærlig"), "Søknad fra ******");
  EXPECT_EQ(mask.Apply("Ærlig, øyvind: søknad"), "******, ******: søknad");
  EXPECT_EQ(mask.Apply("Intervju med øyvind"), "Intervju med ******");
}

TEST(NameMask, MasksTheGenitive) {
  NameMask mask = MaskOf({"Kari Nordmann"});
  EXPECT_EQ(mask.Apply("Nordmanns søknad"), "****** søknad");
}

TEST(NameMask, CollapsesAdjacentMasksSoTheNameLengthDoesNotShow) {
  NameMask mask = MaskOf({"Anne Marie Berg Olsen", "Per-Olav Ås"});
  EXPECT_EQ(mask.Apply("Søknad - Anne Marie Berg Olsen"), "Søknad - ******");
  EXPECT_EQ(mask.Apply("Søknad Per-Olav Ås"), "Søknad ******-******");
  EXPECT_EQ(mask.Apply("Anne og Olsen"), "****** og ******");
}

TEST(NameMask, LeavesWordsThatOnlyContainAPart) {
  NameMask mask = MaskOf({"Per Sol"});
  EXPECT_EQ(mask.Apply("Personalsak om solcelle"), "Personalsak om solcelle");
  // A name that is also a common word is masked as a word: over-masking is
  // the safe side.
  EXPECT_EQ(mask.Apply("Sol og vind"), "****** og vind");
}

TEST(NameMask, RecognisesFullNamesInAnyForm) {
  NameMask mask = MaskOf({"Kari Nordmann"});
  EXPECT_TRUE(mask.HidesName(" KARI  NORDMANN"));
  EXPECT_FALSE(mask.HidesName("Kari"));
  EXPECT_FALSE(MaskOf({}).HidesName("Kari"));
}

TEST(NameMask, EmptyMaskChangesNothing) {
  EXPECT_EQ(NameMask().Apply("Kari Nordmann"), "Kari Nordmann");
}

TEST(FirstLine, EndsAtTheFirstLineBreak) {
  EXPECT_EQ(FirstLine("Tilsetting\nKari Nordmann"), "Tilsetting");
  EXPECT_EQ(FirstLine("One line"), "One line");
}

TEST(Utf8, AcceptsTextAndRejectsMalformedBytes) {
  EXPECT_TRUE(IsValidUtf8("Bjørn Ødegård"));
  EXPECT_FALSE(IsValidUtf8(std::string("\xC3", 1)));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
}

}  // namespace
}  // namespace depot::journal
