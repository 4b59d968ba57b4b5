// End to end: the postjournal through the depot CLI against depotd.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "tests/support/depotd.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"
#include "tests/support/noark5_schema.h"

namespace depot {
namespace {

using testing::RunCli;

// "created case 2026/3 (...)" -> "2026/3".
std::string NumberIn(const std::string& out, const char* pattern) {
  std::smatch match;
  EXPECT_TRUE(std::regex_search(out, match, std::regex(pattern))) << out;
  return match.size() > 1 ? match[1].str() : "";
}

class JournalCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
  }
  testing::CommandResult Cli(const std::vector<std::string>& args,
                             const std::string& as = "archivist") {
    return RunCli(depotd_, as, args);
  }

  // A job case with an application from Kari Nordmann (entry) and a letter
  // to another applicant.
  void JournalAnApplication(std::string* job, std::string* entry) {
    auto created = Cli({"journal", "case", "create", "--kind",
                        "job-application", "--title", "Stilling som arkivar"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    *job = NumberIn(created.out, R"(created case (\d{4}/\d+))");

    std::string application = (dir_.path() / "søknad.pdf").string();
    std::ofstream(application) << "%PDF application of Kari";
    auto added = Cli({"journal", "add", *job, "--type", "I", "--title",
                      "Søknad fra Kari Nordmann", "--sender", "Kari Nordmann",
                      "--application", application});
    ASSERT_EQ(added.exit_code, 0) << added.err;
    *entry = NumberIn(added.out, R"(journaled (\d{4}/\d{6}))");
    ASSERT_EQ(Cli({"journal", "add", *job, "--type", "U", "--title",
                   "Innkalling til intervju", "--recipient", "Ola Hansen",
                   "--internal-sender", "Anna Arkivar"})
                  .exit_code,
              0);
  }

  // The public journal, in every format, shows neither applicant.
  void ExpectPublicJournalScreened() {
    auto table =
        Cli({"journal", "public", "--from", "2000-01-01", "--to", "2099-12-31"},
            "desk");
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("Søknad fra ******"), std::string::npos)
        << table.out;
    EXPECT_NE(table.out.find("Anna Arkivar"), std::string::npos);
    for (const auto& format : {"json", "noark5", "table"}) {
      auto out = Cli({"journal", "public", "--from", "2000-01-01", "--to",
                      "2099-12-31", "--format", format},
                     "desk");
      ASSERT_EQ(out.exit_code, 0) << out.err;
      EXPECT_EQ(out.out.find("Kari"), std::string::npos) << format;
      EXPECT_EQ(out.out.find("Hansen"), std::string::npos) << format;
    }
    auto json = Cli({"--json", "journal", "public", "--from", "2000-01-01",
                     "--to", "2099-12-31"},
                    "desk");
    EXPECT_EQ(json.out.front(), '[');
    EXPECT_NE(json.out.find("\"public_title\":\"Søknad fra ******\""),
              std::string::npos)
        << json.out;
  }

  // Both applicants screened, then Kari's name released.
  void ReleaseAnApplicantsName(const std::string& job) {
    auto applicants = Cli({"journal", "applicants", job}, "desk");
    ASSERT_EQ(applicants.exit_code, 0) << applicants.err;
    EXPECT_NE(applicants.out.find("applicants: 2 (screened: 2)"),
              std::string::npos)
        << applicants.out;
    auto released = Cli({"journal", "release-name", job, "--name",
                         "kari nordmann", "--reason", "did not ask"});
    ASSERT_EQ(released.exit_code, 0) << released.err;
    applicants = Cli({"journal", "applicants", job}, "desk");
    EXPECT_NE(
        applicants.out.find("applicants: 2 (screened: 1)\n  Kari Nordmann"),
        std::string::npos)
        << applicants.out;
  }

  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  testing::TempDir dir_;
};

TEST_F(JournalCliTest, JournalScreenReleaseAndPublish) {
  std::string job, entry;
  ASSERT_NO_FATAL_FAILURE(JournalAnApplication(&job, &entry));

  auto show = Cli({"journal", "show", entry});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("Kari Nordmann"), std::string::npos);
  EXPECT_NE(show.out.find("screened: Unntatt offentlighet, offentleglova § 25"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("søknad.pdf"), std::string::npos);

  ASSERT_NO_FATAL_FAILURE(ExpectPublicJournalScreened());
  ASSERT_NO_FATAL_FAILURE(ReleaseAnApplicantsName(job));

  std::string xml_path = (dir_.path() / "offentligJournal.xml").string();
  ASSERT_EQ(Cli({"journal", "public", "--from", "2000-01-01", "--to",
                 "2099-12-31", "--format", "noark5", "--output", xml_path},
                "desk")
                .exit_code,
            0);
  std::ifstream xml_file(xml_path);
  std::string xml((std::istreambuf_iterator<char>(xml_file)), {});
  EXPECT_NE(xml.find("<korrespondansepartNavn>Kari Nordmann<"),
            std::string::npos);
  EXPECT_EQ(xml.find("Hansen"), std::string::npos);

  auto internal = Cli(
      {"journal", "internal", "--from", "2000-01-01", "--to", "2099-12-31"});
  ASSERT_EQ(internal.exit_code, 0) << internal.err;
  EXPECT_NE(internal.out.find("<korrespondansepartNavn>Ola Hansen<"),
            std::string::npos);
  auto denied =
      Cli({"journal", "internal", "--from", "2000-01-01", "--to", "2099-12-31"},
          "desk");
  EXPECT_EQ(denied.exit_code, 5);

  auto dry = Cli({"journal", "dispose", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("would dispose of 0 application document(s)"),
            std::string::npos)
      << dry.out;
  ASSERT_EQ(Cli({"journal", "case", "close", job}).exit_code, 0);
  EXPECT_EQ(Cli({"journal", "case", "close", job}).exit_code, 3);
  auto shown = Cli({"journal", "case", "show", job});
  EXPECT_NE(shown.out.find("closed"), std::string::npos);

  SKIP_WITHOUT_NOARK5_SCHEMAS();
  EXPECT_EQ(testing::Noark5SchemaErrors("offentligJournal.xsd", xml), "");
  EXPECT_EQ(testing::Noark5SchemaErrors("loependeJournal.xsd", internal.out),
            "");
}

TEST_F(JournalCliTest, FailuresHaveTheirExitCodes) {
  EXPECT_EQ(Cli({"journal", "case", "show", "2026/77"}).exit_code, 4);
  EXPECT_EQ(Cli({"journal", "case", "show", "junk"}).exit_code, 2);
  EXPECT_EQ(Cli({"journal", "add", "2026/1", "--type", "Q", "--title", "x"})
                .exit_code,
            2);
  EXPECT_EQ(Cli({"journal", "dispose"}).exit_code, 2);
  auto settings = Cli({"journal", "settings", "--retention-months", "18",
                       "--creator-name", "IKA Demo"});
  ASSERT_EQ(settings.exit_code, 0) << settings.err;
  EXPECT_NE(settings.out.find("18"), std::string::npos);
}

// A correspondent's identity from the command line. The birth date
// comes back to archivists in --json; the number never; a NAME that is not
// a correspondent, or a bad number, is bad input (exit 2).
TEST_F(JournalCliTest, CorrespondentsCanCarryAnIdentity) {
  auto created = Cli({"journal", "case", "create", "--title", "Spørsmål"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  std::string c = NumberIn(created.out, R"(created case (\d{4}/\d+))");
  const std::string number = testing::MakeFodselsnummer(17, 5, 1980, 0);
  std::string bad = number;
  bad.back() = bad.back() == '9' ? '0' : static_cast<char>(bad.back() + 1);
  auto added = Cli({"--json", "journal", "add", c, "--type", "I", "--title",
                    "Brev", "--sender", "Kari Nordmann", "--national-id",
                    "Kari Nordmann=" + number, "--birth-date",
                    "Kari Nordmann=1980-05-17"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("1980-05-17"), std::string::npos) << added.out;
  EXPECT_EQ(added.out.find(number), std::string::npos) << added.out;
  EXPECT_EQ(
      Cli({"journal", "add", c, "--type", "I", "--title", "Brev", "--sender",
           "Kari Nordmann", "--birth-date", "Kari Nordman=1980-05-17"})
          .exit_code,
      2);
  EXPECT_EQ(
      Cli({"journal", "add", c, "--type", "I", "--title", "Brev", "--sender",
           "Kari Nordmann", "--national-id", "Kari Nordmann=" + bad})
          .exit_code,
      2);
  EXPECT_EQ(Cli({"journal", "add", c, "--type", "I", "--title", "Brev",
                 "--sender", "Kari Nordmann", "--birth-date", "1980-05-17"})
                .exit_code,
            2);
}

// Words marked to screen at journaling and afterwards from the command
// line, and the archivist's preview before publishing.
TEST_F(JournalCliTest, ScreenWordsAndPreviewBeforePublishing) {
  auto created = Cli({"journal", "case", "create", "--kind", "job-application",
                      "--title", "Stilling som arkivar"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  std::string job = NumberIn(created.out, R"(created case (\d{4}/\d+))");
  auto added =
      Cli({"journal", "add", job, "--type", "I", "--title",
           "Søknad fra Kari Nordmann (Kaja)", "--sender", "Kari Nordmann",
           "--screen-word", "Kaja", "--word-authority", "offentleglova § 25"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  std::string entry = NumberIn(added.out, R"(journaled (\d{4}/\d{6}))");
  // A word the entry does not hold is bad input.
  EXPECT_EQ(Cli({"journal", "add", job, "--type", "I", "--title", "Brev",
                 "--sender", "Ola Hansen", "--screen-word", "Kaja",
                 "--word-authority", "offentleglova § 25"})
                .exit_code,
            2);
  auto interview = Cli({"journal", "add", job, "--type", "U", "--title",
                        "Innkalling: Kari (Bø)", "--recipient", "Kari Bø",
                        "--internal-sender", "Anna Arkivar"});
  ASSERT_EQ(interview.exit_code, 0) << interview.err;
  std::string second = NumberIn(interview.out, R"(journaled (\d{4}/\d{6}))");

  auto preview = Cli({"journal", "public", "--preview", "--from", "2000-01-01",
                      "--to", "2099-12-31"});
  ASSERT_EQ(preview.exit_code, 0) << preview.err;
  EXPECT_NE(
      preview.out.find("Søknad fra [******: Kari Nordmann] ([******: Kaja])"),
      std::string::npos)
      << preview.out;
  // "Bø" is too short to mask alone: left, and flagged for a second look.
  EXPECT_NE(preview.out.find("Innkalling: [******: Kari] (Bø)"),
            std::string::npos)
      << preview.out;
  EXPECT_NE(preview.out.find("check \"Bø\": it is \"bo\""), std::string::npos)
      << preview.out;
  auto json = Cli({"--json", "journal", "public", "--preview", "--from",
                   "2000-01-01", "--to", "2099-12-31"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out.front(), '[');
  EXPECT_NE(json.out.find("\"hidden\":\"Kari Nordmann\""), std::string::npos)
      << json.out;
  EXPECT_EQ(Cli({"journal", "public", "--preview", "--from", "2000-01-01",
                 "--to", "2099-12-31"},
                "desk")
                .exit_code,
            5);

  // Screened afterwards: the public journal follows at once.
  auto screened = Cli({"journal", "screen-words", second, "--word",
                       "Innkalling", "--authority", "offentleglova § 13"});
  ASSERT_EQ(screened.exit_code, 0) << screened.err;
  auto published = Cli({"--json", "journal", "public", "--from", "2000-01-01",
                        "--to", "2099-12-31"},
                       "desk");
  ASSERT_EQ(published.exit_code, 0) << published.err;
  for (const char* hidden : {"Kaja", "Kari", "Nordmann", "Innkalling"}) {
    EXPECT_EQ(published.out.find(hidden), std::string::npos) << hidden;
  }
  auto show = Cli({"journal", "show", entry});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("screened words"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("Kaja (offentleglova § 25;"), std::string::npos)
      << show.out;
  EXPECT_EQ(Cli({"journal", "screen-words", second, "--word", "Innkalling",
                 "--authority", "offentleglova § 13"},
                "desk")
                .exit_code,
            5);
}

TEST(JournalCliHelp, EveryJournalCommandHasHelp) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"journal", "--help"},
        {"journal", "case", "--help"},
        {"journal", "case", "create", "--help"},
        {"journal", "case", "show", "--help"},
        {"journal", "case", "close", "--help"},
        {"journal", "add", "--help"},
        {"journal", "show", "--help"},
        {"journal", "release-name", "--help"},
        {"journal", "screen-words", "--help"},
        {"journal", "public", "--help"},
        {"journal", "internal", "--help"},
        {"journal", "applicants", "--help"},
        {"journal", "dispose", "--help"},
        {"journal", "settings", "--help"}}) {
    std::vector<std::string> argv = {(testing::BinaryDir() / "depot").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto result = testing::RunCommand(argv);
    EXPECT_EQ(result.exit_code, 0) << args[args.size() - 2];
    EXPECT_NE(result.out.find("Usage"), std::string::npos) << result.out;
  }
}

}  // namespace
}  // namespace depot
