#include "clients/cli/deposit_commands.h"

#include <iostream>
#include <span>

#include "clients/cli/count_option.h"
#include "clients/cli/deposit_names.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/noark_commands.h"
#include "clients/cli/transfer.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::DepositService::Stub;

// deposits: a range of v1::Deposit.
void PrintDeposits(const auto& deposits) {
  Table table({"DEPOSIT", "DEPOSITOR", "CATEGORY", "DATE", "STATE", "ACCEPTED",
               "REJECTED", "DESCRIPTION"});
  for (const v1::Deposit& d : deposits) {
    table.AddRow({std::to_string(d.deposit_id()), d.organization_number(),
                  CategoryName(d.category()), d.deposit_date(),
                  DepositStateName(d.state()),
                  std::to_string(d.accepted_records()),
                  std::to_string(d.rejected_records()), d.description()});
  }
  table.Print(std::cout);
}

void PrintDeposit(const v1::Deposit& deposit) {
  PrintDeposits(std::span(&deposit, 1));
  std::cout << "created " << deposit.created_at() << " by "
            << deposit.created_by() << "\n";
  if (!deposit.cancel_reason().empty()) {
    std::cout << "cancelled: " << deposit.cancel_reason() << "\n";
  }
}

// The deposit after a change: "<done> deposit N", then the deposit.
auto PrintDepositAfter(const char* done) {
  return [done](const v1::Deposit& deposit) {
    std::cout << done << " deposit " << deposit.deposit_id() << "\n";
    PrintDeposit(deposit);
  };
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

void AddCreate(CLI::App* group, const Commands& commands) {
  Command<CreateArgs> create(
      group, commands, "create",
      "Open a deposit (avlevering) of one register for a depositor");
  CreateArgs& args = create.args();
  create
      ->add_option("--org-number", args.organisation_number,
                   "the depositor's organisation number")
      ->required();
  create
      ->add_option("--category", args.category,
                   "register category (see `depot deposit categories`)")
      ->required()
      ->check(CLI::IsMember(CategoryNames()));
  create->add_option("--description", args.description,
                     "what the deposit holds, e.g. \"Elevmapper 1960-1975\"");
  create->add_option("--date", args.date,
                     "deposit date YYYY-MM-DD, the date the 10-year rule is "
                     "applied at (default today; not in the future)");
  create.Calls(
      &Stub::CreateDeposit,
      [](const CreateArgs& args, v1::CreateDepositRequest& request) {
        request.set_organization_number(args.organisation_number);
        request.set_category(*CategoryByName(args.category));
        request.set_description(args.description);
        request.set_deposit_date(args.date);
      },
      PrintDepositAfter("created"));
}

void AddShowClose(CLI::App* group, const Commands& commands) {
  Command<int64_t> show(group, commands, "show", "Show one deposit");
  show->add_option("DEPOSIT", show.args(), "deposit number")->required();
  show.Calls(
      &Stub::GetDeposit,
      [](int64_t id, v1::GetDepositRequest& request) {
        request.set_deposit_id(id);
      },
      PrintDeposit);

  Command<int64_t> close(
      group, commands, "close",
      "Close a deposit as received: it takes no more records from then on");
  close->add_option("DEPOSIT", close.args(), "deposit number")->required();
  close.Calls(
      &Stub::CloseDeposit,
      [](int64_t id, v1::CloseDepositRequest& request) {
        request.set_deposit_id(id);
      },
      PrintDepositAfter("closed"));
}

void AddCancel(CLI::App* group, const Commands& commands) {
  Command<CancelArgs> cancel(
      group, commands, "cancel",
      "Cancel an open deposit and remove its records (not once received)");
  cancel->add_option("DEPOSIT", cancel.args().deposit_id, "deposit number")
      ->required();
  cancel
      ->add_option("--reason", cancel.args().reason,
                   "why the deposit is cancelled (stored with it)")
      ->required();
  cancel.Calls(
      &Stub::CancelDeposit,
      [](const CancelArgs& args, v1::CancelDepositRequest& request) {
        request.set_deposit_id(args.deposit_id);
        request.set_reason(args.reason);
      },
      PrintDepositAfter("cancelled"));
}

int List(const Connection& connection, const std::string& org, bool json) {
  v1::ListDepositsRequest request;
  request.set_organization_number(org);
  request.set_page_size(500);
  v1::ListDepositsResponse all;
  grpc::Status status =
      CallPages(connection, &Stub::ListDeposits, request,
                [&](v1::ListDepositsResponse& page, v1::ListDepositsRequest&) {
                  for (const auto& d : page.deposits()) *all.add_deposits() = d;
                  return true;
                });
  if (!status.ok()) return ReportFailure(status);
  if (json) {
    std::cout << ToJson(all);
  } else {
    PrintDeposits(all.deposits());
  }
  return 0;
}

void AddList(CLI::App* group, const Commands& commands) {
  Command<std::string> list(group, commands, "list",
                            "List deposits (all pages)");
  list->add_option("--org-number", list.args(),
                   "only this depositor's deposits");
  list.Runs(List);
}

void AddCategories(CLI::App* group, const Commands& commands) {
  Command<NoArgs> categories(
      group, commands, "categories",
      "Register categories with their periods under the 10-year rule");
  categories.Calls(
      &Stub::ListCategories, kNoFields,
      [](const v1::ListCategoriesResponse& response) {
        Table table({"CATEGORY", "YEARS", "SPECIAL"});
        for (const auto& c : response.categories()) {
          table.AddRow({c.name(), std::to_string(c.eligibility_years()),
                        c.special_category() ? "yes (GDPR art. 9)" : "no"});
        }
        table.Print(std::cout);
      });
}

int Rejections(const Connection& connection, int64_t deposit_id, bool json) {
  std::vector<v1::Rejection> all;
  grpc::Status status = ListAllRejections(connection, deposit_id, &all);
  if (!status.ok()) return ReportFailure(status);
  if (json) {
    v1::ListRejectionsResponse response;
    for (const auto& r : all) *response.add_rejections() = r;
    std::cout << ToJson(response);
    return 0;
  }
  Table table({"POSITION", "SOURCE ID", "FIELD", "REASON", "ELIGIBLE FROM"});
  for (const auto& r : all) {
    table.AddRow({std::to_string(r.position()), r.source_record_id(), r.field(),
                  r.reason(),
                  r.eligible_from().empty() ? "-" : r.eligible_from()});
  }
  table.Print(std::cout);
  return 0;
}

void AddRejections(CLI::App* group, const Commands& commands) {
  Command<int64_t> rejections(
      group, commands, "rejections",
      "The records of a deposit that were rejected, and why");
  rejections->add_option("DEPOSIT", rejections.args(), "deposit number")
      ->required();
  rejections.Runs(Rejections);
}

void AddTransfer(CLI::App* group, const Commands& commands) {
  Command<TransferArgs> transfer(
      group, commands, "transfer",
      "Send the records of a CSV file into an open deposit, resuming where "
      "an earlier run of the same file stopped");
  TransferArgs& args = transfer.args();
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
  transfer->add_option("DEPOSIT", args.deposit_id, "deposit number")
      ->required();
  transfer->add_option("FILE", args.file, "CSV file of records")
      ->required()
      ->check(CLI::ExistingFile);
  AddCountOption(transfer.app(), "--batch-size", args.batch_size,
                 "records per batch; each batch is committed on arrival",
                 kMaxBatchRecords)
      ->capture_default_str();
  transfer->add_option("--report", args.report,
                       "where to write the rejected records (default "
                       "FILE.rejected.csv)");
  transfer->add_option("--transfer-id", args.transfer_id,
                       "the transfer's name in the deposit (default: the "
                       "file's name); give a new one to send a changed file "
                       "as a new source");
  transfer->add_flag("--no-resume", args.no_resume,
                     "send every line of the file from the first, also "
                     "those the server has (it counts them as duplicates); "
                     "needed to re-send records an archivist granted an "
                     "exception. A changed file is still refused");
  transfer.Runs(RunTransfer);
}

}  // namespace

void AddDepositCommands(CLI::App* app, const Commands& commands) {
  CLI::App* group = AddGroup(
      app, "deposit",
      "Deposits (avleveringer): open one, transfer its records, close it");
  AddCreate(group, commands);
  AddShowClose(group, commands);
  AddCancel(group, commands);
  AddList(group, commands);
  AddCategories(group, commands);
  AddRejections(group, commands);
  AddTransfer(group, commands);
  AddNoarkCommands(group, commands);
}

}  // namespace depot::cli
