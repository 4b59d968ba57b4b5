// bench_public_journal: generates 100,000 journal entries (a third of them
// in job-application cases, whose applicants are screened) and exports the
// public journal of the whole range as Noark 5 offentligJournal.xml.
// Prints `name: value` lines. Runs on the cluster of DEPOT_TEST_DSN (ops/bench
// sets it; without it, a private one) in a database of its own.
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "services/common/crypto/keyring.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "storage/journal/pg_journal_store.h"
#include "tests/support/postgres.h"

namespace {

using namespace depot;
using namespace depot::journal;
using Clock = std::chrono::steady_clock;

constexpr int kEntries = 100000;
constexpr int kApplicantsPerJobCase = 50;
constexpr int kEntriesPerOrdinaryCase = 20;
constexpr int kWriters = 4;

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // kilobytes on Linux
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Entry i of the run: which case, which date (spread over 2025 in order),
// who wrote.
struct Plan {
  std::vector<std::string> job_cases;
  std::vector<std::string> ordinary_cases;
};

NewEntry EntryFor(int i, const Plan& plan) {
  static const char* kFirst[] = {"Kari",  "Ola", "Øyvind", "Åse", "Sol",
                                 "Storm", "Liv", "Bjørn",  "Mai", "Per"};
  static const char* kLast[] = {"Nordmann", "Hansen", "Ødegård", "Berg",
                                "Sæther",   "Dal",    "Strand",  "Ås",
                                "Bø",       "Vik"};
  NewEntry e;
  int day = i * 365 / kEntries;
  std::chrono::sys_days date =
      std::chrono::sys_days(std::chrono::year(2025) / 1 / 1) +
      std::chrono::days(day);
  e.journal_date = FormatDate(std::chrono::year_month_day(date));
  e.type = EntryType::kIncoming;
  if (i % 3 == 0) {
    int applicant = i / 3;
    std::string name = std::string(kFirst[applicant % 10]) + " " +
                       kLast[(applicant / 10) % 10] + " " +
                       kLast[(applicant / 100) % 10] + " " +
                       std::to_string(applicant);
    e.case_number = plan.job_cases[(applicant / kApplicantsPerJobCase) %
                                   plan.job_cases.size()];
    e.title = "Søknad på stilling som arkivar - " + name;
    e.correspondents.push_back(
        {name, CorrespondentKind::kSender, std::nullopt, {}});
    NewDocument d;
    d.description = "Søknad og CV " + name + ".pdf";
    d.content_ref = "dms:application-" + std::to_string(i);
    d.sha256 = std::string(64, 'a');
    d.role = DocumentRole::kApplication;
    e.documents.push_back(d);
  } else {
    int ordinary = i - i / 3 - 1;
    e.case_number = plan.ordinary_cases[(ordinary / kEntriesPerOrdinaryCase) %
                                        plan.ordinary_cases.size()];
    e.title = "Merknad til reguleringsplan for Storgata " +
              std::to_string(i % 97) + " & sidevei";
    e.correspondents.push_back({"Vestland fylkeskommune",
                                CorrespondentKind::kSender,
                                std::nullopt,
                                {}});
  }
  return e;
}

int Run() {
  // A database of its own with the migrations applied, dropped at the end.
  depot::testing::TestDatabase db;
  const std::string& dsn = db.dsn();

  // Generating is not what is measured: no waiting for the disk.
  storage::ConnectionPool pool(dsn + " options='-c synchronous_commit=off'",
                               kWriters + 2);
  Keyring keyring = Keyring::Random();
  storage::PgJournalStore store(pool, keyring);
  auto now = [] {
    return std::chrono::sys_days(std::chrono::year(2026) / 1 / 15) +
           std::chrono::hours(12);
  };
  Journal journal(store, keyring, now);
  Caller archivist{"bench", Role::kArchivist, ""};

  auto generate_start = Clock::now();
  Plan plan;
  int job_entries = (kEntries + 2) / 3;
  int ordinary_entries = kEntries - job_entries;
  for (int k = 0; k * kApplicantsPerJobCase < job_entries; ++k) {
    NewCase c;
    c.kind = CaseKind::kJobApplication;
    c.title = "Stilling som arkivar nr. " + std::to_string(k);
    plan.job_cases.push_back(journal.CreateCase(archivist, c).Number());
  }
  for (int k = 0; k * kEntriesPerOrdinaryCase < ordinary_entries; ++k) {
    NewCase c;
    c.kind = CaseKind::kOrdinary;
    c.title = "Reguleringsplan nr. " + std::to_string(k);
    plan.ordinary_cases.push_back(journal.CreateCase(archivist, c).Number());
  }
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&] {
      try {
        for (int i = next++; i < kEntries && !failed; i = next++) {
          journal.RecordEntry(archivist, EntryFor(i, plan));
        }
      } catch (const std::exception& error) {
        std::cerr << "generating failed: " << error.what() << "\n";
        failed = true;
      }
    });
  }
  for (auto& t : writers) t.join();
  if (failed) return 1;
  double generate_s = Seconds(generate_start);
  double rss_before = PeakRssMb();

  PublicJournal reports(store, keyring, now);
  Caller desk{"bench", Role::kDesk, ""};
  size_t bytes = 0, chunks = 0;
  auto export_start = Clock::now();
  reports.ExportOffentlig(desk, "2025-01-01", "2025-12-31",
                          [&](std::string_view chunk) {
                            bytes += chunk.size();
                            ++chunks;
                          });
  double export_s = Seconds(export_start);

  std::printf("entries: %d\n", kEntries);
  std::printf("job_application_entries: %d\n", job_entries);
  std::printf("generate_s: %.1f\n", generate_s);
  std::printf("export_s: %.2f\n", export_s);
  std::printf("entries_per_s: %.0f\n", kEntries / export_s);
  std::printf("xml_mb: %.1f\n", bytes / 1048576.0);
  std::printf("xml_chunks: %zu\n", chunks);
  std::printf("rss_before_export_mb: %.1f\n", rss_before);
  std::printf("peak_rss_mb: %.1f\n", PeakRssMb());
  return 0;
}

}  // namespace

int main() {
  try {
    return Run();
  } catch (const std::exception& error) {
    std::cerr << "bench_public_journal: " << error.what() << "\n";
    return 1;
  }
}
