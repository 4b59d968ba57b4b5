// Explicit marking of words to screen (at recording and afterwards) and
// the archivist's preview of the public journal, through the domain with
// the in-memory store.
#include <gtest/gtest.h>

#include "services/common/error.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/preview.h"
#include "services/journal/domain/public_journal.h"
#include "tests/support/error_of.h"
#include "tests/support/fakes/fake_journal_store.h"
#include "tests/support/fakes/journal_test_support.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::OrdinaryCase;

using depot::testing::CodeOf;

class ScreeningTest : public ::testing::Test {
 protected:
  std::vector<PublicEntry> Public() {
    std::vector<PublicEntry> out;
    public_.Stream(Desk(), "2020-01-01", "2030-12-31",
                   [&](const PublicEntry& e) { out.push_back(e); });
    return out;
  }
  std::vector<EntryPreview> Preview() {
    std::vector<EntryPreview> out;
    public_.Preview(Archivist(), "2020-01-01", "2030-12-31",
                    [&](const EntryPreview& e) { out.push_back(e); });
    return out;
  }
  std::vector<AuditEvent> AuditOf(const std::string& action) {
    std::vector<AuditEvent> out;
    for (const AuditEvent& e : store_.state().audit) {
      if (e.action == action) out.push_back(e);
    }
    return out;
  }

  FakeJournalStore store_;
  Keyring keyring_ = Keyring::Random();
  testing::FakeClock clock_{testing::kFirstTestDay};
  Journal journal_{store_, keyring_, clock_.clock()};
  PublicJournal public_{store_, keyring_, clock_.clock()};
};

TEST_F(ScreeningTest, WordsMarkedAtRecordingAreMaskedInTheWholeCase) {
  std::string c =
      journal_.CreateCase(Archivist(), OrdinaryCase("Barnevernssak")).Number();
  NewEntry e = Incoming(c, "Bekymringsmelding om Kaja (7)", "Bergen kommune");
  e.screened_words = {"Kaja"};
  e.screened_words_authority = "offentleglova § 13";
  EntryDetails recorded = journal_.RecordEntry(Archivist(), e);
  EXPECT_EQ(recorded.public_view.public_title,
            "Bekymringsmelding om ****** (7)");
  EXPECT_EQ(recorded.public_view.screening.authority, "offentleglova § 13");
  ASSERT_EQ(recorded.screened_words.size(), 1u);
  EXPECT_EQ(recorded.screened_words[0].words, std::vector<std::string>{"Kaja"});
  EXPECT_EQ(recorded.screened_words[0].screened_by, "anna");
  // Another entry of the case, in another spelling: masked too.
  journal_.RecordEntry(Archivist(),
                       Incoming(c, "Svar om KAJAS skolegang", "Skolen"));
  auto entries = Public();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].public_title, "Svar om ****** skolegang");
  auto audit = AuditOf("journal.words.screen");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].object, "entry/" + recorded.entry.JournalNumber());
  EXPECT_EQ(audit[0].detail, "words=1");
  EXPECT_EQ(audit[0].detail.find("Kaja"), std::string::npos);
}

TEST_F(ScreeningTest, LaterScreeningChangesThePublicViewAtOnceAndIsAudited) {
  std::string c =
      journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  EntryDetails first = journal_.RecordEntry(
      Archivist(),
      Incoming(c, "Søknad fra Kari Nordmann (kalt Kaja)", "Kari Nordmann"));
  EXPECT_EQ(first.public_view.public_title, "Søknad fra ****** (kalt Kaja)");
  EntryDetails screened =
      journal_.ScreenWords(Archivist(), first.entry.JournalNumber(),
                           {{"Kaja"}, "offentleglova § 25"});
  EXPECT_EQ(screened.public_view.public_title,
            "Søknad fra ****** (kalt ******)");
  EXPECT_EQ(Public()[0].public_title, "Søknad fra ****** (kalt ******)");
  ASSERT_EQ(screened.screened_words.size(), 1u);
  EXPECT_EQ(screened.screened_words[0].authority, "offentleglova § 25");
  EXPECT_EQ(AuditOf("journal.words.screen").size(), 1u);
}

TEST_F(ScreeningTest, WordsToScreenAreChecked) {
  std::string c =
      journal_.CreateCase(Archivist(), OrdinaryCase("Sak")).Number();
  NewEntry e = Incoming(c, "Brev fra Kaja", "Firma AS");
  e.screened_words = {"Kaja"};
  // No authority: refused, nothing stored.
  EXPECT_EQ(CodeOf([&] { journal_.RecordEntry(Archivist(), e); }),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_.state().entries.empty());
  e.screened_words_authority = "offentleglova § 13";
  e.screened_words = {"Kajsa"};  // not in the entry: a typo
  EXPECT_EQ(CodeOf([&] { journal_.RecordEntry(Archivist(), e); }),
            ErrorCode::kInvalidArgument);
  e.screened_words = {"--"};  // no letters
  EXPECT_EQ(CodeOf([&] { journal_.RecordEntry(Archivist(), e); }),
            ErrorCode::kInvalidArgument);
  e.screened_words = std::vector<std::string>(kMaxScreenedWords + 1, "Kaja");
  EXPECT_EQ(CodeOf([&] { journal_.RecordEntry(Archivist(), e); }),
            ErrorCode::kInvalidArgument);
  e.screened_words = {"kaja"};
  std::string number =
      journal_.RecordEntry(Archivist(), e).entry.JournalNumber();
  EXPECT_EQ(CodeOf([&] {
              journal_.ScreenWords(Archivist(), number, {{}, "§ 13"});
            }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] {
              journal_.ScreenWords(Archivist(), "2026/000099",
                                   {{"Kaja"}, "offentleglova § 13"});
            }),
            ErrorCode::kNotFound);
  EXPECT_EQ(AuditOf("journal.words.screen").size(), 1u);
}

TEST_F(ScreeningTest, ThePreviewShowsEveryMaskAndWhatItHides) {
  std::string c =
      journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  NewEntry e = Incoming(c, "Søknad fra Nordmann, Kari", "Kari Nordmann", true);
  e.documents[0].description = "CV_kari_nordmann.pdf";
  journal_.RecordEntry(Archivist(), e);
  std::vector<EntryPreview> preview = Preview();
  ASSERT_EQ(preview.size(), 1u);
  // Exactly the public journal's entry.
  EXPECT_EQ(preview[0].entry.public_title, Public()[0].public_title);
  std::map<std::string, const PreviewText*> by_field;
  for (const PreviewText& t : preview[0].texts) by_field[t.text.field] = &t;
  const PreviewText& title = *by_field.at("public_title");
  EXPECT_EQ(title.text.masked.text, "Søknad fra ******");
  ASSERT_EQ(title.text.masked.spans.size(), 1u);
  const MaskedSpan& span = title.text.masked.spans[0];
  EXPECT_EQ(title.text.source.substr(span.source_begin,
                                     span.source_end - span.source_begin),
            "Nordmann, Kari");
  EXPECT_EQ(span.reasons, std::set<MaskReason>{MaskReason::kScreenedName});
  const PreviewText& name = *by_field.at("correspondents[0].name");
  EXPECT_EQ(name.text.masked.text, kMask);
  EXPECT_EQ(name.text.masked.spans[0].reasons,
            std::set<MaskReason>{MaskReason::kScreenedCorrespondent});
  EXPECT_EQ(by_field.at("documents[0].description")->text.masked.text,
            "CV_******.pdf");
  // Reading the preview is reading the screened name: audited.
  EXPECT_EQ(AuditOf("journal.preview.read").size(), 1u);
  EXPECT_EQ(AuditOf("journal.preview").size(), 1u);
}

TEST_F(ScreeningTest, ThePreviewFlagsWhatTheMaskingCannotKnow) {
  std::string c =
      journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  journal_.RecordEntry(Archivist(), Incoming(c, "Søknad", "Kristoffer Bø"));
  journal_.RecordEntry(Archivist(), Incoming(c, "Søknad", "Kari Olsen"));
  journal_.ReleaseName(Archivist(), c, "Kari Olsen", "did not ask");
  journal_.RecordEntry(Archivist(), Incoming(c, "Søknad", "Kari Hansen"));
  // "Kris" (a short form), "Bø" alone (too short to mask alone), "Kari"
  // alone (also a public name's): left, and flagged.
  journal_.RecordEntry(
      Archivist(),
      Incoming(c, "Intervju: Kris fra Bø, og Kari", "Kari Hansen"));
  std::vector<EntryPreview> preview = Preview();
  ASSERT_EQ(preview.size(), 4u);
  const PreviewText* title = nullptr;
  for (const PreviewText& t : preview[3].texts) {
    if (t.text.field == "public_title") title = &t;
  }
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->text.masked.text, "Intervju: Kris fra Bø, og Kari");
  std::map<std::string, FlagReason> flagged;
  for (const FlaggedWord& f : title->flagged) flagged[f.word] = f.reason;
  EXPECT_EQ(flagged.at("Kris"), FlagReason::kBeginsPart);
  EXPECT_EQ(flagged.at("Bø"), FlagReason::kEqualsPart);
  EXPECT_EQ(flagged.at("Kari"), FlagReason::kEqualsPart);
  EXPECT_FALSE(flagged.count("Intervju"));
  // The released applicant's own name is not flagged.
  for (const PreviewText& t : preview[1].texts) {
    if (t.text.field == "correspondents[0].name") {
      EXPECT_EQ(t.text.masked.text, "Kari Olsen");
      EXPECT_TRUE(t.flagged.empty());
    }
  }
}

TEST(FlagLeftovers, EqualsContainsAndBegins) {
  MaskerBuilder builder;
  builder.AddScreenedName("Kristoffer Bø");
  builder.AddPublicName("Bøen", true);
  Masker masker = builder.Build();
  MaskedText masked{"Bø og Bøen, Kris, kristofferson", {}};
  std::vector<FlaggedWord> flags = FlagLeftovers(masked, masker);
  std::map<std::string, FlagReason> by_word;
  for (const FlaggedWord& f : flags) {
    by_word[f.word] = f.reason;
    EXPECT_EQ(masked.text.substr(f.begin, f.end - f.begin), f.word);
  }
  EXPECT_EQ(by_word.at("Bø"), FlagReason::kEqualsPart);
  EXPECT_EQ(by_word.at("Kris"), FlagReason::kBeginsPart);
  EXPECT_EQ(by_word.at("kristofferson"), FlagReason::kContainsPart);
  EXPECT_FALSE(by_word.count("og"));
  EXPECT_FALSE(by_word.count("Bøen"));  // "bo" is short: equality only
}

}  // namespace
}  // namespace depot::journal
