// ExportNoark5 and the Noark metadata of records over real mTLS into a real
// PostgreSQL: who may export, only received deposits, the files streamed,
// and the audit trail of an export.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <fstream>
#include <pqxx/pqxx>

#include "services/deposits/deposit_module.h"
#include "services/noark/self_checks.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/records.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

namespace fs = std::filesystem;
using testing::ChannelAs;

constexpr char kMetadata[] =
    R"({"skjerming":[{"level":"mappe","skjermingMetadata":["tittel"],)"
    R"("skjermingshjemmel":"Offl. § 13","tilgangsrestriksjon":"UO"}]})";

fs::path XsdDir() {
  fs::path dir =
      fs::path(DEPOT_SOURCE_DIR) / ".." / "shared" / "noark5" / "xsd";
  return fs::exists(dir / "arkivstruktur.xsd") ? dir : fs::path();
}

class NoarkServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    deposit_ =
        testing::CreateDeposit(As("archivist"), testing::kOwnMunicipality,
                               v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
    auto records = testing::MakeRecords(1, 25, "2012-05-01");
    records[0].set_noark_metadata(kMetadata);
    v1::TransferSummary summary;
    ASSERT_TRUE(
        testing::Transfer(As("archivist"), deposit_, records, 10, &summary)
            .ok());
    ASSERT_EQ(summary.accepted(), 25);
  }
  std::shared_ptr<grpc::Channel> As(const std::string& name) {
    return ChannelAs(server_.port(), name);
  }
  void Close() {
    v1::CloseDepositRequest request;
    request.set_deposit_id(deposit_);
    v1::Deposit closed;
    grpc::ClientContext context;
    ASSERT_TRUE(v1::DepositService::NewStub(As("archivist"))
                    ->CloseDeposit(&context, request, &closed)
                    .ok());
  }
  // Exports as `name` into dir; the status and the files in order.
  grpc::Status Export(const std::string& name, const fs::path& dir,
                      std::vector<std::string>* files = nullptr) {
    grpc::ClientContext context;
    v1::ExportNoark5Request request;
    request.set_deposit_id(deposit_);
    auto reader =
        v1::DepositService::NewStub(As(name))->ExportNoark5(&context, request);
    v1::ExportChunk chunk;
    std::ofstream out;
    std::string current;
    while (reader->Read(&chunk)) {
      if (chunk.file_name() != current) {
        current = chunk.file_name();
        if (files) files->push_back(current);
        out.close();
        out.open(dir / current, std::ios::binary);
      }
      out << chunk.data();
    }
    return reader->Finish();
  }

  testing::TestDatabase db_;
  testing::InProcessServer server_{db_.dsn(), {deposits::MakeDepositModule}};
  int64_t deposit_ = 0;
};

TEST_F(NoarkServiceTest, NoarkMetadataComesBackWithTheRecord) {
  v1::SearchRecordsRequest request;
  request.set_deposit_id(deposit_);
  request.set_page_size(100);
  v1::SearchRecordsResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(v1::DepositService::NewStub(As("archivist"))
                  ->SearchRecords(&context, request, &response)
                  .ok());
  ASSERT_EQ(response.records_size(), 25);
  EXPECT_EQ(response.records(0).noark_metadata(), kMetadata);
  EXPECT_EQ(response.records(1).noark_metadata(), "");

  // Stored encrypted: the screening's legal basis is not in the table.
  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1(testing::sql::kCountRecordsWithNoark.text)[0].as<int>(),
            1);
  EXPECT_EQ(tx.exec1(testing::sql::kCountRecordsWithOfflInClearNoark.text)[0]
                .as<int>(),
            0);
}

TEST_F(NoarkServiceTest, OnlyAReceivedDepositIsExported) {
  testing::TempDir dir;
  grpc::Status open = Export("archivist", dir.path());
  EXPECT_EQ(open.error_code(), grpc::FAILED_PRECONDITION);
  EXPECT_NE(open.error_message().find("close it first"), std::string::npos);
}

TEST_F(NoarkServiceTest, OnlyArchivistsExport) {
  Close();
  testing::TempDir dir;
  for (const std::string& name : std::vector<std::string>{
           "desk", "dpo", "auditor", "service",
           std::string("municipality-") + testing::kOwnMunicipality}) {
    EXPECT_EQ(Export(name, dir.path()).error_code(), grpc::PERMISSION_DENIED)
        << name;
  }
}

TEST_F(NoarkServiceTest,
       AReceivedDepositStreamsAnExtractionThatPassesTheChecks) {
  Close();
  testing::TempDir dir;
  std::vector<std::string> files;
  grpc::Status status = Export("archivist", dir.path(), &files);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(files, (std::vector<std::string>{"arkivstruktur.xml",
                                             "arkivuttrekk.xml"}));
  auto results = noark::RunSelfChecks(dir.path(), XsdDir());
  for (const auto& r : results) {
    EXPECT_NE(r.outcome, noark::CheckOutcome::kFailed)
        << r.id << ": " << r.detail;
  }

  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  EXPECT_EQ(
      tx.exec1(testing::sql::kCountDepositExportEventsByArchivists.text)[0]
          .as<int>(),
      1);
  EXPECT_EQ(
      tx.exec1(testing::sql::kCountNoarkExportRecordReadsWithSubject.text)[0]
          .as<int>(),
      25);
}

}  // namespace
}  // namespace depot
