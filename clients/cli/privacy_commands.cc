#include "clients/cli/privacy_commands.h"

#include <iostream>
#include <memory>

#include "clients/cli/count_option.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/output.h"
#include "clients/cli/private_file.h"
#include "depot/v1/deposit.grpc.pb.h"
#include "depot/v1/privacy.grpc.pb.h"
#include "depot/v1/readingroom.grpc.pb.h"

namespace depot::cli {
namespace {

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

void PrintRequests(const std::vector<const v1::AccessRequest*>& requests) {
  Table table({"ID", "STATUS", "RECEIVED", "DUE", "DAYS LEFT", "TARGET",
               "EXTENDED", "IDENTIFIED BY"});
  for (const v1::AccessRequest* r : requests) {
    bool closed = !r->closed_at().empty();
    table.AddRow({std::to_string(r->request_id()), StatusName(r->status()),
                  r->received_on(), r->due_on(),
                  closed ? "-" : std::to_string(r->days_left()), r->target_on(),
                  r->extension_months()
                      ? "+" + std::to_string(r->extension_months()) + "m"
                      : "-",
                  r->identity_kind() + " (" + r->verified_by() + ")"});
  }
  table.Print(std::cout);
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

struct Identity {
  std::string national_id;
  std::string name;
  std::string birth_date;
};

void AddIdentityOptions(CLI::App* command, Identity* identity) {
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

struct OpenArgs {
  Identity identity;
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

struct VisitorArgs {
  int64_t id = 0;
  std::string name, contact, birth_date, national_id, reason;
};

struct RecordArgs {
  int64_t id = 0;
  std::string name, national_id, birth_date, opened, last_contact, reason;
  int death_year = 0;
};

struct EraseArgs {
  Identity identity;
  std::string reason;
};

int ShowRequest(const ConnectionOptions& options, const grpc::Status& status,
                const v1::AccessRequest& request) {
  if (!status.ok()) return ReportFailure(status);
  if (options.json) {
    std::cout << ToJson(request);
  } else {
    PrintRequests({&request});
  }
  return 0;
}

void AddListCommand(CLI::App* list, const ConnectionOptions& options,
                    Action* action) {
  auto args = std::make_shared<ListArgs>();
  list->add_option("--due-within", args->due_within,
                   "only open requests due within this time: 7d, 2w or days "
                   "(includes overdue ones)");
  list->add_flag("--open", args->open, "only requests not yet closed");
  list->add_flag("--overdue", args->overdue,
                 "only open requests past their due date");
  AddCountOption(list, "--limit", args->limit, "at most this many",
                 kMaxPageSize);
  list->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      v1::ListAccessRequestsRequest request;
      if (!args->due_within.empty()) {
        int days = ParseDays(args->due_within);
        if (days < 0) {
          std::cerr << "depot: bad input: --due-within takes 7d, 2w or a "
                       "number of days\n";
          return static_cast<int>(kExitBadInput);
        }
        request.set_due_within_days(days);
      }
      request.set_open_only(args->open);
      request.set_overdue_only(args->overdue);
      request.set_limit(args->limit);
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::ListAccessRequestsResponse response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->ListAccessRequests(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      std::vector<const v1::AccessRequest*> rows;
      for (const auto& r : response.requests()) rows.push_back(&r);
      PrintRequests(rows);
      return 0;
    };
  });
}

void AddRequestCommands(CLI::App* privacy, const ConnectionOptions& options,
                        Action* action) {
  CLI::App* group = privacy->add_subcommand(
      "request",
      "Access requests (innsyn, GDPR art. 15): due one month after receipt");
  group->require_subcommand(1);

  auto open_args = std::make_shared<OpenArgs>();
  CLI::App* open =
      group->add_subcommand("open", "Register an access request for a person");
  AddIdentityOptions(open, &open_args->identity);
  open->add_option("--verified-by", open_args->verified_by,
                   "how the requester's identity was checked")
      ->check(CLI::IsMember(
          {"id-document", "electronic-id", "signed-letter", "known-to-staff"}))
      ->required();
  open->add_option("--received", open_args->received_on,
                   "YYYY-MM-DD the request arrived (default today)");
  open->callback([open_args, &options, action] {
    *action = [open_args, &options](const Connection& connection) {
      v1::OpenAccessRequestRequest request;
      request.set_national_id(open_args->identity.national_id);
      request.set_name(open_args->identity.name);
      request.set_birth_date(open_args->identity.birth_date);
      request.set_verified_by(open_args->verified_by);
      request.set_received_on(open_args->received_on);
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::AccessRequest response;
      auto context = connection.NewContext();
      return ShowRequest(
          options, stub->OpenAccessRequest(context.get(), request, &response),
          response);
    };
  });

  auto show_id = std::make_shared<int64_t>(0);
  CLI::App* show = group->add_subcommand(
      "show", "Show one request with the identity it is about");
  show->add_option("ID", *show_id, "request id")->required();
  show->callback([show_id, &options, action] {
    *action = [show_id, &options](const Connection& connection) {
      v1::GetAccessRequestRequest request;
      request.set_request_id(*show_id);
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::AccessRequest response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->GetAccessRequest(context.get(), request, &response);
      if (!status.ok() || options.json) {
        return ShowRequest(options, status, response);
      }
      PrintRequests({&response});
      std::cout << "person: "
                << (response.national_id().empty()
                        ? response.name() + ", born " + response.birth_date()
                        : response.national_id())
                << "\n";
      return 0;
    };
  });

  AddListCommand(group->add_subcommand(
                     "list", "List access requests, oldest due date first"),
                 options, action);

  auto compile_args = std::make_shared<CompileArgs>();
  CLI::App* compile = group->add_subcommand(
      "compile",
      "Gather everything about the person from every service: prints a "
      "summary; the JSON extract goes to --out (or stdout with --json)");
  compile->add_option("ID", compile_args->id, "request id")->required();
  compile->add_option("--out", compile_args->out,
                      "write the machine-readable extract (JSON) here");
  compile->callback([compile_args, &options, action] {
    *action = [compile_args, &options](const Connection& connection) {
      v1::CompileAccessRequestRequest request;
      request.set_request_id(compile_args->id);
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::AccessExtract extract;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->CompileAccessRequest(context.get(), request, &extract);
      if (!status.ok()) return ReportFailure(status);
      if (!compile_args->out.empty()) {
        PrivateFile out(compile_args->out);
        out << extract.document_json();
        out.close();
        if (!out) {
          std::cerr << "depot: could not write " << compile_args->out << ": "
                    << out.error() << "\n";
          return static_cast<int>(kExitOther);
        }
      }
      if (options.json) {
        std::cout << extract.document_json();
      } else {
        std::cout << extract.summary();
        if (!compile_args->out.empty()) {
          std::cout << "extract written to " << compile_args->out << "\n";
        }
      }
      return 0;
    };
  });

  auto extend_args = std::make_shared<ExtendArgs>();
  CLI::App* extend = group->add_subcommand(
      "extend",
      "Extend the due date by 1 or 2 months (at most 2 in all, decided "
      "within the first month)");
  extend->add_option("ID", extend_args->id, "request id")->required();
  extend->add_option("--months", extend_args->months, "1 or 2")
      ->capture_default_str();
  extend
      ->add_option("--reason", extend_args->reason,
                   "why (told to the person; no personal data)")
      ->required();
  extend->callback([extend_args, &options, action] {
    *action = [extend_args, &options](const Connection& connection) {
      v1::ExtendAccessRequestRequest request;
      request.set_request_id(extend_args->id);
      request.set_months(extend_args->months);
      request.set_reason(extend_args->reason);
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::AccessRequest response;
      auto context = connection.NewContext();
      return ShowRequest(
          options, stub->ExtendAccessRequest(context.get(), request, &response),
          response);
    };
  });

  auto close_args = std::make_shared<CloseArgs>();
  CLI::App* close = group->add_subcommand(
      "close", "Close a request: delivered, refused or withdrawn");
  close->add_option("ID", close_args->id, "request id")->required();
  close
      ->add_option("--outcome", close_args->outcome,
                   "delivered (after compile), refused or withdrawn")
      ->check(CLI::IsMember({"delivered", "refused", "withdrawn"}))
      ->required();
  close->add_option("--reason", close_args->reason,
                    "required for refused and withdrawn (no personal data)");
  close->callback([close_args, &options, action] {
    *action = [close_args, &options](const Connection& connection) {
      v1::CloseAccessRequestRequest request;
      request.set_request_id(close_args->id);
      request.set_outcome(
          close_args->outcome == "delivered" ? v1::CLOSE_OUTCOME_DELIVERED
          : close_args->outcome == "refused" ? v1::CLOSE_OUTCOME_REFUSED
                                             : v1::CLOSE_OUTCOME_WITHDRAWN);
      request.set_reason(close_args->reason);
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::AccessRequest response;
      auto context = connection.NewContext();
      return ShowRequest(
          options, stub->CloseAccessRequest(context.get(), request, &response),
          response);
    };
  });
}

void AddRectifyCommands(CLI::App* privacy, const ConnectionOptions& options,
                        Action* action) {
  CLI::App* group = privacy->add_subcommand(
      "rectify", "Rectify (GDPR art. 16) a visitor's or a record's data");
  group->require_subcommand(1);

  auto v = std::make_shared<VisitorArgs>();
  CLI::App* visitor = group->add_subcommand(
      "visitor", "Correct a reading-room visitor (ReadingRoomService)");
  visitor->add_option("ID", v->id, "visitor id")->required();
  visitor->add_option("--name", v->name, "corrected name");
  visitor->add_option("--contact", v->contact, "corrected contact");
  visitor->add_option("--birth-date", v->birth_date, "YYYY-MM-DD");
  visitor->add_option("--national-id", v->national_id,
                      "corrected identity number");
  visitor->add_option("--reason", v->reason, "why (no personal data)")
      ->required();
  visitor->callback([v, &options, action] {
    *action = [v, &options](const Connection& connection) {
      v1::CorrectVisitorRequest request;
      request.set_visitor_id(v->id);
      request.set_name(v->name);
      request.set_contact(v->contact);
      request.set_birth_date(v->birth_date);
      request.set_national_id(v->national_id);
      request.set_reason(v->reason);
      auto stub = v1::ReadingRoomService::NewStub(connection.channel());
      v1::Visitor response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->CorrectVisitor(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        std::cout << "visitor " << response.visitor_id() << " corrected at "
                  << response.corrected_at() << "\n";
      }
      return 0;
    };
  });

  auto r = std::make_shared<RecordArgs>();
  CLI::App* record = group->add_subcommand(
      "record", "Correct a deposited record's person data (DepositService)");
  record->add_option("ID", r->id, "record id")->required();
  record->add_option("--name", r->name, "corrected name");
  record->add_option("--national-id", r->national_id,
                     "corrected identity number");
  record->add_option("--birth-date", r->birth_date, "YYYY-MM-DD");
  record->add_option("--opened", r->opened, "YYYY-MM-DD");
  record->add_option("--last-contact", r->last_contact, "YYYY-MM-DD");
  record->add_option("--death-year", r->death_year, "year of death");
  record->add_option("--reason", r->reason, "why (no personal data)")
      ->required();
  record->callback([r, &options, action] {
    *action = [r, &options](const Connection& connection) {
      v1::CorrectRecordRequest request;
      request.set_record_id(r->id);
      request.set_person_name(r->name);
      request.set_national_id(r->national_id);
      request.set_birth_date(r->birth_date);
      request.set_opened_date(r->opened);
      request.set_last_contact_date(r->last_contact);
      request.set_death_year(r->death_year);
      request.set_reason(r->reason);
      auto stub = v1::DepositService::NewStub(connection.channel());
      v1::RecordSummary response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->CorrectRecord(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        std::cout << "record " << response.record_id() << " corrected\n";
      }
      return 0;
    };
  });
}

}  // namespace

void AddPrivacyCommands(CLI::App& app, const ConnectionOptions& options,
                        Action* action) {
  CLI::App* privacy = app.add_subcommand(
      "privacy",
      "Rights of the people in the data: access requests, rectification, "
      "erasure, retention (DPO)");
  privacy->require_subcommand(1);

  AddRequestCommands(privacy, options, action);
  AddListCommand(
      privacy->add_subcommand(
          "requests",
          "List access requests (as `request list`), e.g. --due-within 7d"),
      options, action);
  AddRectifyCommands(privacy, options, action);

  auto erase_args = std::make_shared<EraseArgs>();
  CLI::App* erase = privacy->add_subcommand(
      "erase",
      "Erase a person's data where the law allows; prints every item with "
      "the legal reason it was erased or kept");
  AddIdentityOptions(erase, &erase_args->identity);
  erase
      ->add_option("--reason", erase_args->reason,
                   "why (e.g. the request's date; no personal data)")
      ->required();
  erase->callback([erase_args, &options, action] {
    *action = [erase_args, &options](const Connection& connection) {
      v1::EraseSubjectRequest request;
      request.set_national_id(erase_args->identity.national_id);
      request.set_name(erase_args->identity.name);
      request.set_birth_date(erase_args->identity.birth_date);
      request.set_reason(erase_args->reason);
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::EraseSubjectResponse response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->EraseSubject(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      Table table({"SERVICE", "KIND", "ID", "ERASED", "LEGAL REASON"});
      for (const auto& o : response.outcomes()) {
        table.AddRow({o.service(), o.kind(), o.id(),
                      o.erased() ? "yes" : "kept", o.legal_reason()});
      }
      table.Print(std::cout);
      std::cout << "erasure " << response.erasure_id() << ": "
                << response.erased_count() << " erased, "
                << response.kept_count() << " kept\n";
      return 0;
    };
  });

  auto dry_run = std::make_shared<bool>(false);
  CLI::App* retention = privacy->add_subcommand(
      "retention",
      "Delete data past its retention period now (also runs daily)");
  retention->add_flag("--dry-run", *dry_run,
                      "only count what would be deleted");
  retention->callback([dry_run, &options, action] {
    *action = [dry_run, &options](const Connection& connection) {
      v1::RetentionRequest request;
      request.set_dry_run(*dry_run);
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::RetentionReport report;
      auto context = connection.NewContext();
      grpc::Status status = stub->RunRetention(context.get(), request, &report);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(report);
        return 0;
      }
      Table table({"SERVICE", "KIND",
                   report.dry_run() ? "WOULD DELETE" : "DELETED", "PERIOD",
                   "OLDER THAN"});
      for (const auto& c : report.counts()) {
        table.AddRow({c.service(), c.kind(), std::to_string(c.count()),
                      c.period(), c.cutoff()});
      }
      table.Print(std::cout);
      return 0;
    };
  });
}

}  // namespace depot::cli
