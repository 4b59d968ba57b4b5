// One definition of the audit log tables (migration 302): the logs that
// earlier migrations made by copying match what audit.create_log makes,
// and a log made by it is appended to, read and sealed like the others.
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <regex>
#include <set>

#include "storage/audit_writer.h"
#include "storage/pool.h"
#include "storage/subject_audit.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

class AuditLogDefinitionTest : public ::testing::Test {
 protected:
  template <typename... Params>
  pqxx::result Sql(const storage::SqlQuery& query, const Params&... params) {
    return testing::RunSql(db_.dsn(), query, params...);
  }

  void CreateNewserviceLog() {
    Sql(testing::sql::kCreateSchemaNewservice);
    Sql(testing::sql::kCreateAuditLog, "newservice");
  }

  // Columns and indexes of a log's two tables, with the schema's name
  // taken out, one line each.
  std::set<std::string> Shape(const std::string& schema) {
    std::set<std::string> shape;
    pqxx::connection connection(db_.dsn());
    pqxx::work tx(connection);
    for (const auto& row :
         tx.exec_params(testing::sql::kListAuditLogColumns.text, schema)) {
      shape.insert(row[0].as<std::string>());
    }
    for (const auto& row :
         tx.exec_params(testing::sql::kListAuditLogIndexes.text, schema)) {
      shape.insert(std::regex_replace(row[0].as<std::string>(),
                                      std::regex(schema + "\\."), "<log>."));
    }
    return shape;
  }

  testing::TestDatabase db_;
};

TEST_F(AuditLogDefinitionTest, EveryLogHasTheOneDefinition) {
  CreateNewserviceLog();
  std::set<std::string> defined = Shape("newservice");
  ASSERT_EQ(defined.size(), 19u);  // 10 + 4 columns, 5 indexes
  for (const char* log : {"deposits", "readingroom", "journal", "privacy"}) {
    EXPECT_EQ(Shape(log), defined) << log;
  }
}

TEST_F(AuditLogDefinitionTest, ANewLogIsWrittenReadAndSealedLikeTheOthers) {
  CreateNewserviceLog();
  storage::ConnectionPool pool(db_.dsn(), 2);
  pool.Transact([&](pqxx::work& tx) {
    storage::AppendAuditEvents(
        tx, "newservice",
        {{"anna", "archivist", "x.read", "x/1", "p-1", "first"},
         {"anna", "archivist", "x.read", "x/2", "", "second"},
         {"kari", "desk", "x.read", "x/3", "p-1", "third"}});
    storage::AppendAuditEvent(tx, "deposits",
                              {"anna", "archivist", "y", "y/1", "p-1", ""});
  });
  std::vector<StoredAuditEvent> trail;
  pool.Transact([&](pqxx::work& tx) {
    trail = storage::AuditEventsAbout(tx, "newservice", {"p-1", "p-2"});
  });
  ASSERT_EQ(trail.size(), 2u);  // not the deposits event, not the one without
  EXPECT_EQ(trail[0].detail, "first");
  EXPECT_EQ(trail[1].actor, "kari");
  EXPECT_LT(trail[0].id, trail[1].id);

  // Sealed through schema audit like any log, here with a seq of 3.
  auto chained = Sql(testing::sql::kSealEveryNewserviceAuditEvent);
  EXPECT_EQ(chained[0][0].as<int>(), 3);
  EXPECT_EQ(Sql(testing::sql::kCountSealedAuditEventsOfLog, "newservice")[0][0]
                .as<int>(),
            3);
  EXPECT_EQ(
      Sql(testing::sql::kCountAuditEventsOfLog, "deposits")[0][0].as<int>(), 1);
}

}  // namespace
}  // namespace depot
