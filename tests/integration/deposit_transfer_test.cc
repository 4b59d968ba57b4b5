// TransferRecords and search over real mTLS into a real PostgreSQL.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <thread>
#include <vector>

#include "services/deposits/deposit_module.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/records.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

using testing::ChannelAs;

const std::string kDigest(64, 'd');

const std::string kMunicipality =
    std::string("municipality-") + testing::kOwnMunicipality;

class DepositTransferTest : public ::testing::Test {
 protected:
  std::shared_ptr<grpc::Channel> As(const std::string& name) {
    return ChannelAs(server_.port(), name);
  }
  std::unique_ptr<v1::DepositService::Stub> Stub(const std::string& name) {
    return v1::DepositService::NewStub(As(name));
  }
  testing::TestDatabase db_;
  testing::InProcessServer server_{db_.dsn(), {deposits::MakeDepositModule}};
};

TEST_F(DepositTransferTest, TenThousandRecordsOfWhich137AreTooYoung) {
  int64_t deposit =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  auto records = testing::MakeRecords(1, 10000, "2012-05-01");
  for (int i = 0; i < 137; ++i) {
    records[i * 70 + 3].set_last_contact_date("2019-03-15");
  }
  v1::TransferSummary summary;
  grpc::Status status =
      testing::Transfer(As("archivist"), deposit, records, 1000, &summary);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(summary.received(), 10000);
  EXPECT_EQ(summary.accepted(), 9863);
  EXPECT_EQ(summary.rejected(), 137);
  EXPECT_EQ(summary.duplicates(), 0);
  EXPECT_EQ(summary.next_position(), 10001);
  ASSERT_EQ(summary.rejections_size(), 137);
  for (const auto& rejection : summary.rejections()) {
    EXPECT_EQ(rejection.eligible_from(), "2029-03-15");
    EXPECT_EQ(rejection.field(), "last_contact_date");
  }

  // The rejections stay retrievable afterwards, page by page.
  int listed = 0;
  v1::ListRejectionsRequest list;
  list.set_deposit_id(deposit);
  list.set_page_size(50);
  do {
    v1::ListRejectionsResponse page;
    grpc::ClientContext context;
    ASSERT_TRUE(Stub("archivist")->ListRejections(&context, list, &page).ok());
    for (const auto& r : page.rejections()) {
      EXPECT_EQ(r.eligible_from(), "2029-03-15");
      ++listed;
    }
    list.set_page_token(page.next_page_token());
  } while (!list.page_token().empty());
  EXPECT_EQ(listed, 137);

  // Sending the same records again adds nothing.
  v1::TransferSummary again;
  ASSERT_TRUE(
      testing::Transfer(As("archivist"), deposit, records, 1000, &again).ok());
  EXPECT_EQ(again.accepted(), 0);
  EXPECT_EQ(again.rejected(), 0);
  EXPECT_EQ(again.duplicates(), 10000);

  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1(testing::sql::kCountRecords.text)[0].as<int>(), 9863);
  EXPECT_EQ(tx.exec1(testing::sql::kCountRecordDepositEventsWithSubject.text)[0]
                .as<int>(),
            9863);
}

// Parallel streams write their batches side by side; the same records sent
// by several at once are still stored once each, with one audit event.
TEST_F(DepositTransferTest, ParallelStreamsOfTheSameRecordsStoreEachOnce) {
  int64_t deposit =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  auto records = testing::MakeRecords(1, 3000, "2012-05-01");
  constexpr int kStreams = 4;
  std::vector<v1::TransferSummary> summaries(kStreams);
  std::vector<grpc::Status> statuses(kStreams);
  std::vector<std::thread> streams;
  for (int s = 0; s < kStreams; ++s) {
    streams.emplace_back([&, s] {
      statuses[s] = testing::Transfer(As("archivist"), deposit, records, 100,
                                      &summaries[s]);
    });
  }
  for (std::thread& stream : streams) stream.join();
  int64_t accepted = 0, duplicates = 0;
  for (int s = 0; s < kStreams; ++s) {
    ASSERT_TRUE(statuses[s].ok()) << statuses[s].error_message();
    EXPECT_EQ(summaries[s].received(), 3000);
    EXPECT_EQ(summaries[s].rejected(), 0);
    accepted += summaries[s].accepted();
    duplicates += summaries[s].duplicates();
  }
  EXPECT_EQ(accepted, 3000);
  EXPECT_EQ(duplicates, 3000 * (kStreams - 1));

  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1(testing::sql::kCountRecords.text)[0].as<int>(), 3000);
  EXPECT_EQ(tx.exec_params1(testing::sql::kFindAcceptedRecordsOfDeposit.text,
                            deposit)[0]
                .as<int>(),
            3000);
  EXPECT_EQ(tx.exec1(testing::sql::kCountRecordDepositEvents.text)[0].as<int>(),
            3000);
}

TEST_F(DepositTransferTest, DumpHoldsNoNameOrIdentityNumberInClearText) {
  int64_t deposit =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_CHILD_WELFARE, "2026-06-30");
  auto records = testing::MakeRecords(1, 300, "2010-01-01");
  for (auto& record : records) {
    record.set_person_name("Ærlig Østensjø " + record.source_record_id());
  }
  v1::TransferSummary summary;
  ASSERT_TRUE(
      testing::Transfer(As("archivist"), deposit, records, 100, &summary).ok());
  ASSERT_EQ(summary.accepted(), 300);
  // Searching writes audit rows too: they must not leak either.
  v1::SearchRecordsRequest search;
  search.set_national_id(records[7].national_id());
  v1::SearchRecordsResponse found;
  grpc::ClientContext context;
  ASSERT_TRUE(Stub("archivist")->SearchRecords(&context, search, &found).ok());
  ASSERT_EQ(found.records_size(), 1);
  EXPECT_EQ(found.records(0).person_name(), records[7].person_name());

  auto dump = testing::RunCommand(
      {"/usr/lib/postgresql/15/bin/pg_dump", "--dbname=" + db_.dsn()});
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  ASSERT_NE(dump.out.find("deposits.records"), std::string::npos);
  for (const auto& record : records) {
    ASSERT_EQ(dump.out.find(record.national_id()), std::string::npos)
        << "identity number in clear text in the dump";
    ASSERT_EQ(dump.out.find(record.person_name()), std::string::npos)
        << "name in clear text in the dump";
  }
  EXPECT_EQ(dump.out.find("Østensjø"), std::string::npos);
}

TEST_F(DepositTransferTest, SearchByPersonAndItemsForTheReadingRoom) {
  int64_t deposit =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_HEALTH_CARDS, "2026-06-30");
  auto records = testing::MakeRecords(1, 150, "2010-01-01");
  v1::TransferSummary summary;
  ASSERT_TRUE(
      testing::Transfer(As("archivist"), deposit, records, 50, &summary).ok());

  v1::SearchRecordsRequest by_box;
  by_box.set_deposit_id(deposit);
  by_box.set_box("box-1");
  by_box.set_page_size(100);
  v1::SearchRecordsResponse in_box;
  grpc::ClientContext search_context;
  ASSERT_TRUE(
      Stub("dpo")->SearchRecords(&search_context, by_box, &in_box).ok());
  EXPECT_EQ(in_box.records_size(), 51);  // positions 100..150
  EXPECT_TRUE(in_box.records(0).special_category());

  v1::GetItemRequest item_request;
  item_request.set_item_ref("box:" + std::to_string(deposit) + ":box-1");
  v1::Item box;
  grpc::ClientContext item_context;
  ASSERT_TRUE(Stub("desk")->GetItem(&item_context, item_request, &box).ok());
  EXPECT_EQ(box.kind(), v1::ITEM_KIND_BOX);
  EXPECT_EQ(box.record_ids_size(), 51);
  EXPECT_TRUE(box.special_category());
  EXPECT_EQ(box.organization_number(), testing::kOwnMunicipality);

  item_request.set_item_ref("record:" +
                            std::to_string(in_box.records(0).record_id()));
  v1::Item record;
  grpc::ClientContext record_context;
  ASSERT_TRUE(
      Stub("service")->GetItem(&record_context, item_request, &record).ok());
  EXPECT_EQ(record.kind(), v1::ITEM_KIND_RECORD);

  item_request.set_item_ref("record:999999");
  grpc::ClientContext missing_context;
  EXPECT_EQ(Stub("desk")
                ->GetItem(&missing_context, item_request, &record)
                .error_code(),
            grpc::NOT_FOUND);
}

TEST_F(DepositTransferTest, MunicipalityStaysInsideItsOwnOrganisation) {
  int64_t own =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  int64_t other =
      testing::CreateDeposit(As("archivist"), testing::kOtherMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  auto records = testing::MakeRecords(1, 5, "2010-01-01");

  // Create a deposit for another organisation.
  v1::CreateDepositRequest create;
  create.set_organization_number(testing::kOtherMunicipality);
  create.set_category(v1::REGISTER_CATEGORY_PUPIL_FILES);
  v1::Deposit created;
  grpc::ClientContext create_context;
  EXPECT_EQ(Stub(kMunicipality)
                ->CreateDeposit(&create_context, create, &created)
                .error_code(),
            grpc::PERMISSION_DENIED);

  // Transfer into it: answered as for a deposit that does not exist.
  v1::TransferSummary summary;
  EXPECT_EQ(testing::Transfer(As(kMunicipality), other, records, 5, &summary)
                .error_code(),
            grpc::NOT_FOUND);
  ASSERT_TRUE(
      testing::Transfer(As(kMunicipality), own, records, 5, &summary).ok());
  ASSERT_TRUE(testing::Transfer(As("archivist"), other,
                                testing::MakeRecords(100, 5, "2010-01-01"), 5,
                                &summary)
                  .ok());

  // Search it: explicitly, or by identity number of someone in it.
  v1::SearchRecordsRequest explicit_other;
  explicit_other.set_organization_number(testing::kOtherMunicipality);
  v1::SearchRecordsResponse found;
  grpc::ClientContext c1;
  EXPECT_EQ(Stub(kMunicipality)
                ->SearchRecords(&c1, explicit_other, &found)
                .error_code(),
            grpc::PERMISSION_DENIED);
  v1::SearchRecordsRequest by_deposit;
  by_deposit.set_deposit_id(other);
  grpc::ClientContext c2;
  EXPECT_EQ(
      Stub(kMunicipality)->SearchRecords(&c2, by_deposit, &found).error_code(),
      grpc::NOT_FOUND);
  v1::GetDepositRequest get;
  get.set_deposit_id(other);
  v1::Deposit deposit;
  grpc::ClientContext c3;
  EXPECT_EQ(Stub(kMunicipality)->GetDeposit(&c3, get, &deposit).error_code(),
            grpc::NOT_FOUND);
}

TEST_F(DepositTransferTest, BadStreamsAreRefusedWithAReason) {
  int64_t deposit =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  // No start message.
  auto stub = Stub("archivist");
  v1::TransferSummary summary;
  grpc::ClientContext context;
  auto writer = stub->TransferRecords(&context, &summary);
  v1::TransferRecordsRequest batch;
  *batch.mutable_batch()->add_records() =
      testing::MakeRecords(1, 1, "2010-01-01")[0];
  writer->Write(batch);
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("start"), std::string::npos);

  // Into a received deposit.
  v1::CloseDepositRequest close;
  close.set_deposit_id(deposit);
  v1::Deposit closed;
  grpc::ClientContext close_context;
  ASSERT_TRUE(stub->CloseDeposit(&close_context, close, &closed).ok());
  EXPECT_EQ(closed.state(), v1::DEPOSIT_STATE_RECEIVED);
  status =
      testing::Transfer(As("archivist"), deposit,
                        testing::MakeRecords(1, 1, "2010-01-01"), 1, &summary);
  EXPECT_EQ(status.error_code(), grpc::FAILED_PRECONDITION);
  EXPECT_NE(status.error_message().find("received"), std::string::npos);
}

// A bad batch ends the stream with its reason; the batches before it,
// written while it was being read and checked, are all kept.
TEST_F(DepositTransferTest, BadBatchKeepsEveryBatchBeforeIt) {
  int64_t deposit =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  auto stub = Stub("archivist");
  v1::TransferSummary summary;
  grpc::ClientContext context;
  auto writer = stub->TransferRecords(&context, &summary);
  v1::TransferRecordsRequest start;
  start.mutable_start()->set_deposit_id(deposit);
  start.mutable_start()->set_transfer_id("source.csv");
  start.mutable_start()->set_source_sha256(kDigest);
  writer->Write(start);
  auto records = testing::MakeRecords(1, 3000, "2010-01-01");
  for (int first = 0; first < 3000; first += 1000) {
    v1::TransferRecordsRequest batch;
    for (int i = first; i < first + 1000; ++i) {
      *batch.mutable_batch()->add_records() = records[i];
    }
    writer->Write(batch);
  }
  v1::TransferRecordsRequest too_big;
  for (const auto& r : testing::MakeRecords(5001, 10001, "2010-01-01")) {
    *too_big.mutable_batch()->add_records() = r;
  }
  writer->Write(too_big);
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("at most 10000"), std::string::npos)
      << status.error_message();

  v1::GetTransferProgressRequest progress;
  progress.set_deposit_id(deposit);
  progress.set_transfer_id("source.csv");
  v1::TransferProgress where;
  grpc::ClientContext progress_context;
  ASSERT_TRUE(
      stub->GetTransferProgress(&progress_context, progress, &where).ok());
  EXPECT_EQ(where.next_position(), 3001);
  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1(testing::sql::kCountRecords.text)[0].as<int>(), 3000);
}

}  // namespace
}  // namespace depot
