// JournalService's storage on real PostgreSQL: screened names and letters
// kept sealed, in every table and in rows written before sealing began.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/integration/journal_store_fixture.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::NoonOf;
using testing::OrdinaryCase;

// Everything of a schema as text: every row of every table as JSON, with
// bytea as hex (row_to_json's form).
std::string SchemaDump(const std::string& dsn, const std::string& schema) {
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  std::string dump;
  tx.exec(depot::testing::sql::kCreateRowsAsJsonFunction.text);
  for (const auto& table :
       tx.exec_params(depot::testing::sql::kListTablesOfSchema.text, schema)) {
    std::string name =
        tx.quote_name(schema) + "." + tx.quote_name(table[0].as<std::string>());
    for (const auto& row :
         tx.exec_params(depot::testing::sql::kRowsAsJson.text, name)) {
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
  Sql(depot::testing::sql::kCopySealedEntryTitle, 1, 2);
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
  auto before = Sql(depot::testing::sql::kListSealedJournalDocuments);
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
      Sql(depot::testing::sql::kListSealedJournalDocuments)[0]["content_sealed"]
          .is_null());
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
    namespace sql = depot::testing::sql;
    for (const storage::SqlQuery& statement :
         {sql::kInsertPreSealingJournalCase, sql::kInsertPreSealingJournalEntry,
          sql::kInsertPreSealingJournalCorrespondents,
          sql::kInsertPreSealingJournalDocument,
          sql::kInsertPreSealingJournalNameRelease,
          sql::kNumberPreSealingJournalCase, sql::kCountPreSealingJournalEntry,
          sql::kCountPreSealingJournalCase}) {
      tx.exec(statement.text);
    }
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

  testing::FakeClock clock{testing::kFirstTestDay};
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

}  // namespace
}  // namespace depot::journal
