// End to end through the depot CLI against depotd: importing Noark 5
// extractions (the real one in ../shared, a generated one, hostile ones),
// exporting a received deposit, its self-checks, and the round trip.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "depot/v1/deposit.grpc.pb.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/noark_test_documents.h"

namespace depot {
namespace {

namespace fs = std::filesystem;
using testing::RunCli;

fs::path Shared() {
  return fs::path(DEPOT_SOURCE_DIR) / ".." / "shared" / "noark5";
}

bool HaveShared() {
  return fs::exists(Shared() / "sample-extraction" / "arkivstruktur.xml");
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int Count(const std::string& text, const std::string& part) {
  int n = 0;
  for (size_t at = text.find(part); at != std::string::npos;
       at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

class NoarkCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
    auto added =
        RunCli(depotd_, "archivist",
               {"depositor", "add", "--org-number", testing::kOwnMunicipality,
                "--name", "Bergen kommune"});
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }

  std::string CreateDeposit() {
    auto created =
        RunCli(depotd_, "archivist",
               {"deposit", "create", "--org-number", testing::kOwnMunicipality,
                "--category", "pupil", "--description", "Elevmapper"});
    EXPECT_EQ(created.exit_code, 0) << created.err;
    std::smatch match;
    EXPECT_TRUE(std::regex_search(created.out, match,
                                  std::regex(R"(created deposit (\d+))")));
    return match[1];
  }

  // An extraction of three mappes (two people, one without identity) with
  // one document file.
  fs::path WriteExtraction() {
    fs::path dir = dir_.path() / "extraction";
    fs::create_directories(dir / "dokumenter");
    std::ofstream(dir / "arkivstruktur.xml") << testing::SmallExtraction();
    std::ofstream(dir / "dokumenter" / "a.pdf") << "hello";
    return dir;
  }

  testing::CommandResult Import(const fs::path& dir, const std::string& deposit,
                                const fs::path& report,
                                std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {
        "deposit", "import-noark5", dir.string(),   "--deposit",
        deposit,   "--report",      report.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunCli(depotd_, "archivist", args);
  }

  std::vector<v1::RecordSummary> Records(const std::string& deposit) {
    auto stub = v1::DepositService::NewStub(
        testing::ChannelAs(depotd_.port(), "archivist"));
    v1::SearchRecordsRequest request;
    request.set_deposit_id(std::stoll(deposit));
    request.set_page_size(1000);
    v1::SearchRecordsResponse response;
    grpc::ClientContext context;
    grpc::Status status = stub->SearchRecords(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {response.records().begin(), response.records().end()};
  }

  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  testing::TempDir dir_;
};

TEST_F(NoarkCliTest, TheRealExtractionIsAccountedForMappeByMappe) {
  if (!HaveShared()) {
    GTEST_SKIP() << "../shared/noark5 is not beside the checkout; the real "
                    "extraction cannot be imported here";
  }
  std::string deposit = CreateDeposit();
  fs::path report = dir_.path() / "report.csv";
  auto imported = Import(Shared() / "sample-extraction", deposit, report,
                         {"--xsd-dir", (Shared() / "xsd").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_TRUE(Contains(imported.out,
                       "2 mappes in arkivstruktur.xml (Noark 5 "
                       "3.0, 15406 bytes)"))
      << imported.out;
  EXPECT_TRUE(Contains(imported.out,
                       "accepted 0, rejected 2 (2 before "
                       "sending, 0 by the server)"))
      << imported.out;
  std::string text = ReadFile(report);
  EXPECT_TRUE(
      text.starts_with("position,source_record_id,outcome,field,"
                       "reason,eligible_from,line\n"));
  EXPECT_TRUE(Contains(text,
                       "1,734b493f-c64e-4fc5-a988-56be11e2ee10,rejected,"
                       "national_id,no identity number or birth date "
                       "for the person,,"))
      << text;
  EXPECT_TRUE(Contains(text,
                       "2,214e27a2-5e7f-484b-b2c2-dea4e50524a3,rejected,"
                       "national_id,no identity number or birth date "
                       "for the person,,"))
      << text;
  EXPECT_EQ(Count(text, ",accepted,") + Count(text, ",rejected,"), 2);
  // v3.1 against the v5.0 schema, a version outside 3.1-5.0, a repeated
  // systemID, sizes in kB.
  EXPECT_GE(Count(text, ",deviation,"), 8) << text;
  EXPECT_TRUE(Contains(text, "version '3.0'")) << text;
  EXPECT_TRUE(Contains(text,
                       "2872a56c-7e3a-416c-8cad-3ffb9e8f49ce of "
                       "dokumentbeskrivelse occurs more than once"))
      << text;
  EXPECT_TRUE(Records(deposit).empty());

  auto checked = RunCli(
      depotd_, "archivist",
      {"deposit", "check-noark5", (Shared() / "sample-extraction").string(),
       "--xsd-dir", (Shared() / "xsd").string()});
  EXPECT_EQ(checked.exit_code, 3) << checked.out << checked.err;
  EXPECT_TRUE(std::regex_search(checked.out, std::regex("N5.47 +FAILED")))
      << checked.out;
  EXPECT_TRUE(std::regex_search(checked.out, std::regex("N5.59 +passed")))
      << checked.out;
}

TEST_F(NoarkCliTest, ExportOfAReceivedDepositPassesTheChecksAndImportsBack) {
  std::string first = CreateDeposit();
  fs::path source = WriteExtraction();
  auto imported = Import(source, first, dir_.path() / "first.csv");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_TRUE(Contains(imported.out,
                       "accepted 2, rejected 1 (1 before "
                       "sending, 0 by the server)"))
      << imported.out;
  std::string report = ReadFile(dir_.path() / "first.csv");
  EXPECT_TRUE(Contains(report,
                       "1,0a1b2c3d-0000-4000-8000-00000000a001,"
                       "accepted,"))
      << report;
  EXPECT_TRUE(Contains(report,
                       "3,0a1b2c3d-0000-4000-8000-00000000a003,"
                       "rejected,national_id,"))
      << report;

  // Not before it is received.
  fs::path exported = dir_.path() / "export";
  auto refused = RunCli(depotd_, "archivist",
                        {"deposit", "export-noark5", first, exported.string()});
  EXPECT_EQ(refused.exit_code, 3) << refused.err;
  ASSERT_EQ(RunCli(depotd_, "archivist", {"deposit", "close", first}).exit_code,
            0);
  auto desk = RunCli(
      depotd_, "desk",
      {"deposit", "export-noark5", first, (dir_.path() / "desk").string()});
  EXPECT_EQ(desk.exit_code, 5) << desk.err;

  std::vector<std::string> export_args = {"deposit", "export-noark5", first,
                                          exported.string()};
  if (HaveShared()) {
    export_args.push_back("--xsd-dir");
    export_args.push_back((Shared() / "xsd").string());
  }
  auto done = RunCli(depotd_, "archivist", export_args);
  ASSERT_EQ(done.exit_code, 0) << done.out << done.err;
  for (const char* check : {"N5.01", "N5.02", "N5.47", "N5.59"}) {
    EXPECT_TRUE(std::regex_search(done.out,
                                  std::regex(std::string(check) + " +passed")))
        << check << "\n"
        << done.out;
  }
  EXPECT_TRUE(std::regex_search(
      done.out, std::regex(HaveShared() ? "N5.03 +passed" : "N5.03 +skipped")))
      << done.out;

  std::string second = CreateDeposit();
  auto again = Import(exported, second, dir_.path() / "second.csv");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again.out, "accepted 2, rejected 0")) << again.out;

  auto before = Records(first);
  auto after = Records(second);
  ASSERT_EQ(before.size(), 2u);
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    v1::RecordSummary a = before[i], b = after[i];
    for (auto* r : {&a, &b}) {
      r->clear_record_id();
      r->clear_deposit_id();
    }
    EXPECT_EQ(a.SerializeAsString(), b.SerializeAsString())
        << a.DebugString() << "\n---\n"
        << b.DebugString();
  }
  EXPECT_EQ(before[0].documents(0).sha256(),
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  EXPECT_TRUE(Contains(before[0].noark_metadata(), "Offl. § 13"));
}

TEST_F(NoarkCliTest, HostileExtractionsAreRefusedWithNothingImported) {
  std::string deposit = CreateDeposit();
  for (const auto& [name, xml] : testing::HostileDocuments()) {
    SCOPED_TRACE(name);
    fs::path dir = dir_.path() / name;
    fs::create_directories(dir);
    std::ofstream(dir / "arkivstruktur.xml", std::ios::binary) << xml;
    auto imported = Import(dir, deposit, dir_.path() / (name + ".csv"));
    EXPECT_EQ(imported.exit_code, 2) << imported.out << imported.err;
    EXPECT_TRUE(Contains(imported.err, "nothing was sent")) << imported.err;
    EXPECT_FALSE(fs::exists(dir_.path() / (name + ".csv")));
  }
  // A document that breaks off after its first mappes.
  fs::path cut = dir_.path() / "cut";
  fs::create_directories(cut);
  std::string whole = testing::SmallExtraction();
  std::ofstream(cut / "arkivstruktur.xml")
      << whole.substr(0, whole.size() - 40);
  auto imported = Import(cut, deposit, dir_.path() / "cut.csv");
  EXPECT_EQ(imported.exit_code, 2) << imported.err;
  EXPECT_TRUE(Contains(imported.err, "at line")) << imported.err;

  EXPECT_TRUE(Records(deposit).empty());
  auto shown =
      RunCli(depotd_, "archivist", {"--json", "deposit", "show", deposit});
  EXPECT_TRUE(Contains(shown.out, "\"state\": \"DEPOSIT_STATE_OPEN\""))
      << shown.out;
}

// An arkivstruktur.xml that is a symbolic link out of the extraction is
// not read: the import refuses as if the file were missing.
TEST_F(NoarkCliTest, AStructureLinkedFromOutsideIsNotRead) {
  std::string deposit = CreateDeposit();
  fs::path outside = WriteExtraction();
  fs::path dir = dir_.path() / "linked";
  fs::create_directories(dir);
  fs::create_symlink(outside / "arkivstruktur.xml", dir / "arkivstruktur.xml");
  auto imported = Import(dir, deposit, dir_.path() / "linked.csv");
  EXPECT_EQ(imported.exit_code, 2) << imported.out << imported.err;
  EXPECT_TRUE(Contains(imported.err, "no arkivstruktur.xml in")) << imported.err;
  EXPECT_TRUE(Records(deposit).empty());
}

TEST_F(NoarkCliTest, ASecondRunResumesAndReportsTheSame) {
  std::string deposit = CreateDeposit();
  fs::path source = WriteExtraction();
  auto first =
      Import(source, deposit, dir_.path() / "a.csv", {"--batch-size", "1"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto second = Import(source, deposit, dir_.path() / "b.csv");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(Contains(second.out, "resumed at mappe 3")) << second.out;
  EXPECT_TRUE(Contains(second.out, "accepted 2, rejected 1")) << second.out;
  EXPECT_EQ(ReadFile(dir_.path() / "a.csv"), ReadFile(dir_.path() / "b.csv"));
  EXPECT_EQ(Records(deposit).size(), 2u);
}

TEST_F(NoarkCliTest, AMappeRepeatingAnotherMappesSystemIdIsRejected) {
  std::string deposit = CreateDeposit();
  fs::path dir = dir_.path() / "repeated";
  fs::create_directories(dir);
  std::string id = "0a1b2c3d-0000-4000-8000-00000000a001";
  std::ofstream(dir / "arkivstruktur.xml")
      << testing::ArkivstrukturHead()
      << testing::IdentifiedMappe(id, "Ola Nordmann", "01019010046")
      << testing::IdentifiedMappe(id, "Kari Nordmann", "15076510013")
      << testing::ArkivstrukturTail();
  auto imported = Import(dir, deposit, dir_.path() / "repeated.csv");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_TRUE(Contains(imported.out, "accepted 1, rejected 1")) << imported.out;
  std::string report = ReadFile(dir_.path() / "repeated.csv");
  EXPECT_TRUE(Contains(report, "2," + id +
                                   ",rejected,source_record_id,"
                                   "systemID " +
                                   id + " occurs more than once"))
      << report;
  auto records = Records(deposit);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].person_name(), "Ola Nordmann");
}

// check-noark5 reads the extraction and nothing else, and needs neither a
// server nor a client certificate.
TEST(CheckNoark5Cli, RefusesReferencesOutsideTheExtraction) {
  testing::TempDir temp;
  fs::path extraction = temp.path() / "a" / "b";
  fs::create_directories(extraction);
  std::ofstream(temp.path() / "secret.txt") << "not in the extraction\n";
  std::ofstream(extraction / "arkivuttrekk.xml")
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<addml xmlns=\"http://www.arkivverket.no/standarder/addml\">"
         "<dataset><dataObjects><dataObject name=\"d\"><properties>"
         "<property name=\"file\"><properties><property name=\"name\">"
         "<value>../../secret.txt</value></property></properties></property>"
         "</properties></dataObject></dataObjects></dataset></addml>\n";
  auto checked =
      testing::RunCommand({(testing::BinaryDir() / "depot").string(), "deposit",
                           "check-noark5", extraction.string()},
                          {{"DEPOT_HOME", "/nonexistent"}});
  EXPECT_EQ(checked.exit_code, 3) << checked.out << checked.err;
  EXPECT_TRUE(Contains(checked.out,
                       "\"../../secret.txt\" (listed in arkivuttrekk.xml) "
                       "points outside the extraction"))
      << checked.out << checked.err;
}

}  // namespace
}  // namespace depot
