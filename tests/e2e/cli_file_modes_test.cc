// The files the depot CLI writes hold personal data (rejection reports,
// exports, extracts, journals, audit logs): each is its owner's alone, mode
// 0600 and directories 0700, whatever the umask; a file it overwrites is
// closed to others before the new content goes in.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"
#include "tests/support/noark_test_documents.h"

namespace depot {
namespace {

namespace fs = std::filesystem;
using testing::RunCli;

// The mode bits of path, or a value no test expects when it is not there.
unsigned Mode(const fs::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return 0177777;
  return info.st_mode & 07777;
}

class CliFileModesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // No umask at all: the modes are the CLI's alone.
    old_umask_ = umask(0);
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
    Run("archivist", {"depositor", "add", "--org-number",
                      testing::kOwnMunicipality, "--name", "Bergen kommune"});
  }
  void TearDown() override { umask(old_umask_); }

  std::string Run(const std::string& as, const std::vector<std::string>& args) {
    auto result = RunCli(depotd_, as, args);
    EXPECT_EQ(result.exit_code, 0)
        << args[0] << " " << args[1] << ": " << result.err;
    return result.out;
  }

  std::string CreateDeposit() {
    std::smatch match;
    std::string out =
        Run("archivist", {"deposit", "create", "--org-number",
                          testing::kOwnMunicipality, "--category", "pupil"});
    EXPECT_TRUE(
        std::regex_search(out, match, std::regex(R"(created deposit (\d+))")));
    return match[1];
  }

  // Two people: one old enough for the 10-year rule, one seen last year
  // (rejected, so the transfer writes a rejection report).
  fs::path WriteRecords() {
    fs::path csv = dir_.path() / "records.csv";
    std::ofstream(csv)
        << "source_record_id,person_name,national_id,birth_date,opened_date,"
           "last_contact_date,death_year,box,shelf,documents\n"
        << "SRC-1,Kari Nordmann," << testing::MakeFodselsnummer(17, 5, 1950, 0)
        << ",1950-05-17,1957-08-15,1966-06-20,,Boks 1,Hylle A,\n"
        << "SRC-2,Ola Nordmann," << testing::MakeFodselsnummer(3, 2, 1951, 0)
        << ",1951-02-03,1958-08-15,2025-06-20,,Boks 1,Hylle A,\n";
    return csv;
  }

  fs::path WriteExtraction() {
    fs::path dir = dir_.path() / "extraction";
    fs::create_directories(dir / "dokumenter");
    std::ofstream(dir / "arkivstruktur.xml") << testing::SmallExtraction();
    std::ofstream(dir / "dokumenter" / "a.pdf") << "hello";
    return dir;
  }

  void ExpectMode(const fs::path& path, unsigned mode) {
    EXPECT_EQ(Mode(path), mode)
        << path.filename() << ": mode " << std::oct << Mode(path);
  }

  mode_t old_umask_ = 0;
  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  testing::TempDir dir_;
};

TEST_F(CliFileModesTest, EveryKindOfFileIsTheOwnersAlone) {
  const fs::path& out = dir_.path();

  // The rejection report of a transfer.
  std::string deposit = CreateDeposit();
  fs::path csv = WriteRecords();
  Run("archivist", {"deposit", "transfer", deposit, csv.string()});
  ExpectMode(csv.string() + ".rejected.csv", 0600);

  // The report of a Noark 5 import.
  Run("archivist",
      {"deposit", "import-noark5", WriteExtraction().string(), "--deposit",
       CreateDeposit(), "--report", (out / "import.csv").string()});
  ExpectMode(out / "import.csv", 0600);
  EXPECT_FALSE(fs::exists(out / "import.csv.partial"));

  // A Noark 5 export, into directories it makes.
  Run("archivist", {"deposit", "close", deposit});
  fs::path exported = out / "exports" / "deposit";
  Run("archivist", {"deposit", "export-noark5", deposit, exported.string()});
  ExpectMode(out / "exports", 0700);
  ExpectMode(exported, 0700);
  ExpectMode(exported / "arkivstruktur.xml", 0600);
  ExpectMode(exported / "arkivuttrekk.xml", 0600);

  // The journals, screened and unscreened, of an applicant's letter.
  std::smatch match;
  std::string created =
      Run("archivist", {"journal", "case", "create", "--kind",
                        "job-application", "--title", "Stilling som arkivar"});
  ASSERT_TRUE(std::regex_search(created, match,
                                std::regex(R"(created case (\d{4}/\d+))")));
  Run("archivist", {"journal", "add", match[1], "--type", "I", "--title",
                    "Søknad - Kari Nordmann", "--sender", "Kari Nordmann"});
  Run("archivist", {"journal", "internal", "--from", "2000-01-01", "--to",
                    "2099-12-31", "--output", (out / "internal.xml").string()});
  ExpectMode(out / "internal.xml", 0600);
  Run("archivist",
      {"journal", "public", "--from", "2000-01-01", "--to", "2099-12-31",
       "--format", "noark5", "--output", (out / "public.xml").string()});
  ExpectMode(out / "public.xml", 0600);

  // An audit log's export and the keys that verify seals and heads.
  Run("dpo",
      {"audit", "export", "deposits", "--out", (out / "audit.jsonl").string()});
  ExpectMode(out / "audit.jsonl", 0600);
  Run("dpo", {"audit", "key", "--out", (out / "audit.pem").string()});
  ExpectMode(out / "audit.pem", 0600);
  Run("auditor",
      {"declaration", "export-key", "--out", (out / "seal.pem").string()});
  ExpectMode(out / "seal.pem", 0600);

  // A person's access extract.
  auto opened = nlohmann::json::parse(
      Run("dpo", {"--json", "privacy", "request", "open", "--national-id",
                  testing::MakeFodselsnummer(17, 5, 1950, 0), "--verified-by",
                  "id-document"}));
  Run("dpo", {"privacy", "request", "compile", opened.value("request_id", ""),
              "--out", (out / "extract.json").string()});
  ExpectMode(out / "extract.json", 0600);
}

TEST_F(CliFileModesTest, AnOverwrittenFileIsClosedToOthersFirst) {
  fs::path file = dir_.path() / "audit.jsonl";
  std::ofstream(file) << "an earlier export\n";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write |
                            fs::perms::group_read | fs::perms::others_read);
  Run("dpo", {"audit", "export", "deposits", "--out", file.string()});
  ExpectMode(file, 0600);
}

// A report the server refused is not left behind as an empty file.
TEST_F(CliFileModesTest, ARefusedReportLeavesNoFile) {
  fs::path file = dir_.path() / "internal.xml";
  auto refused = RunCli(depotd_, "archivist",
                        {"journal", "internal", "--from", "2001-01-01", "--to",
                         "2001-12-31", "--output", file.string()});
  EXPECT_EQ(refused.exit_code, 3) << refused.err;
  EXPECT_FALSE(fs::exists(file));
}

}  // namespace
}  // namespace depot
