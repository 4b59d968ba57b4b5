#include "services/deposits/domain/depositors.h"

#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/organisation_number.h"
#include "services/common/text_check.h"

namespace depot::deposits {
namespace {

constexpr char kPageTokenPrefix[] = "after:";

int64_t DecodePageToken(const std::string& token) {
  if (token.empty()) return 0;
  if (token.starts_with(kPageTokenPrefix)) {
    try {
      size_t used = 0;
      std::string digits = token.substr(sizeof(kPageTokenPrefix) - 1);
      long long id = std::stoll(digits, &used);
      if (used == digits.size() && id >= 0) return id;
    } catch (const std::exception&) {
    }
  }
  throw InvalidArgument(
      "page_token is not one this server issued; pass the next_page_token of "
      "the previous page, or none for the first page");
}

}  // namespace

const char* DepositorKindName(DepositorKind kind) {
  switch (kind) {
    case DepositorKind::kMunicipality:
      return "municipality";
    case DepositorKind::kCounty:
      return "county";
    case DepositorKind::kOther:
      return "other";
  }
  return "other";
}

std::optional<DepositorKind> ParseDepositorKind(const std::string& name) {
  for (DepositorKind kind : {DepositorKind::kMunicipality,
                             DepositorKind::kCounty, DepositorKind::kOther}) {
    if (name == DepositorKindName(kind)) return kind;
  }
  return std::nullopt;
}

Depositor Depositors::Register(const Caller& caller,
                               const NewDepositor& request) {
  if (auto problem = OrganisationNumberProblem(request.organisation_number)) {
    throw InvalidArgument(*problem);
  }
  caller.RequireOrganisation(request.organisation_number);
  NewDepositor clean = request;
  clean.name = Trim(request.name);
  if (clean.name.empty()) {
    throw InvalidArgument("name is required: the depositor's official name");
  }
  if (CharacterCount(clean.name) > 200) {
    throw InvalidArgument("name is longer than 200 characters");
  }
  if (!clean.kind) {
    throw InvalidArgument("kind is required: municipality, county or other");
  }
  Depositor stored;
  store_.Run([&](DepositTransaction& tx) { stored = tx.InsertDepositor(clean); });
  return stored;
}

Depositor Depositors::Get(const Caller& caller,
                          const std::string& organisation_number) {
  if (auto problem = OrganisationNumberProblem(organisation_number)) {
    throw InvalidArgument(*problem);
  }
  caller.RequireOrganisation(organisation_number);
  std::optional<Depositor> found;
  store_.Run([&](DepositTransaction& tx) {
    found = tx.FindDepositor(organisation_number);
  });
  if (!found) {
    throw NotFound("no depositor with organisation number " +
                   organisation_number + "; register it first");
  }
  return *found;
}

DepositorPage Depositors::List(const Caller& caller, int page_size,
                               const std::string& page_token) {
  if (page_size < 0) throw InvalidArgument("page_size must not be negative");
  if (page_size == 0) page_size = kDefaultPageSize;
  if (page_size > kMaxPageSize) {
    throw InvalidArgument("page_size must be at most " +
                          std::to_string(kMaxPageSize));
  }
  int64_t after_id = DecodePageToken(page_token);
  std::optional<std::string> only;
  if (caller.LimitedToOwnOrganisation()) only = caller.organisation_number;
  DepositorPage page;
  store_.Run([&](DepositTransaction& tx) {
    // One extra row tells whether another page follows.
    page.depositors = tx.ListDepositors(after_id, page_size + 1, only);
  });
  if (static_cast<int>(page.depositors.size()) > page_size) {
    page.depositors.resize(page_size);
    page.next_page_token =
        kPageTokenPrefix + std::to_string(page.depositors.back().id);
  }
  return page;
}

}  // namespace depot::deposits
