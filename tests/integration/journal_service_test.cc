// JournalService on an in-process gRPC server: real mTLS, real PostgreSQL.
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "depot/v1/journal.grpc.pb.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/masking/skeleton.h"
#include "services/journal/domain/masking/words.h"
#include "services/journal/journal_module.h"
#include "storage/journal/pg_journal_store.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"
#include "tests/unit/noark5_schema.h"

namespace depot {
namespace {

using testing::ChannelAs;

class JournalServiceTest : public ::testing::Test {
 protected:
  std::unique_ptr<v1::JournalService::Stub> Stub(const std::string& as) {
    return v1::JournalService::NewStub(ChannelAs(server_.port(), as));
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

  testing::TestDatabase db_;
  testing::InProcessServer server_{db_.dsn(), {journal::MakeJournalModule}};
};

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

// Words marked to screen when journaling and afterwards change the public
// journal at once and are audited; the preview shows every mask with what
// it hides, to archivists only.
TEST_F(JournalServiceTest, ScreenedWordsAndThePreviewOverGrpc) {
  v1::JournalCase job = CreateCase(v1::CASE_KIND_JOB_APPLICATION, "Stilling");
  v1::RecordEntryRequest request = Entry(
      job.case_number(), "Søknad fra Kari Nordmann (Kaja)", "Kari Nordmann");
  request.mutable_screened_words()->add_words("Kaja");
  request.mutable_screened_words()->set_authority("offentleglova § 25");
  v1::JournalEntry first;
  ASSERT_TRUE(Record(request, &first).ok());
  EXPECT_EQ(first.public_title(), "Søknad fra ****** (******)");
  ASSERT_EQ(first.screened_words_size(), 1);
  EXPECT_EQ(first.screened_words(0).words(0), "Kaja");
  EXPECT_EQ(first.screened_words(0).screened_by(), "archivist");

  v1::RecordEntryRequest second = Entry(
      job.case_number(), "Intervju med Kaja og Tor", "Personalavdelingen");
  second.mutable_correspondents(0)->set_role(v1::PARTY_ROLE_OTHER);
  v1::JournalEntry recorded;
  ASSERT_TRUE(Record(second, &recorded).ok());
  EXPECT_EQ(recorded.public_title(), "Intervju med ****** og Tor");

  v1::ScreenWordsRequest screen;
  screen.set_journal_number(recorded.journal_number());
  screen.mutable_screening()->add_words("Tor");
  screen.mutable_screening()->set_authority("offentleglova § 13");
  v1::JournalEntry screened;
  grpc::ClientContext desk_context;
  EXPECT_EQ(
      Stub("desk")->ScreenWords(&desk_context, screen, &screened).error_code(),
      grpc::PERMISSION_DENIED);
  v1::ScreenWordsRequest typo = screen;
  typo.mutable_screening()->set_words(0, "Thor");
  grpc::ClientContext typo_context;
  grpc::Status status =
      Stub("archivist")->ScreenWords(&typo_context, typo, &screened);
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("screening.words[0]"),
            std::string::npos)
      << status.error_message();
  EXPECT_EQ(status.error_message().find("Thor"), std::string::npos);
  grpc::ClientContext screen_context;
  status = Stub("archivist")->ScreenWords(&screen_context, screen, &screened);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(screened.public_title(), "Intervju med ****** og ******");
  // The public journal follows at once.
  std::vector<v1::PublicJournalEntry> published = PublicJournal("desk");
  ASSERT_EQ(published.size(), 2u);
  EXPECT_EQ(published[1].public_title(), "Intervju med ****** og ******");
  int audited = 0;
  server_.pool().Transact([&](pqxx::work& tx) {
    audited = tx.exec1(
                    "SELECT count(*) FROM journal.audit_events WHERE "
                    "action = 'journal.words.screen'")[0]
                  .as<int>();
  });
  EXPECT_EQ(audited, 2);

  // The preview: the published entries, with their masks.
  for (const std::string as : {"desk", "dpo", "auditor"}) {
    v1::PublicJournalRequest range;
    range.set_from_date("2000-01-01");
    range.set_to_date("2099-12-31");
    grpc::ClientContext context;
    auto reader = Stub(as)->PreviewPublicJournal(&context, range);
    v1::PreviewEntry ignored;
    while (reader->Read(&ignored)) {
    }
    EXPECT_EQ(reader->Finish().error_code(), grpc::PERMISSION_DENIED) << as;
  }
  v1::PublicJournalRequest range;
  range.set_from_date("2000-01-01");
  range.set_to_date("2099-12-31");
  grpc::ClientContext context;
  auto reader = Stub("archivist")->PreviewPublicJournal(&context, range);
  std::vector<v1::PreviewEntry> preview;
  for (v1::PreviewEntry e; reader->Read(&e);) preview.push_back(e);
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_EQ(preview.size(), 2u);
  for (size_t i = 0; i < preview.size(); ++i) {
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
        preview[i].entry(), published[i]))
        << "the preview shows what is published";
  }
  std::map<std::string, v1::PreviewText> texts;
  for (const auto& t : preview[0].texts()) texts[t.field()] = t;
  const v1::PreviewText& title = texts.at("public_title");
  EXPECT_EQ(title.text(), "Søknad fra ****** (******)");
  ASSERT_EQ(title.masked_size(), 2);
  EXPECT_EQ(title.masked(0).hidden(), "Kari Nordmann");
  EXPECT_EQ(title.masked(0).reasons(0), v1::MASK_REASON_SCREENED_NAME);
  EXPECT_EQ(title.masked(1).hidden(), "Kaja");
  EXPECT_EQ(title.masked(1).reasons(0), v1::MASK_REASON_SCREENED_WORD);
  EXPECT_EQ(
      title.text().substr(title.masked(0).begin(),
                          title.masked(0).end() - title.masked(0).begin()),
      "******");
  EXPECT_EQ(texts.at("correspondents[0].name").masked(0).hidden(),
            "Kari Nordmann");
}

TEST_F(JournalServiceTest, ExportsOverGrpcValidate) {
  v1::JournalCase job = CreateCase(v1::CASE_KIND_JOB_APPLICATION, "Stilling");
  v1::JournalEntry response;
  ASSERT_TRUE(
      Record(Entry(job.case_number(), "Søknad & CV", "Åse Ødegård"), &response)
          .ok());
  std::string offentlig = Export("desk", false);
  std::string loepende = Export("archivist", true);
  EXPECT_EQ(offentlig.find("Ødegård"), std::string::npos);
  EXPECT_NE(loepende.find("Ødegård"), std::string::npos);
  SKIP_WITHOUT_NOARK5_SCHEMAS();
  EXPECT_EQ(testing::Noark5SchemaErrors("offentligJournal.xsd", offentlig), "");
  EXPECT_EQ(testing::Noark5SchemaErrors("loependeJournal.xsd", loepende), "");
}

// --- The leak test: no screened name in any public output -------------

// Generated people: names from pools that include common words ("Sol",
// "Berg", "Storm") and Norwegian letters, in three or more words, each
// full name unique and never a run of words of another.
class NameGenerator {
 public:
  explicit NameGenerator(unsigned seed) : random_(seed) {}

  std::string Next() {
    static const std::vector<std::string> kFirst = {
        "Kari", "Ola", "Øyvind",     "Åse",    "Bjørn", "Sol",
        "Mai",  "Liv", "Storm",      "Eli",    "Ask",   "Vår",
        "Siv",  "Per", "Anne-Marie", "Jørgen", "Håkon", "Mia",
        "Else", "Tor", "Dag",        "Rose",   "Ærle",  "Ørjan"};
    static const std::vector<std::string> kLast = {
        "Nordmann", "Hansen", "Ødegård", "Sæther", "Berg",    "Dal",
        "Lie",      "Strand", "Aas",     "Ås",     "Bø",      "Øye",
        "Haugen",   "Fjeld",  "Moen",    "Vik",    "Rønning", "Bakke",
        "Stein",    "Nilsen", "Sol",     "Løvås",  "Ærø"};
    while (true) {
      std::string name = Pick(kFirst) + " " + Pick(kLast) + " " + Pick(kLast);
      std::vector<std::string> words = journal::FoldedWords(name);
      bool clash = false;
      for (const auto& other : taken_) {
        if (Contains(words, other) || Contains(other, words)) {
          clash = true;
          break;
        }
      }
      if (clash) continue;
      taken_.push_back(words);
      return name;
    }
  }
  std::mt19937& random() { return random_; }

 private:
  const std::string& Pick(const std::vector<std::string>& from) {
    return from[random_() % from.size()];
  }
  static bool Contains(const std::vector<std::string>& haystack,
                       const std::vector<std::string>& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(),
                       needle.end()) != haystack.end();
  }
  std::mt19937 random_;
  std::vector<std::vector<std::string>> taken_;
};

// Upper, lower or as is: titles spell names in every way.
std::string Spelled(const std::string& name, int how) {
  if (how == 0) return name;
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char next = name[i + 1];
      bool upper = next >= 0x80 && next <= 0x9E;
      if (how == 1 && !upper && next >= 0xA0 && next <= 0xBE) next -= 0x20;
      if (how == 2 && upper) next += 0x20;
      out += static_cast<char>(c);
      out += static_cast<char>(next);
      ++i;
      continue;
    }
    out += static_cast<char>(how == 1 ? std::toupper(c) : std::tolower(c));
  }
  return out;
}

struct CaseTruth {
  std::set<std::string> screened;  // canonical names
  std::set<std::string> released;
  std::set<std::string> screened_parts;
  int applicants = 0;
};

// Every canonical name of `names` found as a run of words.
std::vector<std::string> NamesIn(const std::vector<std::string>& words,
                                 const std::set<std::string>& names) {
  std::vector<std::string> found;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run;
    for (size_t n = 0; n < 6 && i + n < words.size(); ++n) {
      if (n > 0) run += ' ';
      run += words[i + n];
      if (names.count(run)) found.push_back(run);
    }
  }
  return found;
}

std::vector<std::string> ScreenedNamesIn(const std::string& text,
                                         const std::set<std::string>& names) {
  return NamesIn(journal::FoldedWords(text), names);
}

// All string values of a JSON document (so escapes do not hide a name).
void StringsOf(const nlohmann::json& json, std::string* out) {
  if (json.is_string()) {
    *out += json.get<std::string>() + "\n";
  } else if (json.is_array() || json.is_object()) {
    for (const auto& item : json) StringsOf(item, out);
  }
}

TEST_F(JournalServiceTest, NoScreenedNameLeaksIntoAnyPublicOutput) {
  // Generation goes through the domain on the server's database (fast);
  // every output is then read over gRPC, as clients read it.
  storage::ConnectionPool pool(
      db_.dsn() + " options='-c synchronous_commit=off'", 4);
  storage::PgJournalStore store(pool, server_.keyring());
  journal::Journal journal(store, server_.keyring(), journal::SystemClock());
  Caller archivist{"archivist", Role::kArchivist, ""};
  NameGenerator names(20260310);
  auto& random = names.random();
  const std::vector<std::string> kCommon = {"Berg",   "Sol", "Storm", "Dal",
                                            "Strand", "Vik", "Ås",    "Bø"};

  std::map<std::string, CaseTruth> truth;  // by case number
  std::set<std::string> all_screened;
  std::vector<std::pair<std::string, std::string>> to_release;
  int entries = 0;
  for (int k = 0; k < 30; ++k) {
    journal::NewCase job;
    job.kind = journal::CaseKind::kJobApplication;
    job.title =
        "Stilling som lærer ved " + kCommon[k % kCommon.size()] + " skole";
    std::string number = journal.CreateCase(archivist, job).Number();
    CaseTruth& t = truth[number];
    for (int a = 0; a < 60; ++a) {
      std::string name = names.Next();
      std::string canonical = journal::CanonicalName(name);
      ++t.applicants;
      bool release = random() % 5 == 0;
      if (release) {
        t.released.insert(canonical);
        to_release.emplace_back(number,
                                Spelled(name, static_cast<int>(random() % 3)));
      } else {
        t.screened.insert(canonical);
        all_screened.insert(canonical);
        for (const auto& part : journal::FoldedWords(name)) {
          t.screened_parts.insert(part);
        }
      }
      std::vector<std::string> words = journal::FoldedWords(name);
      std::string last = name.substr(name.rfind(' ') + 1);
      const std::string titles[] = {
          "Søknad på stilling - " +
              Spelled(name, static_cast<int>(random() % 3)),
          "Søknad fra " + Spelled(name, 1), Spelled(name, 2) + ": søknad og CV",
          last + "s søknad",
          "Attester for " + name + " (" + Spelled(last, 1) + ")"};
      journal::NewEntry e;
      e.case_number = number;
      e.type = journal::EntryType::kIncoming;
      e.title = titles[random() % 5];
      e.correspondents.push_back(
          {name, journal::CorrespondentKind::kSender, std::nullopt, {}});
      journal::NewDocument d;
      d.description = "CV " + name + ".pdf";
      d.content = "cv";
      d.role = journal::DocumentRole::kApplication;
      e.documents.push_back(d);
      journal.RecordEntry(archivist, e);
      ++entries;
      if (random() % 4 == 0) {
        journal::NewEntry reply;
        reply.case_number = number;
        reply.type = journal::EntryType::kOutgoing;
        reply.title = "Innkalling til intervju - " + Spelled(name, 2);
        reply.correspondents = {
            {name, journal::CorrespondentKind::kRecipient, std::nullopt, {}},
            {"Personalavdelingen",
             journal::CorrespondentKind::kSender,
             journal::PartyRole::kOther,
             {}}};
        journal.RecordEntry(archivist, reply);
        ++entries;
      }
    }
    // An entry whose title names several applicants.
    journal::NewEntry recommendation;
    recommendation.case_number = number;
    recommendation.type = journal::EntryType::kInternalFollowUp;
    std::string listed;
    for (const auto& n : t.screened) {
      if (listed.size() > 200) break;
      listed += (listed.empty() ? "" : ", ") + n;
    }
    recommendation.title = "Innstilling: " + listed;
    recommendation.correspondents.push_back(
        {"Rektor",
         journal::CorrespondentKind::kSender,
         journal::PartyRole::kOther,
         {}});
    journal.RecordEntry(archivist, recommendation);
    ++entries;
  }
  // Ordinary cases: common words in titles, organisations as parties.
  for (int k = 0; k < 10; ++k) {
    journal::NewCase c;
    c.kind = journal::CaseKind::kOrdinary;
    c.title = "Reguleringsplan " + kCommon[k % kCommon.size()];
    std::string number = journal.CreateCase(archivist, c).Number();
    truth[number];
    for (int i = 0; i < 60; ++i) {
      journal::NewEntry e;
      e.case_number = number;
      e.type = journal::EntryType::kIncoming;
      e.title = "Merknad om " + kCommon[random() % kCommon.size()] + " og vei";
      e.correspondents.push_back({"Vestland fylkeskommune",
                                  journal::CorrespondentKind::kSender,
                                  std::nullopt,
                                  {}});
      journal.RecordEntry(archivist, e);
      ++entries;
    }
  }
  ASSERT_GE(entries, 2500);

  for (const auto& [number, name] : to_release) {
    v1::ReleaseNameRequest request;
    request.set_case_number(number);
    request.set_name(name);
    request.set_reason("did not ask to be screened");
    v1::ReleaseNameResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(
        Stub("archivist")->ReleaseName(&context, request, &response).ok());
  }

  // 1. The stream, entry by entry, and its JSON.
  auto stream = PublicJournal("desk");
  ASSERT_EQ(static_cast<int>(stream.size()), entries);
  google::protobuf::util::JsonPrintOptions json_options;
  json_options.preserve_proto_field_names = true;
  std::set<std::string> released_seen;
  for (const v1::PublicJournalEntry& e : stream) {
    const CaseTruth& t = truth.at(e.case_number());
    std::string json;
    ASSERT_TRUE(
        google::protobuf::util::MessageToJsonString(e, &json, json_options)
            .ok());
    std::string values;
    StringsOf(nlohmann::json::parse(json), &values);
    for (const std::string* text : {&json, &values}) {
      auto leaked = ScreenedNamesIn(*text, all_screened);
      ASSERT_TRUE(leaked.empty())
          << "screened name '" << leaked[0] << "' in " << e.journal_number();
    }
    ASSERT_TRUE(ScreenedNamesIn(e.DebugString(), all_screened).empty());
    // No part of a name screened in the case shows in its free text,
    // except where the masking rules leave it (docs/journal.md): a part of
    // fewer than 3 letters, or a word of a released name of the case,
    // standing alone.
    std::set<std::string> public_words;
    for (const std::string& name : t.released) {
      for (const std::string& word : journal::FoldedWords(name)) {
        public_words.insert(journal::Skeleton(word));  // Ås is Aas
      }
    }
    std::vector<std::string> free_text = {e.public_title(),
                                          e.case_public_title()};
    for (const auto& d : e.documents()) free_text.push_back(d.description());
    for (const std::string& text : free_text) {
      for (const std::string& word : journal::FoldedWords(text)) {
        auto letters = [](const std::string& w) {
          return std::count_if(w.begin(), w.end(),
                               [](char c) { return (c & 0xC0) != 0x80; });
        };
        // The part the word is (or whose genitive it is).
        std::string part = word;
        if (!t.screened_parts.count(word) && word.size() > 1 &&
            word.back() == 's') {
          part = word.substr(0, word.size() - 1);
        }
        if (letters(part) < 3 || public_words.count(journal::Skeleton(part))) {
          continue;
        }
        ASSERT_FALSE(t.screened_parts.count(part))
            << "'" << word << "' of a screened name in '" << text << "' ("
            << e.journal_number() << ")";
      }
    }
    for (const auto& c : e.correspondents()) {
      std::string canonical = journal::CanonicalName(c.name());
      if (c.applicant()) {
        EXPECT_EQ(c.screened(), c.name() == "******");
        if (!c.screened()) {
          EXPECT_TRUE(t.released.count(canonical)) << c.name();
          released_seen.insert(canonical);
        }
      }
    }
  }
  size_t released_total = 0;
  for (const auto& [number, t] : truth) released_total += t.released.size();
  EXPECT_GT(released_total, 0u);
  EXPECT_EQ(released_seen.size(), released_total) << "released names must show";

  // 2. offentligJournal.xml.
  std::string xml = Export("desk", false);
  std::vector<std::string> xml_words = journal::FoldedWords(xml);
  auto leaked = NamesIn(xml_words, all_screened);
  EXPECT_TRUE(leaked.empty()) << "screened name '" << leaked[0] << "' in XML";
  auto shown_in_xml = NamesIn(xml_words, released_seen);
  EXPECT_EQ(std::set<std::string>(shown_in_xml.begin(), shown_in_xml.end()),
            released_seen)
      << "released names must show in the XML";

  // 3. The applicant lists, as messages and as JSON.
  for (const auto& [number, t] : truth) {
    if (t.applicants == 0) continue;
    v1::ApplicantListResponse list = Applicants(number);
    EXPECT_EQ(list.applicant_count(), t.applicants);
    EXPECT_EQ(list.screened_count(), static_cast<int>(t.screened.size()));
    std::set<std::string> shown;
    for (const auto& name : list.public_names()) {
      shown.insert(journal::CanonicalName(name));
    }
    EXPECT_EQ(shown, t.released);
    // Each string on its own: two names side by side in a list could
    // otherwise read as a third.
    std::string json;
    ASSERT_TRUE(google::protobuf::util::MessageToJsonString(list, &json).ok());
    for (const auto& value : nlohmann::json::parse(json)) {
      nlohmann::json items =
          value.is_array() ? value : nlohmann::json::array({value});
      for (const auto& item : items) {
        std::string one;
        StringsOf(item, &one);
        auto found = ScreenedNamesIn(one, all_screened);
        EXPECT_TRUE(found.empty()) << "screened name '" << found[0]
                                   << "' in the applicant list of " << number;
      }
    }
  }

  SKIP_WITHOUT_NOARK5_SCHEMAS();
  EXPECT_EQ(testing::Noark5SchemaErrors("offentligJournal.xsd", xml), "");
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
