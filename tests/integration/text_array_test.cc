// TextArrayLiteral against a real PostgreSQL: every value comes back as it
// went in, whatever characters it holds.
#include "storage/text_array.h"

#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot::storage {
namespace {

TEST(TextArrayLiteral, EveryValueRoundTripsThroughPostgres) {
  testing::TestDatabase db;
  pqxx::connection connection(db.dsn());
  pqxx::work tx(connection);
  std::vector<std::string> values = {
      "plain",        "",         "NULL",          "with space",
      "comma,inside", "{braces}", "quote\"inside", "back\\slash",
      "\\\"both",     "æøå ÆØÅ",  "tab\tnewline\n"};
  auto result = tx.exec_params(testing::sql::kUnnestTextArray.text,
                               TextArrayLiteral(values));
  ASSERT_EQ(result.size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    ASSERT_FALSE(result[i][0].is_null()) << "value " << i;
    EXPECT_EQ(result[i][0].as<std::string>(), values[i]) << "value " << i;
  }
}

TEST(TextArrayLiteral, AnEmptyListIsAnEmptyArray) {
  testing::TestDatabase db;
  pqxx::connection connection(db.dsn());
  pqxx::work tx(connection);
  auto row =
      tx.exec_params1(testing::sql::kCountTextArray.text, TextArrayLiteral({}));
  EXPECT_EQ(row[0].as<int>(), 0);
}

}  // namespace
}  // namespace depot::storage
