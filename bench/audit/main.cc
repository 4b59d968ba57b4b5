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
          loan = tx.exec_params1(
                       "INSERT INTO bench_loans (item, visitor) VALUES ($1, "
                       "$2) RETURNING id",
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
          tx.exec_params(
              "UPDATE bench_loans SET returned_at = now() WHERE id "
              "= $1",
              loan);
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

int Run() {
  int events = EnvInt("BENCH_AUDIT_EVENTS", 1'000'000);
  int callers = EnvInt("BENCH_CALLERS", 64);
  int seconds = EnvInt("BENCH_SECONDS", 5);
  testing::TestDatabase db;
  storage::ConnectionPool pool(db.dsn(), 4);
  storage::PgAuditStore store(pool);
  auto key = audit::AuditSigningKey::Generate();
  audit::Sealer sealer(store, *key, SystemClock(),
                       audit::SealerOptions{10'000, 1'000'000, 10'000'000});
  audit::AuditLogs logs(store, *key, sealer);

  auto start = Clock::now();
  Load(db.dsn(), events);
  double load_seconds = Seconds(start);

  start = Clock::now();
  int64_t sealed = 0;
  for (;;) {
    auto pass = sealer.SealLog("deposits", true);
    sealed += pass.sealed;
    if (pass.sealed == 0) break;
  }
  double seal_seconds = Seconds(start);
  {
    pqxx::connection connection(db.dsn());
    pqxx::nontransaction(connection)
        .exec("VACUUM ANALYZE deposits.audit_events");
  }

  start = Clock::now();
  audit::VerifyOutcome outcome = logs.Verify("deposits");
  double verify_seconds = Seconds(start);
  if (!outcome.verification.ok() ||
      outcome.verification.events_checked != events) {
    std::cerr << "bench_audit: verification failed: "
              << (outcome.verification.first_bad
                      ? outcome.verification.first_bad->detail
                      : "wrong count")
              << std::endl;
    return 1;
  }

  // The fast path must still see tampering: change one event in the
  // middle; verification falls back to the sequential walk that names it.
  {
    pqxx::connection connection(db.dsn());
    pqxx::work tx(connection);
    tx.exec(
        "UPDATE deposits.audit_events SET detail = 'results=2' WHERE seq "
        "= " +
        std::to_string(events / 2 + 1));
    tx.commit();
  }
  start = Clock::now();
  audit::VerifyOutcome tampered = logs.Verify("deposits");
  double tampered_seconds = Seconds(start);
  const auto& bad = tampered.verification.first_bad;
  bool named = bad && bad->what == "changed" && bad->seq == events / 2 + 1;
  {
    pqxx::connection connection(db.dsn());
    pqxx::work tx(connection);
    tx.exec(
        "UPDATE deposits.audit_events SET detail = 'results=1' WHERE seq "
        "= " +
        std::to_string(events / 2 + 1));
    tx.commit();
  }

  {
    pqxx::connection connection(db.dsn());
    pqxx::work tx(connection);
    tx.exec(
        "CREATE TABLE bench_loans (id bigint GENERATED ALWAYS AS IDENTITY "
        "PRIMARY KEY, item text NOT NULL, visitor bigint NOT NULL, "
        "opened_at timestamptz NOT NULL DEFAULT now(), returned_at "
        "timestamptz)");
    tx.commit();
  }
  double without = 0, with = 0;
  {
    // The sealer keeps chaining the appended events meanwhile, as in depotd.
    audit::Sealer background(store, *key, SystemClock());
    audit::SealerThread thread(background, std::chrono::milliseconds(200));
    for (int round = 0; round < 2; ++round) {
      without += LoanCycles(db.dsn(), callers, seconds, false);
      with += LoanCycles(db.dsn(), callers, seconds, true);
    }
  }
  auto readingroom = logs.Verify("readingroom");

  std::cout << "events: " << events << "\n"
            << "load_events_per_s: "
            << static_cast<int64_t>(events / load_seconds) << "\n"
            << "seal_events_per_s: "
            << static_cast<int64_t>(sealed / seal_seconds) << "\n"
            << "verify_seconds: " << verify_seconds << "\n"
            << "verify_events_per_s: "
            << static_cast<int64_t>(events / verify_seconds) << "\n"
            << "verify_names_changed_event: " << (named ? "yes" : "NO") << "\n"
            << "verify_tampered_seconds: " << tampered_seconds << "\n"
            << "loan_cycles_per_s_without_audit: "
            << static_cast<int64_t>(without / 2) << "\n"
            << "loan_cycles_per_s_with_audit: "
            << static_cast<int64_t>(with / 2) << "\n"
            << "append_overhead_ratio: " << with / without << "\n"
            << "readingroom_log_after_bench_verifies: "
            << (readingroom.verification.ok() ? "yes" : "NO") << "\n";
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
