// PrivacyService on an in-process server with every other service: real
// mTLS (PrivacyService asks the others as `service`), real PostgreSQL.
// Two people with the same name and birth year: the extract of one has
// nothing of the other; and compiling an extract after an erasure.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "depot/v1/audit.grpc.pb.h"
#include "depot/v1/journal.grpc.pb.h"
#include "depot/v1/privacy.grpc.pb.h"
#include "depot/v1/readingroom.grpc.pb.h"
#include "services/audit/audit_module.h"
#include "services/deposits/deposit_module.h"
#include "services/journal/journal_module.h"
#include "services/privacy/privacy_module.h"
#include "services/readingroom/readingroom_module.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"

namespace depot {
namespace {

using testing::ChannelAs;

struct Person {
  std::string name;
  std::string birth_date;
  std::string national_id;
  int64_t visitor_id = 0;
};

class PrivacyServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    first_ = {"Kari Nordmann", "1980-05-17",
              testing::MakeFodselsnummer(17, 5, 1980, 0)};
    second_ = {"Kari Nordmann", "1980-09-02",
               testing::MakeFodselsnummer(2, 9, 1980, 0)};
    int64_t deposit = testing::CreateDeposit(
        ChannelAs(server_.port(), "archivist"), testing::kOwnMunicipality,
        v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
    auto records = testing::MakeRecords(1, 4, "2010-01-01");
    for (int i = 0; i < 4; ++i) {
      const Person& p = i % 2 == 0 ? first_ : second_;
      records[i].set_person_name(p.name);
      records[i].set_national_id(p.national_id);
      records[i].set_birth_date("");
    }
    v1::TransferSummary summary;
    grpc::Status status = testing::Transfer(
        ChannelAs(server_.port(), "archivist"), deposit, records, 4, &summary);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(summary.accepted(), 4);
    for (Person* p : {&first_, &second_}) {
      AddVisitor(p);
      AddJournalEntry(*p);
    }
  }

  void AddVisitor(Person* p) {
    auto room =
        v1::ReadingRoomService::NewStub(ChannelAs(server_.port(), "desk"));
    v1::RegisterVisitorRequest request;
    request.set_name(p->name);
    request.set_contact("+47 555 00 " + p->birth_date.substr(8));
    request.set_id_document_kind(v1::ID_DOCUMENT_KIND_PASSPORT);
    request.set_birth_date(p->birth_date);
    request.set_national_id(p->national_id);
    v1::Visitor visitor;
    grpc::ClientContext context;
    grpc::Status status = room->RegisterVisitor(&context, request, &visitor);
    ASSERT_TRUE(status.ok()) << status.error_message();
    p->visitor_id = visitor.visitor_id();
    v1::CheckInRequest check_in;
    check_in.set_visitor_id(p->visitor_id);
    v1::Visit visit;
    grpc::ClientContext c2;
    ASSERT_TRUE(room->CheckIn(&c2, check_in, &visit).ok());
    v1::CheckOutRequest check_out;
    check_out.set_visitor_id(p->visitor_id);
    grpc::ClientContext c3;
    ASSERT_TRUE(room->CheckOut(&c3, check_out, &visit).ok());
  }

  void AddJournalEntry(const Person& p) {
    auto journal =
        v1::JournalService::NewStub(ChannelAs(server_.port(), "archivist"));
    v1::CreateCaseRequest create;
    create.set_kind(v1::CASE_KIND_ORDINARY);
    create.set_title("Spørsmål om elevmappe");
    v1::JournalCase journal_case;
    grpc::ClientContext context;
    ASSERT_TRUE(journal->CreateCase(&context, create, &journal_case).ok());
    v1::RecordEntryRequest entry;
    entry.set_case_number(journal_case.case_number());
    entry.set_entry_type(v1::ENTRY_TYPE_INCOMING);
    entry.set_title("Brev om elevmappe");
    v1::Correspondent* c = entry.add_correspondents();
    c->set_name(p.name);
    c->set_kind(v1::CORRESPONDENT_KIND_SENDER);
    c->set_national_id(p.national_id);
    v1::JournalEntry recorded;
    grpc::ClientContext c2;
    grpc::Status status = journal->RecordEntry(&c2, entry, &recorded);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  std::unique_ptr<v1::PrivacyService::Stub> Privacy(
      const std::string& as = "dpo") {
    return v1::PrivacyService::NewStub(ChannelAs(server_.port(), as));
  }

  int64_t Open(const v1::OpenAccessRequestRequest& request) {
    v1::AccessRequest opened;
    grpc::ClientContext context;
    grpc::Status status =
        Privacy()->OpenAccessRequest(&context, request, &opened);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return opened.request_id();
  }

  int64_t OpenByNationalId(const Person& p) {
    v1::OpenAccessRequestRequest request;
    request.set_national_id(p.national_id);
    request.set_verified_by("id-document");
    return Open(request);
  }

  grpc::Status Compile(int64_t id, v1::AccessExtract* extract,
                       const std::string& as = "dpo") {
    v1::CompileAccessRequestRequest request;
    request.set_request_id(id);
    grpc::ClientContext context;
    return Privacy(as)->CompileAccessRequest(&context, request, extract);
  }

  static std::map<std::string, int> Count(const v1::AccessExtract& extract) {
    std::map<std::string, int> counts;
    for (const auto& item : extract.items()) {
      ++counts[item.service() + "/" + item.kind()];
    }
    return counts;
  }

  static void ExpectNothingOf(const Person& other,
                              const v1::AccessExtract& extract) {
    std::string all = extract.document_json() + extract.summary();
    for (const auto& item : extract.items()) all += item.data_json();
    EXPECT_EQ(all.find(other.national_id), std::string::npos);
    EXPECT_EQ(all.find(other.birth_date), std::string::npos);
    EXPECT_EQ(all.find("visitor/" + std::to_string(other.visitor_id) + "\""),
              std::string::npos);
  }

  testing::TestDatabase db_;
  testing::InProcessServer server_{
      db_.dsn(),
      {deposits::MakeDepositModule, readingroom::MakeReadingRoomModule,
       journal::MakeJournalModule, privacy::MakePrivacyModule,
       audit::MakeAuditModule}};
  Person first_, second_;
};

TEST_F(PrivacyServiceTest,
       ExtractHasEverythingOfThePersonAndNothingOfTheOther) {
  v1::AccessExtract extract;
  grpc::Status status = Compile(OpenByNationalId(first_), &extract);
  ASSERT_TRUE(status.ok()) << status.error_message();
  auto counts = Count(extract);
  EXPECT_EQ(counts["deposits/record"], 2) << extract.summary();
  EXPECT_GE(counts["readingroom/visitor"], 1) << extract.summary();
  EXPECT_GE(counts["readingroom/visit"], 1) << extract.summary();
  EXPECT_EQ(counts["privacy/access_request"], 1);
  // Who read or changed the person's data: the services' audit trails.
  EXPECT_GE(counts["readingroom/audit_event"], 1) << extract.summary();
  EXPECT_EQ(extract.request().status(), v1::ACCESS_REQUEST_STATUS_COMPILED);
  EXPECT_NE(extract.document_json().find(first_.national_id),
            std::string::npos);
  ExpectNothingOf(second_, extract);
  auto document = nlohmann::json::parse(extract.document_json());
  EXPECT_EQ(document["format"], "depot-access-extract/1");

  // The other way round, and identified by name + birth date.
  v1::OpenAccessRequestRequest by_name;
  by_name.set_name(second_.name);
  by_name.set_birth_date(second_.birth_date);
  by_name.set_verified_by("electronic-id");
  v1::AccessExtract other;
  status = Compile(Open(by_name), &other);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ExpectNothingOf(first_, other);
  EXPECT_GE(Count(other)["readingroom/visitor"], 1) << other.summary();
}

// JournalService matches correspondents by identity: the extract holds the
// entry where the person is a correspondent, and not the other person's.
TEST_F(PrivacyServiceTest, JournalEntriesOfThePersonAreInTheExtract) {
  v1::AccessExtract extract;
  grpc::Status status = Compile(OpenByNationalId(first_), &extract);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(Count(extract)["journal/journal_entry"], 1) << extract.summary();
  ExpectNothingOf(second_, extract);
}

TEST_F(PrivacyServiceTest, AfterErasureACompileFindsNothingErasableLeft) {
  int64_t id = OpenByNationalId(first_);
  v1::EraseSubjectRequest erase;
  erase.set_national_id(first_.national_id);
  erase.set_reason("erasure request received by letter");
  v1::EraseSubjectResponse erased;
  grpc::ClientContext context;
  grpc::Status status = Privacy()->EraseSubject(&context, erase, &erased);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_GT(erased.erased_count(), 0);
  bool refused_record = false;
  for (const auto& o : erased.outcomes()) {
    EXPECT_FALSE(o.legal_reason().empty()) << o.service() << " " << o.id();
    if (o.service() == "deposits" && o.kind() == "record" && !o.erased()) {
      refused_record = true;
    }
  }
  EXPECT_TRUE(refused_record);

  v1::AccessExtract extract;
  status = Compile(id, &extract);
  ASSERT_TRUE(status.ok()) << status.error_message();
  auto counts = Count(extract);
  EXPECT_EQ(counts["readingroom/visitor"], 0) << extract.summary();
  EXPECT_EQ(counts["readingroom/visit"], 0) << extract.summary();
  EXPECT_EQ(counts["deposits/record"], 2);  // kept under archive law
  EXPECT_EQ(counts["privacy/erasure"], 1);
  // The second person is untouched.
  v1::AccessExtract other;
  ASSERT_TRUE(Compile(OpenByNationalId(second_), &other).ok());
  EXPECT_GE(Count(other)["readingroom/visitor"], 1);

  // Erasure removed rows, never audit events: every log still verifies.
  auto audit = v1::AuditService::NewStub(ChannelAs(server_.port(), "auditor"));
  for (const char* log : {"deposits", "readingroom", "journal", "privacy"}) {
    v1::GetTreeHeadRequest head_request;  // seals what is pending
    head_request.set_log(log);
    v1::TreeHead head;
    grpc::ClientContext head_context;
    ASSERT_TRUE(audit->GetTreeHead(&head_context, head_request, &head).ok());
    v1::VerifyAuditRequest verify;
    verify.set_log(log);
    v1::AuditVerification verification;
    grpc::ClientContext audit_context;
    status = audit->VerifyAudit(&audit_context, verify, &verification);
    ASSERT_TRUE(status.ok()) << log << ": " << status.error_message();
    EXPECT_TRUE(verification.present()) << log;
    EXPECT_TRUE(verification.ok())
        << log << ": " << verification.first_bad().detail();
    EXPECT_GT(verification.events_checked(), 0) << log;
  }
}

TEST_F(PrivacyServiceTest, OnlyTheDpoHandlesRequestsAndRetentionRuns) {
  int64_t id = OpenByNationalId(first_);
  v1::AccessExtract extract;
  EXPECT_EQ(Compile(id, &extract, "desk").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Compile(id, &extract, "archivist").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Compile(999, &extract).error_code(), grpc::StatusCode::NOT_FOUND);

  v1::ListAccessRequestsRequest list;
  list.set_due_within_days(40);
  v1::ListAccessRequestsResponse listed;
  grpc::ClientContext c1;
  ASSERT_TRUE(Privacy("auditor")->ListAccessRequests(&c1, list, &listed).ok());
  ASSERT_EQ(listed.requests_size(), 1);
  EXPECT_TRUE(listed.requests(0).national_id().empty());

  v1::RetentionRequest retention;
  retention.set_dry_run(true);
  v1::RetentionReport report;
  grpc::ClientContext c2;
  grpc::Status status = Privacy()->RunRetention(&c2, retention, &report);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(report.dry_run());
  ASSERT_GE(report.counts_size(), 2);
  EXPECT_EQ(report.counts(0).kind(), "closed_access_requests");
  EXPECT_EQ(report.counts(1).service(), "readingroom");
}

TEST_F(PrivacyServiceTest, OverdueBreachIsListed) {
  v1::RegisterBreachRequest request;
  request.set_became_aware_at("2020-01-01T10:00:00Z");
  request.set_nature("unencrypted visitor list sent by e-mail");
  request.add_data_categories("names");
  request.add_people_categories("visitors");
  request.set_approximate_people(12);
  v1::Breach breach;
  grpc::ClientContext c1;
  ASSERT_TRUE(Privacy("archivist")->RegisterBreach(&c1, request, &breach).ok());
  EXPECT_EQ(breach.deadline_at(), "2020-01-04T10:00:00Z");
  EXPECT_TRUE(breach.overdue());
  v1::ListBreachesRequest list;
  list.set_overdue_only(true);
  v1::ListBreachesResponse listed;
  grpc::ClientContext c2;
  ASSERT_TRUE(Privacy("auditor")->ListBreaches(&c2, list, &listed).ok());
  ASSERT_EQ(listed.breaches_size(), 1);
  v1::NotifyBreachRequest notify;
  notify.set_breach_id(breach.breach_id());
  grpc::ClientContext c3;
  EXPECT_EQ(Privacy()->NotifyBreach(&c3, notify, &breach).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

}  // namespace
}  // namespace depot
