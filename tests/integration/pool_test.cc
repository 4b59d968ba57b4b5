#include "storage/pool.h"

#include <gtest/gtest.h>

#include <functional>

#include "services/common/error.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot::storage {
namespace {

namespace sql = testing::sql;

int SelectOne(ConnectionPool& pool) {
  int value = 0;
  pool.Transact([&](pqxx::work& tx) {
    value = tx.exec1(sql::kSelectOne.text)[0].as<int>();
  });
  return value;
}

TEST(ConnectionPool, UnreachableDatabaseIsAOneLineStartupError) {
  ConnectionPool pool("host=127.0.0.1 port=1 user=nobody dbname=none", 2);
  try {
    pool.VerifyReachable();
    FAIL();
  } catch (const StartupError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("cannot connect to PostgreSQL"), std::string::npos);
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST(ConnectionPool, PasswordIsNeverShownInMessages) {
  EXPECT_EQ(RedactPassword("host=x password='s3cr\\'et' user=u"),
            "host=x password=*** user=u");
  EXPECT_EQ(RedactPassword("password=plain dbname=d"), "password=*** dbname=d");
}

TEST(ConnectionPool, SurvivesADatabaseRestart) {
  testing::PrivateCluster cluster;
  ConnectionPool pool(cluster.AdminDsn(), 3);
  pool.VerifyReachable();
  EXPECT_EQ(SelectOne(pool), 1);

  cluster.Stop();
  try {
    SelectOne(pool);
    FAIL() << "a call during the outage must fail";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kUnavailable) << error.what();
  }

  cluster.Start();
  EXPECT_EQ(SelectOne(pool), 1);  // no new pool: it reconnects by itself
}

TEST(ConnectionPool, PreparesRegisteredStatementsOnEveryConnection) {
  testing::TestDatabase db;
  ConnectionPool pool(db.dsn(), 2);
  pool.Prepare(sql::kAddTwoInts.name, sql::kAddTwoInts.text);
  int sum = 0;
  pool.Transact([&](pqxx::work& tx) {
    sum = tx.exec_prepared1(sql::kAddTwoInts.name, 2, 3)[0].as<int>();
  });
  EXPECT_EQ(sum, 5);
}

// depotd registers each service's statements as it makes the service, while
// a service made earlier (the audit sealer) may already be using the pool:
// a connection opened before a statement was registered gets it too.
TEST(ConnectionPool, StatementsRegisteredLaterReachOpenConnections) {
  testing::TestDatabase db;
  ConnectionPool pool(db.dsn(), 1);
  pool.Prepare(sql::kSelectOne.name, sql::kSelectOne.text);
  pool.Transact(
      [&](pqxx::work& tx) { tx.exec_prepared(sql::kSelectOne.name); });
  pool.Prepare(sql::kSelectTwo.name, sql::kSelectTwo.text);
  int two = 0;
  pool.Transact([&](pqxx::work& tx) {
    two = tx.exec_prepared1(sql::kSelectTwo.name)[0].as<int>();
  });
  EXPECT_EQ(two, 2);
}

// Read sends no BEGIN: each statement is a transaction of its own, where
// inside Transact two statements share one.
TEST(ConnectionPool, ReadRunsEachStatementOnItsOwn) {
  testing::TestDatabase db;
  ConnectionPool pool(db.dsn(), 1);
  auto two_transaction_ids = [](pqxx::transaction_base& tx) {
    auto first = tx.exec1(sql::kCurrentTransactionId.text)[0].as<int64_t>();
    auto second = tx.exec1(sql::kCurrentTransactionId.text)[0].as<int64_t>();
    return std::make_pair(first, second);
  };
  std::pair<int64_t, int64_t> in_read, in_transaction;
  pool.Read(
      [&](pqxx::nontransaction& tx) { in_read = two_transaction_ids(tx); });
  pool.Transact(
      [&](pqxx::work& tx) { in_transaction = two_transaction_ids(tx); });
  EXPECT_NE(in_read.first, in_read.second);
  EXPECT_EQ(in_transaction.first, in_transaction.second);
}

// A call never waits forever for a connection: with every connection held,
// it gets Unavailable after the pool's wait, saying why.
TEST(ConnectionPool, WaitingForABusyPoolEndsWithUnavailable) {
  testing::TestDatabase db;
  ConnectionPool pool(db.dsn(), 1, std::chrono::milliseconds(200));
  pool.Transact([&](pqxx::work&) {
    try {
      SelectOne(pool);  // needs a second connection while this one is held
      ADD_FAILURE() << "got a connection from an exhausted pool";
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
      EXPECT_NE(std::string(error.what()).find("busy"), std::string::npos)
          << error.what();
    }
  });
}

// Health asks the database through the pool, and on a connection of its own
// when every pooled one is in use: a busy pool is not a database that is
// down.
TEST(ConnectionPool, PingAnswersWhileEveryConnectionIsBusy) {
  testing::TestDatabase db;
  ConnectionPool pool(db.dsn(), 1, std::chrono::milliseconds(200));
  pool.Ping();
  pool.Transact([&](pqxx::work&) { EXPECT_NO_THROW(pool.Ping()); });
}

TEST(ConnectionPool, PingFailsWhileTheDatabaseIsDown) {
  testing::PrivateCluster cluster;
  ConnectionPool pool(cluster.AdminDsn(), 2);
  pool.Ping();
  cluster.Stop();
  try {
    pool.Ping();
    FAIL() << "ping answered with the database down";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kUnavailable) << error.what();
  }
  cluster.Start();
  pool.Ping();
}

// Database errors carry data: a unique violation's DETAIL has the key's
// value, an invalid input the value itself, a COPY error the line. What
// leaves the pool (and may be logged) keeps SQLSTATE, the statement and
// the names of tables and constraints, and none of the data.
std::string InternalErrorOf(ConnectionPool& pool,
                            const std::function<void(pqxx::work&)>& work) {
  try {
    pool.Transact(work);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInternal) << error.what();
    return error.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

class DatabaseErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    pqxx::connection connection(db_.dsn());
    pqxx::work tx(connection);
    tx.exec(sql::kCreateTablePeople.text);
    tx.exec(sql::kInsertRecognisablePerson.text);
    tx.commit();
    pool_.Prepare(sql::kInsertPerson.name, sql::kInsertPerson.text);
  }
  testing::TestDatabase db_;
  ConnectionPool pool_{db_.dsn(), 1};
};

TEST_F(DatabaseErrors, UniqueViolationKeepsTheConstraintNotTheKey) {
  std::string message = InternalErrorOf(pool_, [](pqxx::work& tx) {
    tx.exec_prepared(sql::kInsertPerson.name, "Zyxwvut Recognisable", 1951);
  });
  EXPECT_NE(message.find("23505"), std::string::npos) << message;
  EXPECT_NE(message.find("people_name_key"), std::string::npos) << message;
  EXPECT_NE(message.find(sql::kInsertPerson.name), std::string::npos)
      << message;
  EXPECT_EQ(message.find("Zyxwvut"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST_F(DatabaseErrors, InvalidInputLeavesTheValueOut) {
  std::string message = InternalErrorOf(pool_, [](pqxx::work& tx) {
    tx.exec_prepared(sql::kInsertPerson.name, "someone", "Zyxwvut1951");
  });
  EXPECT_NE(message.find("22P02"), std::string::npos) << message;
  EXPECT_EQ(message.find("Zyxwvut"), std::string::npos) << message;
}

TEST_F(DatabaseErrors, UnpreparedStatementsAreNamedByTheirFirstWordOnly) {
  std::string message = InternalErrorOf(pool_, [](pqxx::work& tx) {
    tx.exec(sql::kCastRecognisableNameToInt.text);
  });
  EXPECT_NE(message.find("unprepared SELECT"), std::string::npos) << message;
  EXPECT_EQ(message.find("Zyxwvut"), std::string::npos) << message;
}

TEST_F(DatabaseErrors, CopyErrorsLeaveTheLineOut) {
  std::string message = InternalErrorOf(pool_, [](pqxx::work& tx) {
    pqxx::stream_to copy(tx, "people",
                         std::vector<std::string>{"name", "born"});
    copy << std::make_tuple(std::string("Another Zyxwvut"), std::string("x"));
    copy.complete();
  });
  EXPECT_NE(message.find("22P02"), std::string::npos) << message;
  EXPECT_EQ(message.find("Zyxwvut"), std::string::npos) << message;
}

}  // namespace
}  // namespace depot::storage
