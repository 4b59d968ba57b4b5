#include <gtest/gtest.h>

#include "services/common/date.h"
#include "services/common/error.h"
#include "storage/deposits/pg_deposit_store.h"
#include "tests/support/postgres.h"

namespace depot::storage {
namespace {

using deposits::DepositorKind;
using deposits::DepositTransaction;

class PgDepositStoreTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_;
  ConnectionPool pool_{db_.dsn(), 2};
  PgDepositStore store_{pool_};
};

TEST_F(PgDepositStoreTest, InsertsFindsAndLists) {
  store_.Run([](DepositTransaction& tx) {
    tx.InsertDepositor(
        {"964338531", "Bergen kommune", DepositorKind::kMunicipality});
    tx.InsertDepositor({"938587418", "Vestland fylke", DepositorKind::kCounty});
  });
  store_.Run([](DepositTransaction& tx) {
    auto found = tx.FindDepositor("938587418");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Vestland fylke");
    EXPECT_EQ(found->kind, DepositorKind::kCounty);
    EXPECT_FALSE(tx.FindDepositor("974760673"));
    auto all = tx.ListDepositors(0, 10, std::nullopt);
    ASSERT_EQ(all.size(), 2u);
    auto after_first = tx.ListDepositors(all[0].id, 10, std::nullopt);
    ASSERT_EQ(after_first.size(), 1u);
    EXPECT_EQ(after_first[0].organisation_number, "938587418");
    auto only = tx.ListDepositors(0, 10, std::string("964338531"));
    ASSERT_EQ(only.size(), 1u);
  });
}

TEST_F(PgDepositStoreTest, DuplicateIsAlreadyExistsAndRollsBackTheWhole) {
  store_.Run([](DepositTransaction& tx) {
    tx.InsertDepositor({"964338531", "Bergen", DepositorKind::kMunicipality});
  });
  try {
    store_.Run([](DepositTransaction& tx) {
      tx.InsertDepositor({"974760673", "First", DepositorKind::kOther});
      tx.InsertDepositor({"964338531", "Dup", DepositorKind::kMunicipality});
    });
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kAlreadyExists);
  }
  store_.Run([](DepositTransaction& tx) {
    EXPECT_FALSE(tx.FindDepositor("974760673")) << "half-written transaction";
  });
}

// Rejections page in (position, id) order: the sources of a deposit each
// count their positions from 1, so positions repeat.
TEST_F(PgDepositStoreTest, RejectionsPageByPositionAndId) {
  int64_t deposit = 0;
  store_.Run([&](DepositTransaction& tx) {
    tx.InsertDepositor({"964338531", "Bergen", DepositorKind::kMunicipality});
    deposit = tx.InsertDeposit({"964338531", deposits::RegisterCategory::kOther,
                                "", *ParseDate("2026-06-30"), "anna"})
                  .id;
    for (const char* id : {"b-5", "a-5", "c-2"}) {
      int64_t position = id[2] - '0';
      tx.StoreBatch(deposit, {}, {{position, id, "box", "too long", ""}},
                    {"", position + 1, 1},
                    {"anna", "archivist", "record.deposit", "", "", ""});
    }
  });
  std::vector<std::string> listed;
  int64_t position = INT64_MIN, id = 0;
  while (true) {
    std::vector<deposits::Rejection> page;
    store_.Read([&](DepositTransaction& tx) {
      page = tx.ListRejections(deposit, position, id, 1);
    });
    if (page.empty()) break;
    listed.push_back(page[0].source_record_id);
    position = page[0].position;
    id = page[0].id;
  }
  // Position 2 first; then the two at 5 in the order they were stored.
  EXPECT_EQ(listed, (std::vector<std::string>{"c-2", "b-5", "a-5"}));
}

TEST_F(PgDepositStoreTest, ATransferKeepsItsOwnProgress) {
  int64_t deposit = 0;
  const AuditEvent audit{"anna", "archivist", "record.deposit", "", "", ""};
  store_.Run([&](DepositTransaction& tx) {
    tx.InsertDepositor({"964338531", "Bergen", DepositorKind::kMunicipality});
    deposit = tx.InsertDeposit({"964338531", deposits::RegisterCategory::kOther,
                                "", *ParseDate("2026-06-30"), "anna"})
                  .id;
    deposits::TransferState fresh;
    fresh.transfer_id = "elever.csv";
    fresh.source_sha256 = std::string(64, 'a');
    fresh.started_by = "anna";
    tx.InsertTransfer(deposit, fresh);
    tx.StoreBatch(deposit, {}, {{3, "s-3", "box", "too long", ""}},
                  {"elever.csv", 11, 10}, audit);
    // A batch of lower positions (parallel streams) does not move it back.
    tx.StoreBatch(deposit, {}, {{3, "s-3", "box", "too long", ""}},
                  {"elever.csv", 5, 4}, audit);
    // An anonymous batch leaves it alone.
    tx.StoreBatch(deposit, {}, {}, {"", 100, 0}, audit);
  });
  store_.Read([&](DepositTransaction& tx) {
    auto found = tx.FindTransfer(deposit, "elever.csv");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->source_sha256, std::string(64, 'a'));
    EXPECT_EQ(found->next_position, 11);
    EXPECT_EQ(found->received, 14);
    EXPECT_EQ(found->rejected, 1);
    EXPECT_EQ(found->duplicates, 1);
    EXPECT_EQ(found->started_by, "anna");
    EXPECT_GE(found->updated_at, found->started_at);
    EXPECT_FALSE(tx.FindTransfer(deposit, "other.csv"));
    EXPECT_FALSE(tx.FindTransfer(deposit, "ELEVER.CSV"));
  });
  // The table refuses what the domain never writes: a digest that is not
  // lower-case hex.
  EXPECT_THROW(store_.Run([&](DepositTransaction& tx) {
    deposits::TransferState bad;
    bad.transfer_id = "x";
    bad.source_sha256 = std::string(64, 'A');
    bad.started_by = "anna";
    tx.InsertTransfer(deposit, bad);
  }),
               std::exception);
}

}  // namespace
}  // namespace depot::storage
