// bench/audit: the tamper-evident audit log at 1,000,000 events.
//
//   events               events in the log (BENCH_AUDIT_EVENTS, default 1e6),
//                        written with COPY as writers would have inserted them
//   seal_events_per_s    the sealer chaining them (batches of 10,000)
//   verify_events_per_s  VerifyAudit's whole path: COPY of the sealed events
//                        in seq order out of PostgreSQL (in seq ranges on
//                        several connections sharing one exported snapshot),
//                        parsing, SHA-256 chain, signed heads (target >=
//                        1,000,000)
//   verify_names_changed_event  after one event in the middle is UPDATEd,
//                        verification still names it (seq, "changed"); it
//                        takes verify_tampered_seconds (the parallel check,
//                        then the sequential walk that names the event)
//   append_overhead_ratio  loan-shaped cycles/s with the audit append divided
//                        by cycles/s without it, same run, same database,
//                        64 concurrent connections (BENCH_CALLERS), while the
//                        sealer thread runs every 200 ms. A cycle is two
//                        transactions as OpenLoan and ReturnLoan make them:
//                        INSERT of a loan row, then UPDATE of it; "with
//                        audit" adds one storage::AppendAuditEvent INSERT to
//                        each of the two transactions. No gRPC: the ratio is
//                        the database cost of the append alone. Phases
//                        alternate without/with twice (BENCH_SECONDS each).
//
// Environment: DEPOT_TEST_DSN (superuser DSN of a throwaway cluster, set by
// ops/bench). Prints `name: value` lines.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <pqxx/pqxx>
#include <pqxx/stream_to>
#include <thread>
#include <vector>

#include "bench/queries.h"
#include "services/audit/domain/audit_logs.h"
#include "services/audit/sealer_thread.h"
#include "services/common/clock.h"
#include "storage/audit/pg_audit_store.h"
#include "storage/audit_writer.h"
#include "tests/support/postgres.h"

namespace depot {
namespace {

using Clock = std::chrono::steady_clock;

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::atoi(value) : fallback;
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

void Load(const std::string& dsn, int events) {
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  pqxx::stream_to copy(tx, "deposits.audit_events",
                       std::vector<std::string>{"actor", "actor_role", "action",
                                                "object", "subject", "detail"});
  for (int i = 0; i < events; ++i) {
    // Shapes of real events: a record read by an archivist, about a person.
    copy << std::make_tuple(
        std::string("archivist-") + std::to_string(i % 7),
        std::string("archivist"), std::string("record.search"),
        "record/" + std::to_string(100000 + i),
        std::string("5d41402abc4b2a76b9719d911017c592f1a0e9b3c7d28e4f6a") +
            std::to_string(i % 1000),
        std::string("results=1"));
  }
  copy.complete();
  tx.commit();
}

// 64 callers, each on its own connection, for `seconds`; returns cycles/s.
double LoanCycles(const std::string& dsn, int callers, int seconds,
                  bool audited) {
  std::atomic<bool> stop{false};
  std::atomic<int64_t> cycles{0};
  std::vector<std::thread> threads;
  for (int c = 0; c < callers; ++c) {
    threads.emplace_back([&, c] {
      pqxx::connection connection(dsn);
      int64_t done = 0;
      while (!stop) {
        int64_t loan = 0;
        {
          pqxx::work tx(connection);
          loan = tx.exec_params1(storage::bench_sql::kOpenBenchLoan.text,
                                 "record/" + std::to_string(c), c)[0]
                     .as<int64_t>();
          if (audited) {
            storage::AppendAuditEvent(
                tx, "readingroom",
                {"desk-1", "desk", "loan.open", "loan/" + std::to_string(loan),
                 "3f2a9c", "item=record/" + std::to_string(c)});
          }
          tx.commit();
        }
        {
          pqxx::work tx(connection);
          tx.exec_params(storage::bench_sql::kReturnBenchLoan.text, loan);
          if (audited) {
            storage::AppendAuditEvent(
                tx, "readingroom",
                {"desk-1", "desk", "loan.return",
                 "loan/" + std::to_string(loan), "3f2a9c", ""});
          }
          tx.commit();
        }
        ++done;
      }
      cycles += done;
    });
  }
  auto start = Clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  return static_cast<double>(cycles) / Seconds(start);
}

// What Run measures, for Report.
struct Results {
  int events = 0;
  double load_seconds = 0;
  int64_t sealed = 0;
  double seal_seconds = 0;
  double verify_seconds = 0;
  bool named = false;
  double tampered_seconds = 0;
  double without = 0;  // loan cycles/s without the audit append, two rounds
  double with = 0;     // and with it
  bool readingroom_verifies = false;
};

// The sealer's passes over the deposits log until nothing is left.
int64_t SealAll(audit::Sealer& sealer) {
  int64_t sealed = 0;
  for (;;) {
    auto pass = sealer.SealLog("deposits", true);
    sealed += pass.sealed;
    if (pass.sealed == 0) return sealed;
  }
}

void ChangeDetail(const std::string& dsn, int64_t seq,
                  const std::string& detail) {
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  tx.exec_params(storage::bench_sql::kChangeAuditEventDetail.text, seq, detail);
  tx.commit();
}

// Loads, seals and verifies the log; false when it does not verify.
bool LoadSealAndVerify(const std::string& dsn, audit::Sealer& sealer,
                       audit::AuditLogs& logs, Results& results) {
  auto start = Clock::now();
  Load(dsn, results.events);
  results.load_seconds = Seconds(start);

  start = Clock::now();
  results.sealed = SealAll(sealer);
  results.seal_seconds = Seconds(start);
  {
    pqxx::connection connection(dsn);
    pqxx::nontransaction(connection)
        .exec(storage::bench_sql::kVacuumAnalyzeAuditEvents.text);
  }

  start = Clock::now();
  audit::VerifyOutcome outcome = logs.Verify("deposits");
  results.verify_seconds = Seconds(start);
  if (!outcome.verification.ok() ||
      outcome.verification.events_checked != results.events) {
    std::cerr << "bench_audit: verification failed: "
              << (outcome.verification.first_bad
                      ? outcome.verification.first_bad->detail
                      : "wrong count")
              << std::endl;
    return false;
  }
  return true;
}

// The fast path must still see tampering: change one event in the middle;
// verification falls back to the sequential walk that names it.
void VerifyTampered(const std::string& dsn, audit::AuditLogs& logs,
                    Results& results) {
  int64_t middle = results.events / 2 + 1;
  ChangeDetail(dsn, middle, "results=2");
  auto start = Clock::now();
  audit::VerifyOutcome tampered = logs.Verify("deposits");
  results.tampered_seconds = Seconds(start);
  const auto& bad = tampered.verification.first_bad;
  results.named = bad && bad->what == "changed" && bad->seq == middle;
  ChangeDetail(dsn, middle, "results=1");
}

// Loan cycles without and with the audit append, while the sealer keeps
// chaining the appended events meanwhile, as in depotd.
void MeasureAppendOverhead(const std::string& dsn, storage::PgAuditStore& store,
                           const audit::AuditSigningKey& key, int callers,
                           int seconds, Results& results) {
  {
    pqxx::connection connection(dsn);
    pqxx::work tx(connection);
    tx.exec(storage::bench_sql::kCreateTableBenchLoans.text);
    tx.commit();
  }
  audit::Sealer background(store, key, SystemClock());
  audit::SealerThread thread(background, std::chrono::milliseconds(200));
  for (int round = 0; round < 2; ++round) {
    results.without += LoanCycles(dsn, callers, seconds, false);
    results.with += LoanCycles(dsn, callers, seconds, true);
  }
}

void Report(const Results& r) {
  std::cout << "events: " << r.events << "\n"
            << "load_events_per_s: "
            << static_cast<int64_t>(r.events / r.load_seconds) << "\n"
            << "seal_events_per_s: "
            << static_cast<int64_t>(r.sealed / r.seal_seconds) << "\n"
            << "verify_seconds: " << r.verify_seconds << "\n"
            << "verify_events_per_s: "
            << static_cast<int64_t>(r.events / r.verify_seconds) << "\n"
            << "verify_names_changed_event: " << (r.named ? "yes" : "NO")
            << "\n"
            << "verify_tampered_seconds: " << r.tampered_seconds << "\n"
            << "loan_cycles_per_s_without_audit: "
            << static_cast<int64_t>(r.without / 2) << "\n"
            << "loan_cycles_per_s_with_audit: "
            << static_cast<int64_t>(r.with / 2) << "\n"
            << "append_overhead_ratio: " << r.with / r.without << "\n"
            << "readingroom_log_after_bench_verifies: "
            << (r.readingroom_verifies ? "yes" : "NO") << "\n";
}

int Run() {
  Results results;
  results.events = EnvInt("BENCH_AUDIT_EVENTS", 1'000'000);
  int callers = EnvInt("BENCH_CALLERS", 64);
  int seconds = EnvInt("BENCH_SECONDS", 5);
  testing::TestDatabase db;
  storage::ConnectionPool pool(db.dsn(), 4);
  storage::PgAuditStore store(pool);
  auto key = audit::AuditSigningKey::Generate();
  audit::Sealer sealer(store, *key, SystemClock(),
                       audit::SealerOptions{10'000, 1'000'000, 10'000'000});
  audit::AuditLogs logs(store, *key, sealer);

  if (!LoadSealAndVerify(db.dsn(), sealer, logs, results)) return 1;
  VerifyTampered(db.dsn(), logs, results);
  MeasureAppendOverhead(db.dsn(), store, *key, callers, seconds, results);
  results.readingroom_verifies = logs.Verify("readingroom").verification.ok();
  Report(results);
  return 0;
}

}  // namespace
}  // namespace depot

int main() {
  try {
    return depot::Run();
  } catch (const std::exception& error) {
    std::cerr << "bench_audit: " << error.what() << std::endl;
    return 1;
  }
}
