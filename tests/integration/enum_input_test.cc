// Enum numbers a type does not define are refused with INVALID_ARGUMENT
// listing the values, never mapped to a value silently; nothing is stored.
#include "tests/integration/depot_fixture.h"

namespace depot {
namespace {

class EnumInputTest : public testing::DepotFixture {
 protected:
  std::string OpenCase() {
    v1::CreateCaseRequest request;
    request.set_kind(v1::CASE_KIND_ORDINARY);
    request.set_title("Byggesak");
    v1::JournalCase created;
    grpc::ClientContext context;
    grpc::Status status = Journal()->CreateCase(&context, request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return created.case_number();
  }

  v1::RecordEntryRequest Entry(const std::string& case_number) {
    v1::RecordEntryRequest request;
    request.set_case_number(case_number);
    request.set_entry_type(v1::ENTRY_TYPE_INCOMING);
    request.set_title("Brev");
    v1::Correspondent* sender = request.add_correspondents();
    sender->set_name("Firma AS");
    sender->set_kind(v1::CORRESPONDENT_KIND_SENDER);
    return request;
  }

  grpc::Status Record(const v1::RecordEntryRequest& request) {
    v1::JournalEntry entry;
    grpc::ClientContext context;
    return Journal()->RecordEntry(&context, request, &entry);
  }

  int EntriesOfCase(const std::string& case_number) {
    v1::GetCaseRequest request;
    request.set_case_number(case_number);
    v1::JournalCase found;
    grpc::ClientContext context;
    EXPECT_TRUE(Journal()->GetCase(&context, request, &found).ok());
    return found.entry_count();
  }
};

void ExpectRefusalNaming(const grpc::Status& status, const std::string& field,
                         const std::string& a_value) {
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT)
      << status.error_message();
  EXPECT_NE(status.error_message().find(field), std::string::npos)
      << status.error_message();
  EXPECT_NE(status.error_message().find(a_value), std::string::npos)
      << status.error_message();
}

TEST_F(EnumInputTest, AnUnknownEntryStatusIsNotJournalfoert) {
  std::string case_number = OpenCase();
  v1::RecordEntryRequest request = Entry(case_number);
  request.set_status(static_cast<v1::EntryStatus>(99));
  ExpectRefusalNaming(Record(request), "status", "ENTRY_STATUS_JOURNALFOERT");
  EXPECT_EQ(EntriesOfCase(case_number), 0);
}

TEST_F(EnumInputTest, AnUnknownDocumentRoleIsNotOther) {
  std::string case_number = OpenCase();
  v1::RecordEntryRequest request = Entry(case_number);
  v1::Document* document = request.add_documents();
  document->set_description("Søknad");
  document->set_content("brev");
  document->set_role(static_cast<v1::DocumentRole>(99));
  ExpectRefusalNaming(Record(request), "documents[0].role",
                      "DOCUMENT_ROLE_APPLICATION");
  EXPECT_EQ(EntriesOfCase(case_number), 0);
}

TEST_F(EnumInputTest, AnUnknownDepositorKindIsRefused) {
  v1::RegisterDepositorRequest request;
  request.set_organization_number(testing::kOwnMunicipality);
  request.set_name("Bergen kommune");
  request.set_kind(static_cast<v1::DepositorKind>(-1));
  v1::Depositor depositor;
  grpc::ClientContext context;
  ExpectRefusalNaming(
      Deposits()->RegisterDepositor(&context, request, &depositor), "kind",
      "DEPOSITOR_KIND_MUNICIPALITY");
}

TEST_F(EnumInputTest, AnUnspecifiedCloseOutcomeNamesTheOutcomes) {
  v1::OpenAccessRequestRequest open;
  open.set_name("Kari Nordmann");
  open.set_birth_date("1970-01-01");
  open.set_verified_by("id-document");
  v1::AccessRequest opened;
  grpc::ClientContext open_context;
  ASSERT_TRUE(Privacy()->OpenAccessRequest(&open_context, open, &opened).ok());
  v1::CloseAccessRequestRequest close;
  close.set_request_id(opened.request_id());
  close.set_reason("withdrawn by phone");
  v1::AccessRequest closed;
  grpc::ClientContext close_context;
  ExpectRefusalNaming(
      Privacy()->CloseAccessRequest(&close_context, close, &closed), "outcome",
      "CLOSE_OUTCOME_WITHDRAWN");
}

}  // namespace
}  // namespace depot
