#include <memory>

#include "clients/cli/exit_codes.h"
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

struct AgreeArgs {
  int64_t loan_id = 0;
  std::vector<std::string> items;
  std::string method;
  std::string purpose;
};

struct ListArgs {
  int64_t loan_id = 0;
  int64_t visitor_id = 0;
};

int BadInput(const std::string& message) {
  std::cerr << "depot: bad input: " << message << std::endl;
  return kExitBadInput;
}

std::string Items(const v1::Loan& loan) {
  std::string text;
  for (const auto& item : loan.items()) {
    if (!text.empty()) text += " ";
    text += item.item_ref();
  }
  return text;
}

}  // namespace

void AddLoanCommands(CLI::App& app, const ConnectionOptions& options,
                     Action* action) {
  CLI::App* group = app.add_subcommand(
      "loan", "Loans of deposited material in the reading room");
  group->require_subcommand(1);

  auto open_args = std::make_shared<OpenArgs>();
  CLI::App* open = group->add_subcommand(
      "open",
      "Hand out items: refused, with every reason, unless the visitor "
      "is checked in, a valid declaration covers every item, the "
      "items exist and are in, and special-category items are "
      "approved");
  open->add_option("--visitor", open_args->visitor_id, "the visitor's id")
      ->required();
  open->add_option("--item", open_args->items,
                   "record:<id> or box:<deposit id>:<box> (repeatable)")
      ->required();
  open->add_option("--declaration", open_args->declaration_id,
                   "the declaration backing it (default: any valid one)");
  open->add_option("--approval", open_args->approval_id,
                   "an archivist's approval for special-category items");
  open->callback([open_args, &options, action] {
    *action = [open_args, &options](const Connection& connection) {
      v1::OpenLoanRequest request;
      request.set_visitor_id(open_args->visitor_id);
      for (const auto& item : open_args->items) request.add_item_refs(item);
      request.set_declaration_id(open_args->declaration_id);
      request.set_approval_id(open_args->approval_id);
      v1::Loan loan;
      if (int failed =
              CallRoom(connection, &RoomStub::OpenLoan, request, &loan)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(loan);
      } else {
        std::cout << "opened loan " << loan.loan_id() << " for visitor "
                  << loan.visitor_id() << ": " << Items(loan)
                  << " (reading room only; no copying without an agreement)\n";
      }
      return 0;
    };
  });

  auto return_args = std::make_shared<ReturnArgs>();
  CLI::App* give_back = group->add_subcommand(
      "return", "Take items back (all of the loan's unless --item)");
  give_back->add_option("LOAN_ID", return_args->loan_id, "the loan's id")
      ->required();
  give_back->add_option("--item", return_args->items,
                        "only this item (repeatable)");
  give_back->callback([return_args, &options, action] {
    *action = [return_args, &options](const Connection& connection) {
      v1::ReturnLoanRequest request;
      request.set_loan_id(return_args->loan_id);
      for (const auto& item : return_args->items) request.add_item_refs(item);
      v1::Loan loan;
      if (int failed =
              CallRoom(connection, &RoomStub::ReturnLoan, request, &loan)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(loan);
      } else if (!loan.returned_at().empty()) {
        std::cout << "loan " << loan.loan_id() << " returned at "
                  << loan.returned_at() << "\n";
      } else {
        std::cout << "took back items of loan " << loan.loan_id()
                  << "; still out:";
        for (const auto& item : loan.items()) {
          if (item.returned_at().empty()) std::cout << " " << item.item_ref();
        }
        std::cout << "\n";
      }
      return 0;
    };
  });

  auto show_id = std::make_shared<int64_t>(0);
  CLI::App* show = group->add_subcommand(
      "show", "One loan with its items and copy agreements");
  show->add_option("LOAN_ID", *show_id, "the loan's id")->required();
  show->callback([show_id, &options, action] {
    *action = [show_id, &options](const Connection& connection) {
      v1::GetLoanRequest request;
      request.set_loan_id(*show_id);
      v1::Loan loan;
      if (int failed =
              CallRoom(connection, &RoomStub::GetLoan, request, &loan)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(loan);
      } else {
        PrintLoan(loan);
      }
      return 0;
    };
  });

  auto closing = std::make_shared<std::string>();
  CLI::App* overdue = group->add_subcommand(
      "overdue", "Loans still out after closing time of the day they opened");
  overdue->add_option("--closing-time", *closing,
                      "HH:MM (default: the configured closing time)");
  overdue->callback([closing, &options, action] {
    *action = [closing, &options](const Connection& connection) {
      v1::ListOverdueRequest request;
      request.set_closing_time(*closing);
      v1::ListOverdueResponse response;
      if (int failed = CallRoom(connection, &RoomStub::ListOverdue, request,
                                &response)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      Table table(
          {"LOAN", "VISITOR", "NAME", "ITEMS OUT", "OPENED", "OVERDUE SINCE"});
      for (const auto& entry : response.loans()) {
        const v1::Loan& loan = entry.loan();
        std::string out;
        for (const auto& item : loan.items()) {
          if (item.returned_at().empty()) {
            out += (out.empty() ? "" : " ") + item.item_ref();
          }
        }
        table.AddRow({std::to_string(loan.loan_id()),
                      std::to_string(loan.visitor_id()), loan.visitor_name(),
                      out, loan.opened_at(), entry.overdue_since()});
      }
      std::cout << "closing time " << response.closing_time() << "\n";
      table.Print(std::cout);
      return 0;
    };
  });

  auto log_args = std::make_shared<LogArgs>();
  CLI::App* log = group->add_subcommand(
      "log",
      "The lending log: who borrowed an item, or a visitor's visits "
      "and loans (each read is audited)");
  auto* item = log->add_option("--item", log_args->item,
                               "record:<id> or box:<deposit id>:<box>");
  auto* visitor =
      log->add_option("--visitor", log_args->visitor_id, "the visitor's id");
  item->excludes(visitor);
  log->callback([log_args, &options, action] {
    *action = [log_args, &options](const Connection& connection) {
      if (log_args->item.empty() == (log_args->visitor_id == 0)) {
        return BadInput("give --item or --visitor");
      }
      if (!log_args->item.empty()) {
        v1::ItemLendingLogRequest request;
        request.set_item_ref(log_args->item);
        v1::ItemLendingLogResponse response;
        if (int failed = CallRoom(connection, &RoomStub::ItemLendingLog,
                                  request, &response)) {
          return failed;
        }
        if (options.json) {
          std::cout << ToJson(response);
          return 0;
        }
        Table table({"LOAN", "ITEM", "VISITOR", "NAME", "HANDED OUT", "BY",
                     "RETURNED", "TAKEN BACK BY"});
        for (const auto& e : response.entries()) {
          table.AddRow({std::to_string(e.loan_id()), e.item_ref(),
                        std::to_string(e.visitor_id()), e.visitor_name(),
                        e.opened_at(), e.handed_out_by(),
                        OrDash(e.returned_at()), OrDash(e.taken_back_by())});
        }
        table.Print(std::cout);
        return 0;
      }
      v1::VisitorLendingLogRequest request;
      request.set_visitor_id(log_args->visitor_id);
      v1::VisitorLendingLogResponse response;
      if (int failed = CallRoom(connection, &RoomStub::VisitorLendingLog,
                                request, &response)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      std::cout << "visitor " << response.visitor().visitor_id() << " "
                << response.visitor().name() << "\nvisits:\n";
      PrintVisits(response.visits());
      std::cout << "loans:\n";
      for (const auto& loan : response.loans()) PrintLoan(loan);
      return 0;
    };
  });

  auto approve_args = std::make_shared<ApproveArgs>();
  CLI::App* approve =
      group->add_subcommand("approve",
                            "An archivist's approval for a visitor to borrow "
                            "special-category items");
  approve->add_option("--visitor", approve_args->visitor_id, "the visitor's id")
      ->required();
  approve
      ->add_option("--item", approve_args->items,
                   "record:<id> or box:<deposit id>:<box> (repeatable)")
      ->required();
  approve
      ->add_option("--reason", approve_args->reason, "why (no personal data)")
      ->required();
  approve->add_option("--valid-through", approve_args->valid_through,
                      "YYYY-MM-DD (default today)");
  approve->callback([approve_args, &options, action] {
    *action = [approve_args, &options](const Connection& connection) {
      v1::ApproveSpecialAccessRequest request;
      request.set_visitor_id(approve_args->visitor_id);
      for (const auto& item : approve_args->items) request.add_item_refs(item);
      request.set_reason(approve_args->reason);
      request.set_valid_through(approve_args->valid_through);
      v1::SpecialApproval approval;
      if (int failed = CallRoom(connection, &RoomStub::ApproveSpecialAccess,
                                request, &approval)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(approval);
      } else {
        std::cout << "approval " << approval.approval_id() << " for visitor "
                  << approval.visitor_id() << ", valid until "
                  << approval.valid_until() << " (use: depot loan open "
                  << "--approval " << approval.approval_id() << ")\n";
      }
      return 0;
    };
  });
}

void AddCopyCommands(CLI::App& app, const ConnectionOptions& options,
                     Action* action) {
  CLI::App* group = app.add_subcommand(
      "copy", "Copy and photo agreements on loans (no copying without one)");
  group->require_subcommand(1);

  auto agree_args = std::make_shared<AgreeArgs>();
  CLI::App* agree = group->add_subcommand(
      "agree",
      "Record an agreement on an open loan; you are the approving "
      "archivist");
  agree->add_option("--loan", agree_args->loan_id, "the loan's id")->required();
  agree->add_option("--item", agree_args->items,
                    "an item of the loan (repeatable; default all)");
  agree->add_option("--method", agree_args->method, "photo, scan or photocopy")
      ->check(CLI::IsMember({"photo", "scan", "photocopy"}))
      ->required();
  agree->add_option("--purpose", agree_args->purpose, "what the copies are for")
      ->required();
  agree->callback([agree_args, &options, action] {
    *action = [agree_args, &options](const Connection& connection) {
      v1::RecordCopyAgreementRequest request;
      request.set_loan_id(agree_args->loan_id);
      for (const auto& item : agree_args->items) request.add_item_refs(item);
      request.set_method(agree_args->method == "photo" ? v1::COPY_METHOD_PHOTO
                         : agree_args->method == "scan"
                             ? v1::COPY_METHOD_SCAN
                             : v1::COPY_METHOD_PHOTOCOPY);
      request.set_purpose(agree_args->purpose);
      v1::CopyAgreement agreement;
      if (int failed = CallRoom(connection, &RoomStub::RecordCopyAgreement,
                                request, &agreement)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(agreement);
      } else {
        std::cout << "recorded copy agreement " << agreement.agreement_id()
                  << " on loan " << agreement.loan_id() << "\n";
      }
      return 0;
    };
  });

  auto list_args = std::make_shared<ListArgs>();
  CLI::App* list = group->add_subcommand(
      "list", "Copy agreements of a loan or of a visitor's loans");
  auto* loan = list->add_option("--loan", list_args->loan_id, "the loan's id");
  auto* visitor =
      list->add_option("--visitor", list_args->visitor_id, "the visitor's id");
  loan->excludes(visitor);
  list->callback([list_args, &options, action] {
    *action = [list_args, &options](const Connection& connection) {
      v1::ListCopyAgreementsRequest request;
      request.set_loan_id(list_args->loan_id);
      request.set_visitor_id(list_args->visitor_id);
      v1::ListCopyAgreementsResponse response;
      if (int failed = CallRoom(connection, &RoomStub::ListCopyAgreements,
                                request, &response)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        PrintAgreements(response.agreements());
      }
      return 0;
    };
  });
}

}  // namespace depot::cli
