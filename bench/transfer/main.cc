// bench/transfer: records/s through TransferRecords into a running depotd
// over mTLS, against the limit: COPY of rows of the same shape straight
// into a table of the same shape, on the same PostgreSQL, in the same run.
// Prints `name: value` lines.
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <pqxx/stream_to>
#include <random>
#include <string>
#include <thread>

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
  depot::testing::DepotdProcess depotd({db.dsn(), "", "", {"--log-level=warn"}, ""});
  if (!depotd.WaitUntilServing()) {
    std::cerr << depotd.process().Log();
    return 1;
  }
  auto channel = depot::testing::ChannelAs(depotd.port(), "archivist");
  int64_t deposit = depot::testing::CreateDeposit(
      channel, depot::testing::kOwnMunicipality,
      depot::v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");

  // The records, made before the clock starts.
  std::vector<TransferRecordsRequest> batches;
  for (int first = 1; first <= records; first += batch) {
    TransferRecordsRequest message;
    for (auto& r : depot::testing::MakeRecords(
             first, std::min(batch, records - first + 1), "2012-01-01")) {
      *message.mutable_batch()->add_records() = std::move(r);
    }
    batches.push_back(std::move(message));
  }

  auto started = Clock::now();
  if (!SendAll(depotd.port(), deposit, batches, streams)) return 1;
  double depot_seconds = Seconds(Clock::now() - started);
  long rss_kb = PeakRssKb(depotd.process().pid());

  // The limit: COPY rows of the same shape and sizes into a table of the
  // same shape (same columns and indexes), committed in batches alike.
  pqxx::connection connection(db.dsn());
  {
    pqxx::work tx(connection);
    tx.exec(
        "CREATE TABLE copy_limit (LIKE deposits.records INCLUDING DEFAULTS "
        "INCLUDING IDENTITY INCLUDING INDEXES)");
    tx.commit();
  }
  std::string sealed_name(64, 'n'), sealed_id(56, 'i'), sealed_birth(52, 'b'),
      index(64, 'x');
  started = Clock::now();
  for (int first = 1; first <= records; first += batch) {
    pqxx::work tx(connection);
    pqxx::stream_to stream(
        tx, "copy_limit",
        std::vector<std::string>{"deposit_id", "source_record_id", "position",
                                 "name_sealed", "national_id_sealed",
                                 "national_id_kind", "national_id_index",
                                 "person_index", "birth_date_sealed",
                                 "opened_date", "last_contact_date", "box",
                                 "shelf", "subject"});
    for (int p = first; p < first + batch && p <= records; ++p) {
      std::string n = std::to_string(p);
      stream << std::make_tuple(deposit, "src-" + n, p, sealed_name + n,
                                sealed_id + n, "no-fnr", index + n, index + n + "p",
                                sealed_birth, "1970-01-01", "2012-01-01",
                                "box-" + std::to_string(p / 100), "A-1",
                                index + n + "s");
    }
    stream.complete();
    tx.commit();
  }
  double copy_seconds = Seconds(Clock::now() - started);

  double depot_rate = records / depot_seconds;
  double copy_rate = records / copy_seconds;
  std::printf("records: %d\n", records);
  std::printf("depot_records_per_s: %.0f\n", depot_rate);
  std::printf("copy_records_per_s: %.0f\n", copy_rate);
  std::printf("ratio: %.2f\n", depot_rate / copy_rate);
  std::printf("depotd_peak_rss_mb: %.1f\n", rss_kb / 1024.0);
  return 0;
}
