// DepositService's storage on real PostgreSQL, statement by statement:
// deposits and their locks, records (search, lookups, rectification),
// rejections and exceptions.
#include <gtest/gtest.h>

#include <algorithm>
#include <pqxx/pqxx>

#include "services/common/date.h"
#include "services/common/error.h"
#include "storage/deposits/pg_deposit_store.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot::storage {
namespace {

using deposits::DepositLock;
using deposits::DepositorKind;
using deposits::DepositState;
using deposits::DepositTransaction;
using deposits::RecordQuery;
using deposits::RegisterCategory;
using deposits::SealedRecord;
using StoredRecord = DepositTransaction::StoredRecord;

const AuditEvent kAudit{"anna", "archivist", "record.deposit", "", "", ""};

// A sealed record as the domain hands it over ("" and 0: none).
SealedRecord Record(const std::string& source_id, const std::string& id_index,
                    const std::string& person_index, const std::string& box) {
  SealedRecord r;
  r.source_record_id = source_id;
  r.position = 1;
  r.name_sealed = "name:" + source_id;
  r.national_id_sealed = id_index.empty() ? "" : "nid:" + source_id;
  r.national_id_kind = id_index.empty() ? "none" : "no-fnr";
  r.national_id_index = id_index;
  r.person_index = person_index;
  r.birth_date_sealed = "born:" + source_id;
  r.opened_date = "1960-08-15";
  r.last_contact_date = "1975-06-20";
  r.death_year = id_index.empty() ? 0 : 2001;
  r.box = box;
  r.shelf = "H1";
  r.documents_sealed = id_index.empty() ? "" : "docs:" + source_id;
  r.noark_sealed = id_index.empty() ? "" : "noark:" + source_id;
  r.subject = "subject:" + source_id;
  return r;
}

// Queries of one criterion each.
RecordQuery ByNationalId(const std::string& index) {
  RecordQuery query;
  query.national_id_index = index;
  return query;
}
RecordQuery ByPerson(const std::string& index) {
  RecordQuery query;
  query.person_index = index;
  return query;
}
RecordQuery ByOrganisation(const std::string& number) {
  RecordQuery query;
  query.organisation_number = number;
  return query;
}
RecordQuery ByCategory(RegisterCategory category) {
  RecordQuery query;
  query.category = static_cast<int>(category);
  return query;
}
RecordQuery ByDeposit(int64_t deposit_id) {
  RecordQuery query;
  query.deposit_id = deposit_id;
  return query;
}
RecordQuery ByBox(const std::string& box) {
  RecordQuery query;
  query.box = box;
  return query;
}

std::vector<std::string> SourceIds(const std::vector<StoredRecord>& records) {
  std::vector<std::string> ids;
  for (const StoredRecord& r : records)
    ids.push_back(r.sealed.source_record_id);
  return ids;
}

class PgDepositStoreRecordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_.Run([&](DepositTransaction& tx) {
      tx.InsertDepositor({"964338531", "Bergen", DepositorKind::kMunicipality});
      tx.InsertDepositor({"938587418", "Vestland", DepositorKind::kCounty});
      pupils_ = NewDeposit(tx, "964338531", RegisterCategory::kPupilFiles);
      health_ = NewDeposit(tx, "938587418", RegisterCategory::kHealthCards);
    });
  }

  int64_t NewDeposit(DepositTransaction& tx, const std::string& organisation,
                     RegisterCategory category) {
    return tx
        .InsertDeposit({organisation, category, "Mapper",
                        *ParseDate("2026-06-30"), "anna"})
        .id;
  }

  // Stores the three records the tests search: two in the pupil files
  // (one without any of the optional fields), one in the health cards.
  void StoreRecords() {
    store_.Run([&](DepositTransaction& tx) {
      tx.StoreBatch(pupils_,
                    {Record("e-1", "nid-1", "person-1", "box-1"),
                     Record("e-2", "", "person-2", "box-2")},
                    {}, {"", 3, 2}, kAudit);
      tx.StoreBatch(health_, {Record("h-1", "", "person-1", "box-1")}, {},
                    {"", 2, 1}, kAudit);
    });
  }

  std::vector<StoredRecord> Search(const RecordQuery& query,
                                   int64_t after_id = 0, int limit = 10) {
    std::vector<StoredRecord> found;
    store_.Read([&](DepositTransaction& tx) {
      found = tx.SearchRecords(query, after_id, limit);
    });
    return found;
  }

  testing::TestDatabase db_;
  ConnectionPool pool_{db_.dsn(), 2};
  PgDepositStore store_{pool_};
  int64_t pupils_ = 0;
  int64_t health_ = 0;
};

TEST_F(PgDepositStoreRecordsTest, DepositsListByDepositorAndChangeState) {
  int64_t third = 0;
  store_.Run([&](DepositTransaction& tx) {
    third = NewDeposit(tx, "964338531", RegisterCategory::kOther);
  });
  store_.Run([&](DepositTransaction& tx) {
    auto all = tx.ListDeposits(0, 10, std::nullopt);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, pupils_);
    EXPECT_EQ(all[0].organisation_number, "964338531");
    EXPECT_EQ(all[0].category, RegisterCategory::kPupilFiles);
    EXPECT_EQ(all[0].description, "Mapper");
    EXPECT_EQ(FormatDate(all[0].deposit_date), "2026-06-30");
    EXPECT_EQ(all[0].state, DepositState::kOpen);
    EXPECT_EQ(all[0].created_by, "anna");
    EXPECT_EQ(all[1].organisation_number, "938587418");
    auto bergen = tx.ListDeposits(0, 10, std::string("964338531"));
    ASSERT_EQ(bergen.size(), 2u);
    EXPECT_EQ(bergen[1].id, third);
    auto after = tx.ListDeposits(pupils_, 1, std::string("964338531"));
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].id, third);
    EXPECT_TRUE(tx.ListDeposits(0, 10, std::string("974760673")).empty());
    tx.SetDepositState(third, DepositState::kCancelled, "sent twice");
  });
  store_.Read([&](DepositTransaction& tx) {
    auto found = tx.FindDeposit(third, DepositLock::kNone);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, DepositState::kCancelled);
    EXPECT_EQ(found->cancel_reason, "sent twice");
    EXPECT_FALSE(tx.FindDeposit(third + 1, DepositLock::kNone));
  });
}

// A deposit's locks hold its own row only: its depositor stays free for
// the foreign-key checks of other deposits' writes.
TEST_F(PgDepositStoreRecordsTest, LockingADepositLeavesItsDepositorFree) {
  pqxx::connection other(db_.dsn());
  auto try_lock = [&](const storage::SqlQuery& lock, const auto& key) {
    pqxx::work tx(other);
    try {
      tx.exec_params(lock.text, key);
      return true;
    } catch (const pqxx::sql_error&) {
      return false;
    }
  };
  const std::string depositor = "964338531";
  store_.Run([&](DepositTransaction& tx) {
    ASSERT_TRUE(tx.FindDeposit(pupils_, DepositLock::kExclusive));
    EXPECT_FALSE(try_lock(testing::sql::kKeyShareLockDepositNowait, pupils_));
    EXPECT_TRUE(try_lock(testing::sql::kUpdateLockDepositorNowait, depositor));
  });
  store_.Run([&](DepositTransaction& tx) {
    ASSERT_TRUE(tx.FindDeposit(pupils_, DepositLock::kBatchWrite));
    EXPECT_TRUE(try_lock(testing::sql::kKeyShareLockDepositNowait, pupils_));
    EXPECT_FALSE(try_lock(testing::sql::kUpdateLockDepositNowait, pupils_));
    EXPECT_TRUE(try_lock(testing::sql::kUpdateLockDepositorNowait, depositor));
  });
}

TEST_F(PgDepositStoreRecordsTest, RecordsAreFoundByEachCriterion) {
  StoreRecords();
  using Ids = std::vector<std::string>;
  EXPECT_EQ(SourceIds(Search({})), (Ids{"e-1", "e-2", "h-1"}));
  EXPECT_EQ(SourceIds(Search(ByNationalId("nid-1"))), Ids{"e-1"});
  EXPECT_EQ(SourceIds(Search(ByPerson("person-1"))), (Ids{"e-1", "h-1"}));
  EXPECT_EQ(SourceIds(Search(ByOrganisation("938587418"))), Ids{"h-1"});
  EXPECT_EQ(SourceIds(Search(ByCategory(RegisterCategory::kPupilFiles))),
            (Ids{"e-1", "e-2"}));
  EXPECT_EQ(SourceIds(Search(ByDeposit(health_))), Ids{"h-1"});
  EXPECT_EQ(SourceIds(Search(ByBox("box-1"))), (Ids{"e-1", "h-1"}));
  RecordQuery person_in_health = ByPerson("person-1");
  person_in_health.category = static_cast<int>(RegisterCategory::kHealthCards);
  EXPECT_EQ(SourceIds(Search(person_in_health)), Ids{"h-1"});
  EXPECT_TRUE(Search(ByNationalId("nid-2")).empty());
  auto first = Search({}, 0, 1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(SourceIds(Search({}, first[0].record_id, 1)), Ids{"e-2"});
}

// The optional fields a record lacks are NULL in the table and come back
// as "" and 0; the others come back as stored.
TEST_F(PgDepositStoreRecordsTest, RecordsReadBackAsStored) {
  StoreRecords();
  auto all = Search({});
  ASSERT_EQ(all.size(), 3u);
  std::optional<StoredRecord> full, bare;
  std::vector<StoredRecord> in_box;
  store_.Read([&](DepositTransaction& tx) {
    full = tx.FindRecord(all[0].record_id);
    bare = tx.FindRecord(all[1].record_id);
    in_box = tx.RecordsInBox(pupils_, "box-2");
  });
  ASSERT_TRUE(full && bare);
  EXPECT_EQ(full->deposit_id, pupils_);
  EXPECT_EQ(full->organisation_number, "964338531");
  EXPECT_EQ(full->category, RegisterCategory::kPupilFiles);
  const SealedRecord expected = Record("e-1", "nid-1", "person-1", "box-1");
  const SealedRecord& s = full->sealed;
  EXPECT_EQ(s.name_sealed, expected.name_sealed);
  EXPECT_EQ(s.national_id_sealed, expected.national_id_sealed);
  EXPECT_EQ(s.national_id_kind, "no-fnr");
  EXPECT_EQ(s.national_id_index, "nid-1");
  EXPECT_EQ(s.birth_date_sealed, expected.birth_date_sealed);
  EXPECT_EQ(s.opened_date, "1960-08-15");
  EXPECT_EQ(s.last_contact_date, "1975-06-20");
  EXPECT_EQ(s.death_year, 2001);
  EXPECT_EQ(s.shelf, "H1");
  EXPECT_EQ(s.documents_sealed, expected.documents_sealed);
  EXPECT_EQ(s.noark_sealed, expected.noark_sealed);
  EXPECT_EQ(s.subject, "subject:e-1");
  EXPECT_EQ(s.exception_reason, "");
  EXPECT_EQ(bare->sealed.national_id_sealed, "");
  EXPECT_EQ(bare->sealed.national_id_index, "");
  EXPECT_EQ(bare->sealed.death_year, 0);
  EXPECT_EQ(bare->sealed.documents_sealed, "");
  EXPECT_EQ(bare->sealed.noark_sealed, "");
  EXPECT_EQ(SourceIds(in_box), std::vector<std::string>{"e-2"});
}

TEST_F(PgDepositStoreRecordsTest, ACancelledDepositsRecordsAreNotFound) {
  StoreRecords();
  int64_t health_record = Search(ByDeposit(health_))[0].record_id;
  int64_t deleted = 0;
  store_.Run([&](DepositTransaction& tx) {
    tx.SetDepositState(health_, DepositState::kCancelled, "wrong register");
  });
  store_.Read([&](DepositTransaction& tx) {
    EXPECT_FALSE(tx.FindRecord(health_record));
    EXPECT_TRUE(tx.RecordsInBox(health_, "box-1").empty());
  });
  EXPECT_EQ(SourceIds(Search(ByPerson("person-1"))),
            std::vector<std::string>{"e-1"});
  store_.Run([&](DepositTransaction& tx) {
    deleted = tx.DeleteRecords(health_);
    EXPECT_EQ(tx.FindDeposit(health_, DepositLock::kNone)->accepted_records, 0);
    EXPECT_EQ(tx.FindDeposit(pupils_, DepositLock::kNone)->accepted_records, 2);
  });
  EXPECT_EQ(deleted, 1);
}

TEST_F(PgDepositStoreRecordsTest, ARectifiedRecordKeepsItsHistory) {
  StoreRecords();
  int64_t id = Search(ByNationalId("nid-1"))[0].record_id;
  SealedRecord corrected = Record("e-1", "", "person-9", "box-1");
  corrected.opened_date = "1961-01-02";
  store_.Run([&](DepositTransaction& tx) {
    tx.UpdateRecord(id, corrected);
    tx.InsertCorrection(id, "national_id,name", "wrong person", "anna");
  });
  std::optional<StoredRecord> found;
  store_.Read([&](DepositTransaction& tx) { found = tx.FindRecord(id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->sealed.national_id_sealed, "");
  EXPECT_EQ(found->sealed.national_id_index, "");
  EXPECT_EQ(found->sealed.person_index, "person-9");
  EXPECT_EQ(found->sealed.opened_date, "1961-01-02");
  EXPECT_EQ(found->sealed.death_year, 0);
  EXPECT_TRUE(Search(ByNationalId("nid-1")).empty());
  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  auto row = tx.exec1(testing::sql::kListRecordCorrections.text);
  EXPECT_EQ(row[0].as<int64_t>(), id);
  EXPECT_EQ(row[1].as<std::string>(), "national_id,name");
  EXPECT_EQ(row[2].as<std::string>(), "wrong person");
  EXPECT_EQ(row[3].as<std::string>(), "anna");
}

// A rejected record granted an exception is stored with its reason and
// replaces its rejection.
TEST_F(PgDepositStoreRecordsTest, AnExceptionReplacesARejection) {
  store_.Run([&](DepositTransaction& tx) {
    tx.StoreBatch(pupils_, {},
                  {{4, "e-4", "last_contact", "too recent", "2031-01-01"}},
                  {"", 5, 1}, kAudit);
  });
  store_.Run([&](DepositTransaction& tx) {
    auto rejection = tx.FindRejection(pupils_, "e-4");
    ASSERT_TRUE(rejection);
    EXPECT_EQ(rejection->position, 4);
    EXPECT_EQ(rejection->field, "last_contact");
    EXPECT_EQ(rejection->reason, "too recent");
    EXPECT_EQ(rejection->eligible_from, "2031-01-01");
    EXPECT_FALSE(tx.FindRejection(pupils_, "e-5"));
    EXPECT_FALSE(tx.FindRejection(health_, "e-4"));
    EXPECT_TRUE(tx.ExceptionsAmong(pupils_, {"e-4"}).empty());
    tx.InsertException({pupils_, "e-4", "archivist's decision", "anna", {}});
  });
  try {
    store_.Run([&](DepositTransaction& tx) {
      tx.InsertException({pupils_, "e-4", "again", "anna", {}});
    });
    FAIL() << "a second exception for a record must be refused";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kAlreadyExists);
  }
  store_.Run([&](DepositTransaction& tx) {
    EXPECT_EQ(tx.ExceptionsAmong(pupils_, {"e-3", "e-4"}),
              std::vector<std::string>{"e-4"});
    EXPECT_TRUE(tx.ExceptionsAmong(health_, {"e-4"}).empty());
    tx.StoreBatch(pupils_, {Record("e-4", "", "person-4", "box-4")}, {},
                  {"", 5, 1}, kAudit);
  });
  auto stored = Search(ByPerson("person-4"));
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].sealed.exception_reason, "archivist's decision");
  store_.Read([&](DepositTransaction& tx) {
    EXPECT_FALSE(tx.FindRejection(pupils_, "e-4"));
    auto deposit = tx.FindDeposit(pupils_, DepositLock::kNone);
    EXPECT_EQ(deposit->accepted_records, 1);
    EXPECT_EQ(deposit->rejected_records, 0);
  });
}

}  // namespace
}  // namespace depot::storage
