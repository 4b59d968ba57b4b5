// Erasure in the reading room, for good: after an erasure the
// visitor's personal fields cannot come back from a backup. A pg_dump taken
// before the erasure is restored into a new database and read with the same
// keys (keyring and subject key directory): the erased visitor's fields read
// as erased, while another visitor's are intact. Also the store round trip
// of identity fields and the real-PostgreSQL retention statements.
#include <gtest/gtest.h>

#include "services/common/crypto/subject_keystore.h"
#include "services/common/error.h"
#include "services/readingroom/domain/retention.h"
#include "services/readingroom/domain/subject_visitors.h"
#include "services/readingroom/domain/visitors.h"
#include "storage/pool.h"
#include "storage/readingroom/pg_readingroom_store.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/sql.h"

namespace depot::readingroom {
namespace {

Caller Desk() { return Caller{"desk-kari", Role::kDesk, ""}; }
Caller Service() { return Caller{"privacy", Role::kService, ""}; }

// The PostgreSQL client binaries, found like ops/pgcluster finds them.
std::filesystem::path PgBin(const std::string& program) {
  auto found = testing::RunCommand({"/bin/sh", "-c", "pg_config --bindir"});
  std::filesystem::path dir = "/usr/lib/postgresql/15/bin";
  if (found.exit_code == 0) {
    std::string text = found.out;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
      text.pop_back();
    }
    if (std::filesystem::exists(std::filesystem::path(text) / program)) {
      dir = text;
    }
  }
  return dir / program;
}

class SubjectErasureTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  Keyring keyring_ = Keyring::Random();
  SubjectKeyStore keys_{dir_.path() / "subject-keys"};
  Clock clock_ = SystemClock();
  Settings settings_;
};

TEST_F(SubjectErasureTest, RestoringADumpDoesNotBringErasedFieldsBack) {
  testing::TestDatabase db;
  storage::ConnectionPool pool(db.dsn(), 2);
  storage::PgReadingRoomStore store(pool, keyring_, &keys_);
  Visitors visitors(store, keyring_, clock_);
  Visitor kari =
      visitors.Register(Desk(), {"Kari Nordmann", "kari@example.org",
                                 IdDocumentKind::kPassport, "1950-03-01", ""});
  Visitor ola =
      visitors.Register(Desk(), {"Ola Nordmann", "ola@example.org",
                                 IdDocumentKind::kPassport, "1960-01-01", ""});
  ASSERT_FALSE(kari.key_id.empty()) << "no key of her own";
  visitors.CheckIn(Desk(), kari.id);
  visitors.CheckOut(Desk(), kari.id);

  // The backup, before the erasure.
  auto dump = dir_.path() / "before.dump";
  auto dumped = testing::RunCommand(
      {PgBin("pg_dump"), "-Fc", "-f", dump.string(), "-d", db.dsn()});
  ASSERT_EQ(dumped.exit_code, 0) << dumped.err;

  SubjectVisitors subject(store, keyring_, &keys_, clock_);
  auto outcomes = subject.Erase(
      Service(), {"", "Kari Nordmann", "1950-03-01", "erasure/1"});
  bool erased = false;
  for (const auto& o : outcomes) {
    if (o.kind == "visitor") erased = o.erased;
  }
  ASSERT_TRUE(erased);
  EXPECT_FALSE(keys_.Exists(kari.key_id));
  EXPECT_THROW(visitors.Get(Desk(), kari.id), Error);  // the row is gone

  // Restore the old dump into a new database; same keyring, same key dir.
  testing::TestDatabase restored(testing::SharedAdminDsn(), false);
  auto loaded = testing::RunCommand(
      {PgBin("pg_restore"), "--no-owner", "-d", restored.dsn(), dump.string()});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  storage::ConnectionPool restored_pool(restored.dsn(), 2);
  storage::PgReadingRoomStore restored_store(restored_pool, keyring_, &keys_);
  Visitors restored_visitors(restored_store, keyring_, clock_);

  Visitor back = restored_visitors.Get(Desk(), kari.id);  // the row is back
  EXPECT_TRUE(back.erased);
  EXPECT_EQ(back.name, "[erased]");
  EXPECT_EQ(back.contact, "[erased]");
  EXPECT_EQ(back.birth_date, "");
  for (const std::string& field : {back.name, back.contact, back.birth_date}) {
    EXPECT_EQ(field.find("Kari"), std::string::npos);
    EXPECT_EQ(field.find("kari@"), std::string::npos);
  }
  // The visit list names her as erased, too.
  auto log = restored_visitors.Log(Desk(), "");
  for (const Visit& visit : log.visits) {
    EXPECT_EQ(visit.visitor_name.find("Kari"), std::string::npos);
  }
  // Nobody else is harmed.
  Visitor other = restored_visitors.Get(Desk(), ola.id);
  EXPECT_FALSE(other.erased);
  EXPECT_EQ(other.name, "Ola Nordmann");
  EXPECT_EQ(other.birth_date, "1960-01-01");
  // Erasing again on the restored copy removes the unreadable rows as well.
  SubjectVisitors restored_subject(restored_store, keyring_, &keys_, clock_);
  restored_subject.Erase(Service(),
                         {"", "Kari Nordmann", "1950-03-01", "erasure/1"});
  EXPECT_THROW(restored_visitors.Get(Desk(), kari.id), Error);
}

TEST_F(SubjectErasureTest, IdentityIsStoredSealedAndFoundByIndexOnly) {
  testing::TestDatabase db;
  storage::ConnectionPool pool(db.dsn(), 2);
  storage::PgReadingRoomStore store(pool, keyring_, &keys_);
  Visitors visitors(store, keyring_, clock_);
  Visitor kari =
      visitors.Register(Desk(), {"Kari Nordmann", "kari@example.org",
                                 IdDocumentKind::kPassport, "1950-03-01", ""});
  visitors.Register(Desk(), {"Kari Nordmann", "other@example.org",
                             IdDocumentKind::kPassport, "1950-11-12", ""});
  pool.Transact([&](pqxx::work& tx) {
    auto row = tx.exec_params1(
        testing::sql::kFindSealedVisitorConcatenated.text, kari.id);
    std::string stored = row[0].as<std::string>();
    EXPECT_EQ(stored.find("Kari"), std::string::npos);
    EXPECT_EQ(stored.find("1950"), std::string::npos);
  });
  SubjectVisitors subject(store, keyring_, &keys_, clock_);
  SubjectData data = subject.Data(
      Service(), {"", "kari nordmann", "1950-03-01", "access-request/1"});
  int visitors_found = 0;
  for (const auto& item : data.items) {
    if (item.kind == "visitor") ++visitors_found;
    EXPECT_EQ(item.data_json.find("other@example.org"), std::string::npos);
  }
  EXPECT_EQ(visitors_found, 1);
}

TEST_F(SubjectErasureTest, RetentionStatementsOnPostgres) {
  testing::TestDatabase db;
  storage::ConnectionPool pool(db.dsn(), 2);
  storage::PgReadingRoomStore store(pool, keyring_, &keys_);
  Visitors visitors(store, keyring_, clock_);
  Visitor kari =
      visitors.Register(Desk(), {"Kari Nordmann", "kari@example.org",
                                 IdDocumentKind::kPassport, "1950-03-01", ""});
  visitors.CheckIn(Desk(), kari.id);
  visitors.CheckOut(Desk(), kari.id);
  // Move the past back instead of the clock forward.
  pool.Transact([&](pqxx::work& tx) {
    tx.exec(testing::sql::kAgeVisitsByThreeYears.text);
    tx.exec(testing::sql::kAgeVisitorsByThreeYears.text);
  });
  Retention retention(store, &keys_, clock_, settings_);
  auto count = [](const RetentionResult& r, const std::string& kind) {
    for (const auto& c : r.counts) {
      if (c.kind == kind) return c.count;
    }
    return int64_t{-1};
  };
  RetentionResult dry = retention.Apply(Service(), true);
  EXPECT_EQ(count(dry, "visits"), 1);
  EXPECT_EQ(count(dry, "visitors"), 1);
  EXPECT_TRUE(keys_.Exists(kari.key_id)) << "a dry run destroyed a key";
  RetentionResult real = retention.Apply(Service(), false);
  EXPECT_EQ(count(real, "visits"), 1);
  EXPECT_EQ(count(real, "visitors"), 1);
  EXPECT_FALSE(keys_.Exists(kari.key_id));
  RetentionResult again = retention.Apply(Service(), false);
  for (const auto& c : again.counts) EXPECT_EQ(c.count, 0) << c.kind;
  pool.Transact([&](pqxx::work& tx) {
    auto audited =
        tx.exec1(testing::sql::kCountRetentionDeletesOfOneVisit.text);
    EXPECT_EQ(audited[0].as<int>(), 1);
  });
}

}  // namespace
}  // namespace depot::readingroom
