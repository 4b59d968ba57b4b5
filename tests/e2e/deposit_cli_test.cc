// End to end: deposits and records through the depot CLI against depotd.
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>

#include "depot/v1/deposit.grpc.pb.h"
#include "services/common/tls.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"

namespace depot {
namespace {

using testing::RunCli;

constexpr char kHeader[] =
    "source_record_id,person_name,national_id,birth_date,opened_date,"
    "last_contact_date,death_year,box,shelf,documents\n";

int CurrentYear() {
  std::chrono::year_month_day today{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(today.year());
}

// A valid Norwegian fødselsnummer born on the day, with the first individual
// number from `individual` on (000-499: born 1900-1999) whose two mod-11
// check digits exist.
std::string BirthNumber(int year, int month, int day, int individual) {
  static const int kFirst[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static const int kSecond[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  for (;; individual = (individual + 1) % 500) {
    char nine[16];
    std::snprintf(nine, sizeof nine, "%02d%02d%02d%03d", day, month, year % 100,
                  individual);
    std::string number = nine;
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (number[i] - '0') * kFirst[i];
    int k1 = (11 - sum % 11) % 11;
    if (k1 == 10) continue;
    number += static_cast<char>('0' + k1);
    sum = 0;
    for (int i = 0; i < 10; ++i) sum += (number[i] - '0') * kSecond[i];
    int k2 = (11 - sum % 11) % 11;
    if (k2 == 10) continue;
    return number + static_cast<char>('0' + k2);
  }
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

int CountLines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The people of the transfer file. Records 5, 10, 15, 20 and 25 were seen
// three years ago (too young for the 10-year rule); record 30 has an identity
// number with a wrong check digit.
struct People {
  std::string csv;
  std::vector<std::string> national_ids;  // [i - 1] for record i
};

People MakePeople(int count) {
  People people;
  people.csv = kHeader;
  for (int i = 1; i <= count; ++i) {
    int year = 1950 + i % 10, month = 1 + i % 12, day = 1 + i % 28;
    std::string id = BirthNumber(year, month, day, 100 + i);
    if (i == 30)
      id.back() = static_cast<char>('0' + (id.back() - '0' + 1) % 10);
    people.national_ids.push_back(id);
    std::string name = "Test Person " + std::to_string(i);
    if (i == 1) name = "\"Ødegård, Åse\"";
    if (i == 2) name = "\"Nils \"\"Junior\"\" Berg\"";
    std::string last = i % 5 == 0 && i <= 25
                           ? std::to_string(CurrentYear() - 3) + "-06-15"
                           : std::to_string(year + 16) + "-06-20";
    std::string documents;
    if (i == 3) {
      documents = "scan:side 1.pdf:1234:" + std::string(64, 'a') +
                  ";vitnemal.pdf:99:" + std::string(64, 'b');
    }
    char birth[16];
    std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", year, month, day);
    people.csv += "SRC-" + std::to_string(i) + "," + name + "," + id + "," +
                  birth + "," + std::to_string(year + 7) + "-08-15," + last +
                  ",," + "Boks " + std::to_string(1 + i / 10) + ",Hylle A," +
                  documents + "\r\n";
  }
  return people;
}

std::string Capture(const std::string& text, const std::string& pattern) {
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(pattern))) return "";
  return match[1];
}

class DepositCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
    auto added =
        RunCli(depotd_, "archivist",
               {"depositor", "add", "--org-number", testing::kOwnMunicipality,
                "--name", "Bergen kommune"});
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }

  // Creates a pupil-file deposit of the own municipality; its number.
  std::string CreateDeposit() {
    auto created = RunCli(
        depotd_, "archivist",
        {"deposit", "create", "--org-number", testing::kOwnMunicipality,
         "--category", "pupil", "--description", "Elevmapper 1957-1975"});
    EXPECT_EQ(created.exit_code, 0) << created.err;
    std::string id = Capture(created.out, R"(created deposit (\d+))");
    EXPECT_FALSE(id.empty()) << created.out;
    return id;
  }

  std::string Show(const std::string& id) {
    auto shown =
        RunCli(depotd_, "archivist", {"--json", "deposit", "show", id});
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    return shown.out;
  }

  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  testing::TempDir dir_;
};

TEST_F(DepositCliTest, TransferReportResumeSearchAndException) {
  std::string id = CreateDeposit();
  People people = MakePeople(40);
  auto file = dir_.path() / "people.csv";
  WriteFile(file, people.csv);

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
  report = ReadFile(report_path);
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

TEST_F(DepositCliTest, CategoriesCancelAndUsageErrors) {
  auto categories = RunCli(depotd_, "desk", {"deposit", "categories"});
  ASSERT_EQ(categories.exit_code, 0) << categories.err;
  EXPECT_TRUE(
      std::regex_search(categories.out, std::regex(R"(kindergarten\s+5\s+no)")))
      << categories.out;
  EXPECT_TRUE(std::regex_search(categories.out,
                                std::regex(R"(child-welfare\s+10\s+yes)")))
      << categories.out;

  std::string id = CreateDeposit();
  auto no_reason = RunCli(depotd_, "archivist", {"deposit", "cancel", id});
  EXPECT_EQ(no_reason.exit_code, 2);
  auto cancelled =
      RunCli(depotd_, "archivist",
             {"deposit", "cancel", id, "--reason", "Sent to the wrong depot"});
  ASSERT_EQ(cancelled.exit_code, 0) << cancelled.err;
  EXPECT_TRUE(Contains(cancelled.out, "Sent to the wrong depot"))
      << cancelled.out;
  auto again = RunCli(depotd_, "archivist",
                      {"deposit", "cancel", id, "--reason", "twice"});
  EXPECT_EQ(again.exit_code, 3) << again.err;

  auto unknown = RunCli(depotd_, "archivist",
                        {"deposit", "create", "--org-number",
                         testing::kOwnMunicipality, "--category", "pupils"});
  EXPECT_EQ(unknown.exit_code, 2);
  auto missing = RunCli(depotd_, "archivist", {"deposit", "show", "999"});
  EXPECT_EQ(missing.exit_code, 4) << missing.err;
  auto batch = RunCli(
      depotd_, "archivist",
      {"deposit", "transfer", id, (testing::SourceDir() / "README.md").string(),
       "--batch-size", "0"});
  EXPECT_EQ(batch.exit_code, 2) << batch.err;
  auto search = RunCli(depotd_, "archivist", {"record", "search"});
  EXPECT_EQ(search.exit_code, 2) << search.err;
}

TEST_F(DepositCliTest, ServerGoneBeforeTheTransferIsExitCodeSix) {
  std::string id = CreateDeposit();
  auto file = dir_.path() / "people.csv";
  WriteFile(file, MakePeople(3).csv);
  depotd_.process().Signal(SIGKILL);
  depotd_.process().WaitForExit(std::chrono::seconds(10));
  auto result = RunCli(depotd_, "archivist",
                       {"--timeout", "5", "deposit", "transfer", id,
                        file.string(), "--no-resume"});
  EXPECT_EQ(result.exit_code, 6) << result.err;
  EXPECT_TRUE(Contains(result.err, "unavailable: ")) << result.err;
  EXPECT_TRUE(Contains(result.err, "Run the same command again to resume"))
      << result.err;
}

// A server that takes the first batch and then breaks the stream, as a
// depotd that goes away in the middle of a transfer does.
class BreakingDepositService final : public v1::DepositService::Service {
 public:
  grpc::Status GetTransferProgress(grpc::ServerContext*,
                                   const v1::GetTransferProgressRequest*,
                                   v1::TransferProgress* progress) override {
    progress->set_next_position(1);
    return grpc::Status::OK;
  }
  grpc::Status TransferRecords(
      grpc::ServerContext*,
      grpc::ServerReader<v1::TransferRecordsRequest>* reader,
      v1::TransferSummary*) override {
    v1::TransferRecordsRequest message;
    reader->Read(&message);  // start
    reader->Read(&message);  // the first batch
    records_in_first_batch_ = message.batch().records_size();
    return grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection reset");
  }
  int records_in_first_batch_ = 0;
};

TEST(DepositCliBrokenStream, SaysHowFarItGotAndExitsSix) {
  BreakingDepositService service;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(
      "127.0.0.1:0", MutualTlsServerCredentials(testing::ServerTls()), &port);
  builder.RegisterService(&service);
  auto server = builder.BuildAndStart();
  ASSERT_NE(port, 0);

  testing::TempDir dir;
  auto file = dir.path() / "people.csv";
  WriteFile(file, MakePeople(50).csv);
  auto tls = testing::ClientTls("archivist");
  auto result = testing::RunCommand(
      {(testing::BinaryDir() / "depot").string(), "deposit", "transfer", "7",
       file.string(), "--batch-size", "5"},
      {{"DEPOT_SERVER", "127.0.0.1:" + std::to_string(port)},
       {"DEPOT_CA", tls.ca.string()},
       {"DEPOT_CERT", tls.cert.string()},
       {"DEPOT_KEY", tls.key.string()},
       {"DEPOT_HOME", "/nonexistent"}});
  server->Shutdown();
  EXPECT_EQ(result.exit_code, 6) << result.err;
  EXPECT_EQ(service.records_in_first_batch_, 5);
  EXPECT_TRUE(Contains(result.err, "unavailable: connection reset"))
      << result.err;
  EXPECT_TRUE(std::regex_search(
      result.err, std::regex(R"(broke off after sending \d+ records \(up to )"
                             R"(line \d+ of .*people\.csv\))")))
      << result.err;
  EXPECT_TRUE(Contains(result.err, "Run the same command again to resume"))
      << result.err;
}

TEST(DepositCliHelp, EveryCommandHasHelp) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"deposit", "--help"},
        {"deposit", "create", "--help"},
        {"deposit", "show", "--help"},
        {"deposit", "list", "--help"},
        {"deposit", "close", "--help"},
        {"deposit", "cancel", "--help"},
        {"deposit", "categories", "--help"},
        {"deposit", "rejections", "--help"},
        {"deposit", "transfer", "--help"},
        {"record", "--help"},
        {"record", "search", "--help"},
        {"record", "exception", "--help"},
        {"record", "item", "--help"}}) {
    std::vector<std::string> argv = {(testing::BinaryDir() / "depot").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto result = testing::RunCommand(argv);
    EXPECT_EQ(result.exit_code, 0) << args[1];
    EXPECT_NE(result.out.find("Usage"), std::string::npos) << result.out;
  }
}

}  // namespace
}  // namespace depot
