// End to end: depotd as a process (PrivacyService asking the other
// services over mTLS), driven by the depot CLI as the DPO.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "depot/v1/readingroom.grpc.pb.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/records.h"

namespace depot {
namespace {

using testing::RunCli;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class PrivacyCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
  }

  // Runs a command with --json; fails the test unless it exits 0.
  nlohmann::json Json(const std::string& as, std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    auto result = RunCli(depotd_, as, args);
    EXPECT_EQ(result.exit_code, 0) << args[1] << ": " << result.err;
    if (result.exit_code != 0) return nlohmann::json::object();
    return nlohmann::json::parse(result.out);
  }

  std::string Open(const std::string& nid) {
    auto opened = Json("dpo", {"privacy", "request", "open", "--national-id",
                               nid, "--verified-by", "id-document"});
    return opened.value("request_id", "");
  }

  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  testing::TempDir dir_;
  std::string nid_ = testing::MakeFodselsnummer(17, 5, 1980, 0);
};

TEST_F(PrivacyCliTest, RequestDeadlinesExtensionAndClose) {
  std::string id = Open(nid_);
  ASSERT_FALSE(id.empty());
  auto within =
      RunCli(depotd_, "dpo", {"privacy", "requests", "--due-within", "40d"});
  ASSERT_EQ(within.exit_code, 0) << within.err;
  EXPECT_TRUE(Has(within.out, "DAYS LEFT")) << within.out;
  EXPECT_TRUE(Has(within.out, "national_id (id-document)"));
  EXPECT_FALSE(Has(within.out, nid_));  // lists never show the identity
  auto none = Json("dpo", {"privacy", "request", "list", "--overdue"});
  EXPECT_FALSE(none.contains("requests"));

  auto show = RunCli(depotd_, "dpo", {"privacy", "request", "show", id});
  EXPECT_TRUE(Has(show.out, nid_)) << show.out;

  auto extended = Json("dpo", {"privacy", "request", "extend", id, "--months",
                               "2", "--reason", "many boxes to search"});
  EXPECT_EQ(extended["extension_months"], 2);
  auto again = RunCli(depotd_, "dpo",
                      {"privacy", "request", "extend", id, "--reason", "more"});
  EXPECT_EQ(again.exit_code, 3) << again.err;  // refused by a rule
  EXPECT_TRUE(Has(again.err, "at most two months")) << again.err;

  auto bad =
      RunCli(depotd_, "dpo", {"privacy", "requests", "--due-within", "soon"});
  EXPECT_EQ(bad.exit_code, 2);
  auto desk = RunCli(depotd_, "desk", {"privacy", "request", "list"});
  EXPECT_EQ(desk.exit_code, 5);
  auto delivered =
      RunCli(depotd_, "dpo",
             {"privacy", "request", "close", id, "--outcome", "delivered"});
  EXPECT_EQ(delivered.exit_code, 3) << "not compiled yet";
  auto closed = Json("dpo", {"privacy", "request", "close", id, "--outcome",
                             "withdrawn", "--reason", "withdrawn by phone"});
  EXPECT_EQ(closed["status"], "ACCESS_REQUEST_STATUS_WITHDRAWN");
}

TEST_F(PrivacyCliTest, CompileWritesTheExtractAndEraseListsLegalReasons) {
  auto room = v1::ReadingRoomService::NewStub(
      testing::ChannelAs(depotd_.port(), "desk"));
  v1::RegisterVisitorRequest add;
  add.set_name("Kari Nordmann");
  add.set_contact("+47 400 00 000");
  add.set_id_document_kind(v1::ID_DOCUMENT_KIND_PASSPORT);
  add.set_birth_date("1980-05-17");
  add.set_national_id(nid_);
  v1::Visitor visitor;
  grpc::ClientContext context;
  ASSERT_TRUE(room->RegisterVisitor(&context, add, &visitor).ok());
  std::string id = Open(nid_);
  std::string out = (dir_.path() / "extract.json").string();
  auto compiled = RunCli(depotd_, "dpo",
                         {"privacy", "request", "compile", id, "--out", out});
  ASSERT_EQ(compiled.exit_code, 0) << compiled.err;
  EXPECT_TRUE(Has(compiled.out, "readingroom: ")) << compiled.out;
  std::ifstream file(out);
  std::stringstream text;
  text << file.rdbuf();
  auto document = nlohmann::json::parse(text.str());
  EXPECT_EQ(document["format"], "depot-access-extract/1");
  EXPECT_EQ(document["subject"]["national_id"], nid_);

  auto erased = RunCli(depotd_, "dpo",
                       {"privacy", "erase", "--national-id", nid_, "--reason",
                        "erasure request"});
  ASSERT_EQ(erased.exit_code, 0) << erased.err;
  EXPECT_TRUE(Has(erased.out, "LEGAL REASON")) << erased.out;
  EXPECT_TRUE(Has(erased.out, "access_request")) << erased.out;
  auto delivered =
      RunCli(depotd_, "dpo",
             {"privacy", "request", "close", id, "--outcome", "delivered"});
  EXPECT_EQ(delivered.exit_code, 0) << delivered.err;
}

// Rectification (GDPR art. 16): a misspelt name corrected in a deposited
// record (found again by its new name and birth date) and in a visitor.
TEST_F(PrivacyCliTest, RectifyCorrectsARecordAndAVisitor) {
  auto archivist = testing::ChannelAs(depotd_.port(), "archivist");
  int64_t deposit =
      testing::CreateDeposit(archivist, testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  auto records = testing::MakeRecords(1, 1, "2010-01-01");
  records[0].set_person_name("Kari Nordman");
  records[0].set_national_id(nid_);
  records[0].set_birth_date("");
  v1::TransferSummary summary;
  ASSERT_TRUE(testing::Transfer(archivist, deposit, records, 1, &summary).ok());
  ASSERT_EQ(summary.accepted(), 1);
  auto found = Json("archivist", {"record", "search", "--national-id", nid_});
  ASSERT_EQ(found["records"].size(), 1u) << found.dump();
  const auto& id_field = found["records"][0]["record_id"];
  std::string record_id = id_field.is_string()
                              ? id_field.get<std::string>()
                              : std::to_string(id_field.get<int64_t>());

  auto no_reason = RunCli(depotd_, "archivist",
                          {"privacy", "rectify", "record", record_id, "--name",
                           "Kari Nordmann", "--reason", " "});
  EXPECT_EQ(no_reason.exit_code, 2) << no_reason.err;
  auto fixed =
      RunCli(depotd_, "archivist",
             {"privacy", "rectify", "record", record_id, "--name",
              "Kari Nordmann", "--reason", "misspelt in the source system"});
  ASSERT_EQ(fixed.exit_code, 0) << fixed.err;
  auto after = Json("archivist", {"record", "search", "--national-id", nid_});
  ASSERT_EQ(after["records"].size(), 1u);
  EXPECT_EQ(after["records"][0]["person_name"], "Kari Nordmann");
  auto by_name =
      Json("archivist", {"record", "search", "--name", "Kari Nordmann",
                         "--birth-date", "1980-05-17"});
  EXPECT_EQ(by_name["records"].size(), 1u) << by_name.dump();

  auto room = v1::ReadingRoomService::NewStub(
      testing::ChannelAs(depotd_.port(), "desk"));
  v1::RegisterVisitorRequest add;
  add.set_name("Ola Nordman");
  add.set_contact("+47 400 00 001");
  add.set_id_document_kind(v1::ID_DOCUMENT_KIND_PASSPORT);
  v1::Visitor visitor;
  grpc::ClientContext context;
  ASSERT_TRUE(room->RegisterVisitor(&context, add, &visitor).ok());
  auto corrected =
      Json("desk", {"privacy", "rectify", "visitor",
                    std::to_string(visitor.visitor_id()), "--name",
                    "Ola Nordmann", "--reason", "misspelt at registration"});
  EXPECT_FALSE(corrected.value("corrected_at", "").empty()) << corrected.dump();
  v1::GetVisitorRequest get;
  get.set_visitor_id(visitor.visitor_id());
  v1::Visitor read;
  grpc::ClientContext read_context;
  ASSERT_TRUE(room->GetVisitor(&read_context, get, &read).ok());
  EXPECT_EQ(read.name(), "Ola Nordmann");
}

TEST_F(PrivacyCliTest, RetentionAndBreaches) {
  auto dry = RunCli(depotd_, "dpo", {"privacy", "retention", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_TRUE(Has(dry.out, "WOULD DELETE")) << dry.out;
  EXPECT_TRUE(Has(dry.out, "closed_access_requests"));

  auto breach = Json(
      "archivist", {"breach", "add", "--became-aware", "2020-01-01T10:00:00Z",
                    "--nature", "visitor list lost", "--data-category", "names",
                    "--people-category", "visitors", "--approx-people", "30"});
  EXPECT_EQ(breach["deadline_at"], "2020-01-04T10:00:00Z");
  std::string id = breach.value("breach_id", "");
  auto overdue = RunCli(depotd_, "auditor", {"breach", "list", "--overdue"});
  ASSERT_EQ(overdue.exit_code, 0) << overdue.err;
  EXPECT_TRUE(Has(overdue.out, "OVERDUE")) << overdue.out;
  auto refused = RunCli(depotd_, "dpo", {"breach", "notify", id});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_TRUE(Has(refused.err, "late_reason")) << refused.err;
  auto notified = Json("dpo", {"breach", "notify", id, "--late-reason",
                               "found in an old mailbox"});
  EXPECT_EQ(notified["notified_late"], true);
  auto open = Json("dpo", {"breach", "list", "--open"});
  EXPECT_FALSE(open.contains("breaches"));
}

}  // namespace
}  // namespace depot
