// End to end through the depot CLI against depotd: several sources (two CSV
// files and a Noark 5 extraction) into one deposit, each cut in the middle
// by a network failure and resumed. Every record of every source is stored,
// and stored once.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <pqxx/pqxx>
#include <regex>
#include <thread>

#include "tests/support/cutting_proxy.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/records.h"
#include "tests/support/noark_test_documents.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

namespace fs = std::filesystem;
using testing::RunCli;

constexpr int kFirstFile = 300;
constexpr int kSecondFile = 500;
constexpr int kMappes = 200;
constexpr int kAll = kFirstFile + kSecondFile + kMappes;
constexpr int kSizes[] = {kFirstFile, kSecondFile, kMappes};

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A transfer file of `count` people, all eligible, source ids src-<first>..
std::string CsvOf(int first, int count) {
  std::string csv =
      "source_record_id,person_name,national_id,birth_date,opened_date,"
      "last_contact_date,death_year,box,shelf,documents\n";
  for (const auto& r : testing::MakeRecords(first, count, "2005-06-20")) {
    csv += r.source_record_id() + "," + r.person_name() + "," +
           r.national_id() + ",," + r.opened_date() + "," +
           r.last_contact_date() + ",," + r.box() + "," + r.shelf() + ",\n";
  }
  return csv;
}

// An extraction of `count` mappes of people other than the files' ones.
std::string ExtractionOf(int first, int count) {
  std::string xml = testing::ArkivstrukturHead();
  for (const auto& r : testing::MakeRecords(first, count, "2005-06-20")) {
    char id[64];
    std::snprintf(id, sizeof id, "%08d-0000-4000-8000-00000000a001",
                  static_cast<int>(r.position()));
    xml += testing::IdentifiedMappe(id, r.person_name(), r.national_id());
  }
  return xml + testing::ArkivstrukturTail();
}

class TransferSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
    auto added =
        RunCli(depotd_, "archivist",
               {"depositor", "add", "--org-number", testing::kOwnMunicipality,
                "--name", "Bergen kommune"});
    ASSERT_EQ(added.exit_code, 0) << added.err;
    deposit_ = CreateDeposit();
    first_file_ = dir_.path() / "elevar-a.csv";
    second_file_ = dir_.path() / "elevar-b.csv";
    extraction_ = dir_.path() / "uttrekk";
    std::ofstream(first_file_) << CsvOf(1, kFirstFile);
    std::ofstream(second_file_) << CsvOf(1001, kSecondFile);
    fs::create_directories(extraction_);
    std::ofstream(extraction_ / "arkivstruktur.xml")
        << ExtractionOf(2001, kMappes);
  }

  std::string CreateDeposit() {
    auto created = RunCli(depotd_, "archivist",
                          {"deposit", "create", "--org-number",
                           testing::kOwnMunicipality, "--category", "pupil"});
    EXPECT_EQ(created.exit_code, 0) << created.err;
    std::smatch match;
    EXPECT_TRUE(std::regex_search(created.out, match,
                                  std::regex(R"(created deposit (\d+))")));
    return match[1];
  }

  // The CLI's arguments that send each source into `deposit`.
  std::vector<std::vector<std::string>> Sources(const std::string& deposit) {
    return {{"deposit", "transfer", deposit, first_file_.string(),
             "--batch-size", "10"},
            {"deposit", "transfer", deposit, second_file_.string(),
             "--batch-size", "10"},
            {"deposit", "import-noark5", extraction_.string(), "--deposit",
             deposit, "--batch-size", "10", "--report",
             (dir_.path() / ("report-" + deposit + ".csv")).string()}};
  }

  // The CLI's environment with its connection going through `proxy`.
  std::map<std::string, std::string> Through(
      const testing::CuttingProxy& proxy) {
    auto env = depotd_.CliEnv("archivist");
    env["DEPOT_SERVER"] = "127.0.0.1:" + std::to_string(proxy.port());
    return env;
  }
  std::vector<std::string> Cli(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {(testing::BinaryDir() / "depot").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  }

  struct Stored {
    int records = 0;
    int distinct_sources = 0;
    int accepted_records = 0;
    int rejections = 0;
    int audited = 0;
  };
  Stored StoredIn(const std::string& deposit) {
    pqxx::connection connection(db_.dsn());
    pqxx::work tx(connection);
    auto row =
        tx.exec_params1(testing::sql::kSummariseRecordsAndEventsOfDeposit.text,
                        std::stoll(deposit));
    return {row[0].as<int>(), row[1].as<int>(), row[2].as<int>(),
            row[3].as<int>(), row[4].as<int>()};
  }

  void ExpectEveryRecordOnce(const std::string& deposit) {
    Stored stored = StoredIn(deposit);
    EXPECT_EQ(stored.records, kAll);
    EXPECT_EQ(stored.distinct_sources, kAll);
    EXPECT_EQ(stored.accepted_records, kAll);
    EXPECT_EQ(stored.rejections, 0);
    EXPECT_EQ(stored.audited, kAll);
  }

  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  testing::TempDir dir_;
  std::string deposit_;
  fs::path first_file_, second_file_, extraction_;
};

TEST_F(TransferSourcesTest, TwoFilesAndAnExtractionAreStoredWhole) {
  for (const auto& args : Sources(deposit_)) {
    auto sent = RunCli(depotd_, "archivist", args);
    ASSERT_EQ(sent.exit_code, 0) << sent.err;
    // A new source starts at its first record.
    EXPECT_FALSE(Contains(sent.err, "resuming")) << sent.err;
    EXPECT_FALSE(Contains(sent.out, "resumed")) << sent.out;
  }
  ExpectEveryRecordOnce(deposit_);
}

// Waits (at most a minute) until `done` holds.
bool WaitFor(const std::function<bool()>& done) {
  for (int i = 0; i < 3000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

TEST_F(TransferSourcesTest, EachSourceCutMidWayAndResumedIsStoredOnce) {
  auto sources = Sources(deposit_);
  for (size_t s = 0; s < sources.size(); ++s) {
    // How many bytes the whole run sends (into a deposit of its own), so
    // that the cut falls in the middle of the stream whatever the sizes.
    testing::CuttingProxy counting(depotd_.port());
    auto measured = testing::RunCommand(Cli(Sources(CreateDeposit())[s]),
                                        Through(counting));
    ASSERT_EQ(measured.exit_code, 0) << measured.err;

    // The network stops passing the CLI's bytes half-way; once the server
    // has committed some of the source, the connection fails.
    int stored_before = StoredIn(deposit_).records;
    testing::CuttingProxy proxy(depotd_.port(), counting.client_bytes() / 2);
    testing::ChildProcess cli(Cli(sources[s]), Through(proxy));
    ASSERT_TRUE(WaitFor([&] {
      return !cli.Running() ||
             (proxy.holding() && StoredIn(deposit_).records > stored_before);
    })) << cli.Log();
    ASSERT_TRUE(proxy.holding()) << "it ended before the cut: " << cli.Log();
    proxy.Cut();
    EXPECT_EQ(cli.WaitForExit(std::chrono::seconds(60)), 6) << cli.Log();
    EXPECT_TRUE(Contains(cli.Log(), "Run the same command again to resume"))
        << cli.Log();
    EXPECT_LT(StoredIn(deposit_).records - stored_before, kSizes[s]);

    auto resumed = RunCli(depotd_, "archivist", sources[s]);
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_TRUE(Contains(resumed.err + resumed.out, "resum"))
        << resumed.err << resumed.out;
  }
  ExpectEveryRecordOnce(deposit_);
}

// A file of the same name with other content is another source: resuming
// it as the first would skip its first records. The CLI refuses it, with
// nothing sent, until --transfer-id names it anew.
TEST_F(TransferSourcesTest, AChangedSourceOfTheSameNameIsRefused) {
  auto first = RunCli(depotd_, "archivist", Sources(deposit_)[0]);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::ofstream(first_file_, std::ios::trunc) << CsvOf(3001, 50);
  auto changed = RunCli(depotd_, "archivist", Sources(deposit_)[0]);
  EXPECT_EQ(changed.exit_code, 3) << changed.err;
  EXPECT_TRUE(Contains(changed.err,
                       "already has a transfer named "
                       "\"elevar-a.csv\""))
      << changed.err;
  EXPECT_TRUE(Contains(changed.err, "--transfer-id")) << changed.err;
  EXPECT_EQ(StoredIn(deposit_).records, kFirstFile);

  auto renamed = Sources(deposit_)[0];
  renamed.insert(renamed.end(), {"--transfer-id", "elevar-a (corrected)"});
  auto sent = RunCli(depotd_, "archivist", renamed);
  ASSERT_EQ(sent.exit_code, 0) << sent.err;
  EXPECT_TRUE(Contains(sent.out, "received 50, accepted 50")) << sent.out;
  EXPECT_EQ(StoredIn(deposit_).records, kFirstFile + 50);

  // The same for an extraction whose arkivstruktur.xml changed.
  auto imported = RunCli(depotd_, "archivist", Sources(deposit_)[2]);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  std::ofstream(extraction_ / "arkivstruktur.xml", std::ios::trunc)
      << ExtractionOf(4001, 5);
  auto reimported = RunCli(depotd_, "archivist", Sources(deposit_)[2]);
  EXPECT_EQ(reimported.exit_code, 3) << reimported.err;
  EXPECT_TRUE(Contains(reimported.err, "\"noark5:uttrekk\"")) << reimported.err;
  EXPECT_EQ(StoredIn(deposit_).records, kFirstFile + 50 + kMappes);
}

}  // namespace
}  // namespace depot
