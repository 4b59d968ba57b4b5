#include "clients/cli/breach_commands.h"

#include <iostream>
#include <memory>

#include "clients/cli/output.h"
#include "depot/v1/privacy.grpc.pb.h"

namespace depot::cli {
namespace {

std::string Joined(const google::protobuf::RepeatedPtrField<std::string>& v) {
  std::string joined;
  for (const auto& s : v) joined += (joined.empty() ? "" : ",") + s;
  return joined;
}

std::string State(const v1::Breach& b) {
  if (b.notified_at().empty()) return b.overdue() ? "OVERDUE" : "open";
  return b.notified_late() ? "notified late" : "notified";
}

void PrintBreaches(const std::vector<const v1::Breach*>& breaches) {
  Table table({"ID", "AWARE", "DEADLINE", "STATE", "DATA", "PEOPLE", "~N"});
  for (const v1::Breach* b : breaches) {
    table.AddRow({std::to_string(b->breach_id()), b->became_aware_at(),
                  b->deadline_at(), State(*b), Joined(b->data_categories()),
                  Joined(b->people_categories()),
                  std::to_string(b->approximate_people())});
  }
  table.Print(std::cout);
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

int Show(const ConnectionOptions& options, const grpc::Status& status,
         const v1::Breach& breach) {
  if (!status.ok()) return ReportFailure(status);
  if (options.json) {
    std::cout << ToJson(breach);
  } else {
    PrintBreaches({&breach});
  }
  return 0;
}

}  // namespace

void AddBreachCommands(CLI::App& app, const ConnectionOptions& options,
                       Action* action) {
  CLI::App* group = app.add_subcommand(
      "breach",
      "The register of personal-data breaches (the authority must be "
      "notified within 72 hours of becoming aware)");
  group->require_subcommand(1);

  auto add_args = std::make_shared<AddArgs>();
  CLI::App* add = group->add_subcommand(
      "add", "Register a breach; prints its 72-hour notification deadline");
  add->add_option("--became-aware", add_args->became_aware_at,
                  "when the depot became aware, RFC 3339 "
                  "(2025-03-02T08:15:00+01:00)")
      ->required();
  add->add_option("--nature", add_args->nature,
                  "what happened (no personal data)")
      ->required();
  add->add_option("--data-category", add_args->data_categories,
                  "category of data concerned, e.g. names, identity-numbers, "
                  "health-data (repeat)")
      ->required();
  add->add_option("--people-category", add_args->people_categories,
                  "category of people concerned, e.g. visitors, pupils "
                  "(repeat)")
      ->required();
  add->add_option("--approx-people", add_args->approximate_people,
                  "approximate number of people concerned")
      ->required();
  add->callback([add_args, &options, action] {
    *action = [add_args, &options](const Connection& connection) {
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::RegisterBreachRequest request;
      request.set_became_aware_at(add_args->became_aware_at);
      request.set_nature(add_args->nature);
      for (const auto& c : add_args->data_categories) {
        request.add_data_categories(c);
      }
      for (const auto& c : add_args->people_categories) {
        request.add_people_categories(c);
      }
      request.set_approximate_people(add_args->approximate_people);
      v1::Breach breach;
      auto context = connection.NewContext();
      return Show(options,
                  stub->RegisterBreach(context.get(), request, &breach),
                  breach);
    };
  });

  auto list_args = std::make_shared<ListArgs>();
  CLI::App* list = group->add_subcommand(
      "list", "List breaches, by deadline (all, --open or --overdue)");
  list->add_flag("--open", list_args->open,
                 "only breaches not yet notified to the authority");
  list->add_flag("--overdue", list_args->overdue,
                 "only open breaches past their 72-hour deadline");
  list->callback([list_args, &options, action] {
    *action = [list_args, &options](const Connection& connection) {
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::ListBreachesRequest request;
      request.set_open_only(list_args->open);
      request.set_overdue_only(list_args->overdue);
      v1::ListBreachesResponse response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->ListBreaches(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      std::vector<const v1::Breach*> rows;
      for (const auto& b : response.breaches()) rows.push_back(&b);
      PrintBreaches(rows);
      return 0;
    };
  });

  auto notify_args = std::make_shared<NotifyArgs>();
  CLI::App* notify = group->add_subcommand(
      "notify", "Record that the authority was notified of a breach");
  notify->add_option("ID", notify_args->id, "breach id")->required();
  notify->add_option("--at", notify_args->at,
                     "when it was notified, RFC 3339 (default: now)");
  notify->add_option("--late-reason", notify_args->late_reason,
                     "why it was notified after the deadline (required then)");
  notify->callback([notify_args, &options, action] {
    *action = [notify_args, &options](const Connection& connection) {
      auto stub = v1::PrivacyService::NewStub(connection.channel());
      v1::NotifyBreachRequest request;
      request.set_breach_id(notify_args->id);
      request.set_notified_at(notify_args->at);
      request.set_late_reason(notify_args->late_reason);
      v1::Breach breach;
      auto context = connection.NewContext();
      return Show(options, stub->NotifyBreach(context.get(), request, &breach),
                  breach);
    };
  });
}

}  // namespace depot::cli
