#include "clients/cli/record_commands.h"

#include <algorithm>
#include <iostream>

#include "clients/cli/count_option.h"
#include "clients/cli/deposit_names.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::DepositService::Stub;

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

void PrintRecords(const v1::SearchRecordsResponse& found) {
  Table table({"RECORD", "DEPOSIT", "DEPOSITOR", "CATEGORY", "NAME",
               "IDENTITY NUMBER", "BIRTH DATE", "LAST CONTACT", "BOX"});
  for (const v1::RecordSummary& r : found.records()) {
    table.AddRow({std::to_string(r.record_id()), std::to_string(r.deposit_id()),
                  r.organization_number(), CategoryName(r.category()),
                  r.person_name(), OrDash(r.national_id()), r.birth_date(),
                  r.last_contact_date(), OrDash(r.box())});
  }
  table.Print(std::cout);
}

// Page after page, up to --limit records.
int Search(const Connection& connection, const SearchArgs& args, bool json) {
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
  request.set_page_size(std::min(args.limit, 1000));
  v1::SearchRecordsResponse all;
  bool more = false;
  grpc::Status status = CallPages(
      connection, &Stub::SearchRecords, request,
      [&](v1::SearchRecordsResponse& page, v1::SearchRecordsRequest& next) {
        for (auto& r : *page.mutable_records()) all.add_records()->Swap(&r);
        if (!page.next_page_token().empty() &&
            all.records_size() >= args.limit) {
          more = true;
          return false;
        }
        next.set_page_size(std::min(args.limit - all.records_size(), 1000));
        return true;
      });
  if (!status.ok()) return ReportFailure(status);
  if (more) {
    std::cerr << "depot: showing the first " << args.limit
              << " records; narrow the search or raise --limit" << std::endl;
  }
  if (json) {
    std::cout << ToJson(all);
  } else {
    PrintRecords(all);
  }
  return 0;
}

void AddSearch(CLI::App* group, const Commands& commands) {
  Command<SearchArgs> search(
      group, commands, "search",
      "Find deposited records by person (identity number, or name with birth "
      "date) and/or by depositor, category, deposit or box. Every search is "
      "audited.");
  SearchArgs& args = search.args();
  search->add_option("--national-id", args.national_id,
                     "fødselsnummer, D-/H-number or Swedish personnummer");
  CLI::Option* name =
      search->add_option("--name", args.name, "the person's name");
  CLI::Option* birth = search->add_option("--birth-date", args.birth_date,
                                          "YYYY-MM-DD (with --name)");
  name->needs(birth);
  birth->needs(name);
  search->add_option("--org-number", args.organisation_number,
                     "only this depositor's records");
  search->add_option("--category", args.category, "only this register category")
      ->check(CLI::IsMember(CategoryNames()));
  search->add_option("--deposit", args.deposit_id, "only this deposit");
  search->add_option("--box", args.box, "only records in this box");
  AddCountOption(search.app(), "--limit", args.limit,
                 "show at most this many records", kMaxSearchLimit)
      ->capture_default_str();
  search.Runs(Search);
}

void AddException(CLI::App* group, const Commands& commands) {
  Command<ExceptionArgs> exception(
      group, commands, "exception",
      "Grant a written exception from the 10-year rule for one rejected "
      "record (archivists); send the record again to deposit it");
  exception
      ->add_option("DEPOSIT", exception.args().deposit_id, "deposit number")
      ->required();
  exception
      ->add_option("SOURCE_RECORD_ID", exception.args().source_record_id,
                   "the record's id in the source file")
      ->required();
  exception
      ->add_option("--reason", exception.args().reason,
                   "why it may be deposited before its time (stored "
                   "and audited; at least 10 characters)")
      ->required();
  exception.Calls(
      &Stub::GrantException,
      [](const ExceptionArgs& args, v1::GrantExceptionRequest& request) {
        request.set_deposit_id(args.deposit_id);
        request.set_source_record_id(args.source_record_id);
        request.set_reason(args.reason);
      },
      [](const v1::RecordException& granted) {
        std::cout << "exception granted for record "
                  << granted.source_record_id() << " of deposit "
                  << granted.deposit_id() << " by " << granted.granted_by()
                  << "; send it again to deposit it (depot deposit transfer "
                  << granted.deposit_id() << " FILE --no-resume)\n";
      });
}

void PrintItem(const v1::Item& found) {
  std::string records;
  for (int64_t id : found.record_ids()) {
    if (!records.empty()) records += ",";
    records += std::to_string(id);
  }
  Table table({"ITEM", "KIND", "DEPOSIT", "DEPOSITOR", "CATEGORY", "SPECIAL",
               "BOX", "SHELF", "RECORDS"});
  table.AddRow(
      {found.item_ref(), found.kind() == v1::ITEM_KIND_BOX ? "box" : "record",
       std::to_string(found.deposit_id()), found.organization_number(),
       CategoryName(found.category()), found.special_category() ? "yes" : "no",
       OrDash(found.box()), OrDash(found.shelf()), records});
  table.Print(std::cout);
}

void AddItem(CLI::App* group, const Commands& commands) {
  Command<std::string> item(
      group, commands, "item",
      "Describe a lendable item without personal data: a record or a box");
  item->add_option("REF", item.args(),
                   "record:<record id> or box:<deposit>:<box label>")
      ->required();
  item.Calls(
      &Stub::GetItem,
      [](const std::string& ref, v1::GetItemRequest& request) {
        request.set_item_ref(ref);
      },
      PrintItem);
}

}  // namespace

void AddRecordCommands(CLI::App* app, const Commands& commands) {
  CLI::App* group =
      AddGroup(app, "record",
               "Deposited records: search, 10-year-rule exceptions, items");
  AddSearch(group, commands);
  AddException(group, commands);
  AddItem(group, commands);
}

}  // namespace depot::cli
