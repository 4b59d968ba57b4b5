#include "clients/cli/breach_commands.h"

#include <iostream>
#include <span>

#include "depot/v1/privacy.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::PrivacyService::Stub;

std::string State(const v1::Breach& b) {
  if (b.notified_at().empty()) return b.overdue() ? "OVERDUE" : "open";
  return b.notified_late() ? "notified late" : "notified";
}

// breaches: a range of v1::Breach.
void PrintBreaches(const auto& breaches) {
  Table table({"ID", "AWARE", "DEADLINE", "STATE", "DATA", "PEOPLE", "~N"});
  for (const v1::Breach& b : breaches) {
    table.AddRow({std::to_string(b.breach_id()), b.became_aware_at(),
                  b.deadline_at(), State(b), Join(b.data_categories(), ","),
                  Join(b.people_categories(), ","),
                  std::to_string(b.approximate_people())});
  }
  table.Print(std::cout);
}

void PrintBreach(const v1::Breach& breach) {
  PrintBreaches(std::span(&breach, 1));
}

struct AddArgs {
  std::string became_aware_at;
  std::string nature;
  std::vector<std::string> data_categories;
  std::vector<std::string> people_categories;
  int64_t approximate_people = 0;
};

struct ListArgs {
  bool open = false;
  bool overdue = false;
};

struct NotifyArgs {
  int64_t id = 0;
  std::string at;
  std::string late_reason;
};

void AddAdd(CLI::App* group, const Commands& commands) {
  Command<AddArgs> add(
      group, commands, "add",
      "Register a breach; prints its 72-hour notification deadline");
  AddArgs& args = add.args();
  add->add_option("--became-aware", args.became_aware_at,
                  "when the depot became aware, RFC 3339 "
                  "(2025-03-02T08:15:00+01:00)")
      ->required();
  add->add_option("--nature", args.nature, "what happened (no personal data)")
      ->required();
  add->add_option("--data-category", args.data_categories,
                  "category of data concerned, e.g. names, identity-numbers, "
                  "health-data (repeat)")
      ->required();
  add->add_option("--people-category", args.people_categories,
                  "category of people concerned, e.g. visitors, pupils "
                  "(repeat)")
      ->required();
  add->add_option("--approx-people", args.approximate_people,
                  "approximate number of people concerned")
      ->required();
  add.Calls(
      &Stub::RegisterBreach,
      [](const AddArgs& args, v1::RegisterBreachRequest& request) {
        request.set_became_aware_at(args.became_aware_at);
        request.set_nature(args.nature);
        for (const auto& c : args.data_categories) {
          request.add_data_categories(c);
        }
        for (const auto& c : args.people_categories) {
          request.add_people_categories(c);
        }
        request.set_approximate_people(args.approximate_people);
      },
      PrintBreach);
}

void AddList(CLI::App* group, const Commands& commands) {
  Command<ListArgs> list(
      group, commands, "list",
      "List breaches, by deadline (all, --open or --overdue)");
  list->add_flag("--open", list.args().open,
                 "only breaches not yet notified to the authority");
  list->add_flag("--overdue", list.args().overdue,
                 "only open breaches past their 72-hour deadline");
  list.Calls(
      &Stub::ListBreaches,
      [](const ListArgs& args, v1::ListBreachesRequest& request) {
        request.set_open_only(args.open);
        request.set_overdue_only(args.overdue);
      },
      [](const v1::ListBreachesResponse& response) {
        PrintBreaches(response.breaches());
      });
}

void AddNotify(CLI::App* group, const Commands& commands) {
  Command<NotifyArgs> notify(
      group, commands, "notify",
      "Record that the authority was notified of a breach");
  notify->add_option("ID", notify.args().id, "breach id")->required();
  notify->add_option("--at", notify.args().at,
                     "when it was notified, RFC 3339 (default: now)");
  notify->add_option("--late-reason", notify.args().late_reason,
                     "why it was notified after the deadline (required then)");
  notify.Calls(
      &Stub::NotifyBreach,
      [](const NotifyArgs& args, v1::NotifyBreachRequest& request) {
        request.set_breach_id(args.id);
        request.set_notified_at(args.at);
        request.set_late_reason(args.late_reason);
      },
      PrintBreach);
}

}  // namespace

void AddBreachCommands(CLI::App* app, const Commands& commands) {
  CLI::App* group =
      AddGroup(app, "breach",
               "The register of personal-data breaches (the authority must be "
               "notified within 72 hours of becoming aware)");
  AddAdd(group, commands);
  AddList(group, commands);
  AddNotify(group, commands);
}

}  // namespace depot::cli
