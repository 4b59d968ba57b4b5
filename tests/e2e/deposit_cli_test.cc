// End to end: deposits and records through the depot CLI against depotd:
// a transfer with its report, resumed; searches; exceptions; malformed
// files; a municipality's own deposits.
#include <gtest/gtest.h>

#include "tests/e2e/deposit_cli_fixture.h"

namespace depot {
namespace {

using testing::RunCli;

}  // namespace

void DepositCliTest::TransferAndReport(const std::string& id,
                                       const std::filesystem::path& file,
                                       const People& people) {
  auto first =
      RunCli(depotd_, "archivist",
             {"deposit", "transfer", id, file.string(), "--batch-size", "7"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Contains(first.out,
                       "received 40, accepted 34, rejected 6, "
                       "duplicates 0"))
      << first.out;
  EXPECT_FALSE(Contains(first.err, "resuming")) << first.err;
  // stderr is no terminal here: no progress line.
  EXPECT_FALSE(Contains(first.err, "\r")) << first.err;

  auto report_path = file.string() + ".rejected.csv";
  EXPECT_TRUE(Contains(first.out, report_path)) << first.out;
  std::string report = ReadFile(report_path);
  EXPECT_EQ(CountLines(report), 7) << report;
  EXPECT_TRUE(report.starts_with(
      "position,source_record_id,field,reason,eligible_from\n"))
      << report;
  EXPECT_TRUE(Contains(report, "30,SRC-30,national_id,")) << report;
  std::string eligible = std::to_string(CurrentYear() + 7) + "-06-15";
  EXPECT_TRUE(Contains(report, "5,SRC-5,last_contact_date,last contact "))
      << report;
  EXPECT_TRUE(Contains(report, "," + eligible + "\n")) << report;
  // The report carries no personal data.
  EXPECT_FALSE(Contains(report, people.national_ids[29])) << report;
  EXPECT_FALSE(Contains(report, "Test Person")) << report;
  EXPECT_TRUE(Contains(Show(id), "\"accepted_records\": \"34\"")) << Show(id);

  // Running it again resumes after the last line and adds nothing.
  auto again =
      RunCli(depotd_, "archivist", {"deposit", "transfer", id, file.string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again.err, "resuming at line 41")) << again.err;
  EXPECT_TRUE(Contains(again.out,
                       "received 0, accepted 0, rejected 0, "
                       "duplicates 0"))
      << again.out;
  EXPECT_TRUE(Contains(Show(id), "\"accepted_records\": \"34\""));
}

void DepositCliTest::SearchByIdentity(const std::string& id,
                                      const People& people) {
  // The person is found by identity number, with the name as it was sent.
  auto found =
      RunCli(depotd_, "archivist",
             {"record", "search", "--national-id", people.national_ids[0]});
  ASSERT_EQ(found.exit_code, 0) << found.err << depotd_.process().Log();
  EXPECT_TRUE(Contains(found.out, "IDENTITY NUMBER")) << found.out;
  EXPECT_TRUE(Contains(found.out, "Ødegård, Åse")) << found.out;
  EXPECT_TRUE(Contains(found.out, people.national_ids[0])) << found.out;
  EXPECT_EQ(CountLines(found.out), 2) << found.out;
  auto quoted = RunCli(
      depotd_, "archivist",
      {"--json", "record", "search", "--national-id", people.national_ids[1]});
  ASSERT_EQ(quoted.exit_code, 0) << quoted.err;
  EXPECT_TRUE(Contains(quoted.out, R"(Nils \"Junior\" Berg)")) << quoted.out;
  auto with_documents = RunCli(
      depotd_, "archivist",
      {"--json", "record", "search", "--national-id", people.national_ids[2]});
  EXPECT_TRUE(
      Contains(with_documents.out, "\"file_name\": \"scan:side 1.pdf\""))
      << with_documents.out;
  auto young =
      RunCli(depotd_, "archivist",
             {"record", "search", "--national-id", people.national_ids[4]});
  ASSERT_EQ(young.exit_code, 0) << young.err;
  EXPECT_EQ(CountLines(young.out), 1) << young.out;  // header only

  // A box as an item, described without personal data.
  std::string record_id = Capture(found.out, R"(\n(\d+)\s)");
  ASSERT_FALSE(record_id.empty()) << found.out;
  auto item =
      RunCli(depotd_, "archivist", {"record", "item", "box:" + id + ":Boks 1"});
  ASSERT_EQ(item.exit_code, 0) << item.err;
  EXPECT_TRUE(Contains(item.out, "Boks 1")) << item.out;
  EXPECT_TRUE(Contains(item.out, record_id)) << item.out;
  EXPECT_FALSE(Contains(item.out, "Ødegård")) << item.out;
}

void DepositCliTest::ExceptionLetsARecordIn(const std::string& id,
                                            const std::filesystem::path& file,
                                            const People& people) {
  // An archivist's exception lets record 5 in when it is sent again.
  auto exception = RunCli(depotd_, "archivist",
                          {"record", "exception", id, "SRC-5", "--reason",
                           "The municipality needs the file archived now"});
  ASSERT_EQ(exception.exit_code, 0) << exception.err;
  auto resend =
      RunCli(depotd_, "archivist",
             {"deposit", "transfer", id, file.string(), "--no-resume"});
  ASSERT_EQ(resend.exit_code, 0) << resend.err;
  EXPECT_TRUE(Contains(resend.out,
                       "received 40, accepted 1, rejected 0, "
                       "duplicates 39"))
      << resend.out;
  auto report_path = file.string() + ".rejected.csv";
  std::string report = ReadFile(report_path);
  EXPECT_EQ(CountLines(report), 6) << report;
  EXPECT_FALSE(Contains(report, "SRC-5,")) << report;
  auto excepted =
      RunCli(depotd_, "archivist",
             {"record", "search", "--national-id", people.national_ids[4]});
  EXPECT_EQ(CountLines(excepted.out), 2) << excepted.out;

  auto rejections = RunCli(depotd_, "archivist", {"deposit", "rejections", id});
  ASSERT_EQ(rejections.exit_code, 0) << rejections.err;
  EXPECT_TRUE(Contains(rejections.out, "ELIGIBLE FROM")) << rejections.out;
  EXPECT_TRUE(Contains(rejections.out, "SRC-10 ")) << rejections.out;
  EXPECT_FALSE(Contains(rejections.out, "SRC-5 ")) << rejections.out;
  EXPECT_EQ(CountLines(rejections.out), 6) << rejections.out;
}

void DepositCliTest::SearchAndClose(const std::string& id,
                                    const std::filesystem::path& file) {
  // Search by name and birth date, and by deposit.
  auto by_name = RunCli(depotd_, "archivist",
                        {"record", "search", "--name", "Test Person 11",
                         "--birth-date", "1951-12-12"});
  ASSERT_EQ(by_name.exit_code, 0) << by_name.err;
  EXPECT_TRUE(Contains(by_name.out, "Test Person 11")) << by_name.out;
  auto by_deposit =
      RunCli(depotd_, "archivist",
             {"record", "search", "--deposit", id, "--limit", "10"});
  ASSERT_EQ(by_deposit.exit_code, 0) << by_deposit.err;
  EXPECT_EQ(CountLines(by_deposit.out), 11) << by_deposit.out;
  EXPECT_TRUE(Contains(by_deposit.err, "raise --limit")) << by_deposit.err;

  // A received deposit takes no more records.
  auto closed = RunCli(depotd_, "archivist", {"deposit", "close", id});
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  EXPECT_TRUE(Contains(closed.out, "received")) << closed.out;
  auto late = RunCli(depotd_, "archivist",
                     {"deposit", "transfer", id, file.string(), "--no-resume"});
  EXPECT_EQ(late.exit_code, 3) << late.err;
  EXPECT_TRUE(Contains(late.err, "refused: ")) << late.err;
}

namespace {

TEST_F(DepositCliTest, TransferReportResumeSearchAndException) {
  std::string id = CreateDeposit();
  People people = MakePeople(40);
  auto file = dir_.path() / "people.csv";
  WriteFile(file, people.csv);

  ASSERT_NO_FATAL_FAILURE(TransferAndReport(id, file, people));
  ASSERT_NO_FATAL_FAILURE(SearchByIdentity(id, people));
  ASSERT_NO_FATAL_FAILURE(ExceptionLetsARecordIn(id, file, people));
  SearchAndClose(id, file);
}

TEST_F(DepositCliTest, MalformedFilesAreRefusedBeforeAnythingIsSent) {
  std::string id = CreateDeposit();
  People people = MakePeople(5);
  std::vector<std::string> lines;
  std::istringstream split(people.csv);
  for (std::string line; std::getline(split, line);) lines.push_back(line);

  // Data line 4 (file line 5) lacks a field.
  std::string short_line = lines[4].substr(0, lines[4].rfind(','));
  auto file = dir_.path() / "short.csv";
  WriteFile(file, lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" +
                      lines[3] + "\n" + short_line + "\n" + lines[5] + "\n");
  auto result =
      RunCli(depotd_, "archivist", {"deposit", "transfer", id, file.string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_TRUE(Contains(result.err,
                       "line 4 (file line 5): expected 10 fields, "
                       "found 9"))
      << result.err;
  std::string shown = Show(id);
  EXPECT_FALSE(Contains(shown, "accepted_records")) << shown;  // 0
  EXPECT_TRUE(Contains(shown, "DEPOSIT_STATE_OPEN")) << shown;

  auto header = dir_.path() / "header.csv";
  WriteFile(header, "id,name\n" + lines[1] + "\n");
  result = RunCli(depotd_, "archivist",
                  {"deposit", "transfer", id, header.string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_TRUE(Contains(result.err, "header (file line 1)")) << result.err;

  auto quote = dir_.path() / "quote.csv";
  WriteFile(quote, lines[0] + "\n" + lines[1] + "\n" +
                       "SRC-9,\"Unclosed,1,2,3,4,5,6,7,8\n");
  result =
      RunCli(depotd_, "archivist", {"deposit", "transfer", id, quote.string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_TRUE(Contains(result.err,
                       "line 2 (file line 3): a quoted field is "
                       "not closed"))
      << result.err;
  EXPECT_FALSE(Contains(Show(id), "accepted_records"));
}

TEST_F(DepositCliTest, MunicipalityDepositsOnlyForItself) {
  ASSERT_EQ(RunCli(depotd_, "archivist",
                   {"depositor", "add", "--org-number",
                    testing::kOtherMunicipality, "--name", "Askøy kommune"})
                .exit_code,
            0);
  const std::string own =
      std::string("municipality-") + testing::kOwnMunicipality;
  auto other = RunCli(depotd_, own,
                      {"deposit", "create", "--org-number",
                       testing::kOtherMunicipality, "--category", "pupil"});
  EXPECT_EQ(other.exit_code, 5) << other.err;
  EXPECT_TRUE(Contains(other.err, "permission denied: ")) << other.err;

  auto mine = RunCli(depotd_, own,
                     {"deposit", "create", "--org-number",
                      testing::kOwnMunicipality, "--category", "health-card"});
  ASSERT_EQ(mine.exit_code, 0) << mine.err;
  auto list = RunCli(depotd_, own, {"deposit", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(Contains(list.out, "health-card")) << list.out;
  EXPECT_TRUE(Contains(list.out, "open")) << list.out;
  auto list_other =
      RunCli(depotd_, own,
             {"deposit", "list", "--org-number", testing::kOtherMunicipality});
  EXPECT_EQ(list_other.exit_code, 5) << list_other.err;
}

}  // namespace
}  // namespace depot
