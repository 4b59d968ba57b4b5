// The masking engine's text layer: UTF-8, words for releases, skeletons
// (one spelling for the many ways a word is written) and segments.
#include <gtest/gtest.h>

#include "services/journal/domain/masking/segments.h"
#include "services/journal/domain/masking/skeleton.h"
#include "services/journal/domain/masking/utf8.h"
#include "services/journal/domain/masking/words.h"

namespace depot::journal {
namespace {

TEST(FoldedWords, SplitsOnPunctuationAndFoldsNorwegianLetters) {
  EXPECT_EQ(FoldedWords("ÆRLIG, Øyvind-Åse «Bø»"),
            (std::vector<std::string>{"ærlig", "øyvind", "åse", "bø"}));
  EXPECT_EQ(FoldedWords("ŁUKASZ Wiśniewski ÉLODIE"),
            (std::vector<std::string>{"łukasz", "wiśniewski", "élodie"}));
  EXPECT_EQ(FoldedWords("  "), std::vector<std::string>{});
  EXPECT_EQ(CanonicalName("  KARI \t nordmann "), "kari nordmann");
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

TEST(Skeleton, IgnoresLetterCase) {
  EXPECT_EQ(Skeleton("KARI"), "kari");
  EXPECT_EQ(Skeleton("kArI"), "kari");
  EXPECT_EQ(Skeleton("ØDEGÅRD"), Skeleton("ødegård"));
}

TEST(Skeleton, NfcNfdAndCompatibilityFormsAreOne) {
  EXPECT_EQ(Skeleton("\u00C5se"), Skeleton("A\u030Ase"));  // Å NFC/NFD
  EXPECT_EQ(Skeleton("Bj\u00F8rn"), Skeleton("Bj\u00F8rn"));
  EXPECT_EQ(Skeleton("Ren\u00E9e"), Skeleton("Rene\u0301e"));      // é
  EXPECT_EQ(Skeleton("\uFF2B\uFF41\uFF52\uFF49"), "kari");         // full-width
  EXPECT_EQ(Skeleton("\U0001D40A\U0001D41A\U0001D42B\U0001D422"),  // bold
            "kari");
  EXPECT_EQ(Skeleton("\uFB01nn"), "finn");   // ﬁ
  EXPECT_EQ(Skeleton("\u24C0ari"), "kari");  // Ⓚ
}

TEST(Skeleton, NordicLettersMatchTheirSpelledOutForms) {
  EXPECT_EQ(Skeleton("Åse"), Skeleton("Aase"));
  EXPECT_EQ(Skeleton("Åse"), Skeleton("Ase"));
  EXPECT_EQ(Skeleton("Bjørn"), Skeleton("Bjoern"));
  EXPECT_EQ(Skeleton("Bjørn"), Skeleton("Björn"));
  EXPECT_EQ(Skeleton("Bjørn"), Skeleton("Bjorn"));
  EXPECT_EQ(Skeleton("Sæther"), Skeleton("Saether"));
  EXPECT_EQ(Skeleton("Sæther"), Skeleton("Säther"));
  EXPECT_EQ(Skeleton("Ødegård"), Skeleton("Oedegaard"));
  EXPECT_EQ(Skeleton("Øvre"), Skeleton("Oevre"));
}

TEST(Skeleton, OtherDiacriticsAndLettersFold) {
  EXPECT_EQ(Skeleton("Müller"), "muller");
  EXPECT_EQ(Skeleton("Łukasz"), "lukasz");
  EXPECT_EQ(Skeleton("Straße"), "strasse");
  EXPECT_EQ(Skeleton("Þórður"), "thordur");
  EXPECT_EQ(Skeleton("Ñúñez"), "nunez");
}

TEST(Skeleton, DropsInvisibleCharactersAndPunctuation) {
  EXPECT_EQ(Skeleton("Nord\u200Bmann"), "nordmann");  // zero-width space
  EXPECT_EQ(Skeleton("Nord\u00ADmann"), "nordmann");  // soft hyphen
  EXPECT_EQ(Skeleton("Nord\u2060mann"), "nordmann");  // word joiner
  EXPECT_EQ(Skeleton("Nord\uFEFFmann"), "nordmann");  // BOM
  EXPECT_EQ(Skeleton("Anne-Marie"), "annemarie");
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (const TextSegment& s : SegmentText(text)) {
    if (s.word)
      words.push_back(std::string(text.substr(s.begin, s.end - s.begin)));
  }
  return words;
}

TEST(Segments, CoverTheTextAndSplitAtEverySeparator) {
  std::string text = "Søknad: kari_nordmann.pdf (CV)";
  std::vector<TextSegment> segments = SegmentText(text);
  size_t at = 0;
  for (const TextSegment& s : segments) {
    EXPECT_EQ(s.begin, at);
    at = s.end;
  }
  EXPECT_EQ(at, text.size());
  EXPECT_EQ(Words(text), (std::vector<std::string>{"Søknad", "kari", "nordmann",
                                                   "pdf", "CV"}));
}

TEST(Segments, NoBreakAndOtherSpacesSeparateInvisibleCharactersDoNot) {
  EXPECT_EQ(Words("Kari\u00A0Nordmann"),
            (std::vector<std::string>{"Kari", "Nordmann"}));
  EXPECT_EQ(Words("Kari\u2009\u3000Nordmann"),
            (std::vector<std::string>{"Kari", "Nordmann"}));
  EXPECT_EQ(Words("Kari\u200BNordmann"),
            (std::vector<std::string>{"Kari\u200BNordmann"}));
  EXPECT_EQ(Words("\u200BKari\u200B"), (std::vector<std::string>{"Kari"}));
}

TEST(Segments, CamelCaseAndDigitsMakePieces) {
  std::vector<TextSegment> s = SegmentText("KariNordmann2024");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].skeleton, "karinordmann2024");
  EXPECT_EQ(s[0].pieces,
            (std::vector<std::string>{"kari", "nordmann", "2024"}));
  EXPECT_TRUE(SegmentText("Nordmann")[0].pieces.empty());
}

TEST(Segments, GapsBetweenPartsOfANameJoin) {
  EXPECT_EQ(ClassifyGap(" "), GapKind::kSpace);
  EXPECT_EQ(ClassifyGap("\u00A0 \u200B"), GapKind::kSpace);
  EXPECT_EQ(ClassifyGap(", "), GapKind::kNameJoiner);
  EXPECT_EQ(ClassifyGap(". "), GapKind::kNameJoiner);
  EXPECT_EQ(ClassifyGap("_"), GapKind::kNameJoiner);
  EXPECT_EQ(ClassifyGap("@"), GapKind::kNameJoiner);
  EXPECT_EQ(ClassifyGap("\u2019"), GapKind::kNameJoiner);
  EXPECT_EQ(ClassifyGap(" og "), GapKind::kOther);
  EXPECT_EQ(ClassifyGap(": "), GapKind::kOther);
  EXPECT_EQ(ClassifyGap(", ."), GapKind::kOther);
  EXPECT_TRUE(IsApostrophe("'"));
  EXPECT_TRUE(IsApostrophe("\u2019"));
  EXPECT_FALSE(IsApostrophe("' "));
}

}  // namespace
}  // namespace depot::journal
