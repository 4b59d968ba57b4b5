// A transfer's stream over real mTLS into a real PostgreSQL, as careless and
// hostile senders send it: records that break their rules, messages that
// cannot be read, several sources into one deposit.
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <vector>

#include "services/deposits/deposit_module.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

using testing::ChannelAs;

const std::string kDigest(64, 'd');

// Sends each of `messages` (serialized bytes, sent as they are) on one
// TransferRecords stream through the generic API, as a client whose
// messages no generated stub would serialize.
grpc::Status SendRawStream(const std::shared_ptr<grpc::Channel>& channel,
                           const std::vector<std::string>& messages) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue queue;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  void* tag = nullptr;
  bool ok = false;
  auto call = stub.PrepareCall(
      &context, "/depot.v1.DepositService/TransferRecords", &queue);
  call->StartCall(reinterpret_cast<void*>(1));
  queue.Next(&tag, &ok);
  for (const std::string& bytes : messages) {
    grpc::Slice slice(bytes);
    grpc::ByteBuffer buffer(&slice, 1);
    call->Write(buffer, reinterpret_cast<void*>(2));
    queue.Next(&tag, &ok);
    if (!ok) break;
  }
  call->WritesDone(reinterpret_cast<void*>(3));
  queue.Next(&tag, &ok);
  grpc::ByteBuffer response;
  call->Read(&response, reinterpret_cast<void*>(4));
  queue.Next(&tag, &ok);
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  queue.Next(&tag, &ok);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return status;
}

std::string BatchBytes(const std::vector<v1::RecordData>& records) {
  v1::TransferRecordsRequest message;
  for (const auto& r : records) *message.mutable_batch()->add_records() = r;
  return message.SerializeAsString();
}

class TransferStreamTest : public ::testing::Test {
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

// A NUL byte in source_record_id, box or shelf, or an incompressible id of
// 3,000 characters (over the btree's limit on the rejections' unique key),
// failed the whole batch with INTERNAL, and so did every resume. Each is
// rejected on its own now, with its field; the rest of the batch is stored.
TEST_F(TransferStreamTest, OneBadRecordNeverFailsItsBatch) {
  int64_t deposit =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  auto records = testing::MakeRecords(1, 10, "2010-01-01");
  records[2].set_source_record_id(std::string("src-3\0x", 7));
  records[4].set_box(std::string("box\0", 4));
  records[6].set_shelf(std::string("\0", 1));
  std::string long_id;
  for (int i = 0; i < 3000; ++i)
    long_id += static_cast<char>('!' + i * 37 % 90);
  records[8].set_source_record_id(long_id);
  for (int attempt = 0; attempt < 2; ++attempt) {
    v1::TransferSummary summary;
    grpc::Status status =
        testing::Transfer(As("archivist"), deposit, records, 10, &summary);
    ASSERT_TRUE(status.ok())
        << status.error_code() << " " << status.error_message();
    EXPECT_EQ(summary.received(), 10);
    if (attempt == 0) {
      EXPECT_EQ(summary.accepted(), 6);
      EXPECT_EQ(summary.rejected(), 4);
      ASSERT_EQ(summary.rejections_size(), 4);
      EXPECT_EQ(summary.rejections(0).field(), "source_record_id");
      EXPECT_EQ(summary.rejections(1).field(), "box");
      EXPECT_EQ(summary.rejections(2).field(), "shelf");
      EXPECT_EQ(summary.rejections(3).field(), "source_record_id");
      EXPECT_LE(summary.rejections(3).source_record_id().size(), 200u);
    } else {
      // Sending the batch again changes nothing.
      EXPECT_EQ(summary.duplicates(), 10);
    }
  }
  v1::ListRejectionsRequest list;
  list.set_deposit_id(deposit);
  v1::ListRejectionsResponse rejections;
  grpc::ClientContext context;
  ASSERT_TRUE(
      Stub("archivist")->ListRejections(&context, list, &rejections).ok());
  EXPECT_EQ(rejections.rejections_size(), 4);
  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1(testing::sql::kCountRecords.text)[0].as<int>(), 6);
}

// gRPC's sync reader takes a message it cannot parse for the end of the
// stream: invalid UTF-8 in batch 2 of 3 ended the transfer with OK and
// received=10, batches 2 and 3 silently dropped. The stream must fail and
// say which message, and the progress must say where to resume.
TEST_F(TransferStreamTest, AnUnreadableMessageEndsTheStreamNamingIt) {
  int64_t deposit =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  v1::TransferRecordsRequest start;
  start.mutable_start()->set_deposit_id(deposit);
  start.mutable_start()->set_transfer_id("source.csv");
  start.mutable_start()->set_source_sha256(kDigest);
  auto records = testing::MakeRecords(1, 30, "2010-01-01");
  records[14].set_person_name("Test Person <>");
  std::string second = BatchBytes({records.begin() + 10, records.begin() + 20});
  size_t at = second.find("<>");
  ASSERT_NE(at, std::string::npos);
  second.replace(at, 2, "\xff\xfe");  // the same length: still wire format
  std::vector<std::string> messages = {
      start.SerializeAsString(),
      BatchBytes({records.begin(), records.begin() + 10}), second,
      BatchBytes({records.begin() + 20, records.end()})};

  grpc::Status status = SendRawStream(As("archivist"), messages);
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find(
                "message 3 (batch 2) is not a valid TransferRecordsRequest: "
                "batch.records[4].person_name is not valid UTF-8"),
            std::string::npos)
      << status.error_message();

  // Bytes cut short are named too.
  std::string cut = messages[3].substr(0, messages[3].size() / 2);
  status = SendRawStream(As("archivist"), {messages[0], cut});
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("message 2 (batch 1) is not a valid"),
            std::string::npos)
      << status.error_message();

  v1::GetTransferProgressRequest progress;
  progress.set_deposit_id(deposit);
  progress.set_transfer_id("source.csv");
  v1::TransferProgress where;
  grpc::ClientContext context;
  ASSERT_TRUE(
      Stub("archivist")->GetTransferProgress(&context, progress, &where).ok());
  EXPECT_EQ(where.next_position(), 11);
  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1(testing::sql::kCountRecords.text)[0].as<int>(), 10);
}

// A second source into a deposit resumed where the first had ended: progress
// is per (deposit, transfer_id) now.
TEST_F(TransferStreamTest, ProgressIsPerTransfer) {
  int64_t deposit =
      testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  auto stub = Stub("archivist");
  auto send = [&](const std::string& id, const std::string& digest,
                  const std::vector<v1::RecordData>& records,
                  v1::TransferSummary* summary) {
    grpc::ClientContext context;
    auto writer = stub->TransferRecords(&context, summary);
    v1::TransferRecordsRequest start;
    start.mutable_start()->set_deposit_id(deposit);
    start.mutable_start()->set_transfer_id(id);
    start.mutable_start()->set_source_sha256(digest);
    writer->Write(start);
    v1::TransferRecordsRequest batch;
    for (const auto& r : records) *batch.mutable_batch()->add_records() = r;
    writer->Write(batch);
    writer->WritesDone();
    return writer->Finish();
  };
  auto progress = [&](const std::string& id) {
    v1::GetTransferProgressRequest request;
    request.set_deposit_id(deposit);
    request.set_transfer_id(id);
    v1::TransferProgress answer;
    grpc::ClientContext context;
    grpc::Status status = stub->GetTransferProgress(&context, request, &answer);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return answer;
  };
  v1::TransferSummary summary;
  ASSERT_TRUE(send("a.csv", std::string(64, 'a'),
                   testing::MakeRecords(1, 3, "2010-01-01"), &summary)
                  .ok());
  EXPECT_EQ(summary.transfer_id(), "a.csv");
  EXPECT_EQ(summary.next_position(), 4);

  v1::TransferProgress unknown = progress("b.csv");
  EXPECT_EQ(unknown.next_position(), 1);
  EXPECT_TRUE(unknown.source_sha256().empty());
  EXPECT_TRUE(unknown.started_at().empty());
  EXPECT_EQ(unknown.accepted_records(), 3);

  // Five other people, numbered from 1 in their own source.
  auto others = testing::MakeRecords(101, 5, "2010-01-01");
  for (int i = 0; i < 5; ++i) others[i].set_position(i + 1);
  ASSERT_TRUE(send("b.csv", std::string(64, 'b'), others, &summary).ok());
  EXPECT_EQ(summary.accepted(), 5);

  v1::TransferProgress of_a = progress("a.csv");
  EXPECT_EQ(of_a.next_position(), 4);
  EXPECT_EQ(of_a.source_sha256(), std::string(64, 'a'));
  EXPECT_EQ(of_a.received(), 3);
  EXPECT_FALSE(of_a.started_at().empty());
  v1::TransferProgress of_b = progress("b.csv");
  EXPECT_EQ(of_b.next_position(), 6);
  EXPECT_EQ(of_b.accepted(), 5);
  EXPECT_EQ(of_b.accepted_records(), 8);
  EXPECT_EQ(progress("").next_position(), 1);

  // The same name with another digest is another source: refused.
  grpc::Status changed =
      send("a.csv", std::string(64, 'c'),
           testing::MakeRecords(201, 1, "2010-01-01"), &summary);
  EXPECT_EQ(changed.error_code(), grpc::FAILED_PRECONDITION);
  EXPECT_NE(changed.error_message().find("new transfer_id"), std::string::npos)
      << changed.error_message();
  grpc::Status no_digest =
      send("c.csv", "", testing::MakeRecords(201, 1, "2010-01-01"), &summary);
  EXPECT_EQ(no_digest.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_EQ(progress("a.csv").received(), 3);
}

}  // namespace
}  // namespace depot
