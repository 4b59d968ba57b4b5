// A transfer cut by a crash of depotd or a restart of PostgreSQL resumes
// with exactly the eligible records: none lost, none twice.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <pqxx/pqxx>

#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

constexpr int kRecords = 6000;
constexpr int kYoungEvery = 50;  // every 50th record is too young
constexpr int kEligible = kRecords - kRecords / kYoungEvery;
// The transfer's name and its source's digest.
constexpr char kTransfer[] = "pupils.csv";
const std::string kDigest(64, 'e');

std::vector<v1::RecordData> Records() {
  auto records = testing::MakeRecords(1, kRecords, "2011-01-01");
  for (int i = kYoungEvery - 1; i < kRecords; i += kYoungEvery) {
    records[i].set_last_contact_date("2022-01-01");
  }
  return records;
}

int64_t NextPosition(int port, int64_t deposit) {
  auto stub =
      v1::DepositService::NewStub(testing::ChannelAs(port, "archivist"));
  v1::GetTransferProgressRequest request;
  request.set_deposit_id(deposit);
  request.set_transfer_id(kTransfer);
  v1::TransferProgress progress;
  grpc::ClientContext context;
  grpc::Status status = stub->GetTransferProgress(&context, request, &progress);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return progress.next_position();
}

// Waits until the server has committed part of the transfer (at most 60 s:
// a loaded machine may take a while), so that the cut falls mid-transfer
// however fast the server is.
void WaitForCommittedRecords(int port, int64_t deposit) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (NextPosition(port, deposit) <= 1 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// Streams batches of 200 and calls `cut` once the server has committed
// some of the first three.
grpc::Status TransferAndCut(int port, int64_t deposit,
                            const std::vector<v1::RecordData>& records,
                            const std::function<void()>& cut) {
  auto stub =
      v1::DepositService::NewStub(testing::ChannelAs(port, "archivist"));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  v1::TransferSummary summary;
  auto writer = stub->TransferRecords(&context, &summary);
  v1::TransferRecordsRequest start;
  start.mutable_start()->set_deposit_id(deposit);
  start.mutable_start()->set_transfer_id(kTransfer);
  start.mutable_start()->set_source_sha256(kDigest);
  writer->Write(start);
  int batches = 0;
  for (size_t i = 0; i < records.size(); i += 200) {
    v1::TransferRecordsRequest message;
    for (size_t j = i; j < records.size() && j < i + 200; ++j) {
      *message.mutable_batch()->add_records() = records[j];
    }
    if (!writer->Write(message)) break;
    if (++batches == 3) {
      WaitForCommittedRecords(port, deposit);
      cut();
    }
  }
  writer->WritesDone();
  return writer->Finish();
}

void ResumeFrom(int port, int64_t deposit,
                const std::vector<v1::RecordData>& records) {
  int64_t next = NextPosition(port, deposit);
  ASSERT_GT(next, 1) << "the batches sent before the cut were committed";
  // Send from a little before the resume point: overlaps are harmless.
  std::vector<v1::RecordData> rest(
      records.begin() + std::max<int64_t>(0, next - 1 - 100), records.end());
  v1::TransferSummary summary;
  grpc::Status status =
      testing::Transfer(testing::ChannelAs(port, "archivist"), deposit, rest,
                        500, &summary, kTransfer, kDigest);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_GT(summary.duplicates(), 0);
}

void ExpectExactlyTheEligibleRecords(const std::string& dsn, int64_t deposit) {
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  auto row =
      tx.exec_params1(testing::sql::kSummariseRecordsOfDeposit.text, deposit);
  EXPECT_EQ(row[0].as<int>(), kEligible);
  EXPECT_EQ(row[1].as<int>(), kEligible);
  EXPECT_EQ(row[2].as<int>(), kEligible);
  EXPECT_EQ(row[3].as<int>(), kRecords / kYoungEvery);
}

TEST(TransferResume, AfterDepotdIsKilledMidTransfer) {
  testing::TestDatabase db;
  auto records = Records();
  int64_t deposit = 0;
  {
    testing::DepotdProcess depotd({db.dsn(), "", "", {}, ""});
    ASSERT_TRUE(depotd.WaitUntilServing()) << depotd.process().Log();
    deposit =
        testing::CreateDeposit(testing::ChannelAs(depotd.port(), "archivist"),
                               testing::kOwnMunicipality,
                               v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
    grpc::Status cut = TransferAndCut(depotd.port(), deposit, records, [&] {
      depotd.process().Signal(SIGKILL);
    });
    EXPECT_FALSE(cut.ok());
    depotd.process().WaitForExit(std::chrono::seconds(10));
  }
  testing::DepotdProcess restarted({db.dsn(), "", "", {}, ""});
  ASSERT_TRUE(restarted.WaitUntilServing()) << restarted.process().Log();
  ResumeFrom(restarted.port(), deposit, records);
  ExpectExactlyTheEligibleRecords(db.dsn(), deposit);
}

TEST(TransferResume, AfterPostgresRestartsMidTransfer) {
  testing::PrivateCluster cluster;
  testing::TestDatabase db(cluster.AdminDsn());
  auto records = Records();
  testing::DepotdProcess depotd({db.dsn(), "", "", {}, ""});
  ASSERT_TRUE(depotd.WaitUntilServing()) << depotd.process().Log();
  int64_t deposit = testing::CreateDeposit(
      testing::ChannelAs(depotd.port(), "archivist"), testing::kOwnMunicipality,
      v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  grpc::Status cut =
      TransferAndCut(depotd.port(), deposit, records, [&] { cluster.Stop(); });
  EXPECT_EQ(cut.error_code(), grpc::UNAVAILABLE) << cut.error_message();
  cluster.Start();
  ResumeFrom(depotd.port(), deposit, records);
  ExpectExactlyTheEligibleRecords(db.dsn(), deposit);
}

}  // namespace
}  // namespace depot
