#include "clients/cli/readingroom_commands.h"
#include "clients/cli/readingroom_output.h"

namespace depot::cli {
namespace {

struct OpenArgs {
  int64_t visitor_id = 0;
  std::vector<std::string> items;
  int64_t declaration_id = 0;
  int64_t approval_id = 0;
};

struct ReturnArgs {
  int64_t loan_id = 0;
  std::vector<std::string> items;
};

struct LogArgs {
  std::string item;
  int64_t visitor_id = 0;
};

struct ApproveArgs {
  int64_t visitor_id = 0;
  std::vector<std::string> items;
  std::string reason;
  std::string valid_through;
};

// The loan's items, or only those still out.
std::string Items(const v1::Loan& loan, bool only_out) {
  std::string text;
  for (const auto& item : loan.items()) {
    if (only_out && !item.returned_at().empty()) continue;
    if (!text.empty()) text += " ";
    text += item.item_ref();
  }
  return text;
}

void AddOpen(CLI::App* group, const Commands& commands) {
  Command<OpenArgs> open(
      group, commands, "open",
      "Hand out items: refused, with every reason, unless the visitor "
      "is checked in, a valid declaration covers every item, the "
      "items exist and are in, and special-category items are "
      "approved");
  open->add_option("--visitor", open.args().visitor_id, "the visitor's id")
      ->required();
  open->add_option("--item", open.args().items,
                   "record:<id> or box:<deposit id>:<box> (repeatable)")
      ->required();
  open->add_option("--declaration", open.args().declaration_id,
                   "the declaration backing it (default: any valid one)");
  open->add_option("--approval", open.args().approval_id,
                   "an archivist's approval for special-category items");
  open.Calls(
      &RoomStub::OpenLoan,
      [](const OpenArgs& args, v1::OpenLoanRequest& request) {
        request.set_visitor_id(args.visitor_id);
        for (const auto& item : args.items) request.add_item_refs(item);
        request.set_declaration_id(args.declaration_id);
        request.set_approval_id(args.approval_id);
      },
      [](const v1::Loan& loan) {
        std::cout << "opened loan " << loan.loan_id() << " for visitor "
                  << loan.visitor_id() << ": " << Items(loan, false)
                  << " (reading room only; no copying without an agreement)\n";
      });
}

void AddReturn(CLI::App* group, const Commands& commands) {
  Command<ReturnArgs> give_back(
      group, commands, "return",
      "Take items back (all of the loan's unless --item)");
  give_back->add_option("LOAN_ID", give_back.args().loan_id, "the loan's id")
      ->required();
  give_back->add_option("--item", give_back.args().items,
                        "only this item (repeatable)");
  give_back.Calls(
      &RoomStub::ReturnLoan,
      [](const ReturnArgs& args, v1::ReturnLoanRequest& request) {
        request.set_loan_id(args.loan_id);
        for (const auto& item : args.items) request.add_item_refs(item);
      },
      [](const v1::Loan& loan) {
        if (!loan.returned_at().empty()) {
          std::cout << "loan " << loan.loan_id() << " returned at "
                    << loan.returned_at() << "\n";
          return;
        }
        std::cout << "took back items of loan " << loan.loan_id()
                  << "; still out:";
        for (const auto& item : loan.items()) {
          if (item.returned_at().empty()) std::cout << " " << item.item_ref();
        }
        std::cout << "\n";
      });
}

void AddShow(CLI::App* group, const Commands& commands) {
  Command<int64_t> show(group, commands, "show",
                        "One loan with its items and copy agreements");
  show->add_option("LOAN_ID", show.args(), "the loan's id")->required();
  show.Calls(
      &RoomStub::GetLoan,
      [](int64_t id, v1::GetLoanRequest& request) { request.set_loan_id(id); },
      PrintLoan);
}

void PrintOverdue(const v1::ListOverdueResponse& response) {
  Table table(
      {"LOAN", "VISITOR", "NAME", "ITEMS OUT", "OPENED", "OVERDUE SINCE"});
  for (const auto& entry : response.loans()) {
    const v1::Loan& loan = entry.loan();
    table.AddRow({std::to_string(loan.loan_id()),
                  std::to_string(loan.visitor_id()), loan.visitor_name(),
                  Items(loan, true), loan.opened_at(), entry.overdue_since()});
  }
  std::cout << "closing time " << response.closing_time() << "\n";
  table.Print(std::cout);
}

void AddOverdue(CLI::App* group, const Commands& commands) {
  Command<std::string> overdue(
      group, commands, "overdue",
      "Loans still out after closing time of the day they opened");
  overdue->add_option("--closing-time", overdue.args(),
                      "HH:MM (default: the configured closing time)");
  overdue.Calls(
      &RoomStub::ListOverdue,
      [](const std::string& closing, v1::ListOverdueRequest& request) {
        request.set_closing_time(closing);
      },
      PrintOverdue);
}

void PrintItemLog(const v1::ItemLendingLogResponse& response) {
  Table table({"LOAN", "ITEM", "VISITOR", "NAME", "HANDED OUT", "BY",
               "RETURNED", "TAKEN BACK BY"});
  for (const auto& e : response.entries()) {
    table.AddRow({std::to_string(e.loan_id()), e.item_ref(),
                  std::to_string(e.visitor_id()), e.visitor_name(),
                  e.opened_at(), e.handed_out_by(), OrDash(e.returned_at()),
                  OrDash(e.taken_back_by())});
  }
  table.Print(std::cout);
}

void PrintVisitorLog(const v1::VisitorLendingLogResponse& response) {
  std::cout << "visitor " << response.visitor().visitor_id() << " "
            << response.visitor().name() << "\nvisits:\n";
  PrintVisits(response.visits());
  std::cout << "loans:\n";
  for (const auto& loan : response.loans()) PrintLoan(loan);
}

int LendingLog(const Connection& connection, const LogArgs& args, bool json) {
  if (args.item.empty() == (args.visitor_id == 0)) {
    return ReportFailure(grpc::StatusCode::INVALID_ARGUMENT,
                         "give --item or --visitor");
  }
  if (!args.item.empty()) {
    v1::ItemLendingLogRequest request;
    request.set_item_ref(args.item);
    v1::ItemLendingLogResponse response;
    grpc::Status status =
        Call(connection, &RoomStub::ItemLendingLog, request, &response);
    if (!status.ok()) return ReportFailure(status);
    PrintAnswer(response, json, PrintItemLog);
    return 0;
  }
  v1::VisitorLendingLogRequest request;
  request.set_visitor_id(args.visitor_id);
  v1::VisitorLendingLogResponse response;
  grpc::Status status =
      Call(connection, &RoomStub::VisitorLendingLog, request, &response);
  if (!status.ok()) return ReportFailure(status);
  PrintAnswer(response, json, PrintVisitorLog);
  return 0;
}

void AddLog(CLI::App* group, const Commands& commands) {
  Command<LogArgs> log(group, commands, "log",
                       "The lending log: who borrowed an item, or a visitor's "
                       "visits and loans (each read is audited)");
  auto* item = log->add_option("--item", log.args().item,
                               "record:<id> or box:<deposit id>:<box>");
  auto* visitor =
      log->add_option("--visitor", log.args().visitor_id, "the visitor's id");
  item->excludes(visitor);
  log.Runs(LendingLog);
}

void AddApprove(CLI::App* group, const Commands& commands) {
  Command<ApproveArgs> approve(group, commands, "approve",
                               "An archivist's approval for a visitor to "
                               "borrow special-category items");
  ApproveArgs& args = approve.args();
  approve->add_option("--visitor", args.visitor_id, "the visitor's id")
      ->required();
  approve
      ->add_option("--item", args.items,
                   "record:<id> or box:<deposit id>:<box> (repeatable)")
      ->required();
  approve->add_option("--reason", args.reason, "why (no personal data)")
      ->required();
  approve->add_option("--valid-through", args.valid_through,
                      "YYYY-MM-DD (default today)");
  approve.Calls(
      &RoomStub::ApproveSpecialAccess,
      [](const ApproveArgs& args, v1::ApproveSpecialAccessRequest& request) {
        request.set_visitor_id(args.visitor_id);
        for (const auto& item : args.items) request.add_item_refs(item);
        request.set_reason(args.reason);
        request.set_valid_through(args.valid_through);
      },
      [](const v1::SpecialApproval& approval) {
        std::cout << "approval " << approval.approval_id() << " for visitor "
                  << approval.visitor_id() << ", valid until "
                  << approval.valid_until() << " (use: depot loan open "
                  << "--approval " << approval.approval_id() << ")\n";
      });
}

}  // namespace

void AddLoanCommands(CLI::App* app, const Commands& commands) {
  CLI::App* group =
      AddGroup(app, "loan", "Loans of deposited material in the reading room");
  AddOpen(group, commands);
  AddReturn(group, commands);
  AddShow(group, commands);
  AddOverdue(group, commands);
  AddLog(group, commands);
  AddApprove(group, commands);
}

}  // namespace depot::cli
