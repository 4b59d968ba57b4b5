#include <memory>

#include "clients/cli/count_option.h"
#include "clients/cli/readingroom_commands.h"
#include "clients/cli/readingroom_output.h"

namespace depot::cli {
namespace {

struct AddArgs {
  std::string name;
  std::string contact;
  std::string document;
};

struct FindArgs {
  std::vector<std::string> words;
  int64_t id = 0;
  int limit = 0;
};

struct CorrectArgs {
  int64_t id = 0;
  std::string name;
  std::string contact;
  std::string document;
  std::string reason;
};

const std::vector<std::string> kDocumentNames = {"passport", "national-id-card",
                                                 "driving-licence",
                                                 "residence-card", "other"};

// checkin/checkout: the same shape, another RPC.
void AddVisitCommand(CLI::App* group, const std::string& name,
                     const std::string& help, bool in,
                     const ConnectionOptions& options, Action* action) {
  auto id = std::make_shared<int64_t>(0);
  CLI::App* command = group->add_subcommand(name, help);
  command->add_option("VISITOR_ID", *id, "the visitor's id")->required();
  command->callback([id, in, &options, action] {
    *action = [id, in, &options](const Connection& connection) {
      v1::Visit visit;
      int failed = 0;
      if (in) {
        v1::CheckInRequest request;
        request.set_visitor_id(*id);
        failed = CallRoom(connection, &RoomStub::CheckIn, request, &visit);
      } else {
        v1::CheckOutRequest request;
        request.set_visitor_id(*id);
        failed = CallRoom(connection, &RoomStub::CheckOut, request, &visit);
      }
      if (failed) return failed;
      if (options.json) {
        std::cout << ToJson(visit);
      } else if (in) {
        std::cout << "checked in visitor " << visit.visitor_id() << " (visit "
                  << visit.visit_id() << ") at " << visit.checked_in_at()
                  << "\n";
      } else {
        std::cout << "checked out visitor " << visit.visitor_id() << " (visit "
                  << visit.visit_id() << ") at " << visit.checked_out_at()
                  << "\n";
      }
      return 0;
    };
  });
}

}  // namespace

void AddVisitorCommands(CLI::App& app, const ConnectionOptions& options,
                        Action* action) {
  CLI::App* group =
      app.add_subcommand("visitor", "Reading-room visitors and their visits");
  group->require_subcommand(1);

  auto add_args = std::make_shared<AddArgs>();
  CLI::App* add = group->add_subcommand(
      "add",
      "Register a visitor (the identity document's kind only, never "
      "its number)");
  add->add_option("--name", add_args->name, "full name")->required();
  add->add_option("--contact", add_args->contact,
                  "telephone, e-mail or address")
      ->required();
  add->add_option("--id-document", add_args->document,
                  "kind of identity document checked")
      ->check(CLI::IsMember(kDocumentNames))
      ->required();
  add->callback([add_args, &options, action] {
    *action = [add_args, &options](const Connection& connection) {
      v1::RegisterVisitorRequest request;
      request.set_name(add_args->name);
      request.set_contact(add_args->contact);
      request.set_id_document_kind(*IdDocumentByName(add_args->document));
      v1::Visitor visitor;
      if (int failed = CallRoom(connection, &RoomStub::RegisterVisitor, request,
                                &visitor)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(visitor);
      } else {
        std::cout << "registered visitor " << visitor.visitor_id() << " "
                  << visitor.name() << "\n";
      }
      return 0;
    };
  });

  auto find_args = std::make_shared<FindArgs>();
  CLI::App* find = group->add_subcommand(
      "find", "Find visitors by words of their name, or by id");
  find->add_option("NAME", find_args->words,
                   "words of the name (all must match)");
  find->add_option("--id", find_args->id, "the visitor's id");
  AddCountOption(find, "--limit", find_args->limit,
                 "at most this many (default 50)", kMaxPageSize);
  find->callback([find_args, &options, action] {
    *action = [find_args, &options](const Connection& connection) {
      v1::FindVisitorsRequest request;
      std::string name;
      for (const std::string& word : find_args->words) {
        name += (name.empty() ? "" : " ") + word;
      }
      request.set_name(name);
      request.set_visitor_id(find_args->id);
      request.set_limit(find_args->limit);
      v1::FindVisitorsResponse response;
      if (int failed = CallRoom(connection, &RoomStub::FindVisitors, request,
                                &response)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        PrintVisitors(response.visitors());
      }
      return 0;
    };
  });

  auto correct_args = std::make_shared<CorrectArgs>();
  CLI::App* correct = group->add_subcommand(
      "correct", "Correct a visitor's name, contact or document kind");
  correct->add_option("VISITOR_ID", correct_args->id, "the visitor's id")
      ->required();
  correct->add_option("--name", correct_args->name, "corrected full name");
  correct->add_option("--contact", correct_args->contact, "corrected contact");
  correct
      ->add_option("--id-document", correct_args->document,
                   "corrected document kind")
      ->check(CLI::IsMember(kDocumentNames));
  correct
      ->add_option("--reason", correct_args->reason,
                   "why (kept in the audit trail; no personal data)")
      ->required();
  correct->callback([correct_args, &options, action] {
    *action = [correct_args, &options](const Connection& connection) {
      v1::CorrectVisitorRequest request;
      request.set_visitor_id(correct_args->id);
      request.set_name(correct_args->name);
      request.set_contact(correct_args->contact);
      if (!correct_args->document.empty()) {
        request.set_id_document_kind(*IdDocumentByName(correct_args->document));
      }
      request.set_reason(correct_args->reason);
      v1::Visitor visitor;
      if (int failed = CallRoom(connection, &RoomStub::CorrectVisitor, request,
                                &visitor)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(visitor);
      } else {
        std::cout << "corrected visitor " << visitor.visitor_id() << "\n";
      }
      return 0;
    };
  });

  AddVisitCommand(group, "checkin", "Check a visitor in (opens a visit)", true,
                  options, action);
  AddVisitCommand(group, "checkout",
                  "Check a visitor out (refused while loans are out)", false,
                  options, action);

  auto date = std::make_shared<std::string>();
  CLI::App* log = group->add_subcommand(
      "log", "The visitor log of one day: every visit that began that day");
  log->add_option("--date", *date, "YYYY-MM-DD (default today)");
  log->callback([date, &options, action] {
    *action = [date, &options](const Connection& connection) {
      v1::VisitorLogRequest request;
      request.set_date(*date);
      v1::VisitorLogResponse response;
      if (int failed =
              CallRoom(connection, &RoomStub::VisitorLog, request, &response)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        std::cout << "visitor log " << response.date() << "\n";
        PrintVisits(response.visits());
      }
      return 0;
    };
  });
}

void AddReadingRoomCommands(CLI::App& app, const ConnectionOptions& options,
                            Action* action) {
  AddVisitorCommands(app, options, action);
  AddDeclarationCommands(app, options, action);
  AddLoanCommands(app, options, action);
  AddCopyCommands(app, options, action);
}

}  // namespace depot::cli
