// Server streams cannot starve other callers: a client that opens a stream
// and never reads holds no database connection, is limited in how many it
// may open, and is ended by the server after the stall timeout. Over real
// mTLS on an in-process server with a small pool.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <thread>

#include "depot/v1/audit.grpc.pb.h"
#include "depot/v1/deposit.grpc.pb.h"
#include "services/common/rpc_gate.h"
#include "services/depotd/depotd_modules.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

constexpr int kPoolSize = 2;
// Enough audit events that an export far outgrows what HTTP/2 flow control
// lets the server send to a client that reads nothing (megabytes).
constexpr int kEvents = 20000;

// An ExportAudit stream opened and then left unread after its first chunk.
struct StalledExport {
  grpc::ClientContext context;
  std::unique_ptr<grpc::ClientReader<v1::AuditExportChunk>> reader;
  v1::AuditExportChunk first;
  bool started = false;
};

class StreamLimitsTest : public ::testing::Test {
 protected:
  void Start(int per_caller, int stall_ms) {
    {
      pqxx::connection connection(db_.dsn());
      pqxx::work tx(connection);
      tx.exec_params(testing::sql::kInsertDepositsAuditEventsOf200Bytes.text,
                     kEvents);
      tx.commit();
    }
    server_ = std::make_unique<testing::InProcessServer>(
        db_.dsn(), DepotdModules(), [&](ServerConfig& config) {
          config.database_pool_size = kPoolSize;
          config.streams_per_caller = per_caller;
          config.stream_stall_timeout_ms = stall_ms;
        });
    // Sealed before the streams start, so that each one is long.
    grpc::ClientContext context;
    v1::GetTreeHeadRequest request;
    request.set_log("deposits");
    v1::TreeHead head;
    ASSERT_TRUE(
        AuditStub("auditor")->GetTreeHead(&context, request, &head).ok());
    ASSERT_EQ(head.size(), kEvents);
  }

  std::unique_ptr<v1::AuditService::Stub> AuditStub(const std::string& as) {
    return v1::AuditService::NewStub(testing::ChannelAs(server_->port(), as));
  }

  // Opens an export and reads its first chunk only.
  std::unique_ptr<StalledExport> Stall(const std::string& as) {
    auto stream = std::make_unique<StalledExport>();
    v1::ExportAuditRequest request;
    request.set_log("deposits");
    stream->context.set_deadline(std::chrono::system_clock::now() +
                                 std::chrono::minutes(5));
    stream->reader = AuditStub(as)->ExportAudit(&stream->context, request);
    stream->started = stream->reader->Read(&stream->first);
    return stream;
  }

  grpc::Status ListDepositors(const std::string& as) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(60));
    v1::ListDepositorsResponse response;
    return v1::DepositService::NewStub(testing::ChannelAs(server_->port(), as))
        ->ListDepositors(&context, v1::ListDepositorsRequest(), &response);
  }

  // Waits (at most a minute, so that a failure does not hang the run)
  // until no call is inside a handler.
  static bool WaitUntilNoCallRuns() {
    for (int i = 0; i < 600; ++i) {
      if (CallsInFlight() == 0) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

  void TearDown() override {
    for (auto& stream : stalled_) {
      stream->context.TryCancel();
      v1::AuditExportChunk chunk;
      while (stream->reader->Read(&chunk)) {
      }
      stream->reader->Finish();
    }
    stalled_.clear();
    server_.reset();
  }

  testing::TestDatabase db_;
  std::unique_ptr<testing::InProcessServer> server_;
  std::vector<std::unique_ptr<StalledExport>> stalled_;
};

TEST_F(StreamLimitsTest, StalledReadersDoNotLockOtherCallersOut) {
  Start(/*per_caller=*/8, /*stall_ms=*/600'000);
  for (int i = 0; i < 2 * kPoolSize; ++i) {
    stalled_.push_back(Stall(i % 2 == 0 ? "auditor" : "dpo"));
    EXPECT_TRUE(stalled_.back()->started) << "stream " << i;
  }
  for (int i = 0; i < 3; ++i) {
    grpc::Status status = ListDepositors("archivist");
    EXPECT_TRUE(status.ok())
        << status.error_code() << " " << status.error_message();
  }
  grpc::ClientContext context;
  v1::VerifyAuditRequest request;
  request.set_log("readingroom");
  v1::AuditVerification verification;
  grpc::Status status =
      AuditStub("auditor")->VerifyAudit(&context, request, &verification);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(StreamLimitsTest, OneCallerGetsAtMostItsStreams) {
  Start(/*per_caller=*/2, /*stall_ms=*/600'000);
  stalled_.push_back(Stall("auditor"));
  stalled_.push_back(Stall("auditor"));
  ASSERT_TRUE(stalled_[0]->started && stalled_[1]->started);

  auto third = Stall("auditor");
  EXPECT_FALSE(third->started);
  grpc::Status refused = third->reader->Finish();
  EXPECT_EQ(refused.error_code(), grpc::RESOURCE_EXHAUSTED)
      << refused.error_message();
  EXPECT_NE(refused.error_message().find("streams_per_caller"),
            std::string::npos)
      << refused.error_message();

  stalled_.push_back(Stall("dpo"));  // another caller is not limited by it
  EXPECT_TRUE(stalled_.back()->started);
}

TEST_F(StreamLimitsTest, TheServerEndsAStreamWhoseClientReadsNothing) {
  Start(/*per_caller=*/4, /*stall_ms=*/300);
  auto stream = Stall("auditor");
  ASSERT_TRUE(stream->started);
  ASSERT_TRUE(WaitUntilNoCallRuns())
      << "the stalled export is still running on the server";
  int events = 0;
  v1::AuditExportChunk chunk;
  while (stream->reader->Read(&chunk)) events += chunk.events_size();
  grpc::Status status = stream->reader->Finish();
  EXPECT_FALSE(status.ok());
  EXPECT_LT(events, kEvents);
}

}  // namespace
}  // namespace depot
