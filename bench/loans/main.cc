// bench_loans: OpenLoan + ReturnLoan cycles against depotd over mutual TLS,
// 64 callers at once, each cycling on its own record (OpenLoan asks
// DepositService.GetItem over gRPC too); then, on the same PostgreSQL, a
// baseline of as many plain single-row INSERT + UPDATE pairs, 64 at once.
//
// Environment: DEPOT_TEST_DSN (superuser DSN of a throwaway cluster, set by
// ops/bench), BENCH_CALLERS (default 64), BENCH_SECONDS (default 10).
// Prints `name: value` lines. A cycle's latency is OpenLoan plus ReturnLoan.
// Then, for scale, the RPC floor: the same callers making a cycle's three
// unary calls to the gRPC health service, which touches no database.
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <iostream>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

#include "bench/queries.h"
#include "depot/v1/deposit.grpc.pb.h"
#include "depot/v1/readingroom.grpc.pb.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"

namespace depot {
namespace {

using Clock = std::chrono::steady_clock;

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::atoi(value) : fallback;
}

void Check(const grpc::Status& status, const std::string& what) {
  if (!status.ok()) {
    throw std::runtime_error(what + ": " + status.error_message());
  }
}

// One caller: a checked-in visitor with a declaration and a record of its own.
struct Caller {
  int64_t visitor_id = 0;
  std::string item;
  std::shared_ptr<grpc::Channel> channel;
};

std::vector<Caller> SetUp(int port, int callers) {
  auto archivist = testing::ChannelAs(port, "archivist");
  int64_t deposit =
      testing::CreateDeposit(archivist, testing::kOwnMunicipality,
                             v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  v1::TransferSummary summary;
  Check(testing::Transfer(archivist, deposit,
                          testing::MakeRecords(1, callers, "2010-01-01"), 500,
                          &summary),
        "transfer");
  v1::SearchRecordsRequest search;
  search.set_deposit_id(deposit);
  search.set_page_size(1000);
  v1::SearchRecordsResponse found;
  grpc::ClientContext search_context;
  Check(v1::DepositService::NewStub(archivist)->SearchRecords(&search_context,
                                                              search, &found),
        "search");
  if (found.records_size() < callers)
    throw std::runtime_error("too few records");

  auto desk = v1::ReadingRoomService::NewStub(testing::ChannelAs(port, "desk"));
  std::vector<Caller> all;
  for (int i = 0; i < callers; ++i) {
    Caller caller;
    caller.item = "record:" + std::to_string(found.records(i).record_id());
    v1::RegisterVisitorRequest add;
    add.set_name("Bench Visitor " + std::to_string(i));
    add.set_contact("bench@example.org");
    add.set_id_document_kind(v1::ID_DOCUMENT_KIND_PASSPORT);
    v1::Visitor visitor;
    grpc::ClientContext add_context;
    Check(desk->RegisterVisitor(&add_context, add, &visitor), "visitor");
    caller.visitor_id = visitor.visitor_id();
    v1::CheckInRequest in;
    in.set_visitor_id(caller.visitor_id);
    v1::Visit visit;
    grpc::ClientContext in_context;
    Check(desk->CheckIn(&in_context, in, &visit), "check-in");
    v1::SignDeclarationRequest sign;
    sign.set_visitor_id(caller.visitor_id);
    sign.mutable_scope()->set_kind(v1::SCOPE_KIND_DEPOSITOR);
    sign.mutable_scope()->add_organization_numbers(testing::kOwnMunicipality);
    v1::Declaration declaration;
    grpc::ClientContext sign_context;
    Check(desk->SignDeclaration(&sign_context, sign, &declaration), "sign");
    caller.channel = testing::ChannelAs(port, "desk");
    all.push_back(caller);
  }
  return all;
}

// One OpenLoan + ReturnLoan; its latency.
Clock::duration Cycle(v1::ReadingRoomService::Stub& stub,
                      const Caller& caller) {
  auto start = Clock::now();
  v1::OpenLoanRequest open;
  open.set_visitor_id(caller.visitor_id);
  open.add_item_refs(caller.item);
  v1::Loan loan;
  grpc::ClientContext open_context;
  Check(stub.OpenLoan(&open_context, open, &loan), "OpenLoan");
  v1::ReturnLoanRequest give_back;
  give_back.set_loan_id(loan.loan_id());
  v1::Loan returned;
  grpc::ClientContext return_context;
  Check(stub.ReturnLoan(&return_context, give_back, &returned), "ReturnLoan");
  return Clock::now() - start;
}

double Ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// The gRPC part of a loan cycle alone: as many empty unary calls over the
// same mTLS channel as a cycle makes (OpenLoan, the GetItem it asks
// DepositService, ReturnLoan), to grpc.health.v1.Health/Check, which
// touches no database. An empty message is a HealthCheckRequest for the
// whole server.
constexpr int kRpcsPerCycle = 3;

void RpcFloorCycle(grpc::GenericStub& stub) {
  grpc::Slice nothing(std::string{});
  grpc::ByteBuffer request(&nothing, 1), response;
  for (int call = 0; call < kRpcsPerCycle; ++call) {
    grpc::ClientContext context;
    std::promise<grpc::Status> done;
    stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", {}, &request,
                   &response,
                   [&](grpc::Status status) { done.set_value(status); });
    Check(done.get_future().get(), "Health/Check");
  }
}

// Cycles per second of `cycle` by every caller at once for `seconds`; the
// latencies of all of them, sorted, in *sorted.
template <typename CycleOf>
double Measure(int callers, int seconds, const CycleOf& cycle,
               std::vector<Clock::duration>* sorted) {
  std::vector<std::vector<Clock::duration>> latencies(callers);
  std::atomic<bool> failed{false};
  auto start = Clock::now();
  auto deadline = start + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  for (int i = 0; i < callers; ++i) {
    threads.emplace_back([&, i] {
      try {
        while (Clock::now() < deadline) {
          auto began = Clock::now();
          cycle(i);
          latencies[i].push_back(Clock::now() - began);
        }
      } catch (const std::exception& error) {
        std::cerr << "bench_loans: " << error.what() << std::endl;
        failed = true;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  if (failed) throw std::runtime_error("a caller failed");
  sorted->clear();
  for (const auto& mine : latencies) {
    sorted->insert(sorted->end(), mine.begin(), mine.end());
  }
  std::sort(sorted->begin(), sorted->end());
  return sorted->size() / elapsed;
}

Clock::duration Percentile(const std::vector<Clock::duration>& sorted,
                           double p) {
  return sorted[std::min(sorted.size() - 1,
                         static_cast<size_t>(p * sorted.size()))];
}

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// 64 workers, each with its own connection, doing INSERT then UPDATE of one
// row, each statement its own transaction (as OpenLoan and ReturnLoan are).
double Baseline(const std::string& dsn, int workers, int64_t pairs) {
  {
    pqxx::connection connection(dsn);
    pqxx::work tx(connection);
    tx.exec(storage::bench_sql::kCreateTableBenchBaseline.text);
    tx.commit();
  }
  std::vector<std::unique_ptr<pqxx::connection>> connections;
  for (int i = 0; i < workers; ++i) {
    connections.push_back(std::make_unique<pqxx::connection>(dsn));
    for (const auto& statement : {storage::bench_sql::kOpenBaselineLoan,
                                  storage::bench_sql::kReturnBaselineLoan}) {
      connections.back()->prepare(statement.name, statement.text);
    }
  }
  std::atomic<int64_t> next{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < workers; ++i) {
    threads.emplace_back([&, i] {
      pqxx::connection& connection = *connections[i];
      while (next.fetch_add(1) < pairs) {
        int64_t id = 0;
        {
          pqxx::work tx(connection);
          id = tx.exec_prepared1(storage::bench_sql::kOpenBaselineLoan.name, i,
                                 "record:" + std::to_string(i))[0]
                   .as<int64_t>();
          tx.commit();
        }
        pqxx::work tx(connection);
        tx.exec_prepared(storage::bench_sql::kReturnBaselineLoan.name, id);
        tx.commit();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  return static_cast<double>(pairs) / Seconds(Clock::now() - start);
}

int Run() {
  int callers = EnvInt("BENCH_CALLERS", 64);
  int seconds = EnvInt("BENCH_SECONDS", 10);
  testing::TestDatabase db;
  testing::DepotdProcess depotd(
      {db.dsn(), "", "", {"--log-level=warn", "--database-pool-size=16"}, ""});
  if (!depotd.WaitUntilServing()) {
    std::cerr << "bench_loans: depotd did not start:\n"
              << depotd.process().Log() << std::endl;
    return 1;
  }
  std::vector<Caller> all = SetUp(depotd.port(), callers);

  // Warm up: every caller's connection and one cycle each.
  std::vector<std::unique_ptr<v1::ReadingRoomService::Stub>> stubs;
  for (const Caller& caller : all) {
    stubs.push_back(v1::ReadingRoomService::NewStub(caller.channel));
    Cycle(*stubs.back(), caller);
  }

  std::vector<Clock::duration> merged;
  double cycles_per_s = Measure(
      callers, seconds, [&](int i) { Cycle(*stubs[i], all[i]); }, &merged);
  double baseline =
      Baseline(db.dsn(), callers, static_cast<int64_t>(merged.size()));
  // The same callers on the same channels, the RPCs of a cycle alone.
  std::vector<std::unique_ptr<grpc::GenericStub>> generic;
  for (const Caller& caller : all) {
    generic.push_back(std::make_unique<grpc::GenericStub>(caller.channel));
  }
  std::vector<Clock::duration> floor;
  double floor_per_s = Measure(
      callers, std::max(1, seconds / 2),
      [&](int i) { RpcFloorCycle(*generic[i]); }, &floor);

  std::cout << "callers: " << callers << "\n"
            << "loan_cycles: " << merged.size() << "\n"
            << "loan_cycles_per_s: " << static_cast<int64_t>(cycles_per_s)
            << "\n"
            << "p50_ms: " << Ms(Percentile(merged, 0.50)) << "\n"
            << "p99_ms: " << Ms(Percentile(merged, 0.99)) << "\n"
            << "baseline_cycles_per_s: " << static_cast<int64_t>(baseline)
            << "\n"
            << "ratio: " << cycles_per_s / baseline << "\n"
            << "rpc_floor_cycles_per_s: " << static_cast<int64_t>(floor_per_s)
            << "\n"
            << "rpc_floor_p99_ms: " << Ms(Percentile(floor, 0.99)) << "\n"
            << "ratio_to_rpc_floor: " << cycles_per_s / floor_per_s
            << std::endl;
  return 0;
}

}  // namespace
}  // namespace depot

int main() {
  try {
    return depot::Run();
  } catch (const std::exception& error) {
    std::cerr << "bench_loans: " << error.what() << std::endl;
    return 1;
  }
}
