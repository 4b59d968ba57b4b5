#include "storage/deposits/pg_deposit_store.h"

#include <gtest/gtest.h>

#include "services/common/error.h"
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
    tx.InsertDepositor({"964338531", "Bergen kommune", DepositorKind::kMunicipality});
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

}  // namespace
}  // namespace depot::storage
