#include "clients/cli/privacy_request_commands.h"

#include <iostream>
#include <span>

#include "clients/cli/count_option.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/private_file.h"
#include "depot/v1/privacy.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::PrivacyService::Stub;

const char* StatusName(v1::AccessRequestStatus status) {
  switch (status) {
    case v1::ACCESS_REQUEST_STATUS_RECEIVED:
      return "received";
    case v1::ACCESS_REQUEST_STATUS_COMPILING:
      return "compiling";
    case v1::ACCESS_REQUEST_STATUS_COMPILED:
      return "compiled";
    case v1::ACCESS_REQUEST_STATUS_DELIVERED:
      return "delivered";
    case v1::ACCESS_REQUEST_STATUS_REFUSED:
      return "refused";
    case v1::ACCESS_REQUEST_STATUS_WITHDRAWN:
      return "withdrawn";
    default:
      return "-";
  }
}

// requests: a range of v1::AccessRequest.
void PrintRequests(const auto& requests) {
  Table table({"ID", "STATUS", "RECEIVED", "DUE", "DAYS LEFT", "TARGET",
               "EXTENDED", "IDENTIFIED BY"});
  for (const v1::AccessRequest& r : requests) {
    bool closed = !r.closed_at().empty();
    table.AddRow({std::to_string(r.request_id()), StatusName(r.status()),
                  r.received_on(), r.due_on(),
                  closed ? "-" : std::to_string(r.days_left()), r.target_on(),
                  r.extension_months()
                      ? "+" + std::to_string(r.extension_months()) + "m"
                      : "-",
                  r.identity_kind() + " (" + r.verified_by() + ")"});
  }
  table.Print(std::cout);
}

void PrintRequest(const v1::AccessRequest& request) {
  PrintRequests(std::span(&request, 1));
}

// "7d", "2w" or a number of days; -1 when it is none of these.
int ParseDays(const std::string& text) {
  if (text.empty()) return -1;
  int factor = 1;
  std::string digits = text;
  if (text.back() == 'd') digits.pop_back();
  if (text.back() == 'w') {
    digits.pop_back();
    factor = 7;
  }
  if (digits.empty() || digits.size() > 4 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return -1;
  }
  return std::stoi(digits) * factor;
}

struct OpenArgs {
  PersonIdentity identity;
  std::string verified_by;
  std::string received_on;
};

struct ListArgs {
  std::string due_within;
  bool open = false;
  bool overdue = false;
  int limit = 0;
};

struct CompileArgs {
  int64_t id = 0;
  std::string out;
};

struct ExtendArgs {
  int64_t id = 0;
  int months = 1;
  std::string reason;
};

struct CloseArgs {
  int64_t id = 0;
  std::string outcome;
  std::string reason;
};

void AddOpen(CLI::App* group, const Commands& commands) {
  Command<OpenArgs> open(group, commands, "open",
                         "Register an access request for a person");
  AddIdentityOptions(open.app(), &open.args().identity);
  open->add_option("--verified-by", open.args().verified_by,
                   "how the requester's identity was checked")
      ->check(CLI::IsMember(
          {"id-document", "electronic-id", "signed-letter", "known-to-staff"}))
      ->required();
  open->add_option("--received", open.args().received_on,
                   "YYYY-MM-DD the request arrived (default today)");
  open.Calls(
      &Stub::OpenAccessRequest,
      [](const OpenArgs& args, v1::OpenAccessRequestRequest& request) {
        request.set_national_id(args.identity.national_id);
        request.set_name(args.identity.name);
        request.set_birth_date(args.identity.birth_date);
        request.set_verified_by(args.verified_by);
        request.set_received_on(args.received_on);
      },
      PrintRequest);
}

void AddShow(CLI::App* group, const Commands& commands) {
  Command<int64_t> show(group, commands, "show",
                        "Show one request with the identity it is about");
  show->add_option("ID", show.args(), "request id")->required();
  show.Calls(
      &Stub::GetAccessRequest,
      [](int64_t id, v1::GetAccessRequestRequest& request) {
        request.set_request_id(id);
      },
      [](const v1::AccessRequest& response) {
        PrintRequest(response);
        std::cout << "person: "
                  << (response.national_id().empty()
                          ? response.name() + ", born " + response.birth_date()
                          : response.national_id())
                  << "\n";
      });
}

grpc::Status FillList(const ListArgs& args,
                      v1::ListAccessRequestsRequest& request) {
  if (!args.due_within.empty()) {
    int days = ParseDays(args.due_within);
    if (days < 0) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "--due-within takes 7d, 2w or a number of days");
    }
    request.set_due_within_days(days);
  }
  request.set_open_only(args.open);
  request.set_overdue_only(args.overdue);
  request.set_limit(args.limit);
  return grpc::Status::OK;
}

void AddList(CLI::App* group, const Commands& commands, const char* name,
             const char* help) {
  Command<ListArgs> list(group, commands, name, help);
  list->add_option("--due-within", list.args().due_within,
                   "only open requests due within this time: 7d, 2w or days "
                   "(includes overdue ones)");
  list->add_flag("--open", list.args().open, "only requests not yet closed");
  list->add_flag("--overdue", list.args().overdue,
                 "only open requests past their due date");
  AddCountOption(list.app(), "--limit", list.args().limit, "at most this many",
                 kMaxPageSize);
  list.Calls(&Stub::ListAccessRequests, FillList,
             [](const v1::ListAccessRequestsResponse& response) {
               PrintRequests(response.requests());
             });
}

int Compile(const Connection& connection, const CompileArgs& args, bool json) {
  v1::CompileAccessRequestRequest request;
  request.set_request_id(args.id);
  v1::AccessExtract extract;
  grpc::Status status =
      Call(connection, &Stub::CompileAccessRequest, request, &extract);
  if (!status.ok()) return ReportFailure(status);
  if (!args.out.empty()) {
    PrivateFile out(args.out);
    out << extract.document_json();
    out.close();
    if (!out) {
      return ReportFailure(kExitOther,
                           "could not write " + args.out + ": " + out.error());
    }
  }
  if (json) {
    std::cout << extract.document_json();
  } else {
    std::cout << extract.summary();
    if (!args.out.empty()) {
      std::cout << "extract written to " << args.out << "\n";
    }
  }
  return 0;
}

void AddCompile(CLI::App* group, const Commands& commands) {
  Command<CompileArgs> compile(
      group, commands, "compile",
      "Gather everything about the person from every service: prints a "
      "summary; the JSON extract goes to --out (or stdout with --json)");
  compile->add_option("ID", compile.args().id, "request id")->required();
  compile->add_option("--out", compile.args().out,
                      "write the machine-readable extract (JSON) here");
  compile.Runs(Compile);
}

void AddExtend(CLI::App* group, const Commands& commands) {
  Command<ExtendArgs> extend(
      group, commands, "extend",
      "Extend the due date by 1 or 2 months (at most 2 in all, decided "
      "within the first month)");
  extend->add_option("ID", extend.args().id, "request id")->required();
  extend->add_option("--months", extend.args().months, "1 or 2")
      ->capture_default_str();
  extend
      ->add_option("--reason", extend.args().reason,
                   "why (told to the person; no personal data)")
      ->required();
  extend.Calls(
      &Stub::ExtendAccessRequest,
      [](const ExtendArgs& args, v1::ExtendAccessRequestRequest& request) {
        request.set_request_id(args.id);
        request.set_months(args.months);
        request.set_reason(args.reason);
      },
      PrintRequest);
}

void AddClose(CLI::App* group, const Commands& commands) {
  Command<CloseArgs> close(group, commands, "close",
                           "Close a request: delivered, refused or withdrawn");
  close->add_option("ID", close.args().id, "request id")->required();
  close
      ->add_option("--outcome", close.args().outcome,
                   "delivered (after compile), refused or withdrawn")
      ->check(CLI::IsMember({"delivered", "refused", "withdrawn"}))
      ->required();
  close->add_option("--reason", close.args().reason,
                    "required for refused and withdrawn (no personal data)");
  close.Calls(
      &Stub::CloseAccessRequest,
      [](const CloseArgs& args, v1::CloseAccessRequestRequest& request) {
        request.set_request_id(args.id);
        request.set_outcome(
            args.outcome == "delivered" ? v1::CLOSE_OUTCOME_DELIVERED
            : args.outcome == "refused" ? v1::CLOSE_OUTCOME_REFUSED
                                        : v1::CLOSE_OUTCOME_WITHDRAWN);
        request.set_reason(args.reason);
      },
      PrintRequest);
}

}  // namespace

void AddIdentityOptions(CLI::App* command, PersonIdentity* identity) {
  auto* nid = command->add_option("--national-id", identity->national_id,
                                  "the person's national identity number");
  auto* name = command->add_option("--name", identity->name,
                                   "the person's name (with --birth-date)");
  auto* born = command->add_option("--birth-date", identity->birth_date,
                                   "YYYY-MM-DD (with --name)");
  nid->excludes(name)->excludes(born);
  name->needs(born);
  born->needs(name);
}

void AddAccessRequestCommands(CLI::App* privacy, const Commands& commands) {
  CLI::App* group = AddGroup(
      privacy, "request",
      "Access requests (innsyn, GDPR art. 15): due one month after receipt");
  AddOpen(group, commands);
  AddShow(group, commands);
  AddList(group, commands, "list",
          "List access requests, oldest due date first");
  AddCompile(group, commands);
  AddExtend(group, commands);
  AddClose(group, commands);
  AddList(privacy, commands, "requests",
          "List access requests (as `request list`), e.g. --due-within 7d");
}

}  // namespace depot::cli
