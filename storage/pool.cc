#include "storage/pool.h"

#include <regex>

#include "services/common/error.h"
#include "storage/database_error.h"
#include "storage/queries.h"

namespace depot::storage {
namespace {

constexpr int kSerializationRetries = 5;

}  // namespace

std::string RedactPassword(const std::string& connection_string) {
  static const std::regex kPassword(R"(password\s*=\s*('([^'\\]|\\.)*'|\S+))");
  return std::regex_replace(connection_string, kPassword, "password=***");
}

class ConnectionPool::Lease {
 public:
  explicit Lease(ConnectionPool& pool) : pool_(pool), conn_(pool.Acquire()) {}
  ~Lease() {
    if (conn_.connection) pool_.Release(std::move(conn_));
  }
  pqxx::connection& operator*() { return *conn_.connection; }
  // After a broken connection: close it and do not hand it out again.
  void Discard() {
    conn_.connection.reset();
    std::lock_guard lock(pool_.mutex_);
    --pool_.open_;
    pool_.released_.notify_one();
  }

 private:
  ConnectionPool& pool_;
  Pooled conn_;
};

ConnectionPool::ConnectionPool(std::string connection_string, size_t size,
                               std::chrono::milliseconds wait)
    : connection_string_(std::move(connection_string)),
      size_(size),
      wait_(wait) {
  if (connection_string_.find("connect_timeout") == std::string::npos) {
    connection_string_ += " connect_timeout=5";
  }
  // The shared statements (health probe, audit writer) on every connection.
  Prepare(common_sql::kAllQueries);
}

ConnectionPool::~ConnectionPool() = default;

void ConnectionPool::Prepare(std::string name, std::string sql) {
  std::lock_guard lock(mutex_);
  statements_.emplace_back(std::move(name), std::move(sql));
}

ConnectionPool::Pooled ConnectionPool::Open() {
  Pooled pooled{std::make_unique<pqxx::connection>(connection_string_)};
  std::lock_guard lock(mutex_);
  DefineRegistered(pooled);
  return pooled;
}

// libpqxx prepares a defined statement on its first use, so defining costs
// no round trip. Called with mutex_ held.
void ConnectionPool::DefineRegistered(Pooled& pooled) {
  for (; pooled.defined < statements_.size(); ++pooled.defined) {
    const auto& [name, sql] = statements_[pooled.defined];
    pooled.connection->prepare(name, sql);
  }
}

void ConnectionPool::VerifyReachable() {
  try {
    // Statements may name tables that migrations have yet to create, so this
    // probe connection prepares nothing and is not kept.
    pqxx::connection probe(connection_string_);
  } catch (const std::exception& error) {
    throw StartupError("cannot connect to PostgreSQL (" +
                       RedactPassword(connection_string_) +
                       "): " + FirstLine(error.what()) +
                       " -- check that the server runs and that `database` and "
                       "`database_password_file` are right");
  }
}

ConnectionPool::Pooled ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  bool ready = released_.wait_for(
      lock, wait_, [this] { return !idle_.empty() || open_ < size_; });
  if (!ready) {
    throw Unavailable("all " + std::to_string(size_) +
                      " database connections stayed busy for " +
                      std::to_string(wait_.count()) + " ms; retry shortly");
  }
  if (!idle_.empty()) {
    Pooled pooled = std::move(idle_.back());
    idle_.pop_back();
    DefineRegistered(pooled);
    return pooled;
  }
  ++open_;
  lock.unlock();
  try {
    return Open();
  } catch (...) {
    lock.lock();
    --open_;
    released_.notify_one();
    lock.unlock();
    RethrowAsDepotError();
  }
}

void ConnectionPool::Release(Pooled pooled) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(pooled));
  released_.notify_one();
}

void ConnectionPool::DropIdle() {
  std::lock_guard lock(mutex_);
  open_ -= idle_.size();
  idle_.clear();
  released_.notify_all();
}

template <typename Tx>
void ConnectionPool::Run(const std::function<void(Tx&)>& work) {
  bool reconnected = false;
  for (int attempt = 0;; ++attempt) {
    Lease lease(*this);
    try {
      Tx transaction(*lease);
      work(transaction);
      transaction.commit();
      return;
    } catch (const pqxx::in_doubt_error&) {
      lease.Discard();
      RethrowAsDepotError();
    } catch (const pqxx::broken_connection&) {
      lease.Discard();
      // The server restarted since these connections were opened: they are
      // all dead. Nothing was committed, so one retry on a fresh one is safe.
      DropIdle();
      if (reconnected) RethrowAsDepotError();
      reconnected = true;
    } catch (const pqxx::serialization_failure&) {
      if (attempt >= kSerializationRetries) RethrowAsDepotError();
    } catch (const pqxx::deadlock_detected&) {
      if (attempt >= kSerializationRetries) RethrowAsDepotError();
    } catch (const pqxx::sql_error& error) {
      if (IsServerGone(error.sqlstate())) {
        lease.Discard();
        DropIdle();
        if (reconnected) RethrowAsDepotError();
        reconnected = true;
        continue;
      }
      RethrowAsDepotError();
    } catch (const pqxx::pqxx_exception&) {
      RethrowAsDepotError();
    }
  }
}

void ConnectionPool::Transact(const std::function<void(pqxx::work&)>& work) {
  Run<pqxx::work>(work);
}

void ConnectionPool::Read(
    const std::function<void(pqxx::nontransaction&)>& work) {
  Run<pqxx::nontransaction>(work);
}

void ConnectionPool::Ping() {
  bool free = false;
  {
    std::lock_guard lock(mutex_);
    free = !idle_.empty() || open_ < size_;
  }
  if (free) {
    Read([](pqxx::nontransaction& tx) {
      tx.exec_prepared(common_sql::kSelectOne.name);
    });
    return;
  }
  try {
    pqxx::connection probe(connection_string_);
    probe.prepare(common_sql::kSelectOne.name, common_sql::kSelectOne.text);
    pqxx::nontransaction tx(probe);
    tx.exec_prepared(common_sql::kSelectOne.name);
  } catch (const pqxx::pqxx_exception&) {
    RethrowAsDepotError();
  }
}

}  // namespace depot::storage
