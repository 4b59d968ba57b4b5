#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <utility>
#include <vector>

#include "storage/database_error.h"
#include "storage/sql_query.h"

namespace depot::storage {

/// A small pool of libpqxx connections: libpqxx has none, and a connection
/// with its transactions belongs to one thread at a time. Connections are
/// opened lazily, get every registered statement prepared when they open,
/// and are replaced after the server drops them.
class ConnectionPool {
 public:
  static constexpr std::chrono::milliseconds kDefaultWait{10000};

  /// wait: how long a call waits for a free connection before it fails
  /// with Unavailable (never forever).
  ConnectionPool(std::string connection_string, size_t size,
                 std::chrono::milliseconds wait = kDefaultWait);
  ~ConnectionPool();

  /// Registers a statement to prepare on every connection, those already
  /// open included (each gets it when it is next handed out).
  void Prepare(std::string name, std::string sql);
  /// Registers every statement of a store's queries/ directory.
  template <size_t N>
  void Prepare(const SqlQuery (&queries)[N]) {
    for (const SqlQuery& query : queries) Prepare(query.name, query.text);
  }

  /// Opens one connection now; throws StartupError with one line saying
  /// what to fix when the database cannot be reached or refuses us.
  void VerifyReachable();

  /// Runs work in one transaction and commits. Retries the whole work on a
  /// serialization failure or deadlock (a few times), and once on a fresh
  /// connection when the old one turns out dead before commit. Database
  /// failures leave as depot::Error (Unavailable, Conflict, ...).
  void Transact(const std::function<void(pqxx::work&)>& work);

  /// Runs reads without a transaction: each statement commits on its own,
  /// which saves the BEGIN and COMMIT round trips of a lookup of one
  /// statement. For reads that need no common snapshot; never for writes.
  /// Retries once on a fresh connection as Transact does.
  void Read(const std::function<void(pqxx::nontransaction&)>& work);

  /// Whether the database answers (SELECT 1), for the health service:
  /// throws Unavailable when it does not. Uses a pooled connection when
  /// one is free, else one of its own, so a busy pool neither delays the
  /// answer nor passes for a database that is down.
  void Ping();

  const std::string& connection_string() const { return connection_string_; }

 private:
  class Lease;
  // A connection and how many of statements_ are defined on it.
  struct Pooled {
    std::unique_ptr<pqxx::connection> connection;
    size_t defined = 0;
  };
  Pooled Acquire();
  void Release(Pooled pooled);
  void DropIdle();
  Pooled Open();
  void DefineRegistered(Pooled& pooled);
  template <typename Tx>
  void Run(const std::function<void(Tx&)>& work);

  std::string connection_string_;
  size_t size_;
  std::chrono::milliseconds wait_;
  std::mutex mutex_;
  std::condition_variable released_;
  std::vector<Pooled> idle_;
  size_t open_ = 0;
  std::vector<std::pair<std::string, std::string>> statements_;
};

/// The connection string without its password, for messages and logs.
std::string RedactPassword(const std::string& connection_string);

}  // namespace depot::storage
