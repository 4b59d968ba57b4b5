// JournalService over gRPC: words screened when journaling and afterwards,
// the archivist's preview of the public journal, and the Noark 5 exports.
#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <map>

#include "tests/integration/journal_service_fixture.h"
#include "tests/support/noark5_schema.h"

namespace depot {
namespace {

// Words marked to screen when journaling and afterwards change the public
// journal at once and are audited; the preview shows every mask with what
// it hides, to archivists only.
TEST_F(JournalServiceTest, ScreenedWordsAndThePreviewOverGrpc) {
  v1::JournalCase job = CreateCase(v1::CASE_KIND_JOB_APPLICATION, "Stilling");
  v1::RecordEntryRequest request = Entry(
      job.case_number(), "Søknad fra Kari Nordmann (Kaja)", "Kari Nordmann");
  request.mutable_screened_words()->add_words("Kaja");
  request.mutable_screened_words()->set_authority("offentleglova § 25");
  v1::JournalEntry first;
  ASSERT_TRUE(Record(request, &first).ok());
  EXPECT_EQ(first.public_title(), "Søknad fra ****** (******)");
  ASSERT_EQ(first.screened_words_size(), 1);
  EXPECT_EQ(first.screened_words(0).words(0), "Kaja");
  EXPECT_EQ(first.screened_words(0).screened_by(), "archivist");

  v1::RecordEntryRequest second = Entry(
      job.case_number(), "Intervju med Kaja og Tor", "Personalavdelingen");
  second.mutable_correspondents(0)->set_role(v1::PARTY_ROLE_OTHER);
  v1::JournalEntry recorded;
  ASSERT_TRUE(Record(second, &recorded).ok());
  EXPECT_EQ(recorded.public_title(), "Intervju med ****** og Tor");

  v1::ScreenWordsRequest screen;
  screen.set_journal_number(recorded.journal_number());
  screen.mutable_screening()->add_words("Tor");
  screen.mutable_screening()->set_authority("offentleglova § 13");
  v1::JournalEntry screened;
  EXPECT_EQ(ScreenWords(screen, &screened, "desk").error_code(),
            grpc::PERMISSION_DENIED);
  v1::ScreenWordsRequest typo = screen;
  typo.mutable_screening()->set_words(0, "Thor");
  grpc::Status status = ScreenWords(typo, &screened, "archivist");
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("screening.words[0]"),
            std::string::npos)
      << status.error_message();
  EXPECT_EQ(status.error_message().find("Thor"), std::string::npos);
  status = ScreenWords(screen, &screened, "archivist");
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(screened.public_title(), "Intervju med ****** og ******");
  // The public journal follows at once.
  std::vector<v1::PublicJournalEntry> published = PublicJournal("desk");
  ASSERT_EQ(published.size(), 2u);
  EXPECT_EQ(published[1].public_title(), "Intervju med ****** og ******");
  EXPECT_EQ(AuditedCount("journal.words.screen"), 2);

  // The preview: the published entries, with their masks.
  for (const std::string as : {"desk", "dpo", "auditor"}) {
    Preview(as, &status);
    EXPECT_EQ(status.error_code(), grpc::PERMISSION_DENIED) << as;
  }
  std::vector<v1::PreviewEntry> preview = Preview("archivist", &status);
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(preview.size(), 2u);
  for (size_t i = 0; i < preview.size(); ++i) {
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
        preview[i].entry(), published[i]))
        << "the preview shows what is published";
  }
  std::map<std::string, v1::PreviewText> texts;
  for (const auto& t : preview[0].texts()) texts[t.field()] = t;
  const v1::PreviewText& title = texts.at("public_title");
  EXPECT_EQ(title.text(), "Søknad fra ****** (******)");
  ASSERT_EQ(title.masked_size(), 2);
  EXPECT_EQ(title.masked(0).hidden(), "Kari Nordmann");
  EXPECT_EQ(title.masked(0).reasons(0), v1::MASK_REASON_SCREENED_NAME);
  EXPECT_EQ(title.masked(1).hidden(), "Kaja");
  EXPECT_EQ(title.masked(1).reasons(0), v1::MASK_REASON_SCREENED_WORD);
  EXPECT_EQ(
      title.text().substr(title.masked(0).begin(),
                          title.masked(0).end() - title.masked(0).begin()),
      "******");
  EXPECT_EQ(texts.at("correspondents[0].name").masked(0).hidden(),
            "Kari Nordmann");
}

TEST_F(JournalServiceTest, ExportsOverGrpcValidate) {
  v1::JournalCase job = CreateCase(v1::CASE_KIND_JOB_APPLICATION, "Stilling");
  v1::JournalEntry response;
  ASSERT_TRUE(
      Record(Entry(job.case_number(), "Søknad & CV", "Åse Ødegård"), &response)
          .ok());
  std::string offentlig = Export("desk", false);
  std::string loepende = Export("archivist", true);
  EXPECT_EQ(offentlig.find("Ødegård"), std::string::npos);
  EXPECT_NE(loepende.find("Ødegård"), std::string::npos);
  SKIP_WITHOUT_NOARK5_SCHEMAS();
  EXPECT_EQ(testing::Noark5SchemaErrors("offentligJournal.xsd", offentlig), "");
  EXPECT_EQ(testing::Noark5SchemaErrors("loependeJournal.xsd", loepende), "");
}

}  // namespace
}  // namespace depot
