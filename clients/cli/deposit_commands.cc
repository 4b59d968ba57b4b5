#include "clients/cli/deposit_commands.h"

#include <iostream>
#include <memory>

#include "clients/cli/count_option.h"
#include "clients/cli/deposit_names.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/noark_commands.h"
#include "clients/cli/output.h"
#include "clients/cli/transfer.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {
namespace {

void PrintDeposits(const std::vector<const v1::Deposit*>& deposits) {
  Table table({"DEPOSIT", "DEPOSITOR", "CATEGORY", "DATE", "STATE", "ACCEPTED",
               "REJECTED", "DESCRIPTION"});
  for (const v1::Deposit* d : deposits) {
    table.AddRow({std::to_string(d->deposit_id()), d->organization_number(),
                  CategoryName(d->category()), d->deposit_date(),
                  DepositStateName(d->state()),
                  std::to_string(d->accepted_records()),
                  std::to_string(d->rejected_records()), d->description()});
  }
  table.Print(std::cout);
}

void PrintDeposit(const v1::Deposit& deposit) {
  PrintDeposits({&deposit});
  std::cout << "created " << deposit.created_at() << " by "
            << deposit.created_by() << "\n";
  if (!deposit.cancel_reason().empty()) {
    std::cout << "cancelled: " << deposit.cancel_reason() << "\n";
  }
}

// Runs one unary call that returns a Deposit and prints it.
template <typename Request, typename Call>
int DepositCall(const Connection& connection, bool json, const Request& request,
                Call call, const std::string& done) {
  auto stub = v1::DepositService::NewStub(connection.channel());
  v1::Deposit deposit;
  auto context = connection.NewContext();
  grpc::Status status = call(*stub, context.get(), request, &deposit);
  if (!status.ok()) return ReportFailure(status);
  if (json) {
    std::cout << ToJson(deposit);
  } else {
    if (!done.empty()) {
      std::cout << done << " deposit " << deposit.deposit_id() << "\n";
    }
    PrintDeposit(deposit);
  }
  return 0;
}

struct CreateArgs {
  std::string organisation_number;
  std::string category;
  std::string description;
  std::string date;
};

struct CancelArgs {
  int64_t deposit_id = 0;
  std::string reason;
};

void AddCreate(CLI::App* group, const ConnectionOptions& options,
               Action* action) {
  auto args = std::make_shared<CreateArgs>();
  CLI::App* create = group->add_subcommand(
      "create", "Open a deposit (avlevering) of one register for a depositor");
  create
      ->add_option("--org-number", args->organisation_number,
                   "the depositor's organisation number")
      ->required();
  create
      ->add_option("--category", args->category,
                   "register category (see `depot deposit categories`)")
      ->required()
      ->check(CLI::IsMember(CategoryNames()));
  create->add_option("--description", args->description,
                     "what the deposit holds, e.g. \"Elevmapper 1960-1975\"");
  create->add_option("--date", args->date,
                     "deposit date YYYY-MM-DD, the date the 10-year rule is "
                     "applied at (default today; not in the future)");
  create->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      v1::CreateDepositRequest request;
      request.set_organization_number(args->organisation_number);
      request.set_category(*CategoryByName(args->category));
      request.set_description(args->description);
      request.set_deposit_date(args->date);
      return DepositCall(
          connection, options.json, request,
          [](auto& stub, auto* context, const auto& r, auto* out) {
            return stub.CreateDeposit(context, r, out);
          },
          "created");
    };
  });
}

void AddShowCloseCancel(CLI::App* group, const ConnectionOptions& options,
                        Action* action) {
  auto show_id = std::make_shared<int64_t>(0);
  CLI::App* show = group->add_subcommand("show", "Show one deposit");
  show->add_option("DEPOSIT", *show_id, "deposit number")->required();
  show->callback([show_id, &options, action] {
    *action = [show_id, &options](const Connection& connection) {
      v1::GetDepositRequest request;
      request.set_deposit_id(*show_id);
      return DepositCall(
          connection, options.json, request,
          [](auto& stub, auto* context, const auto& r, auto* out) {
            return stub.GetDeposit(context, r, out);
          },
          "");
    };
  });

  auto close_id = std::make_shared<int64_t>(0);
  CLI::App* close = group->add_subcommand(
      "close",
      "Close a deposit as received: it takes no more records from then on");
  close->add_option("DEPOSIT", *close_id, "deposit number")->required();
  close->callback([close_id, &options, action] {
    *action = [close_id, &options](const Connection& connection) {
      v1::CloseDepositRequest request;
      request.set_deposit_id(*close_id);
      return DepositCall(
          connection, options.json, request,
          [](auto& stub, auto* context, const auto& r, auto* out) {
            return stub.CloseDeposit(context, r, out);
          },
          "closed");
    };
  });

  auto cancel_args = std::make_shared<CancelArgs>();
  CLI::App* cancel = group->add_subcommand(
      "cancel",
      "Cancel an open deposit and remove its records (not once received)");
  cancel->add_option("DEPOSIT", cancel_args->deposit_id, "deposit number")
      ->required();
  cancel
      ->add_option("--reason", cancel_args->reason,
                   "why the deposit is cancelled (stored with it)")
      ->required();
  cancel->callback([cancel_args, &options, action] {
    *action = [cancel_args, &options](const Connection& connection) {
      v1::CancelDepositRequest request;
      request.set_deposit_id(cancel_args->deposit_id);
      request.set_reason(cancel_args->reason);
      return DepositCall(
          connection, options.json, request,
          [](auto& stub, auto* context, const auto& r, auto* out) {
            return stub.CancelDeposit(context, r, out);
          },
          "cancelled");
    };
  });
}

void AddList(CLI::App* group, const ConnectionOptions& options,
             Action* action) {
  auto org = std::make_shared<std::string>();
  CLI::App* list = group->add_subcommand("list", "List deposits (all pages)");
  list->add_option("--org-number", *org, "only this depositor's deposits");
  list->callback([org, &options, action] {
    *action = [org, &options](const Connection& connection) {
      auto stub = v1::DepositService::NewStub(connection.channel());
      v1::ListDepositsResponse all;
      v1::ListDepositsRequest request;
      request.set_organization_number(*org);
      request.set_page_size(500);
      while (true) {
        v1::ListDepositsResponse page;
        auto context = connection.NewContext();
        grpc::Status status = stub->ListDeposits(context.get(), request, &page);
        if (!status.ok()) return ReportFailure(status);
        for (const auto& d : page.deposits()) *all.add_deposits() = d;
        if (page.next_page_token().empty()) break;
        request.set_page_token(page.next_page_token());
      }
      if (options.json) {
        std::cout << ToJson(all);
        return 0;
      }
      std::vector<const v1::Deposit*> rows;
      for (const auto& d : all.deposits()) rows.push_back(&d);
      PrintDeposits(rows);
      return 0;
    };
  });
}

void AddCategories(CLI::App* group, const ConnectionOptions& options,
                   Action* action) {
  CLI::App* categories = group->add_subcommand(
      "categories",
      "Register categories with their periods under the 10-year rule");
  categories->callback([&options, action] {
    *action = [&options](const Connection& connection) {
      auto stub = v1::DepositService::NewStub(connection.channel());
      v1::ListCategoriesResponse response;
      auto context = connection.NewContext();
      grpc::Status status = stub->ListCategories(
          context.get(), v1::ListCategoriesRequest(), &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      Table table({"CATEGORY", "YEARS", "SPECIAL"});
      for (const auto& c : response.categories()) {
        table.AddRow({c.name(), std::to_string(c.eligibility_years()),
                      c.special_category() ? "yes (GDPR art. 9)" : "no"});
      }
      table.Print(std::cout);
      return 0;
    };
  });
}

void AddRejections(CLI::App* group, const ConnectionOptions& options,
                   Action* action) {
  auto id = std::make_shared<int64_t>(0);
  CLI::App* rejections = group->add_subcommand(
      "rejections", "The records of a deposit that were rejected, and why");
  rejections->add_option("DEPOSIT", *id, "deposit number")->required();
  rejections->callback([id, &options, action] {
    *action = [id, &options](const Connection& connection) {
      auto stub = v1::DepositService::NewStub(connection.channel());
      std::vector<v1::Rejection> all;
      grpc::Status status = ListAllRejections(connection, *stub, *id, &all);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        v1::ListRejectionsResponse response;
        for (const auto& r : all) *response.add_rejections() = r;
        std::cout << ToJson(response);
        return 0;
      }
      Table table(
          {"POSITION", "SOURCE ID", "FIELD", "REASON", "ELIGIBLE FROM"});
      for (const auto& r : all) {
        table.AddRow({std::to_string(r.position()), r.source_record_id(),
                      r.field(), r.reason(),
                      r.eligible_from().empty() ? "-" : r.eligible_from()});
      }
      table.Print(std::cout);
      return 0;
    };
  });
}

void AddTransfer(CLI::App* group, const ConnectionOptions& options,
                 Action* action) {
  auto args = std::make_shared<TransferArgs>();
  CLI::App* transfer = group->add_subcommand(
      "transfer",
      "Send the records of a CSV file into an open deposit, resuming where "
      "an earlier run of the same file stopped");
  transfer->footer(
      std::string(
          "FILE has a header row and the columns source_record_id,"
          "person_name,national_id,birth_date,opened_date,last_contact_date,"
          "death_year,box,shelf,documents (documents: empty or "
          "name:size:sha256 entries separated by ';'); RFC 4180 quoting. A "
          "record's position is its line number after the header. The whole "
          "file is checked before anything is sent. The transfer is named "
          "after the file (--transfer-id) and identified by its SHA-256: a "
          "run resumes only the very same file, and a changed file of the "
          "same name is refused until it gets a --transfer-id of its own. "
          "Records sent again are counted as duplicates. Rejected records "
          "are written to the report file. See docs/cli.md.\n") +
      ExitCodeHelp() + "\n");
  transfer->add_option("DEPOSIT", args->deposit_id, "deposit number")
      ->required();
  transfer->add_option("FILE", args->file, "CSV file of records")
      ->required()
      ->check(CLI::ExistingFile);
  AddCountOption(transfer, "--batch-size", args->batch_size,
                 "records per batch; each batch is committed on arrival",
                 kMaxBatchRecords)
      ->capture_default_str();
  transfer->add_option("--report", args->report,
                       "where to write the rejected records (default "
                       "FILE.rejected.csv)");
  transfer->add_option("--transfer-id", args->transfer_id,
                       "the transfer's name in the deposit (default: the "
                       "file's name); give a new one to send a changed file "
                       "as a new source");
  transfer->add_flag("--no-resume", args->no_resume,
                     "send every line of the file from the first, also "
                     "those the server has (it counts them as duplicates); "
                     "needed to re-send records an archivist granted an "
                     "exception. A changed file is still refused");
  transfer->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      return RunTransfer(connection, *args, options.json);
    };
  });
}

}  // namespace

void AddDepositCommands(CLI::App& app, const ConnectionOptions& options,
                        Action* action) {
  CLI::App* group = app.add_subcommand(
      "deposit",
      "Deposits (avleveringer): open one, transfer its records, close it");
  group->require_subcommand(1);
  AddCreate(group, options, action);
  AddShowCloseCancel(group, options, action);
  AddList(group, options, action);
  AddCategories(group, options, action);
  AddRejections(group, options, action);
  AddTransfer(group, options, action);
  AddNoarkCommands(group, options, action);
}

}  // namespace depot::cli
