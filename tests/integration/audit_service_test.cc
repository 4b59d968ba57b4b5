// AuditService over real mutual TLS on an in-process server (with its
// sealer thread running): heads, verification, export, roles.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "depot/v1/audit.grpc.pb.h"
#include "services/audit/audit_module.h"
#include "services/audit/domain/canonical.h"
#include "services/audit/domain/chain_verifier.h"
#include "storage/audit_writer.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

class AuditServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 25; ++i) {
      server_.pool().Transact([&](pqxx::work& tx) {
        storage::AppendAuditEvent(tx, "deposits",
                                  {"anna", "archivist", "record.search",
                                   "deposit/" + std::to_string(i), "", ""});
      });
    }
  }
  std::unique_ptr<v1::AuditService::Stub> Stub(const std::string& as) {
    return v1::AuditService::NewStub(testing::ChannelAs(server_.port(), as));
  }
  testing::TestDatabase db_;
  testing::InProcessServer server_{db_.dsn(), {audit::MakeAuditModule}};
};

TEST_F(AuditServiceTest, HeadIsSignedWithThePublishedKey) {
  grpc::ClientContext context;
  v1::GetTreeHeadRequest request;
  request.set_log("deposits");
  v1::TreeHead head;
  ASSERT_TRUE(Stub("auditor")->GetTreeHead(&context, request, &head).ok());
  EXPECT_TRUE(head.present());
  EXPECT_EQ(head.size(), 25);
  EXPECT_EQ(head.pending(), 0);
  EXPECT_EQ(head.root().size(), 64u);

  grpc::ClientContext key_context;
  v1::AuditPublicKey key;
  ASSERT_TRUE(Stub("desk")
                  ->GetAuditPublicKey(&key_context,
                                      v1::GetAuditPublicKeyRequest(), &key)
                  .ok());
  audit::HeadVerifier verifier(key.public_key_pem());
  EXPECT_EQ(head.key_id(), verifier.key_id());
  audit::SignedHead signed_head{head.size(), *audit::FromHex(head.root()),
                                head.signed_at_us(),
                                *audit::FromHex(head.signature())};
  EXPECT_TRUE(verifier.Verify(audit::HeadBytes("deposits", signed_head),
                              signed_head.signature));
}

TEST_F(AuditServiceTest, VerifyNamesTheFirstBadEvent) {
  auto stub = Stub("dpo");
  {
    grpc::ClientContext context;
    v1::GetTreeHeadRequest request;
    request.set_log("deposits");
    v1::TreeHead head;
    ASSERT_TRUE(stub->GetTreeHead(&context, request, &head).ok());
  }
  v1::VerifyAuditRequest request;
  request.set_log("deposits");
  v1::AuditVerification result;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub->VerifyAudit(&context, request, &result).ok());
  }
  EXPECT_TRUE(result.ok()) << result.first_bad().detail();
  EXPECT_EQ(result.events_checked(), 25);
  EXPECT_GE(result.heads_checked(), 1);

  testing::RunSql(db_.dsn(), testing::sql::kChangeDepositsAuditEventActor, 12);
  grpc::ClientContext context;
  ASSERT_TRUE(stub->VerifyAudit(&context, request, &result).ok());
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.first_bad().seq(), 12);
  EXPECT_EQ(result.first_bad().what(), "changed");
  EXPECT_EQ(result.events_checked(), 11);
}

TEST_F(AuditServiceTest, ExportStreamsAVerifiableChain) {
  {
    grpc::ClientContext context;
    v1::GetTreeHeadRequest request;
    request.set_log("deposits");
    v1::TreeHead head;
    ASSERT_TRUE(Stub("auditor")->GetTreeHead(&context, request, &head).ok());
  }
  grpc::ClientContext context;
  v1::ExportAuditRequest request;
  request.set_log("deposits");
  auto reader = Stub("auditor")->ExportAudit(&context, request);
  std::vector<audit::SealedEvent> events;
  std::vector<audit::SignedHead> heads;
  std::string pem;
  v1::AuditExportChunk chunk;
  while (reader->Read(&chunk)) {
    if (!chunk.public_key_pem().empty()) pem = chunk.public_key_pem();
    for (const auto& e : chunk.events()) {
      events.push_back({e.seq(), e.id(), e.occurred_at_us(), e.actor(),
                        e.actor_role(), e.action(), e.object(), e.subject(),
                        e.detail(), *audit::FromHex(e.chain_hash())});
    }
    for (const auto& h : chunk.heads()) {
      heads.push_back({h.size(), *audit::FromHex(h.root()), h.signed_at_us(),
                       *audit::FromHex(h.signature())});
    }
  }
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_GE(events.size(), 25u);
  ASSERT_FALSE(heads.empty());
  audit::HeadVerifier verifier(pem);
  auto source = [&](const std::function<bool(const audit::SealedEvent&)>& v) {
    for (const auto& e : events) {
      if (!v(e)) return;
    }
  };
  EXPECT_TRUE(audit::VerifyChain("deposits", source, heads, verifier).ok());
}

TEST_F(AuditServiceTest, RolesAndBadInput) {
  grpc::ClientContext c1;
  v1::ExportAuditRequest export_request;
  export_request.set_log("deposits");
  auto reader = Stub("archivist")->ExportAudit(&c1, export_request);
  v1::AuditExportChunk chunk;
  while (reader->Read(&chunk)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::PERMISSION_DENIED);

  grpc::ClientContext c2;
  v1::VerifyAuditRequest verify;
  verify.set_log("deposits");
  v1::AuditVerification result;
  EXPECT_EQ(Stub("desk")->VerifyAudit(&c2, verify, &result).error_code(),
            grpc::PERMISSION_DENIED);

  grpc::ClientContext c3;
  verify.set_log("payroll");
  auto status = Stub("auditor")->VerifyAudit(&c3, verify, &result);
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("log must be one of"),
            std::string::npos);
}

TEST_F(AuditServiceTest, MissingLogIsAbsent) {
  testing::RunSql(db_.dsn(), testing::sql::kDropSchemaJournal);
  grpc::ClientContext context;
  v1::VerifyAuditRequest request;
  request.set_log("journal");
  v1::AuditVerification result;
  ASSERT_TRUE(Stub("auditor")->VerifyAudit(&context, request, &result).ok());
  EXPECT_FALSE(result.present());
  EXPECT_FALSE(result.ok());
}

}  // namespace
}  // namespace depot
