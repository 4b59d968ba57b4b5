// bench/transfer: records/s through TransferRecords into a running depotd
// over mTLS, against the limit: COPY of the same rows (as the depot stored
// them) straight into a table of the same shape, on the same PostgreSQL,
// in the same run.
// Prints `name: value` lines.
#include <grpcpp/grpcpp.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <pqxx/stream_from>
#include <pqxx/stream_to>
#include <random>
#include <string>
#include <thread>

#include "bench/queries.h"
#include "storage/copy_field.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"

namespace {

using Clock = std::chrono::steady_clock;
using depot::v1::RecordData;
using depot::v1::TransferRecordsRequest;

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// One row of deposits.records as COPY text gives it, field by field.
constexpr size_t kRecordColumns = 17;
using RecordRow = std::array<depot::storage::CopyField, kRecordColumns>;

RecordRow ParseRow(std::string line) {
  if (!line.empty() && line.back() == '\n') line.pop_back();
  RecordRow row;
  size_t at = 0;
  for (size_t i = 0; i < kRecordColumns; ++i) {
    size_t tab = line.find('\t', at);
    if ((tab == std::string::npos) != (i + 1 == kRecordColumns)) {
      throw std::runtime_error("unexpected COPY row: " + line);
    }
    std::string field = line.substr(
        at, tab == std::string::npos ? std::string::npos : tab - at);
    if (field == "\\N") {
      row[i] = {"", true};
    } else if (field.find('\\') != std::string::npos) {
      // Sealed values are base64 and keys hex: no escapes to undo.
      throw std::runtime_error("unexpected escape in COPY row: " + line);
    } else {
      row[i] = {field, false};
    }
    at = tab + 1;
  }
  return row;
}

long PeakRssKb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  }
  return -1;
}

// Streams the batches over `streams` parallel TransferRecords calls, each
// taking every streams-th batch.
bool SendAll(int port, int64_t deposit,
             const std::vector<TransferRecordsRequest>& batches, int streams) {
  std::vector<std::thread> senders;
  std::atomic<bool> ok{true};
  for (int s = 0; s < streams; ++s) {
    senders.emplace_back([&, s] {
      auto stub = depot::v1::DepositService::NewStub(
          depot::testing::ChannelAs(port, "archivist"));
      grpc::ClientContext context;
      depot::v1::TransferSummary summary;
      auto writer = stub->TransferRecords(&context, &summary);
      TransferRecordsRequest start;
      start.mutable_start()->set_deposit_id(deposit);
      writer->Write(start);
      for (size_t i = s; i < batches.size(); i += streams) {
        if (!writer->Write(batches[i])) break;
      }
      writer->WritesDone();
      grpc::Status status = writer->Finish();
      if (!status.ok()) {
        std::cerr << "transfer failed: " << status.error_message() << "\n";
        ok = false;
      }
    });
  }
  for (auto& t : senders) t.join();
  return ok;
}

// The records of the run in batches, made before the clock starts.
std::vector<TransferRecordsRequest> MakeBatches(int records, int batch) {
  std::vector<TransferRecordsRequest> batches;
  for (int first = 1; first <= records; first += batch) {
    TransferRecordsRequest message;
    for (auto& r : depot::testing::MakeRecords(
             first, std::min(batch, records - first + 1), "2012-01-01")) {
      *message.mutable_batch()->add_records() = std::move(r);
    }
    batches.push_back(std::move(message));
  }
  return batches;
}

// The columns select_stored_records_to_copy.sql reads, in its order.
const std::vector<std::string> kCopiedColumns = {"deposit_id",
                                                 "source_record_id",
                                                 "position",
                                                 "name_sealed",
                                                 "national_id_sealed",
                                                 "national_id_kind",
                                                 "national_id_index",
                                                 "person_index",
                                                 "birth_date_sealed",
                                                 "opened_date",
                                                 "last_contact_date",
                                                 "death_year",
                                                 "box",
                                                 "shelf",
                                                 "documents_sealed",
                                                 "subject",
                                                 "noark_sealed"};
static_assert(kRecordColumns == 17);

// The very rows the depot stored (sealed names and identity numbers, blind
// indexes and pseudonyms as they are), read back before the clock starts,
// and the table of the same shape (same columns and indexes, no foreign
// keys) that the limit copies them into.
std::vector<RecordRow> ReadStoredRows(pqxx::connection& connection) {
  std::vector<std::string> rows;
  {
    pqxx::work tx(connection);
    tx.exec(depot::storage::bench_sql::kCreateTableCopyLimit.text);
    // stream_from runs COPY (query) TO STDOUT for a parenthesised query.
    pqxx::stream_from stored(
        tx,
        "(" +
            std::string(
                depot::storage::bench_sql::kSelectStoredRecordsToCopy.text) +
            ")");
    std::string line;
    while (stored.get_raw_line(line)) rows.push_back(line);
    stored.complete();
    tx.commit();
  }
  std::vector<RecordRow> parsed;
  parsed.reserve(rows.size());
  for (const std::string& line : rows) parsed.push_back(ParseRow(line));
  return parsed;
}

// The limit: COPY of the rows, committed in batches as the depot commits
// them; returns the seconds it took.
double CopyLimit(pqxx::connection& connection,
                 const std::vector<RecordRow>& parsed, size_t batch) {
  auto started = Clock::now();
  for (size_t first = 0; first < parsed.size(); first += batch) {
    pqxx::work tx(connection);
    pqxx::stream_to stream(tx, "copy_limit", kCopiedColumns);
    for (size_t r = first; r < first + batch && r < parsed.size(); ++r) {
      stream << std::apply(
          [](const auto&... field) { return std::make_tuple(field...); },
          parsed[r]);
    }
    stream.complete();
    tx.commit();
  }
  return Seconds(Clock::now() - started);
}

void Report(int records, double depot_seconds, double copy_seconds,
            long rss_kb) {
  double depot_rate = records / depot_seconds;
  double copy_rate = records / copy_seconds;
  std::printf("records: %d\n", records);
  std::printf("depot_records_per_s: %.0f\n", depot_rate);
  std::printf("copy_records_per_s: %.0f\n", copy_rate);
  std::printf("ratio: %.2f\n", depot_rate / copy_rate);
  std::printf("depotd_peak_rss_mb: %.1f\n", rss_kb / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  int records = 1000000;
  int batch = 1000;
  int streams = 2;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--records" && i + 1 < argc) records = std::stoi(argv[++i]);
    if (arg == "--batch" && i + 1 < argc) batch = std::stoi(argv[++i]);
    if (arg == "--streams" && i + 1 < argc) streams = std::stoi(argv[++i]);
  }
  depot::testing::TestDatabase db;
  depot::testing::DepotdProcess depotd(
      {db.dsn(), "", "", {"--log-level=warn"}, ""});
  if (!depotd.WaitUntilServing()) {
    std::cerr << depotd.process().Log();
    return 1;
  }
  auto channel = depot::testing::ChannelAs(depotd.port(), "archivist");
  int64_t deposit = depot::testing::CreateDeposit(
      channel, depot::testing::kOwnMunicipality,
      depot::v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  std::vector<TransferRecordsRequest> batches = MakeBatches(records, batch);

  auto started = Clock::now();
  if (!SendAll(depotd.port(), deposit, batches, streams)) return 1;
  double depot_seconds = Seconds(Clock::now() - started);
  long rss_kb = PeakRssKb(depotd.process().pid());

  pqxx::connection connection(db.dsn());
  std::vector<RecordRow> rows = ReadStoredRows(connection);
  if (rows.size() != static_cast<size_t>(records)) {
    std::cerr << "depot stored " << rows.size() << " of " << records
              << " records\n";
    return 1;
  }
  double copy_seconds = CopyLimit(connection, rows, batch);
  Report(records, depot_seconds, copy_seconds, rss_kb);
  return 0;
}
