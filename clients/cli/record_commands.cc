#include "clients/cli/record_commands.h"

#include <algorithm>
#include <iostream>
#include <memory>

#include "clients/cli/count_option.h"
#include "clients/cli/deposit_names.h"
#include "clients/cli/output.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {
namespace {

struct SearchArgs {
  std::string national_id;
  std::string name;
  std::string birth_date;
  std::string organisation_number;
  std::string category;
  int64_t deposit_id = 0;
  std::string box;
  int limit = 200;
};

struct ExceptionArgs {
  int64_t deposit_id = 0;
  std::string source_record_id;
  std::string reason;
};

std::string OrDash(const std::string& text) {
  return text.empty() ? "-" : text;
}

int Search(const Connection& connection, const SearchArgs& args, bool json) {
  auto stub = v1::DepositService::NewStub(connection.channel());
  v1::SearchRecordsRequest request;
  request.set_national_id(args.national_id);
  request.set_person_name(args.name);
  request.set_birth_date(args.birth_date);
  request.set_organization_number(args.organisation_number);
  if (!args.category.empty()) {
    request.set_category(*CategoryByName(args.category));
  }
  request.set_deposit_id(args.deposit_id);
  request.set_box(args.box);
  v1::SearchRecordsResponse all;
  bool more = false;
  while (true) {
    int wanted = args.limit - all.records_size();
    request.set_page_size(std::min(wanted, 1000));
    v1::SearchRecordsResponse page;
    auto context = connection.NewContext();
    grpc::Status status = stub->SearchRecords(context.get(), request, &page);
    if (!status.ok()) return ReportFailure(status);
    for (auto& r : *page.mutable_records()) all.add_records()->Swap(&r);
    if (page.next_page_token().empty()) break;
    if (all.records_size() >= args.limit) {
      more = true;
      break;
    }
    request.set_page_token(page.next_page_token());
  }
  if (more) {
    std::cerr << "depot: showing the first " << args.limit
              << " records; narrow the search or raise --limit" << std::endl;
  }
  if (json) {
    std::cout << ToJson(all);
    return 0;
  }
  Table table({"RECORD", "DEPOSIT", "DEPOSITOR", "CATEGORY", "NAME",
               "IDENTITY NUMBER", "BIRTH DATE", "LAST CONTACT", "BOX"});
  for (const v1::RecordSummary& r : all.records()) {
    table.AddRow({std::to_string(r.record_id()), std::to_string(r.deposit_id()),
                  r.organization_number(), CategoryName(r.category()),
                  r.person_name(), OrDash(r.national_id()), r.birth_date(),
                  r.last_contact_date(), OrDash(r.box())});
  }
  table.Print(std::cout);
  return 0;
}

void AddSearch(CLI::App* group, const ConnectionOptions& options,
               Action* action) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* search = group->add_subcommand(
      "search",
      "Find deposited records by person (identity number, or name with birth "
      "date) and/or by depositor, category, deposit or box. Every search is "
      "audited.");
  search->add_option("--national-id", args->national_id,
                     "fødselsnummer, D-/H-number or Swedish personnummer");
  CLI::Option* name =
      search->add_option("--name", args->name, "the person's name");
  CLI::Option* birth = search->add_option("--birth-date", args->birth_date,
                                          "YYYY-MM-DD (with --name)");
  name->needs(birth);
  birth->needs(name);
  search->add_option("--org-number", args->organisation_number,
                     "only this depositor's records");
  search
      ->add_option("--category", args->category, "only this register category")
      ->check(CLI::IsMember(CategoryNames()));
  search->add_option("--deposit", args->deposit_id, "only this deposit");
  search->add_option("--box", args->box, "only records in this box");
  AddCountOption(search, "--limit", args->limit,
                 "show at most this many records", kMaxSearchLimit)
      ->capture_default_str();
  search->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      return Search(connection, *args, options.json);
    };
  });
}

void AddException(CLI::App* group, const ConnectionOptions& options,
                  Action* action) {
  auto args = std::make_shared<ExceptionArgs>();
  CLI::App* exception = group->add_subcommand(
      "exception",
      "Grant a written exception from the 10-year rule for one rejected "
      "record (archivists); send the record again to deposit it");
  exception->add_option("DEPOSIT", args->deposit_id, "deposit number")
      ->required();
  exception
      ->add_option("SOURCE_RECORD_ID", args->source_record_id,
                   "the record's id in the source file")
      ->required();
  exception
      ->add_option("--reason", args->reason,
                   "why it may be deposited before its time (stored "
                   "and audited; at least 10 characters)")
      ->required();
  exception->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      auto stub = v1::DepositService::NewStub(connection.channel());
      v1::GrantExceptionRequest request;
      request.set_deposit_id(args->deposit_id);
      request.set_source_record_id(args->source_record_id);
      request.set_reason(args->reason);
      v1::RecordException granted;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->GrantException(context.get(), request, &granted);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(granted);
      } else {
        std::cout << "exception granted for record "
                  << granted.source_record_id() << " of deposit "
                  << granted.deposit_id() << " by " << granted.granted_by()
                  << "; send it again to deposit it (depot deposit transfer "
                  << granted.deposit_id() << " FILE --no-resume)\n";
      }
      return 0;
    };
  });
}

void AddItem(CLI::App* group, const ConnectionOptions& options,
             Action* action) {
  auto ref = std::make_shared<std::string>();
  CLI::App* item = group->add_subcommand(
      "item",
      "Describe a lendable item without personal data: a record or a box");
  item->add_option("REF", *ref,
                   "record:<record id> or box:<deposit>:<box label>")
      ->required();
  item->callback([ref, &options, action] {
    *action = [ref, &options](const Connection& connection) {
      auto stub = v1::DepositService::NewStub(connection.channel());
      v1::GetItemRequest request;
      request.set_item_ref(*ref);
      v1::Item found;
      auto context = connection.NewContext();
      grpc::Status status = stub->GetItem(context.get(), request, &found);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(found);
        return 0;
      }
      std::string records;
      for (int64_t id : found.record_ids()) {
        if (!records.empty()) records += ",";
        records += std::to_string(id);
      }
      Table table({"ITEM", "KIND", "DEPOSIT", "DEPOSITOR", "CATEGORY",
                   "SPECIAL", "BOX", "SHELF", "RECORDS"});
      table.AddRow({found.item_ref(),
                    found.kind() == v1::ITEM_KIND_BOX ? "box" : "record",
                    std::to_string(found.deposit_id()),
                    found.organization_number(), CategoryName(found.category()),
                    found.special_category() ? "yes" : "no",
                    OrDash(found.box()), OrDash(found.shelf()), records});
      table.Print(std::cout);
      return 0;
    };
  });
}

}  // namespace

void AddRecordCommands(CLI::App& app, const ConnectionOptions& options,
                       Action* action) {
  CLI::App* group = app.add_subcommand(
      "record", "Deposited records: search, 10-year-rule exceptions, items");
  group->require_subcommand(1);
  AddSearch(group, options, action);
  AddException(group, options, action);
  AddItem(group, options, action);
}

}  // namespace depot::cli
