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

void AddAdd(CLI::App* group, const Commands& commands) {
  Command<AddArgs> add(group, commands, "add",
                       "Register a visitor (the identity document's kind only, "
                       "never its number)");
  add->add_option("--name", add.args().name, "full name")->required();
  add->add_option("--contact", add.args().contact,
                  "telephone, e-mail or address")
      ->required();
  add->add_option("--id-document", add.args().document,
                  "kind of identity document checked")
      ->check(CLI::IsMember(kDocumentNames))
      ->required();
  add.Calls(
      &RoomStub::RegisterVisitor,
      [](const AddArgs& args, v1::RegisterVisitorRequest& request) {
        request.set_name(args.name);
        request.set_contact(args.contact);
        request.set_id_document_kind(*IdDocumentByName(args.document));
      },
      [](const v1::Visitor& visitor) {
        std::cout << "registered visitor " << visitor.visitor_id() << " "
                  << visitor.name() << "\n";
      });
}

void AddFind(CLI::App* group, const Commands& commands) {
  Command<FindArgs> find(group, commands, "find",
                         "Find visitors by words of their name, or by id");
  find->add_option("NAME", find.args().words,
                   "words of the name (all must match)");
  find->add_option("--id", find.args().id, "the visitor's id");
  AddCountOption(find.app(), "--limit", find.args().limit,
                 "at most this many (default 50)", kMaxPageSize);
  find.Calls(
      &RoomStub::FindVisitors,
      [](const FindArgs& args, v1::FindVisitorsRequest& request) {
        std::string name;
        for (const std::string& word : args.words) {
          name += (name.empty() ? "" : " ") + word;
        }
        request.set_name(name);
        request.set_visitor_id(args.id);
        request.set_limit(args.limit);
      },
      [](const v1::FindVisitorsResponse& response) {
        PrintVisitors(response.visitors());
      });
}

void AddCorrect(CLI::App* group, const Commands& commands) {
  Command<CorrectArgs> correct(
      group, commands, "correct",
      "Correct a visitor's name, contact or document kind");
  CorrectArgs& args = correct.args();
  correct->add_option("VISITOR_ID", args.id, "the visitor's id")->required();
  correct->add_option("--name", args.name, "corrected full name");
  correct->add_option("--contact", args.contact, "corrected contact");
  correct->add_option("--id-document", args.document, "corrected document kind")
      ->check(CLI::IsMember(kDocumentNames));
  correct
      ->add_option("--reason", args.reason,
                   "why (kept in the audit trail; no personal data)")
      ->required();
  correct.Calls(
      &RoomStub::CorrectVisitor,
      [](const CorrectArgs& args, v1::CorrectVisitorRequest& request) {
        request.set_visitor_id(args.id);
        request.set_name(args.name);
        request.set_contact(args.contact);
        if (!args.document.empty()) {
          request.set_id_document_kind(*IdDocumentByName(args.document));
        }
        request.set_reason(args.reason);
      },
      [](const v1::Visitor& visitor) {
        std::cout << "corrected visitor " << visitor.visitor_id() << "\n";
      });
}

// checkin/checkout: the same shape, another RPC; `done` and the time `at`
// say which.
template <typename Request>
void AddVisitCommand(CLI::App* group, const Commands& commands,
                     const std::string& name, const std::string& help,
                     UnaryMethod<RoomStub, Request, v1::Visit> method,
                     const char* done,
                     const std::string& (v1::Visit::*at)() const) {
  Command<int64_t> command(group, commands, name, help);
  command->add_option("VISITOR_ID", command.args(), "the visitor's id")
      ->required();
  command.Calls(
      method, [](int64_t id, Request& request) { request.set_visitor_id(id); },
      [done, at](const v1::Visit& visit) {
        std::cout << done << " visitor " << visit.visitor_id() << " (visit "
                  << visit.visit_id() << ") at " << (visit.*at)() << "\n";
      });
}

void AddLog(CLI::App* group, const Commands& commands) {
  Command<std::string> log(
      group, commands, "log",
      "The visitor log of one day: every visit that began that day");
  log->add_option("--date", log.args(), "YYYY-MM-DD (default today)");
  log.Calls(
      &RoomStub::VisitorLog,
      [](const std::string& date, v1::VisitorLogRequest& request) {
        request.set_date(date);
      },
      [](const v1::VisitorLogResponse& response) {
        std::cout << "visitor log " << response.date() << "\n";
        PrintVisits(response.visits());
      });
}

}  // namespace

void AddVisitorCommands(CLI::App* app, const Commands& commands) {
  CLI::App* group =
      AddGroup(app, "visitor", "Reading-room visitors and their visits");
  AddAdd(group, commands);
  AddFind(group, commands);
  AddCorrect(group, commands);
  AddVisitCommand(group, commands, "checkin",
                  "Check a visitor in (opens a visit)", &RoomStub::CheckIn,
                  "checked in", &v1::Visit::checked_in_at);
  AddVisitCommand(group, commands, "checkout",
                  "Check a visitor out (refused while loans are out)",
                  &RoomStub::CheckOut, "checked out",
                  &v1::Visit::checked_out_at);
  AddLog(group, commands);
}

void AddReadingRoomCommands(CLI::App* app, const Commands& commands) {
  AddVisitorCommands(app, commands);
  AddDeclarationCommands(app, commands);
  AddLoanCommands(app, commands);
  AddCopyCommands(app, commands);
}

}  // namespace depot::cli
