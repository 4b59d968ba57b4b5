#pragma once

// JournalService on an in-process gRPC server: real mTLS, real PostgreSQL.
// The fixture of journal_service*_test.cc: cases and entries recorded, and
// every public output read, over gRPC as clients do.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "depot/v1/journal.grpc.pb.h"
#include "services/journal/journal_module.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot {

class JournalServiceTest : public ::testing::Test {
 protected:
  std::unique_ptr<v1::JournalService::Stub> Stub(const std::string& as) {
    return v1::JournalService::NewStub(testing::ChannelAs(server_.port(), as));
  }

  v1::JournalCase CreateCase(v1::CaseKind kind, const std::string& title) {
    v1::CreateCaseRequest request;
    request.set_kind(kind);
    request.set_title(title);
    v1::JournalCase response;
    grpc::ClientContext context;
    grpc::Status status =
        Stub("archivist")->CreateCase(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  grpc::Status Record(const v1::RecordEntryRequest& request,
                      v1::JournalEntry* response,
                      const std::string& as = "archivist") {
    grpc::ClientContext context;
    return Stub(as)->RecordEntry(&context, request, response);
  }

  static v1::RecordEntryRequest Entry(const std::string& case_number,
                                      const std::string& title,
                                      const std::string& sender) {
    v1::RecordEntryRequest request;
    request.set_case_number(case_number);
    request.set_entry_type(v1::ENTRY_TYPE_INCOMING);
    request.set_title(title);
    v1::Correspondent* c = request.add_correspondents();
    c->set_name(sender);
    c->set_kind(v1::CORRESPONDENT_KIND_SENDER);
    return request;
  }

  std::vector<v1::PublicJournalEntry> PublicJournal(
      const std::string& as, grpc::Status* status_out = nullptr) {
    v1::PublicJournalRequest request;
    request.set_from_date("2000-01-01");
    request.set_to_date("2099-12-31");
    grpc::ClientContext context;
    auto reader = Stub(as)->PublicJournal(&context, request);
    std::vector<v1::PublicJournalEntry> entries;
    v1::PublicJournalEntry entry;
    while (reader->Read(&entry)) entries.push_back(entry);
    grpc::Status status = reader->Finish();
    if (status_out) *status_out = status;
    EXPECT_TRUE(status_out || status.ok()) << status.error_message();
    return entries;
  }

  std::string Export(const std::string& as, bool internal,
                     grpc::Status* status_out = nullptr) {
    v1::ExportJournalRequest request;
    request.set_from_date("2000-01-01");
    request.set_to_date("2099-12-31");
    grpc::ClientContext context;
    auto stub = Stub(as);
    auto reader = internal ? stub->ExportLoependeJournal(&context, request)
                           : stub->ExportOffentligJournal(&context, request);
    std::string xml;
    v1::XmlChunk chunk;
    while (reader->Read(&chunk)) xml += chunk.data();
    grpc::Status status = reader->Finish();
    if (status_out) *status_out = status;
    EXPECT_TRUE(status_out || status.ok()) << status.error_message();
    return xml;
  }

  v1::ApplicantListResponse Applicants(const std::string& case_number) {
    v1::ApplicantListRequest request;
    request.set_case_number(case_number);
    v1::ApplicantListResponse response;
    grpc::ClientContext context;
    grpc::Status status =
        Stub("desk")->ApplicantList(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  grpc::Status ScreenWords(const v1::ScreenWordsRequest& request,
                           v1::JournalEntry* response, const std::string& as) {
    grpc::ClientContext context;
    return Stub(as)->ScreenWords(&context, request, response);
  }

  std::vector<v1::PreviewEntry> Preview(const std::string& as,
                                        grpc::Status* status) {
    v1::PublicJournalRequest request;
    request.set_from_date("2000-01-01");
    request.set_to_date("2099-12-31");
    grpc::ClientContext context;
    auto reader = Stub(as)->PreviewPublicJournal(&context, request);
    std::vector<v1::PreviewEntry> entries;
    for (v1::PreviewEntry e; reader->Read(&e);) entries.push_back(e);
    *status = reader->Finish();
    return entries;
  }

  // Events of the journal's audit log with this action.
  int AuditedCount(const std::string& action) {
    int count = 0;
    server_.pool().Transact([&](pqxx::work& tx) {
      count =
          tx.exec_params1(testing::sql::kCountJournalAuditEventsOfAction.text,
                          action)[0]
              .as<int>();
    });
    return count;
  }

  testing::TestDatabase db_;
  testing::InProcessServer server_{db_.dsn(), {journal::MakeJournalModule}};
};

}  // namespace depot
