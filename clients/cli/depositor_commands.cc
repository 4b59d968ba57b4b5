#include "clients/cli/depositor_commands.h"

#include <iostream>
#include <span>

#include "clients/cli/count_option.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::DepositService::Stub;

const char* KindName(v1::DepositorKind kind) {
  switch (kind) {
    case v1::DEPOSITOR_KIND_MUNICIPALITY:
      return "municipality";
    case v1::DEPOSITOR_KIND_COUNTY:
      return "county";
    case v1::DEPOSITOR_KIND_OTHER:
      return "other";
    default:
      return "-";
  }
}

// depositors: a range of v1::Depositor.
void PrintDepositors(const auto& depositors) {
  Table table({"ORGANISATION", "NAME", "KIND", "REGISTERED"});
  for (const v1::Depositor& d : depositors) {
    table.AddRow({d.organization_number(), d.name(), KindName(d.kind()),
                  d.registered_at()});
  }
  table.Print(std::cout);
}

struct AddArgs {
  std::string organisation_number;
  std::string name;
  std::string kind = "municipality";
};

struct ListArgs {
  int page_size = 0;
  std::string page_token;
};

void AddAdd(CLI::App* group, const Commands& commands) {
  Command<AddArgs> add(
      group, commands, "add",
      "Register a depositor (municipality, county or other body)");
  add->add_option("--org-number", add.args().organisation_number,
                  "9-digit Norwegian organisation number")
      ->required();
  add->add_option("--name", add.args().name, "official name")->required();
  add->add_option("--kind", add.args().kind, "municipality, county or other")
      ->check(CLI::IsMember({"municipality", "county", "other"}))
      ->capture_default_str();
  add.Calls(
      &Stub::RegisterDepositor,
      [](const AddArgs& args, v1::RegisterDepositorRequest& request) {
        request.set_organization_number(args.organisation_number);
        request.set_name(args.name);
        request.set_kind(args.kind == "county" ? v1::DEPOSITOR_KIND_COUNTY
                         : args.kind == "other"
                             ? v1::DEPOSITOR_KIND_OTHER
                             : v1::DEPOSITOR_KIND_MUNICIPALITY);
      },
      [](const v1::Depositor& depositor) {
        std::cout << "registered depositor " << depositor.organization_number()
                  << " " << depositor.name() << "\n";
      });
}

void AddShow(CLI::App* group, const Commands& commands) {
  Command<std::string> show(group, commands, "show", "Show one depositor");
  show->add_option("ORG_NUMBER", show.args(), "organisation number")
      ->required();
  show.Calls(
      &Stub::GetDepositor,
      [](const std::string& org, v1::GetDepositorRequest& request) {
        request.set_organization_number(org);
      },
      [](const v1::Depositor& depositor) {
        PrintDepositors(std::span(&depositor, 1));
      });
}

// Every page, or the one page asked for (--page-size, --page-token).
int List(const Connection& connection, const ListArgs& args, bool json) {
  bool one_page = args.page_size > 0 || !args.page_token.empty();
  v1::ListDepositorsRequest request;
  request.set_page_size(one_page ? args.page_size : 500);
  request.set_page_token(args.page_token);
  v1::ListDepositorsResponse all;
  grpc::Status status = CallPages(
      connection, &Stub::ListDepositors, request,
      [&](v1::ListDepositorsResponse& page, v1::ListDepositorsRequest&) {
        for (const auto& d : page.depositors()) *all.add_depositors() = d;
        all.set_next_page_token(page.next_page_token());
        return !one_page;
      });
  if (!status.ok()) return ReportFailure(status);
  if (json) {
    std::cout << ToJson(all);
    return 0;
  }
  PrintDepositors(all.depositors());
  if (one_page && !all.next_page_token().empty()) {
    std::cout << "next page: --page-token " << all.next_page_token() << "\n";
  }
  return 0;
}

void AddList(CLI::App* group, const Commands& commands) {
  Command<ListArgs> list(
      group, commands, "list",
      "List depositors (all of them, or one page with --page-size)");
  AddCountOption(list.app(), "--page-size", list.args().page_size,
                 "return one page of at most this many", kMaxPageSize);
  list->add_option("--page-token", list.args().page_token,
                   "continue after the page that printed this token");
  list.Runs(List);
}

}  // namespace

void AddDepositorCommands(CLI::App* app, const Commands& commands) {
  CLI::App* group = AddGroup(app, "depositor",
                             "Depositors: the bodies that deposit archives");
  AddAdd(group, commands);
  AddShow(group, commands);
  AddList(group, commands);
}

}  // namespace depot::cli
