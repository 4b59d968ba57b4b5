// JournalService's storage on real PostgreSQL, driven through the domain:
// numbering under concurrent writers, disposal, Noark 5 exports.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/disposal.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "services/journal/domain/subject_entries.h"
#include "storage/journal/pg_journal_store.h"
#include "storage/migrations.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"
#include "tests/unit/journal_test_support.h"
#include "tests/unit/noark5_schema.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::NoonOf;
using testing::OrdinaryCase;

class PgJournalStoreTest : public ::testing::Test {
 protected:
  pqxx::result Sql(const std::string& query) {
    pqxx::connection connection(db_.dsn());
    pqxx::work tx(connection);
    pqxx::result result = tx.exec(query);
    tx.commit();
    return result;
  }

  depot::testing::TestDatabase db_;
  // Thousands of small commits: no need to wait for the disk in a test.
  storage::ConnectionPool pool_{
      db_.dsn() + " options='-c synchronous_commit=off'", 20};
  Keyring keyring_ = Keyring::Random();
  storage::PgJournalStore store_{pool_, keyring_};
  testing::FakeClock clock_;
  Journal journal_{store_, keyring_, clock_.clock()};
  PublicJournal reports_{store_, keyring_, clock_.clock()};
};

// Everything of a schema as text: every row of every table as JSON, with
// bytea as hex (row_to_json's form).
std::string SchemaDump(const std::string& dsn, const std::string& schema) {
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  std::string dump;
  for (const auto& table :
       tx.exec_params("SELECT table_name FROM information_schema.tables "
                      "WHERE table_schema = $1 ORDER BY table_name",
                      schema)) {
    std::string name =
        tx.quote_name(schema) + "." + tx.quote_name(table[0].as<std::string>());
    for (const auto& row :
         tx.exec("SELECT row_to_json(t)::text FROM " + name + " t")) {
      dump += row[0].as<std::string>() + "\n";
    }
  }
  return dump;
}

std::string Hex(const std::string& text) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : text) {
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  return hex;
}

// What a dump must not hold: the text as written or folded to lower case
// (as names were kept for lookups), or as the hex of a bytea column. (Not
// the dump folded: sealed base64 would then match short words by chance.)
std::vector<std::string> InClear(const std::string& dump,
                                 const std::vector<std::string>& secrets) {
  std::vector<std::string> found;
  for (const std::string& secret : secrets) {
    std::string lower = secret;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const std::string& form : {secret, lower, Hex(secret)}) {
      if (dump.find(form) != std::string::npos) {
        found.push_back(form);
        break;
      }
    }
  }
  return found;
}

const std::vector<std::string> kScreenedData = {
    "Kari",   "Nordmann", "Bjørnstad", "Ola Hansen", "Per Berg",
    "letter", "dms:cv",   "attest",    "asked not"};

// Journals a job case with the screened data above: a name in the case
// title, applicants in titles, correspondents, document descriptions,
// content and references, and a name release with its reason.
void JournalScreenedData(Journal& journal) {
  NewCase c = JobCase("Stilling etter Kari Nordmann");
  c.public_title = "Stilling som arkivar (Nordmann slutter)";
  std::string job = journal.CreateCase(Archivist(), c).Number();
  NewEntry e = Incoming(job, "Søknad fra Kari Nordmann", "Kari Nordmann", true);
  e.public_title = "Søknad fra Kari";
  e.documents[0].description = "Søknad Kari Nordmann.pdf";
  e.documents[0].content = "application letter of Kari Nordmann";
  NewDocument ref;
  ref.description = "Attester Bjørnstad";
  ref.content_ref = "dms:cv-nordmann";
  ref.sha256 = std::string(64, 'a');
  ref.role = DocumentRole::kApplication;
  e.documents.push_back(ref);
  e.correspondents.push_back(
      {"Ola Hansen", CorrespondentKind::kCopyRecipient, PartyRole::kOther, {}});
  e.screened_words = {"Bjørnstad"};  // marked to screen: kept sealed too
  e.screened_words_authority = "offentleglova § 25";
  journal.RecordEntry(Archivist(), e);
  journal.RecordEntry(Archivist(),
                      Incoming(job, "Søknad fra Per Berg", "Per Berg"));
  journal.ReleaseName(Archivist(), job, "Per Berg", "Per Berg asked not to");
}

// Screened applicants' names and letters are kept sealed: a database dump
// holds none of them, in any table; the domain reads them back whole.
TEST_F(PgJournalStoreTest, StoredRowsHoldNoScreenedDataInClear) {
  JournalScreenedData(journal_);
  std::vector<std::string> leaked =
      InClear(SchemaDump(db_.dsn(), "journal"), kScreenedData);
  EXPECT_TRUE(leaked.empty())
      << "in clear text in the database: " << ::testing::PrintToString(leaked);

  EntryDetails found = journal_.GetEntry(Archivist(), "2026/000001", true);
  EXPECT_EQ(found.journal_case.title, "Stilling etter Kari Nordmann");
  EXPECT_EQ(found.entry.title, "Søknad fra Kari Nordmann");
  EXPECT_EQ(found.entry.public_title, "Søknad fra Kari");
  ASSERT_EQ(found.entry.correspondents.size(), 2u);
  EXPECT_EQ(found.entry.correspondents[0].name, "Kari Nordmann");
  EXPECT_EQ(found.entry.correspondents[1].name, "Ola Hansen");
  ASSERT_EQ(found.entry.documents.size(), 2u);
  EXPECT_EQ(found.entry.documents[0].description, "Søknad Kari Nordmann.pdf");
  EXPECT_EQ(*found.entry.documents[0].content,
            "application letter of Kari Nordmann");
  EXPECT_EQ(found.entry.documents[1].content_ref, "dms:cv-nordmann");
  EXPECT_EQ(found.public_view.public_title, "Søknad fra ******");
  ASSERT_EQ(found.screened_words.size(), 1u);
  EXPECT_EQ(found.screened_words[0].words,
            std::vector<std::string>{"Bjørnstad"});
  EXPECT_EQ(found.screened_words[0].authority, "offentleglova § 25");
  EXPECT_EQ(found.public_view.documents[1].description, "Attester ******");
  auto list = reports_.Applicants(Desk(), "2026/1");
  EXPECT_EQ(list.public_names, std::vector<std::string>{"Per Berg"});
  EXPECT_EQ(list.applicant_count, 2);
  // The count of same-name correspondents of a rights request still works,
  // through the keyed index.
  int64_t count = 0;
  store_.Run([&](JournalTransaction& tx) {
    count = tx.CountNameOnlyCorrespondents(FoldName("OLA  hansen"));
  });
  EXPECT_EQ(count, 1);
  EXPECT_THROW(journal_.ReleaseName(Archivist(), "2026/1", "PER BERG", "again"),
               Error);
}

// A sealed title copied onto another entry does not open there.
TEST_F(PgJournalStoreTest, ASealedFieldMovedToAnotherRowDoesNotOpen) {
  std::string c =
      journal_.CreateCase(Archivist(), OrdinaryCase("Sak")).Number();
  journal_.RecordEntry(Archivist(), Incoming(c, "Brev A", "Firma A"));
  journal_.RecordEntry(Archivist(), Incoming(c, "Brev B", "Firma B"));
  Sql("UPDATE journal.entries SET title_sealed = (SELECT title_sealed FROM "
      "journal.entries WHERE journal_sequence = 1) WHERE journal_sequence = 2");
  EXPECT_EQ(journal_.GetEntry(Archivist(), "2026/000001", false).entry.title,
            "Brev A");
  EXPECT_THROW(journal_.GetEntry(Archivist(), "2026/000002", false), Error);
}

// Disposal destroys the document's own key: a copy of the row taken before
// (a backup) no longer opens.
TEST_F(PgJournalStoreTest, DisposalShredsTheDocumentsKey) {
  depot::testing::TempDir dir;
  SubjectKeyStore keys(dir.path() / "keys");
  storage::PgJournalStore store(pool_, keyring_, &keys);
  Journal journal(store, keyring_, clock_.clock());
  Disposal disposal(store, keyring_, clock_.clock());
  std::string job =
      journal.CreateCase(Archivist(), JobCase("Stilling")).Number();
  journal.RecordEntry(Archivist(),
                      Incoming(job, "Søknad", "Kari Nordmann", true));
  journal.CloseCase(Archivist(), job);
  auto before =
      Sql("SELECT content_sealed, content_key FROM journal.documents");
  ASSERT_EQ(before.size(), 1u);
  std::string key = before[0]["content_key"].as<std::string>();
  std::string backup = pqxx::binarystring(before[0]["content_sealed"]).str();
  ASSERT_TRUE(keys.Exists(key));
  EXPECT_TRUE(
      keys.Decrypt(key, backup, "journal/2026/000001/document/0/content"));

  clock_.now = NoonOf(2027, 3, 10);
  ASSERT_EQ(disposal.Run(Archivist(), false, "Arkivplan pkt. 4").items.size(),
            1u);
  EXPECT_FALSE(keys.Exists(key));
  EXPECT_FALSE(
      keys.Decrypt(key, backup, "journal/2026/000001/document/0/content"));
  EXPECT_TRUE(
      Sql("SELECT content_sealed FROM journal.documents")[0][0].is_null());
}

// Rows journaled before the journal sealed its text (migration 203) are
// sealed when the service starts, and read back as before.
TEST(PgJournalStoreUpgrade, RowsInClearTextAreSealedAtStartUp) {
  depot::testing::TestDatabase db(depot::testing::SharedAdminDsn(),
                                  /*migrate=*/false);
  auto all = storage::ReadMigrations(depot::testing::SourceDir() / "storage" /
                                     "migrations");
  std::vector<storage::Migration> before, after;
  for (const auto& m : all) (m.version < 203 ? before : after).push_back(m);
  ASSERT_FALSE(after.empty());
  storage::ApplyMigrations(db.dsn(), before);
  {
    // What a server of the version before wrote.
    pqxx::connection connection(db.dsn());
    pqxx::work tx(connection);
    tx.exec(
        "INSERT INTO journal.cases (case_year, case_sequence, kind, title, "
        "public_title, created_by) VALUES (2026, 1, 'job_application', "
        "'Stilling etter Kari Nordmann', 'Stilling', 'anna')");
    tx.exec(
        "INSERT INTO journal.entries (case_id, journal_year, "
        "journal_sequence, number_in_case, entry_type, status, title, "
        "journal_date, recorded_by) VALUES (1, 2026, 1, 1, 'I', 'J', "
        "'Søknad fra Kari Nordmann', '2026-03-01', 'anna')");
    tx.exec(
        "INSERT INTO journal.correspondents (entry_id, position, name, kind, "
        "role, folded_name) VALUES (1, 0, 'Kari Nordmann', 'sender', "
        "'applicant', 'kari nordmann'), (1, 1, 'Per Berg', 'sender', "
        "'applicant', 'per berg')");
    tx.exec(
        "INSERT INTO journal.documents (entry_id, position, description, "
        "sha256, content, size_bytes, role) VALUES (1, 0, 'Attester "
        "Bjørnstad', repeat('a', 64), 'application letter'::bytea, 18, "
        "'application')");
    tx.exec(
        "INSERT INTO journal.name_releases (case_id, canonical_name, reason, "
        "released_at, released_by) VALUES (1, 'per berg', 'asked not to be "
        "screened', now(), 'anna')");
    tx.exec("UPDATE journal.cases SET last_number_in_case = 1");
    tx.exec("INSERT INTO journal.entry_counters VALUES (2026, 1)");
    tx.exec("INSERT INTO journal.case_counters VALUES (2026, 1)");
    tx.commit();
  }
  storage::ApplyMigrations(db.dsn(), all);

  storage::ConnectionPool pool(db.dsn(), 2);
  Keyring keyring = Keyring::Random();
  storage::PgJournalStore store(pool, keyring);
  EXPECT_EQ(store.SealClearText(), 6);  // case, entry, 2 names, doc, release
  EXPECT_EQ(store.SealClearText(), 0);
  std::vector<std::string> leaked =
      InClear(SchemaDump(db.dsn(), "journal"), kScreenedData);
  EXPECT_TRUE(leaked.empty()) << ::testing::PrintToString(leaked);

  testing::FakeClock clock;
  Journal journal(store, keyring, clock.clock());
  EntryDetails found = journal.GetEntry(Archivist(), "2026/000001", true);
  EXPECT_EQ(found.journal_case.title, "Stilling etter Kari Nordmann");
  EXPECT_EQ(found.entry.title, "Søknad fra Kari Nordmann");
  EXPECT_EQ(found.entry.correspondents[0].name, "Kari Nordmann");
  EXPECT_EQ(*found.entry.documents[0].content, "application letter");
  EXPECT_EQ(found.entry.documents[0].description, "Attester Bjørnstad");
  // The release still counts: Per Berg shows, Kari Nordmann does not.
  ASSERT_EQ(found.public_view.correspondents.size(), 2u);
  EXPECT_EQ(found.public_view.correspondents[0].name, kMask);
  EXPECT_EQ(found.public_view.correspondents[1].name, "Per Berg");
  EXPECT_THROW(journal.ReleaseName(Archivist(), "2026/1", "Per Berg", "again"),
               Error);
  int64_t same_name = 0;
  store.Run([&](JournalTransaction& tx) {
    same_name = tx.CountNameOnlyCorrespondents("kari nordmann");
  });
  EXPECT_EQ(same_name, 1);
}

TEST_F(PgJournalStoreTest, StoresAndReadsBackCasesEntriesAndDocuments) {
  NewCase c = JobCase("Stilling som arkivar");
  c.public_title = "Stilling som arkivar (offentlig)";
  c.screening = {"P", "offentleglova § 25", {"TMO"}, "2030-01-01"};
  JournalCase created = journal_.CreateCase(Archivist(), c);
  EXPECT_EQ(created.Number(), "2026/1");
  EXPECT_EQ(created.screening.access_restriction, "Personalsaker");

  NewEntry e = Incoming(created.Number(), "Søknad", "Åse Bjørnstad", true);
  e.document_date = "2026-03-01";
  e.documents[0].content = std::string("PDF\0binary\xff", 11);
  NewDocument ref;
  ref.description = "Attester";
  ref.content_ref = "dms:77";
  ref.sha256 = std::string(64, 'c');
  ref.screening = {"UO", "offentleglova § 25", {"TD"}, ""};
  e.documents.push_back(ref);
  e.correspondents.push_back({"Anna Arkivar",
                              CorrespondentKind::kCopyRecipient,
                              PartyRole::kOther,
                              {}});
  EntryDetails recorded = journal_.RecordEntry(Archivist(), e);

  EntryDetails found =
      journal_.GetEntry(Archivist(), recorded.entry.JournalNumber(), true);
  const JournalEntry& entry = found.entry;
  EXPECT_EQ(entry.system_id.size(), 36u);
  EXPECT_EQ(entry.CaseNumber(), "2026/1");
  EXPECT_EQ(FormatDay(*entry.document_date), "2026-03-01");
  ASSERT_EQ(entry.correspondents.size(), 2u);
  EXPECT_EQ(entry.correspondents[0].name, "Åse Bjørnstad");
  EXPECT_EQ(entry.correspondents[0].role, PartyRole::kApplicant);
  EXPECT_EQ(entry.correspondents[1].kind, CorrespondentKind::kCopyRecipient);
  ASSERT_TRUE(found.name_screening[0]);
  EXPECT_FALSE(found.name_screening[1]);
  ASSERT_EQ(entry.documents.size(), 2u);
  EXPECT_EQ(*entry.documents[0].content, std::string("PDF\0binary\xff", 11));
  EXPECT_EQ(entry.documents[0].size_bytes, 11);
  EXPECT_EQ(entry.documents[1].content_ref, "dms:77");
  EXPECT_EQ(entry.documents[1].screening.metadata,
            std::vector<std::string>{"TD"});
  EXPECT_FALSE(entry.documents[1].content);

  auto audit =
      Sql("SELECT action, subject FROM journal.audit_events ORDER BY id");
  ASSERT_EQ(audit.size(), 4u);  // two recorded, two read
  for (const auto& row : audit) {
    EXPECT_EQ(row["subject"].as<std::string>().size(), 64u);
  }

  journal_.ReleaseName(Archivist(), "2026/1", "Åse Bjørnstad", "asked not");
  EXPECT_THROW(
      journal_.ReleaseName(Archivist(), "2026/1", "ÅSE BJØRNSTAD", "again"),
      Error);
  auto list = reports_.Applicants(Desk(), "2026/1");
  EXPECT_EQ(list.public_names, std::vector<std::string>{"Åse Bjørnstad"});
  EXPECT_EQ(list.case_public_title, "Stilling som arkivar (offentlig)");
}

// Journal numbers stay gapless and unique with 16 concurrent
// writers, also when some of their transactions roll back after taking a
// number.
TEST_F(PgJournalStoreTest, NumbersStayGaplessWithSixteenConcurrentWriters) {
  constexpr int kWriters = 16;
  constexpr int kEntriesPerWriter = 30;
  std::vector<std::string> cases;
  for (int i = 0; i < 3; ++i) {
    cases.push_back(
        journal_
            .CreateCase(Archivist(), OrdinaryCase("Sak " + std::to_string(i)))
            .Number());
  }
  std::atomic<int> failures{0};
  std::atomic<int> rolled_back{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kEntriesPerWriter; ++i) {
        try {
          if (i % 7 == 3) {
            // Takes numbers, then fails: the numbers must come back.
            try {
              store_.Run([&](JournalTransaction& tx) {
                tx.FindCase(2026, 1 + (w + i) % 3, true);
                tx.NextNumberInCase(1 + (w + i) % 3);
                tx.NextEntrySequence(2026);
                throw Conflict("injected failure after numbering");
              });
            } catch (const Error&) {
              ++rolled_back;
            }
            continue;
          }
          NewEntry e =
              Incoming(cases[(w + i) % 3],
                       "Brev " + std::to_string(w) + "/" + std::to_string(i),
                       "Firma " + std::to_string(w));
          if (i % 5 == 0) e.journal_date = "2025-12-31";
          journal_.RecordEntry(Archivist(), e);
          if (i % 10 == 9) journal_.CreateCase(Archivist(), OrdinaryCase("Ny"));
        } catch (const std::exception& error) {
          ++failures;
          ADD_FAILURE() << error.what();
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(rolled_back.load(), 0);

  int expected_entries = 0;
  for (int i = 0; i < kEntriesPerWriter; ++i) {
    if (i % 7 != 3) ++expected_entries;
  }
  expected_entries *= kWriters;
  auto years =
      Sql("SELECT journal_year, count(*), count(DISTINCT journal_sequence), "
          "min(journal_sequence), max(journal_sequence) FROM journal.entries "
          "GROUP BY journal_year ORDER BY journal_year");
  ASSERT_EQ(years.size(), 2u);
  int total = 0;
  for (const auto& row : years) {
    int count = row[1].as<int>();
    EXPECT_EQ(row[2].as<int>(), count) << "duplicate journal numbers";
    EXPECT_EQ(row[3].as<int>(), 1);
    EXPECT_EQ(row[4].as<int>(), count) << "a gap in year " << row[0].c_str();
    total += count;
  }
  EXPECT_EQ(total, expected_entries);
  auto in_case = Sql(
      "SELECT case_id, count(*), max(number_in_case), "
      "count(DISTINCT number_in_case) FROM journal.entries GROUP BY case_id");
  for (const auto& row : in_case) {
    EXPECT_EQ(row[1].as<int>(), row[2].as<int>()) << "gap in a case";
    EXPECT_EQ(row[1].as<int>(), row[3].as<int>());
  }
  auto case_numbers =
      Sql("SELECT count(*), max(case_sequence) FROM journal.cases WHERE "
          "case_year = 2026");
  EXPECT_EQ(case_numbers[0][0].as<int>(), case_numbers[0][1].as<int>());
}

TEST_F(PgJournalStoreTest, PagesThroughLongRangesInJournalOrder) {
  std::vector<std::string> cases;
  for (int i = 0; i < 40; ++i) {
    cases.push_back(
        journal_.CreateCase(Archivist(), OrdinaryCase("Brev")).Number());
  }
  const char* days[] = {"2026-02-01", "2026-02-02", "2026-02-03"};
  // Past two pages (500 entries each) of the keyset paging.
  for (int i = 0; i < 1203; ++i) {
    NewEntry e = Incoming(cases[i % cases.size()], "Brev " + std::to_string(i),
                          "Firma AS");
    e.journal_date = days[(i * 7) % 3];
    journal_.RecordEntry(Archivist(), e);
  }
  std::vector<PublicEntry> seen;
  reports_.Stream(Desk(), "2026-02-01", "2026-02-03",
                  [&](const PublicEntry& e) { seen.push_back(e); });
  ASSERT_EQ(seen.size(), 1203u);
  for (size_t i = 1; i < seen.size(); ++i) {
    const auto& a = seen[i - 1];
    const auto& b = seen[i];
    EXPECT_TRUE(std::tie(a.journal_date, a.year, a.sequence) <
                std::tie(b.journal_date, b.year, b.sequence));
  }
  size_t second_day = 0;
  reports_.Stream(Desk(), "2026-02-02", "2026-02-02",
                  [&](const PublicEntry&) { ++second_day; });
  EXPECT_EQ(second_day, 401u);
}

// A disposal run removes exactly the application documents
// past their date, leaves entries and personnel files, and a second run
// removes nothing.
TEST_F(PgJournalStoreTest, DisposalRemovesExactlyTheDueApplicationDocuments) {
  Disposal disposal(store_, keyring_, clock_.clock());
  // Closed 2026-03-10 and due 2027-03-10.
  auto old_job =
      journal_.CreateCase(Archivist(), JobCase("Stilling A")).Number();
  journal_.RecordEntry(Archivist(),
                       Incoming(old_job, "Søknad", "Kari Nordmann", true));
  NewEntry list = Incoming(old_job, "Søkerliste", "Anna Arkivar");
  list.correspondents[0].role = PartyRole::kOther;
  NewDocument kept;
  kept.description = "Søkerliste";
  kept.content = "list";
  list.documents.push_back(kept);
  journal_.RecordEntry(Archivist(), list);
  NewCase personnel;
  personnel.kind = CaseKind::kPersonnel;
  personnel.title = "Personalmappe";
  auto file = journal_.CreateCase(Archivist(), personnel).Number();
  journal_.RecordEntry(Archivist(),
                       Incoming(file, "Søknad (kopi)", "Kari Nordmann", true));
  journal_.CloseCase(Archivist(), old_job);
  journal_.CloseCase(Archivist(), file);
  // Closed later: not yet due.
  clock_.now = NoonOf(2026, 9, 1);
  auto young_job =
      journal_.CreateCase(Archivist(), JobCase("Stilling B")).Number();
  journal_.RecordEntry(Archivist(),
                       Incoming(young_job, "Søknad", "Ola Hansen", true));
  journal_.CloseCase(Archivist(), young_job);
  // Open: never due.
  auto open_job =
      journal_.CreateCase(Archivist(), JobCase("Stilling C")).Number();
  journal_.RecordEntry(Archivist(),
                       Incoming(open_job, "Søknad", "Per Berg", true));

  clock_.now = NoonOf(2027, 3, 10);
  DisposalReport dry = disposal.Run(Archivist(), true, "");
  ASSERT_EQ(dry.items.size(), 1u);
  EXPECT_EQ(dry.items[0].case_number, old_job);
  EXPECT_EQ(Sql("SELECT count(*) FROM journal.disposals")[0][0].as<int>(), 0);

  DisposalReport run = disposal.Run(Archivist(), false, "Arkivplan pkt. 4");
  ASSERT_EQ(run.items.size(), 1u);
  auto documents = Sql(
      "SELECT d.id, d.content_sealed IS NULL AS gone, x.decision, "
      "x.disposed_by, "
      "c.case_year || '/' || c.case_sequence AS case_number "
      "FROM journal.documents d JOIN journal.entries e ON e.id = d.entry_id "
      "JOIN journal.cases c ON c.id = e.case_id LEFT JOIN journal.disposals x "
      "ON x.document_id = d.id ORDER BY d.id");
  ASSERT_EQ(documents.size(), 5u);
  int gone = 0;
  for (const auto& row : documents) {
    bool is_gone = row["gone"].as<bool>();
    EXPECT_EQ(is_gone, !row["decision"].is_null());
    if (is_gone) {
      ++gone;
      EXPECT_EQ(row["id"].as<int64_t>(), run.items[0].document_id);
      EXPECT_EQ(row["decision"].as<std::string>(), "Arkivplan pkt. 4");
      EXPECT_EQ(row["disposed_by"].as<std::string>(), "anna");
    }
  }
  EXPECT_EQ(gone, 1);
  EXPECT_EQ(Sql("SELECT count(*) FROM journal.entries")[0][0].as<int>(), 5);

  EXPECT_TRUE(
      disposal.Run(Archivist(), false, "Arkivplan pkt. 4").items.empty());

  // The entry is kept, still screened, and shows its document as disposed.
  std::vector<PublicEntry> entries;
  reports_.Stream(Desk(), "2026-01-01", "2027-12-31",
                  [&](const PublicEntry& e) { entries.push_back(e); });
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0].correspondents[0].name, kMask);
  EXPECT_TRUE(entries[0].documents[0].disposed);
  EntryDetails first =
      journal_.GetEntry(Archivist(), entries[0].JournalNumber(), true);
  EXPECT_FALSE(first.entry.documents[0].content);
  ASSERT_TRUE(first.entry.documents[0].disposal);
  EXPECT_EQ(first.entry.documents[0].disposal->retention_months, 12);

  // Time passes: the second job case becomes due; the others still not.
  clock_.now = NoonOf(2027, 9, 1);
  DisposalReport later = disposal.Run(Archivist(), false, "Arkivplan pkt. 4");
  ASSERT_EQ(later.items.size(), 1u);
  EXPECT_EQ(later.items[0].case_number, young_job);
}

// Every offentligJournal.xml and loependeJournal.xml validates
// against the Noark 5 schemas (here from real storage).
TEST_F(PgJournalStoreTest, ExportsFromTheDatabaseValidate) {
  auto job = journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  journal_.RecordEntry(Archivist(),
                       Incoming(job, "Søknad <& \"x\">", "Ærlig Øyen", true));
  auto c = journal_.CreateCase(Archivist(), OrdinaryCase("Sak")).Number();
  NewEntry screened = Incoming(c, "Klage", "Nabo");
  screened.screening = {"UO", "offentleglova § 13", {"NA", "TR1"}, ""};
  journal_.RecordEntry(Archivist(), screened);
  std::string offentlig, loepende;
  reports_.ExportOffentlig(Desk(), "2026-01-01", "2026-12-31",
                           [&](std::string_view s) { offentlig += s; });
  reports_.ExportLoepende(Archivist(), "2026-01-01", "2026-12-31",
                          [&](std::string_view s) { loepende += s; });
  EXPECT_EQ(offentlig.find("Øyen"), std::string::npos);
  EXPECT_NE(loepende.find("Ærlig Øyen"), std::string::npos);
  EXPECT_GE(Sql("SELECT count(*) FROM journal.audit_events WHERE action = "
                "'journal.internal.read'")[0][0]
                .as<int>(),
            2);
  SKIP_WITHOUT_NOARK5_SCHEMAS();
  EXPECT_EQ(
      depot::testing::Noark5SchemaErrors("offentligJournal.xsd", offentlig), "")
      << offentlig;
  EXPECT_EQ(depot::testing::Noark5SchemaErrors("loependeJournal.xsd", loepende),
            "")
      << loepende;
}

// Correspondents with an identity: two with the same name and birth year but other
// birth dates, and one with the same name and no identity. A rights request
// gets exactly the entries of its person; the name-only correspondent is
// only counted in a note. The identity is stored sealed.
TEST_F(PgJournalStoreTest, SubjectDataFindsOnlyThePersonsEntries) {
  const std::string name = "Kari Nordmann";
  const std::string first_id =
      depot::testing::MakeFodselsnummer(17, 5, 1980, 0);
  auto c = journal_.CreateCase(Archivist(), OrdinaryCase("Sak")).Number();
  auto record = [&](const std::string& title, const std::string& who,
                    const std::string& birth_date, const std::string& id) {
    NewEntry e = Incoming(c, title, who);
    e.correspondents[0].birth_date = birth_date;
    e.correspondents[0].national_id = id;
    e.correspondents.push_back(
        {"Anna Arkivar", CorrespondentKind::kRecipient, PartyRole::kOther, {}});
    return journal_.RecordEntry(Archivist(), e).entry.JournalNumber();
  };
  std::string mine = record("Brev 1", name, "1980-05-17", "");
  std::string mine_by_number = record("Brev 2", name, "", first_id);
  record("Brev 3", name, "1980-09-02", "");
  record("Brev 4", "kari  NORDMANN", "", "");

  auto stored =
      Sql("SELECT birth_date_sealed, national_id_sealed, national_id_index, "
          "person_index, subject, folded_name, name_index FROM "
          "journal.correspondents ORDER BY id");
  ASSERT_EQ(stored.size(), 8u);
  for (const auto& row : stored) {
    for (const auto& field : row) {
      if (field.is_null()) continue;
      EXPECT_EQ(field.as<std::string>().find("1980-05-17"), std::string::npos);
      EXPECT_EQ(field.as<std::string>().find("1980-09-02"), std::string::npos);
      EXPECT_EQ(field.as<std::string>().find(first_id), std::string::npos);
    }
  }
  EXPECT_FALSE(stored[2]["national_id_index"].is_null());
  EXPECT_TRUE(stored[6]["person_index"].is_null());
  // The folded name is only a keyed index: the same for "kari  NORDMANN"
  // as for "Kari Nordmann", and not the name.
  EXPECT_TRUE(stored[6]["folded_name"].is_null());
  EXPECT_EQ(stored[6]["name_index"].as<std::string>().size(), 64u);
  EXPECT_EQ(stored[6]["name_index"].as<std::string>(),
            stored[0]["name_index"].as<std::string>());

  SubjectEntries subject(store_, keyring_, clock_.clock());
  Caller service{"privacy", Role::kService, ""};
  SubjectData data =
      subject.Data(service, {"", name, "1980-05-17", "access-request/7"});
  std::vector<std::string> entries;
  for (const SubjectItem& item : data.items) {
    if (item.kind == "journal_entry") entries.push_back(item.id);
    EXPECT_EQ(item.data_json.find("Brev 3"), std::string::npos);
    EXPECT_EQ(item.data_json.find("Brev 4"), std::string::npos);
    EXPECT_EQ(item.data_json.find("Anna"), std::string::npos);
  }
  EXPECT_EQ(entries, (std::vector<std::string>{"entry/" + mine,
                                               "entry/" + mine_by_number}));
  ASSERT_EQ(data.notes.size(), 1u);
  EXPECT_EQ(
      data.notes[0].rfind("1 journal correspondent(s) have the same name", 0),
      0u)
      << data.notes[0];

  data = subject.Data(service, {first_id, "", "", "access-request/8"});
  entries.clear();
  int trail = 0;
  for (const SubjectItem& item : data.items) {
    if (item.kind == "journal_entry") entries.push_back(item.id);
    if (item.kind == "audit_event") ++trail;
  }
  EXPECT_EQ(entries, std::vector<std::string>{"entry/" + mine_by_number});
  // Under the number's pseudonym: the recording, and the first request's
  // read of that entry and its subject.data event.
  EXPECT_EQ(trail, 3);
  // Every request audited: the first under both of the person's pseudonyms
  // (name + birth date, and the number of the entry it found), the second
  // under the number's.
  EXPECT_EQ(Sql("SELECT count(*) FROM journal.audit_events WHERE action = "
                "'subject.data'")[0][0]
                .as<int>(),
            3);

  auto outcomes = subject.Erase(service, {first_id, name, "", "erase/1"});
  int refused = 0;
  for (const ErasureOutcome& o : outcomes) {
    EXPECT_FALSE(o.erased);
    if (o.kind == "journal_entry") ++refused;
  }
  EXPECT_EQ(refused, 2);
  EXPECT_EQ(Sql("SELECT count(*) FROM journal.entries")[0][0].as<int>(), 4);
}

// Reports read a page per transaction; the bound taken when they begin
// keeps later pages to the entries committed by then.
TEST_F(PgJournalStoreTest, PagesKeepToTheBoundOfTheirStart) {
  std::string number =
      journal_.CreateCase(Archivist(), OrdinaryCase("Plan")).Number();
  for (int i = 0; i < 3; ++i) {
    journal_.RecordEntry(Archivist(), Incoming(number, "Brev", "Ola"));
  }
  Day from = *ParseDay("2026-01-01"), to = *ParseDay("2026-12-31");
  EntryBound bound;
  store_.Run([&](JournalTransaction& tx) {
    bound = tx.CurrentEntryBound(from, to);
  });
  EXPECT_EQ(bound.last_sequence, (std::map<int, int>{{2026, 3}}));
  for (int i = 0; i < 2; ++i) {
    journal_.RecordEntry(Archivist(), Incoming(number, "Brev", "Kari"));
  }
  std::vector<JournalEntry> first, rest;
  store_.Run([&](JournalTransaction& tx) {
    first = tx.EntriesPage(from, to, std::nullopt, 2, bound);
    const JournalEntry& last = first.back();
    rest = tx.EntriesPage(
        from, to, EntryKey{last.journal_date, last.year, last.sequence}, 10,
        bound);
  });
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].sequence, 3);
  store_.Run([&](JournalTransaction& tx) {
    EXPECT_EQ(tx.EntriesPage(from, to, std::nullopt, 10,
                             tx.CurrentEntryBound(from, to))
                  .size(),
              5u);
    EXPECT_TRUE(tx.EntriesPage(from, to, std::nullopt, 10, EntryBound{})
                    .empty());
  });
}

}  // namespace
}  // namespace depot::journal
