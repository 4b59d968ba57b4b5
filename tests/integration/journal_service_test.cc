// JournalService over gRPC: journaling, failures and roles, screened
// content for archivists only, correspondents' identities (the fixture:
// journal_service_fixture.h).
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "tests/integration/journal_service_fixture.h"
#include "tests/support/records.h"

namespace depot {
namespace {

TEST_F(JournalServiceTest, JournalsAnApplicationAndShowsItScreened) {
  v1::JournalCase job =
      CreateCase(v1::CASE_KIND_JOB_APPLICATION, "Stilling som arkivar");
  EXPECT_EQ(job.case_number().substr(4), "/1");
  v1::RecordEntryRequest request =
      Entry(job.case_number(), "Søknad fra Kari Nordmann", "Kari Nordmann");
  v1::Document* document = request.add_documents();
  document->set_description("Søknad Kari Nordmann.pdf");
  document->set_content("%PDF-1.7 application");
  document->set_role(v1::DOCUMENT_ROLE_APPLICATION);
  v1::JournalEntry recorded;
  ASSERT_TRUE(Record(request, &recorded).ok());
  EXPECT_EQ(recorded.registry_id(), job.case_number() + "-1");
  EXPECT_EQ(recorded.public_title(), "Søknad fra ******");
  ASSERT_EQ(recorded.correspondents_size(), 1);
  EXPECT_EQ(recorded.correspondents(0).role(), v1::PARTY_ROLE_APPLICANT);
  EXPECT_TRUE(recorded.correspondents(0).name_screened());
  EXPECT_EQ(recorded.correspondents(0).effective_screening().authority(),
            "offentleglova § 25");
  EXPECT_EQ(recorded.documents(0).sha256().size(), 64u);

  v1::GetEntryRequest get;
  get.set_journal_number(recorded.journal_number());
  get.set_include_content(true);
  v1::JournalEntry found;
  grpc::ClientContext get_context;
  ASSERT_TRUE(Stub("archivist")->GetEntry(&get_context, get, &found).ok());
  EXPECT_EQ(found.documents(0).content(), "%PDF-1.7 application");
  EXPECT_EQ(found.correspondents(0).name(), "Kari Nordmann");

  auto entries = PublicJournal("desk");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].correspondents(0).name(), "******");
  EXPECT_EQ(entries[0].documents(0).description(), "Søknad ******.pdf");
  EXPECT_EQ(entries[0].screening_authority(), "offentleglova § 25");

  v1::ReleaseNameRequest release;
  release.set_case_number(job.case_number());
  release.set_name("KARI NORDMANN");
  release.set_reason("did not ask to be screened");
  v1::ReleaseNameResponse released;
  grpc::ClientContext release_context;
  ASSERT_TRUE(Stub("archivist")
                  ->ReleaseName(&release_context, release, &released)
                  .ok());
  EXPECT_EQ(released.correspondents_released(), 1);
  EXPECT_EQ(PublicJournal("auditor")[0].correspondents(0).name(),
            "Kari Nordmann");
  auto list = Applicants(job.case_number());
  EXPECT_EQ(list.applicant_count(), 1);
  ASSERT_EQ(list.public_names_size(), 1);
  EXPECT_EQ(list.public_names(0), "Kari Nordmann");
}

TEST_F(JournalServiceTest, EachFailureHasItsCode) {
  v1::JournalCase c = CreateCase(v1::CASE_KIND_ORDINARY, "Byggesak");
  v1::JournalEntry response;
  v1::RecordEntryRequest no_type = Entry(c.case_number(), "Brev", "Firma AS");
  no_type.set_entry_type(v1::ENTRY_TYPE_UNSPECIFIED);
  grpc::Status status = Record(no_type, &response);
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("entry_type"), std::string::npos);

  v1::RecordEntryRequest bad_number = Entry("2026-1", "Brev", "Firma AS");
  EXPECT_EQ(Record(bad_number, &response).error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_EQ(
      Record(Entry("2026/999", "Brev", "Firma AS"), &response).error_code(),
      grpc::NOT_FOUND);
  v1::RecordEntryRequest applicant = Entry(c.case_number(), "Brev", "Firma");
  applicant.mutable_correspondents(0)->set_role(v1::PARTY_ROLE_APPLICANT);
  status = Record(applicant, &response);
  EXPECT_EQ(status.error_code(), grpc::FAILED_PRECONDITION);
  EXPECT_NE(status.error_message().find("not a job-application case"),
            std::string::npos);
  // Error messages never repeat names.
  EXPECT_EQ(status.error_message().find("Firma"), std::string::npos);

  v1::ExportJournalRequest empty;
  empty.set_from_date("2001-01-01");
  empty.set_to_date("2001-12-31");
  grpc::ClientContext context;
  auto reader = Stub("desk")->ExportOffentligJournal(&context, empty);
  v1::XmlChunk chunk;
  EXPECT_FALSE(reader->Read(&chunk));
  EXPECT_EQ(reader->Finish().error_code(), grpc::FAILED_PRECONDITION);

  v1::RunDisposalRequest no_decision;
  v1::DisposalReport report;
  grpc::ClientContext dispose_context;
  EXPECT_EQ(Stub("archivist")
                ->RunDisposal(&dispose_context, no_decision, &report)
                .error_code(),
            grpc::INVALID_ARGUMENT);
}

TEST_F(JournalServiceTest, RolesSeeWhatTheTableAllows) {
  v1::JournalCase c = CreateCase(v1::CASE_KIND_ORDINARY, "Sak");
  v1::JournalEntry response;
  ASSERT_TRUE(
      Record(Entry(c.case_number(), "Brev", "Firma AS"), &response).ok());
  EXPECT_EQ(
      Record(Entry(c.case_number(), "Brev", "Firma AS"), &response, "desk")
          .error_code(),
      grpc::PERMISSION_DENIED);
  grpc::Status status;
  EXPECT_EQ(PublicJournal("desk").size(), 1u);
  EXPECT_EQ(PublicJournal("service").size(), 1u);
  PublicJournal(std::string("municipality-") + testing::kOwnMunicipality,
                &status);
  EXPECT_EQ(status.error_code(), grpc::PERMISSION_DENIED);
  Export("desk", true, &status);
  EXPECT_EQ(status.error_code(), grpc::PERMISSION_DENIED);
  EXPECT_FALSE(Export("archivist", true).empty());
  EXPECT_FALSE(Export("desk", false).empty());
}

// The unscreened journal is for archivists (DOMAIN.md section 3): the data
// protection officer and the auditor read the public view, never an
// applicant's name or letter through GetEntry or GetCase.
TEST_F(JournalServiceTest, OnlyArchivistsReadScreenedContent) {
  v1::JournalCase job =
      CreateCase(v1::CASE_KIND_JOB_APPLICATION, "Personalmappe Kari Nordmann");
  v1::RecordEntryRequest request =
      Entry(job.case_number(), "Søknad fra Kari Nordmann", "Kari Nordmann");
  v1::Document* document = request.add_documents();
  document->set_description("Søknad Kari Nordmann.pdf");
  document->set_content("application letter of Kari Nordmann");
  document->set_role(v1::DOCUMENT_ROLE_APPLICATION);
  v1::JournalEntry recorded;
  ASSERT_TRUE(Record(request, &recorded).ok());

  for (const std::string as : {"dpo", "auditor", "desk"}) {
    v1::GetEntryRequest get;
    get.set_journal_number(recorded.journal_number());
    get.set_include_content(true);
    v1::JournalEntry entry;
    grpc::ClientContext entry_context;
    grpc::Status status = Stub(as)->GetEntry(&entry_context, get, &entry);
    EXPECT_EQ(status.error_code(), grpc::PERMISSION_DENIED) << as;
    EXPECT_EQ(entry.ByteSizeLong(), 0u) << as;

    v1::GetCaseRequest get_case;
    get_case.set_case_number(job.case_number());
    v1::JournalCase found;
    grpc::ClientContext case_context;
    status = Stub(as)->GetCase(&case_context, get_case, &found);
    EXPECT_EQ(status.error_code(), grpc::PERMISSION_DENIED) << as;

    // What they may read is the public view, screened.
    std::vector<v1::PublicJournalEntry> public_view = PublicJournal(as);
    ASSERT_EQ(public_view.size(), 1u) << as;
    EXPECT_EQ(public_view[0].DebugString().find("Nordmann"), std::string::npos)
        << as;
  }

  v1::GetEntryRequest get;
  get.set_journal_number(recorded.journal_number());
  get.set_include_content(true);
  v1::JournalEntry entry;
  grpc::ClientContext context;
  ASSERT_TRUE(Stub("archivist")->GetEntry(&context, get, &entry).ok());
  EXPECT_EQ(entry.correspondents(0).name(), "Kari Nordmann");
  EXPECT_EQ(entry.documents(0).content(),
            "application letter of Kari Nordmann");
}

// A correspondent's identity over gRPC. A bad number is
// INVALID_ARGUMENT naming the field; archivists get the birth date back, no
// one the number; no public output carries either; the service identity
// finds the entry through SubjectData and is refused the erasure.
TEST_F(JournalServiceTest, CorrespondentIdentityIsKeptOutOfPublicOutputs) {
  const std::string number = testing::MakeFodselsnummer(17, 5, 1980, 0);
  auto c = CreateCase(v1::CASE_KIND_ORDINARY, "Spørsmål");
  v1::RecordEntryRequest request =
      Entry(c.case_number(), "Brev", "Kari Nordmann");
  request.mutable_correspondents(0)->set_national_id("12345678901");
  v1::JournalEntry recorded;
  grpc::Status status = Record(request, &recorded);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("correspondents[0].national_id"),
            std::string::npos)
      << status.error_message();

  request.mutable_correspondents(0)->set_national_id(number);
  status = Record(request, &recorded);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(recorded.correspondents(0).birth_date(), "1980-05-17");
  EXPECT_EQ(recorded.correspondents(0).national_id(), "");
  for (const std::string role : {"dpo", "auditor"}) {
    // The internal entry is the archivists' alone.
    v1::GetEntryRequest get;
    get.set_journal_number(recorded.journal_number());
    v1::JournalEntry entry;
    grpc::ClientContext context;
    EXPECT_EQ(Stub(role)->GetEntry(&context, get, &entry).error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << role;
    EXPECT_EQ(entry.correspondents_size(), 0) << role;
  }
  std::string all;
  for (const auto& e : PublicJournal("desk")) all += e.DebugString();
  v1::ExportJournalRequest range;
  range.set_from_date("2000-01-01");
  range.set_to_date("2099-12-31");
  for (bool internal : {false, true}) {
    grpc::ClientContext context;
    auto reader =
        internal ? Stub("archivist")->ExportLoependeJournal(&context, range)
                 : Stub("desk")->ExportOffentligJournal(&context, range);
    v1::XmlChunk chunk;
    while (reader->Read(&chunk)) all += chunk.data();
    ASSERT_TRUE(reader->Finish().ok());
  }
  EXPECT_NE(all.find("Kari Nordmann"), std::string::npos);
  EXPECT_EQ(all.find(number), std::string::npos);
  EXPECT_EQ(all.find("1980-05-17"), std::string::npos);

  v1::SubjectQuery query;
  query.set_national_id(number);
  query.set_purpose("access-request/1");
  v1::SubjectDataResponse data;
  grpc::ClientContext c1;
  status = Stub("service")->SubjectData(&c1, query, &data);
  ASSERT_TRUE(status.ok()) << status.error_message();
  int entries = 0;
  for (const auto& item : data.items()) {
    if (item.kind() == "journal_entry") {
      ++entries;
      EXPECT_EQ(item.id(), "entry/" + recorded.journal_number());
    }
  }
  EXPECT_EQ(entries, 1);
  grpc::ClientContext c2;
  EXPECT_EQ(Stub("archivist")->SubjectData(&c2, query, &data).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::EraseSubjectDataResponse erased;
  grpc::ClientContext c3;
  ASSERT_TRUE(Stub("service")->EraseSubjectData(&c3, query, &erased).ok());
  ASSERT_GE(erased.outcomes_size(), 1);
  EXPECT_EQ(erased.outcomes(0).id(), "entry/" + recorded.journal_number());
  EXPECT_FALSE(erased.outcomes(0).erased());
  EXPECT_FALSE(erased.outcomes(0).legal_reason().empty());
}

}  // namespace
}  // namespace depot
