// bench/access_request: CompileAccessRequest latency with a realistically
// loaded depot. Against a depotd child process over mTLS:
//  1. loads `--records` deposited records (default 1,000,000) through
//     DepositService.TransferRecords, batches of 1000 over 2 streams (the
//     production path, so every row is sealed and indexed as in real use);
//  2. makes `--loans` loans (default 100,000) through ReadingRoomService:
//     `--visitors` visitors (default loans / 10), each registered with the
//     identity number of one of the deposited people, checked in, with a
//     declaration, then OpenLoan + ReturnLoan cycles on a record of its own,
//     32 visitors at a time;
//  3. `--compiles` times (default 1,000), one after another as the `dpo`
//     role: OpenAccessRequest (by identity number, untimed) then
//     CompileAccessRequest (timed) for a random person. Half of the people
//     are drawn from the visitors (records + visitor + visits + loans +
//     declaration + audit trail), half from all deposited people (mostly a
//     record and its audit trail only).
// Every extract must contain the person's record, and a visitor's its
// loans; otherwise the benchmark fails rather than timing empty answers.
// Prints `name: value` lines; p50_ms and p99_ms are the latency of
// CompileAccessRequest as the client sees it (target p99 < 100 ms).
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "bench/queries.h"
#include "depot/v1/deposit.grpc.pb.h"
#include "depot/v1/privacy.grpc.pb.h"
#include "depot/v1/readingroom.grpc.pb.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"

namespace depot {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kBatch = 1000;
constexpr int kStreams = 2;
constexpr int kLoanWorkers = 32;

struct Options {
  int records = 1000000;
  int loans = 100000;
  int visitors = 0;  // 0: loans / 10
  int compiles = 1000;
};

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

double Ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

void Check(const grpc::Status& status, const std::string& what) {
  if (!status.ok()) {
    throw std::runtime_error(what + ": " + status.error_message());
  }
}

// The identity number MakeRecords gives the person at `position`.
std::string NationalIdAt(int position) {
  return testing::MakeRecords(position, 1, "2012-01-01")[0].national_id();
}

// TransferRecords over kStreams parallel streams, stream s sending batches
// s, s + kStreams, ...; batches are made as they are sent so that a million
// records are never all in memory at once.
void LoadRecords(int port, int64_t deposit, int records) {
  int batches = (records + kBatch - 1) / kBatch;
  std::vector<std::thread> senders;
  std::atomic<bool> ok{true};
  for (int s = 0; s < kStreams; ++s) {
    senders.emplace_back([&, s] {
      auto stub =
          v1::DepositService::NewStub(testing::ChannelAs(port, "archivist"));
      grpc::ClientContext context;
      v1::TransferSummary summary;
      auto writer = stub->TransferRecords(&context, &summary);
      v1::TransferRecordsRequest start;
      start.mutable_start()->set_deposit_id(deposit);
      writer->Write(start);
      for (int b = s; b < batches; b += kStreams) {
        int first = 1 + b * kBatch;
        v1::TransferRecordsRequest message;
        for (auto& r : testing::MakeRecords(
                 first, std::min(kBatch, records - first + 1), "2012-01-01")) {
          *message.mutable_batch()->add_records() = std::move(r);
        }
        if (!writer->Write(message)) break;
      }
      writer->WritesDone();
      grpc::Status status = writer->Finish();
      if (!status.ok()) {
        std::cerr << "bench_access_request: transfer failed: "
                  << status.error_message() << "\n";
        ok = false;
      } else if (summary.rejected() != 0) {
        std::cerr << "bench_access_request: " << summary.rejected()
                  << " records rejected\n";
        ok = false;
      }
    });
  }
  for (auto& t : senders) t.join();
  if (!ok) throw std::runtime_error("loading records failed");
}

// Record ids by position ("src-<position>"), read straight from the
// database: a million-row SearchRecords walk would only slow the set-up.
std::map<int, int64_t> RecordIds(const std::string& dsn,
                                 const std::vector<int>& positions) {
  std::string list;
  for (int p : positions) {
    if (!list.empty()) list += ',';
    list += "src-" + std::to_string(p);
  }
  pqxx::connection connection(dsn);
  pqxx::read_transaction tx(connection);
  std::map<int, int64_t> ids;
  for (const auto& row :
       tx.exec_params(storage::bench_sql::kFindRecordsBySourceIds.text, list)) {
    ids[std::stoi(row[0].as<std::string>().substr(4))] = row[1].as<int64_t>();
  }
  return ids;
}

// The visitor at index k is the deposited person at position
// 1 + k * stride and borrows the record at the next position.
struct Visitors {
  int count = 0;
  int stride = 1;
  int PersonPosition(int k) const { return 1 + k * stride; }
  int ItemPosition(int k) const { return 2 + k * stride; }
};

// Registers, checks in and declares every visitor, then cycles its loans.
// Each visitor is handled by one worker from start to end, so its loans
// never race each other for the same item.
void MakeLoans(int port, const Visitors& visitors, int loans,
               const std::map<int, int64_t>& record_ids) {
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::thread> workers;
  for (int w = 0; w < kLoanWorkers; ++w) {
    workers.emplace_back([&] {
      auto desk =
          v1::ReadingRoomService::NewStub(testing::ChannelAs(port, "desk"));
      try {
        for (int k = next++; k < visitors.count && !failed; k = next++) {
          v1::RegisterVisitorRequest add;
          add.set_name("Test Person " +
                       std::to_string(visitors.PersonPosition(k)));
          add.set_contact("bench@example.org");
          add.set_id_document_kind(v1::ID_DOCUMENT_KIND_PASSPORT);
          add.set_national_id(NationalIdAt(visitors.PersonPosition(k)));
          v1::Visitor visitor;
          grpc::ClientContext add_context;
          Check(desk->RegisterVisitor(&add_context, add, &visitor),
                "RegisterVisitor");
          v1::CheckInRequest in;
          in.set_visitor_id(visitor.visitor_id());
          v1::Visit visit;
          grpc::ClientContext in_context;
          Check(desk->CheckIn(&in_context, in, &visit), "CheckIn");
          v1::SignDeclarationRequest sign;
          sign.set_visitor_id(visitor.visitor_id());
          sign.mutable_scope()->set_kind(v1::SCOPE_KIND_DEPOSITOR);
          sign.mutable_scope()->add_organization_numbers(
              testing::kOwnMunicipality);
          v1::Declaration declaration;
          grpc::ClientContext sign_context;
          Check(desk->SignDeclaration(&sign_context, sign, &declaration),
                "SignDeclaration");
          std::string item =
              "record:" +
              std::to_string(record_ids.at(visitors.ItemPosition(k)));
          // Loans spread evenly: the first loans % count visitors get one
          // more.
          int mine = loans / visitors.count + (k < loans % visitors.count);
          for (int i = 0; i < mine; ++i) {
            v1::OpenLoanRequest open;
            open.set_visitor_id(visitor.visitor_id());
            open.add_item_refs(item);
            v1::Loan loan;
            grpc::ClientContext open_context;
            Check(desk->OpenLoan(&open_context, open, &loan), "OpenLoan");
            v1::ReturnLoanRequest give_back;
            give_back.set_loan_id(loan.loan_id());
            v1::Loan returned;
            grpc::ClientContext return_context;
            Check(desk->ReturnLoan(&return_context, give_back, &returned),
                  "ReturnLoan");
          }
        }
      } catch (const std::exception& error) {
        std::cerr << "bench_access_request: " << error.what() << std::endl;
        failed = true;
      }
    });
  }
  for (auto& worker : workers) worker.join();
  if (failed) throw std::runtime_error("making loans failed");
}

struct CompileStats {
  std::vector<Clock::duration> latencies;
  int64_t items = 0;
  int with_loans = 0;
};

CompileStats Compile(int port, const Options& options,
                     const Visitors& visitors) {
  auto dpo = v1::PrivacyService::NewStub(testing::ChannelAs(port, "dpo"));
  std::mt19937 random(20250302);  // fixed: runs compare like with like
  std::uniform_int_distribution<int> any_person(1, options.records);
  std::uniform_int_distribution<int> any_visitor(
      0, std::max(0, visitors.count - 1));
  CompileStats stats;
  for (int i = 0; i < options.compiles; ++i) {
    bool visitor = visitors.count > 0 && i % 2 == 1;
    int position = visitor ? visitors.PersonPosition(any_visitor(random))
                           : any_person(random);
    v1::OpenAccessRequestRequest open;
    open.set_national_id(NationalIdAt(position));
    open.set_verified_by("id-document");
    v1::AccessRequest request;
    grpc::ClientContext open_context;
    Check(dpo->OpenAccessRequest(&open_context, open, &request),
          "OpenAccessRequest");

    v1::CompileAccessRequestRequest compile;
    compile.set_request_id(request.request_id());
    v1::AccessExtract extract;
    grpc::ClientContext compile_context;
    auto started = Clock::now();
    grpc::Status status =
        dpo->CompileAccessRequest(&compile_context, compile, &extract);
    stats.latencies.push_back(Clock::now() - started);
    Check(status, "CompileAccessRequest");

    int records = 0, loans = 0;
    for (const auto& item : extract.items()) {
      records += item.service() == "deposits" && item.kind() == "record";
      loans += item.service() == "readingroom" && item.kind() == "loan";
    }
    // An extract that misses the person's own data would time nothing.
    if (records != 1) {
      throw std::runtime_error("extract " + std::to_string(i) + " has " +
                               std::to_string(records) +
                               " records of the person, expected 1");
    }
    if (visitor && loans == 0) {
      throw std::runtime_error("extract " + std::to_string(i) +
                               " of a visitor has no loans");
    }
    stats.items += extract.items_size();
    stats.with_loans += loans > 0;
  }
  return stats;
}

Options Parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&] {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a number");
      return std::stoi(argv[++i]);
    };
    if (arg == "--records") {
      options.records = value();
    } else if (arg == "--loans") {
      options.loans = value();
    } else if (arg == "--visitors") {
      options.visitors = value();
    } else if (arg == "--compiles") {
      options.compiles = value();
    } else {
      throw std::runtime_error(
          "usage: bench_access_request [--records N] [--loans N] "
          "[--visitors N] [--compiles N]");
    }
  }
  if (options.visitors == 0) {
    options.visitors = std::max(1, options.loans / 10);
  }
  if (options.loans == 0) options.visitors = 0;
  if (options.records < 2 || options.compiles < 1 ||
      options.visitors > options.records / 2) {
    throw std::runtime_error(
        "need records >= 2, compiles >= 1 and visitors <= records / 2");
  }
  return options;
}

int Run(const Options& options) {
  testing::TestDatabase db;
  // retention off: the daily sweep must not run into the measurement.
  testing::DepotdProcess depotd({db.dsn(),
                                 "",
                                 "",
                                 {"--log-level=warn", "--database-pool-size=16",
                                  "--retention-daily-at=off"},
                                 ""});
  if (!depotd.WaitUntilServing()) {
    std::cerr << "bench_access_request: depotd did not start:\n"
              << depotd.process().Log() << std::endl;
    return 1;
  }
  int port = depotd.port();
  int64_t deposit = testing::CreateDeposit(
      testing::ChannelAs(port, "archivist"), testing::kOwnMunicipality,
      v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");

  auto started = Clock::now();
  LoadRecords(port, deposit, options.records);
  double records_s = Seconds(Clock::now() - started);

  Visitors visitors{options.visitors,
                    options.visitors ? options.records / options.visitors : 1};
  started = Clock::now();
  if (visitors.count > 0) {
    std::vector<int> items;
    for (int k = 0; k < visitors.count; ++k) {
      items.push_back(visitors.ItemPosition(k));
    }
    MakeLoans(port, visitors, options.loans, RecordIds(db.dsn(), items));
  }
  double loans_s = Seconds(Clock::now() - started);

  CompileStats stats = Compile(port, options, visitors);
  std::sort(stats.latencies.begin(), stats.latencies.end());
  auto percentile = [&](double p) {
    return Ms(stats.latencies[std::min(
        stats.latencies.size() - 1,
        static_cast<size_t>(p * stats.latencies.size()))]);
  };
  std::printf("records: %d\n", options.records);
  std::printf("loans: %d\n", options.loans);
  std::printf("visitors: %d\n", visitors.count);
  std::printf("compiles: %d\n", options.compiles);
  std::printf("compiles_with_loans: %d\n", stats.with_loans);
  std::printf("items_per_extract: %.1f\n",
              static_cast<double>(stats.items) / options.compiles);
  std::printf("load_records_per_s: %.0f\n", options.records / records_s);
  std::printf("load_loans_per_s: %.0f\n",
              options.loans ? options.loans / loans_s : 0.0);
  std::printf("p50_ms: %.1f\n", percentile(0.50));
  std::printf("p99_ms: %.1f\n", percentile(0.99));
  std::printf("max_ms: %.1f\n", Ms(stats.latencies.back()));
  return 0;
}

}  // namespace
}  // namespace depot

int main(int argc, char** argv) {
  try {
    return depot::Run(depot::Parse(argc, argv));
  } catch (const std::exception& error) {
    std::cerr << "bench_access_request: " << error.what() << std::endl;
    return 1;
  }
}
