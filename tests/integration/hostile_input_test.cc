// Every RPC of every service depotd hosts, found from the descriptors, gets
// generated hostile requests as a role the authorization table allows
// (tests/support/hostile_requests.h says what they hold) through
// grpc::GenericStub, so that malformed bytes reach the server as they are.
// It fails on any INTERNAL or UNKNOWN, on any call not answered within
// 10 s, on a message that echoes a long input, and (the process dies) on
// any crash; afterwards every audit log must still verify.
//
// DEPOT_HOSTILE_SEED repeats a run (the seed is printed); DEPOT_HOSTILE_CALLS
// sets the requests per RPC (default 200); DEPOT_HOSTILE_SECONDS > 0 goes
// on in rounds until that many seconds have passed (ops/fuzz --rpc);
// DEPOT_HOSTILE_VERBOSE=1 prints the status codes each RPC answered;
// DEPOT_HOSTILE_SKIP (RPC names, comma-separated) leaves some out.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "services/common/auth/authorization.h"
#include "tests/integration/depot_fixture.h"
#include "tests/support/hostile_requests.h"
#include "tests/support/raw_call.h"
#include "tests/support/records.h"

namespace depot {
namespace {

using std::chrono::steady_clock;

constexpr auto kCallDeadline = std::chrono::seconds(10);
constexpr int kThreads = 4;
constexpr size_t kMaxReportedFailures = 40;

struct Settings {
  uint64_t seed = 0;
  int calls_per_rpc = 200;
  int seconds = 0;
};

uint64_t EnvironmentNumber(const char* name, uint64_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtoull(value, nullptr, 10);
}

Settings FromEnvironment() {
  Settings settings;
  settings.seed =
      EnvironmentNumber("DEPOT_HOSTILE_SEED", std::random_device()());
  settings.calls_per_rpc =
      static_cast<int>(EnvironmentNumber("DEPOT_HOSTILE_CALLS", 200));
  settings.seconds =
      static_cast<int>(EnvironmentNumber("DEPOT_HOSTILE_SECONDS", 0));
  return settings;
}

// The certificate of a role the table lets call the method, staff first.
std::string CertificateFor(const RpcPolicy& policy) {
  for (Role role : {Role::kArchivist, Role::kDpo, Role::kDesk, Role::kService,
                    Role::kAuditor, Role::kMunicipality}) {
    if (std::find(policy.roles.begin(), policy.roles.end(), role) !=
        policy.roles.end()) {
      return role == Role::kMunicipality ? testing::OwnMunicipality()
                                         : std::string(RoleName(role));
    }
  }
  return "";
}

// DEPOT_HOSTILE_SKIP=TransferRecords,GetItem leaves those RPCs out (to
// look past a failure already known).
bool Skipped(const std::string& method) {
  const char* skip = std::getenv("DEPOT_HOSTILE_SKIP");
  if (skip == nullptr) return false;
  std::string list = std::string(",") + skip + ",";
  return list.find("," + method + ",") != std::string::npos;
}

struct Target {
  std::string method;  // "/depot.v1.DepositService/GetDeposit"
  const google::protobuf::MethodDescriptor* descriptor = nullptr;
  std::shared_ptr<grpc::Channel> channel;
};

struct Failure {
  std::string method;
  std::string what;
};

class HostileInputTest : public testing::DepotFixture {
 protected:
  void SetUp() override {
    SeedDeposits();
    SeedReadingRoom();
    SeedJournalAndPrivacy();
  }

  // Open deposits for transfers to go into (plausible ids are 1 to 8), one
  // with records, and another organisation's, received.
  void SeedDeposits() {
    int64_t own = 0;
    for (int i = 0; i < 7; ++i) {
      own = testing::CreateDeposit(ChannelFor("archivist"),
                                   testing::kOwnMunicipality,
                                   v1::REGISTER_CATEGORY_PUPIL_FILES, "");
    }
    int64_t other = testing::CreateDeposit(
        ChannelFor("archivist"), testing::kOtherMunicipality,
        v1::REGISTER_CATEGORY_CHILD_WELFARE, "");
    v1::TransferSummary summary;
    ASSERT_TRUE(testing::Transfer(ChannelFor("archivist"), own,
                                  testing::MakeRecords(1, 5, "2000-01-01"), 5,
                                  &summary)
                    .ok());
    ASSERT_TRUE(testing::Transfer(ChannelFor("archivist"), other,
                                  testing::MakeRecords(6, 3, "2000-01-01"), 5,
                                  &summary)
                    .ok());
    v1::CloseDepositRequest close;
    close.set_deposit_id(other);
    v1::Deposit closed;
    grpc::ClientContext close_context;
    ASSERT_TRUE(Deposits()->CloseDeposit(&close_context, close, &closed).ok());
  }

  void SeedReadingRoom() {
    v1::RegisterVisitorRequest visitor_request;
    visitor_request.set_name("Kari Nordmann");
    visitor_request.set_contact("+47 400 00 000");
    visitor_request.set_birth_date("1970-01-01");
    visitor_request.set_id_document_kind(v1::ID_DOCUMENT_KIND_PASSPORT);
    v1::Visitor visitor;
    grpc::ClientContext visitor_context;
    ASSERT_TRUE(
        ReadingRoom("desk")
            ->RegisterVisitor(&visitor_context, visitor_request, &visitor)
            .ok());
    v1::SignDeclarationRequest sign;
    sign.set_visitor_id(visitor.visitor_id());
    sign.mutable_scope()->set_kind(v1::SCOPE_KIND_ALL);
    v1::Declaration declaration;
    grpc::ClientContext sign_context;
    ASSERT_TRUE(ReadingRoom("desk")
                    ->SignDeclaration(&sign_context, sign, &declaration)
                    .ok());
  }

  void SeedJournalAndPrivacy() {
    v1::CreateCaseRequest case_request;
    case_request.set_kind(v1::CASE_KIND_JOB_APPLICATION);
    case_request.set_title("Stilling som arkivar");
    v1::JournalCase journal_case;
    grpc::ClientContext case_context;
    ASSERT_TRUE(
        Journal()->CreateCase(&case_context, case_request, &journal_case).ok());
    v1::RecordEntryRequest entry_request;
    entry_request.set_case_number(journal_case.case_number());
    entry_request.set_entry_type(v1::ENTRY_TYPE_INCOMING);
    entry_request.set_title("Søknad på stilling");
    auto* applicant = entry_request.add_correspondents();
    applicant->set_name("Ola Nordmann");
    applicant->set_kind(v1::CORRESPONDENT_KIND_SENDER);
    v1::JournalEntry entry;
    grpc::ClientContext entry_context;
    ASSERT_TRUE(
        Journal()->RecordEntry(&entry_context, entry_request, &entry).ok());

    v1::OpenAccessRequestRequest access;
    access.set_name("Kari Nordmann");
    access.set_birth_date("1970-01-01");
    access.set_verified_by("id-document");
    v1::AccessRequest opened;
    grpc::ClientContext access_context;
    ASSERT_TRUE(
        Privacy()->OpenAccessRequest(&access_context, access, &opened).ok());
  }

  std::vector<Target> Targets() {
    std::vector<Target> targets;
    for (const auto& module : server_.modules()) {
      const auto* service = module->descriptor();
      for (int i = 0; i < service->method_count(); ++i) {
        std::string method =
            service->full_name() + "/" + service->method(i)->name();
        const RpcPolicy* policy = FindPolicy(method);
        if (policy == nullptr) {
          ADD_FAILURE() << method << " has no row in the authorization table";
          continue;
        }
        std::string certificate = CertificateFor(*policy);
        if (certificate.empty() || Skipped(service->method(i)->name())) {
          continue;
        }
        targets.push_back(
            {"/" + method, service->method(i), ChannelFor(certificate)});
      }
    }
    // Calls that end things (a deposit, a visit, a loan) go last, so that
    // the others meet the seeded objects still open.
    std::stable_partition(targets.begin(), targets.end(), [](const Target& t) {
      const std::string& name = t.descriptor->name();
      return !(name.starts_with("Cancel") || name.starts_with("Close") ||
               name.starts_with("Erase") || name.starts_with("Revoke") ||
               name.starts_with("Return") || name.starts_with("CheckOut"));
    });
    return targets;
  }
};

// Messages quote input through QuoteInput, at most this many characters.
constexpr size_t kQuotedCharacters = 40;

// The first `characters` characters of UTF-8 text.
std::string CharacterPrefix(const std::string& text, size_t characters) {
  size_t at = 0;
  for (size_t seen = 0; at < text.size(); ++at) {
    bool starts = (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    if (starts && seen++ == characters) break;
  }
  return text.substr(0, at);
}

// What is wrong with how a call ended, or "" when nothing is.
std::string Problem(const testing::RawCallResult& result,
                    const testing::HostileRequest& request,
                    steady_clock::duration took) {
  grpc::StatusCode code = result.status.error_code();
  const std::string& message = result.status.error_message();
  if (code == grpc::INTERNAL || code == grpc::UNKNOWN) {
    return "status " + std::to_string(code) + ": " + message;
  }
  if (code == grpc::DEADLINE_EXCEEDED || took > kCallDeadline) {
    return "not answered within 10 s";
  }
  for (const std::string& text : request.texts) {
    std::string prefix = CharacterPrefix(text, kQuotedCharacters + 1);
    if (prefix.size() < text.size() &&
        message.find(prefix) != std::string::npos) {
      return "the message echoes a long input: " + message.substr(0, 200);
    }
  }
  return "";
}

// The requests of one call: one for unary and server-streaming methods, a
// few for a client stream.
std::vector<testing::HostileRequest> RequestsFor(
    const google::protobuf::MethodDescriptor& method,
    testing::HostileRequests& generator, std::mt19937_64& random) {
  std::vector<testing::HostileRequest> requests;
  if (!method.client_streaming()) {
    requests.push_back(generator.Make(*method.input_type()));
    return requests;
  }
  // Mostly a start, then parts: each message its oneof's first member, then
  // the next (TransferRecords: start, then batches); sometimes anything.
  size_t count = 1 + random() % 4;
  bool ordered = random() % 4 != 0;
  for (size_t i = 0; i < count; ++i) {
    int member = ordered ? static_cast<int>(i == 0 ? 0 : 1) : -1;
    requests.push_back(generator.Make(*method.input_type(), member));
  }
  return requests;
}

// What the calls of a run came back with, from every thread.
class Tally {
 public:
  void Count(const std::string& method, const grpc::Status& status,
             const std::string& problem, const std::string& where) {
    std::lock_guard lock(mutex_);
    ++calls_;
    ++codes_[status.error_code()];
    ++codes_by_rpc_[method][status.error_code()];
    last_message_[method][status.error_code()] =
        status.error_message().substr(0, 160);
    if (!problem.empty()) failures_.push_back({method, where + ": " + problem});
  }

  void Print(bool per_rpc) const {
    std::cout << "hostile input: " << calls_ << " calls; status codes:";
    for (const auto& [code, count] : codes_) {
      std::cout << " " << code << "x" << count;
    }
    std::cout << std::endl;
    if (!per_rpc) return;
    for (const auto& [method, counts] : codes_by_rpc_) {
      std::cout << "  " << method << ":";
      for (const auto& [code, count] : counts) {
        std::cout << " " << code << "x" << count;
      }
      std::cout << std::endl;
      for (const auto& [code, message] : last_message_.at(method)) {
        std::cout << "    " << code << ": " << message << std::endl;
      }
    }
  }

  const std::vector<Failure>& failures() const { return failures_; }

 private:
  std::mutex mutex_;
  long calls_ = 0;
  std::map<int, long> codes_;
  std::map<std::string, std::map<int, long>> codes_by_rpc_;
  std::map<std::string, std::map<int, std::string>> last_message_;
  std::vector<Failure> failures_;
};

// settings.calls_per_rpc calls of one RPC. Its requests depend only on the
// seed, the round and the RPC's name, whatever the other threads do.
void CallRepeatedly(const Target& target, const Settings& settings, int round,
                    Tally* tally) {
  std::seed_seq seeds{settings.seed, static_cast<uint64_t>(round),
                      std::hash<std::string>()(target.method)};
  std::mt19937_64 random(seeds);
  testing::HostileRequests generator(random());
  for (int i = 0; i < settings.calls_per_rpc; ++i) {
    auto requests = RequestsFor(*target.descriptor, generator, random);
    std::vector<std::string> bytes;
    for (const auto& request : requests) bytes.push_back(request.bytes);
    auto started = steady_clock::now();
    auto result =
        testing::CallRaw(target.channel, target.method, bytes, kCallDeadline);
    auto took = steady_clock::now() - started;
    std::string problem, where;
    for (const auto& request : requests) {
      problem = Problem(result, request, took);
      if (problem.empty()) continue;
      where = "round " + std::to_string(round) + ", call " + std::to_string(i) +
              " (" + request.description + ")";
      break;
    }
    tally->Count(target.method, result.status, problem, where);
  }
}

// One round: every RPC, kThreads of them at a time.
void RunRound(const std::vector<Target>& targets, const Settings& settings,
              int round, Tally* tally) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t t; (t = next.fetch_add(1)) < targets.size();) {
      CallRepeatedly(targets[t], settings, round, tally);
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) threads.emplace_back(work);
  for (auto& thread : threads) thread.join();
}

TEST_F(HostileInputTest, NoRpcAnswersInternalUnknownOrTooLate) {
  Settings settings = FromEnvironment();
  std::cout << "hostile input: seed " << settings.seed
            << " (DEPOT_HOSTILE_SEED=" << settings.seed
            << " repeats this run), " << settings.calls_per_rpc
            << " calls per RPC" << std::endl;
  RecordProperty("seed", std::to_string(settings.seed));
  std::vector<Target> targets = Targets();
  ASSERT_GT(targets.size(), 50u);

  Tally tally;
  auto started = steady_clock::now();
  int round = 0;
  do {
    RunRound(targets, settings, round++, &tally);
  } while (steady_clock::now() - started <
           std::chrono::seconds(settings.seconds));
  tally.Print(std::getenv("DEPOT_HOSTILE_VERBOSE") != nullptr);

  const auto& failures = tally.failures();
  for (size_t i = 0; i < failures.size() && i < kMaxReportedFailures; ++i) {
    ADD_FAILURE() << failures[i].method << ": " << failures[i].what;
  }
  EXPECT_TRUE(failures.empty())
      << failures.size()
      << " bad answers; repeat with DEPOT_HOSTILE_SEED=" << settings.seed;

  for (const char* log : {"deposits", "readingroom", "journal", "privacy"}) {
    v1::VerifyAuditRequest request;
    request.set_log(log);
    v1::AuditVerification verification;
    grpc::ClientContext context;
    grpc::Status status =
        Audit()->VerifyAudit(&context, request, &verification);
    ASSERT_TRUE(status.ok()) << log << ": " << status.error_message();
    EXPECT_TRUE(verification.ok())
        << log << ": " << verification.first_bad().detail();
  }
}

}  // namespace
}  // namespace depot
