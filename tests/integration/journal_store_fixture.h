#pragma once

// JournalService's storage on real PostgreSQL, driven through the domain:
// the fixture of journal_store*_test.cc.
#include <gtest/gtest.h>

#include <map>
#include <string>

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
#include "tests/support/fakes/journal_test_support.h"
#include "tests/support/noark5_schema.h"
#include "tests/support/sql.h"

namespace depot::journal {

class PgJournalStoreTest : public ::testing::Test {
 protected:
  template <typename... Params>
  pqxx::result Sql(const storage::SqlQuery& query, const Params&... params) {
    return depot::testing::RunSql(db_.dsn(), query, params...);
  }

  depot::testing::TestDatabase db_;
  // Thousands of small commits: no need to wait for the disk in a test.
  storage::ConnectionPool pool_{
      db_.dsn() + " options='-c synchronous_commit=off'", 20};
  Keyring keyring_ = Keyring::Random();
  storage::PgJournalStore store_{pool_, keyring_};
  testing::FakeClock clock_{testing::kFirstTestDay};
  Journal journal_{store_, keyring_, clock_.clock()};
  PublicJournal reports_{store_, keyring_, clock_.clock()};
};

}  // namespace depot::journal
