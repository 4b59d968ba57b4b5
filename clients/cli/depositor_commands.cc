#include "clients/cli/depositor_commands.h"

#include <iostream>
#include <memory>

#include "clients/cli/count_option.h"
#include "clients/cli/output.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {
namespace {

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

void PrintDepositors(const std::vector<const v1::Depositor*>& depositors) {
  Table table({"ORGANISATION", "NAME", "KIND", "REGISTERED"});
  for (const v1::Depositor* d : depositors) {
    table.AddRow({d->organization_number(), d->name(), KindName(d->kind()),
                  d->registered_at()});
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

}  // namespace

void AddDepositorCommands(CLI::App& app, const ConnectionOptions& options,
                          Action* action) {
  CLI::App* group = app.add_subcommand(
      "depositor", "Depositors: the bodies that deposit archives");
  group->require_subcommand(1);

  auto add_args = std::make_shared<AddArgs>();
  CLI::App* add = group->add_subcommand(
      "add", "Register a depositor (municipality, county or other body)");
  add->add_option("--org-number", add_args->organisation_number,
                  "9-digit Norwegian organisation number")
      ->required();
  add->add_option("--name", add_args->name, "official name")->required();
  add->add_option("--kind", add_args->kind, "municipality, county or other")
      ->check(CLI::IsMember({"municipality", "county", "other"}))
      ->capture_default_str();
  add->callback([add_args, &options, action] {
    *action = [add_args, &options](const Connection& connection) {
      auto stub = v1::DepositService::NewStub(connection.channel());
      v1::RegisterDepositorRequest request;
      request.set_organization_number(add_args->organisation_number);
      request.set_name(add_args->name);
      request.set_kind(add_args->kind == "county" ? v1::DEPOSITOR_KIND_COUNTY
                       : add_args->kind == "other"
                           ? v1::DEPOSITOR_KIND_OTHER
                           : v1::DEPOSITOR_KIND_MUNICIPALITY);
      v1::Depositor depositor;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->RegisterDepositor(context.get(), request, &depositor);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(depositor);
      } else {
        std::cout << "registered depositor " << depositor.organization_number()
                  << " " << depositor.name() << "\n";
      }
      return 0;
    };
  });

  auto show_org = std::make_shared<std::string>();
  CLI::App* show = group->add_subcommand("show", "Show one depositor");
  show->add_option("ORG_NUMBER", *show_org, "organisation number")->required();
  show->callback([show_org, &options, action] {
    *action = [show_org, &options](const Connection& connection) {
      auto stub = v1::DepositService::NewStub(connection.channel());
      v1::GetDepositorRequest request;
      request.set_organization_number(*show_org);
      v1::Depositor depositor;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->GetDepositor(context.get(), request, &depositor);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(depositor);
      } else {
        PrintDepositors({&depositor});
      }
      return 0;
    };
  });

  auto list_args = std::make_shared<ListArgs>();
  CLI::App* list = group->add_subcommand(
      "list", "List depositors (all of them, or one page with --page-size)");
  AddCountOption(list, "--page-size", list_args->page_size,
                 "return one page of at most this many", kMaxPageSize);
  list->add_option("--page-token", list_args->page_token,
                   "continue after the page that printed this token");
  list->callback([list_args, &options, action] {
    *action = [list_args, &options](const Connection& connection) {
      auto stub = v1::DepositService::NewStub(connection.channel());
      bool one_page = list_args->page_size > 0 || !list_args->page_token.empty();
      v1::ListDepositorsResponse all;
      v1::ListDepositorsRequest request;
      request.set_page_size(one_page ? list_args->page_size : 500);
      request.set_page_token(list_args->page_token);
      while (true) {
        v1::ListDepositorsResponse page;
        auto context = connection.NewContext();
        grpc::Status status =
            stub->ListDepositors(context.get(), request, &page);
        if (!status.ok()) return ReportFailure(status);
        for (const auto& d : page.depositors()) *all.add_depositors() = d;
        all.set_next_page_token(page.next_page_token());
        if (one_page || page.next_page_token().empty()) break;
        request.set_page_token(page.next_page_token());
      }
      if (options.json) {
        std::cout << ToJson(all);
        return 0;
      }
      std::vector<const v1::Depositor*> rows;
      for (const auto& d : all.depositors()) rows.push_back(&d);
      PrintDepositors(rows);
      if (one_page && !all.next_page_token().empty()) {
        std::cout << "next page: --page-token " << all.next_page_token()
                  << "\n";
      }
      return 0;
    };
  });
}

}  // namespace depot::cli
