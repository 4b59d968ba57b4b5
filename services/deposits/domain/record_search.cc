#include "services/deposits/domain/record_search.h"

#include "services/common/error.h"
#include "services/common/national_id.h"
#include "services/common/organisation_number.h"
#include "services/common/subject_key.h"
#include "services/common/text_check.h"
#include "services/deposits/domain/deposits.h"
#include "services/deposits/domain/record_sealing.h"

namespace depot::deposits {
namespace {

int64_t ParseId(const std::string& text, const std::string& what) {
  try {
    size_t used = 0;
    long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw InvalidArgument(what + " must be a positive number");
}

// A search's criteria checked and turned into keyed indexes, with the
// pseudonym of the person searched for (if any) and the criteria's names
// for the audit log.
struct PreparedSearch {
  RecordQuery query;
  std::string searched_subject;
  std::string criteria;
};

// The person criteria: a national identity number, or a name with a birth
// date.
void AddPersonCriteria(const DepositContext& context,
                       const SearchCommand& command, PreparedSearch& search) {
  if (!command.national_id.empty()) {
    NationalIdCheck id =
        CheckNationalId(command.national_id, FormatDate(DateOf(context.now())));
    if (!id.id) throw InvalidArgument("national_id: " + id.problem);
    search.query.national_id_index =
        context.keyring.BlindIndex(id.id->normalized);
    search.searched_subject =
        context.keyring.Pseudonym(SubjectKeyFromNationalId(id.id->normalized));
    search.criteria += "national_id ";
  }
  if (!command.person_name.empty() || !command.birth_date.empty()) {
    if (command.person_name.empty() || command.birth_date.empty()) {
      throw InvalidArgument(
          "a search by person needs both person_name and birth_date "
          "(YYYY-MM-DD), or a national_id");
    }
    RequireDate("birth_date", command.birth_date);
    search.query.person_index =
        PersonIndex(context.keyring, command.person_name, command.birth_date);
    if (search.searched_subject.empty()) {
      search.searched_subject =
          context.keyring.Pseudonym(SubjectKeyFromNameAndBirthDate(
              command.person_name, command.birth_date));
    }
    search.criteria += "name_and_birth_date ";
  }
}

// Every criterion, checked; a municipal caller searches its own records.
PreparedSearch PrepareSearch(const DepositContext& context,
                             const Caller& caller,
                             const SearchCommand& command) {
  PreparedSearch search;
  AddPersonCriteria(context, command, search);
  RecordQuery& query = search.query;
  if (!command.organisation_number.empty()) {
    if (auto problem = OrganisationNumberProblem(command.organisation_number)) {
      throw InvalidArgument(*problem);
    }
    search.criteria += "depositor ";
  }
  query.organisation_number = command.organisation_number;
  if (caller.LimitedToOwnOrganisation()) {
    if (!query.organisation_number.empty()) {
      caller.RequireOrganisation(query.organisation_number);
    }
    query.organisation_number = caller.organisation_number;
  }
  if (command.category < 0 || command.category > 9) {
    throw InvalidArgument("category is not a known register category");
  }
  query.category = command.category;
  if (command.deposit_id < 0) {
    throw InvalidArgument("deposit_id must be a positive number, or 0 for any");
  }
  query.deposit_id = command.deposit_id;
  query.box = command.box;
  if (command.category) search.criteria += "category ";
  if (command.deposit_id) search.criteria += "deposit ";
  if (!command.box.empty()) search.criteria += "box ";
  if (search.criteria.empty()) {
    throw InvalidArgument(
        "give at least one search criterion: national_id, person_name with "
        "birth_date, organization_number, category, deposit_id or box");
  }
  return search;
}

}  // namespace

RecordPage RecordSearch::Search(const Caller& caller,
                                const SearchCommand& command) {
  int size = CheckPageSize(command.page_size);
  int64_t after = DecodeAfterToken(command.page_token);
  PreparedSearch search = PrepareSearch(context_, caller, command);
  const RecordQuery& query = search.query;

  RecordPage page;
  context_.store.Run([&](DepositTransaction& tx) {
    page = RecordPage{};
    // A deposit named but not visible is answered as GetDeposit answers it,
    // not with an empty page that would say it exists.
    if (query.deposit_id > 0) {
      FindVisibleDeposit(tx, caller, query.deposit_id, DepositLock::kNone);
    }
    auto rows = tx.SearchRecords(query, after, size + 1);
    if (static_cast<int>(rows.size()) > size) {
      rows.resize(size);
      page.next_page_token = EncodeAfterToken(rows.back().record_id);
    }
    std::vector<AuditEvent> events;
    events.push_back({caller.identity, caller.RoleLabel(), "record.search",
                      "deposits", search.searched_subject,
                      "criteria: " + search.criteria +
                          "results: " + std::to_string(rows.size())});
    for (const auto& row : rows) {
      RecordView view =
          OpenRecord(row.sealed, row.deposit_id, context_.keyring);
      view.record_id = row.record_id;
      view.organisation_number = row.organisation_number;
      view.category = row.category;
      events.push_back({caller.identity, caller.RoleLabel(), "record.read",
                        "record/" + std::to_string(row.record_id), view.subject,
                        "search result"});
      page.records.push_back(std::move(view));
    }
    tx.Audit(events);
  });
  return page;
}

ItemInfo RecordSearch::Item(const Caller& caller, const std::string& item_ref) {
  ItemInfo item;
  item.item_ref = item_ref;
  // One lookup: no transaction (the reading room asks this for every loan).
  context_.store.Read([&](DepositTransaction& tx) {
    std::vector<DepositTransaction::StoredRecord> rows;
    if (item_ref.starts_with("record:")) {
      item.kind = ItemKind::kRecord;
      auto row = tx.FindRecord(ParseId(item_ref.substr(7), "record id"));
      if (row) rows.push_back(*row);
    } else if (item_ref.starts_with("box:")) {
      item.kind = ItemKind::kBox;
      std::string rest = item_ref.substr(4);
      auto colon = rest.find(':');
      if (colon == std::string::npos || colon + 1 >= rest.size()) {
        throw InvalidArgument(
            "item_ref of a box is box:<deposit_id>:<box label>");
      }
      int64_t deposit_id = ParseId(rest.substr(0, colon), "deposit id");
      item.box = rest.substr(colon + 1);
      rows = tx.RecordsInBox(deposit_id, item.box);
    } else {
      throw InvalidArgument(
          "item_ref must be record:<record_id> or box:<deposit_id>:<box>");
    }
    if (rows.empty() || !caller.MaySee(rows[0].organisation_number)) {
      throw NotFound("no deposited item " + QuoteInput(item_ref));
    }
    item.deposit_id = rows[0].deposit_id;
    item.organisation_number = rows[0].organisation_number;
    item.category = rows[0].category;
    item.special_category = context_.rules.For(item.category).special_category;
    item.box = rows[0].sealed.box;
    item.shelf = rows[0].sealed.shelf;
    for (const auto& row : rows) item.record_ids.push_back(row.record_id);
  });
  return item;
}

}  // namespace depot::deposits
