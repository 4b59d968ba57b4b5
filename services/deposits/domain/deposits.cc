#include "services/deposits/domain/deposits.h"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>

#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/organisation_number.h"
#include "services/common/text_check.h"

namespace depot::deposits {
namespace {

constexpr char kAfter[] = "after:";

void RequireChangeable(const Deposit& deposit, const char* what) {
  if (deposit.state == DepositState::kReceived ||
      deposit.state == DepositState::kCancelled) {
    throw FailedPrecondition("deposit " + std::to_string(deposit.id) + " is " +
                             DepositStateName(deposit.state) +
                             ", so it cannot be " + what +
                             "; open a new deposit instead");
  }
}

// A page of rejections ends at a (position, id): positions repeat across
// the sources of a deposit.
constexpr char kRejectionsAfter[] = "rejections-after:";

std::optional<std::pair<int64_t, int64_t>> DecodeRejectionToken(
    std::string_view token) {
  if (!token.starts_with(kRejectionsAfter)) return std::nullopt;
  token.remove_prefix(sizeof(kRejectionsAfter) - 1);
  int64_t position = 0, id = 0;
  const char* end = token.data() + token.size();
  auto [colon, first] = std::from_chars(token.data(), end, position);
  if (first != std::errc() || colon == end || *colon != ':')
    return std::nullopt;
  auto [rest, second] = std::from_chars(colon + 1, end, id);
  if (second != std::errc() || rest != end) return std::nullopt;
  return std::pair(position, id);
}

[[noreturn]] void BadPageToken() {
  throw InvalidArgument(
      "page_token is not one this server issued; pass the next_page_token of "
      "the previous page, or none for the first page");
}

}  // namespace

int64_t DecodeAfterToken(const std::string& token) {
  if (token.empty()) return 0;
  if (token.starts_with(kAfter)) {
    try {
      size_t used = 0;
      std::string digits = token.substr(sizeof(kAfter) - 1);
      long long value = std::stoll(digits, &used);
      if (used == digits.size() && value >= 0) return value;
    } catch (const std::exception&) {
    }
  }
  BadPageToken();
}

std::string EncodeAfterToken(int64_t after) {
  return kAfter + std::to_string(after);
}

int CheckPageSize(int page_size) {
  if (page_size < 0) throw InvalidArgument("page_size must not be negative");
  if (page_size > 1000) throw InvalidArgument("page_size must be at most 1000");
  return page_size == 0 ? 50 : page_size;
}

const char* DepositStateName(DepositState state) {
  switch (state) {
    case DepositState::kOpen:
      return "open";
    case DepositState::kTransferring:
      return "transferring";
    case DepositState::kReceived:
      return "received";
    case DepositState::kCancelled:
      return "cancelled";
  }
  return "open";
}

DepositState ParseDepositState(const std::string& name) {
  for (DepositState state :
       {DepositState::kOpen, DepositState::kTransferring,
        DepositState::kReceived, DepositState::kCancelled}) {
    if (name == DepositStateName(state)) return state;
  }
  return DepositState::kOpen;
}

Deposit FindVisibleDeposit(DepositTransaction& tx, const Caller& caller,
                           int64_t deposit_id, DepositLock lock) {
  auto deposit = tx.FindDeposit(deposit_id, lock);
  if (!deposit || !caller.MaySee(deposit->organisation_number)) {
    throw NotFound("no deposit " + std::to_string(deposit_id) +
                   "; list deposits to find its number");
  }
  return *deposit;
}

Deposit Deposits::Load(DepositTransaction& tx, const Caller& caller, int64_t id,
                       bool for_update) {
  if (id <= 0) throw InvalidArgument("deposit_id is required");
  return FindVisibleDeposit(
      tx, caller, id,
      for_update ? DepositLock::kExclusive : DepositLock::kNone);
}

Deposit Deposits::Create(const Caller& caller,
                         const CreateDepositCommand& command) {
  if (auto problem = OrganisationNumberProblem(command.organisation_number)) {
    throw InvalidArgument(*problem);
  }
  caller.RequireOrganisation(command.organisation_number);
  if (!command.category) {
    throw InvalidArgument(
        "category is required (pupil, ppt, child-welfare, health-card, "
        "patient-journal, social-services, personnel, kindergarten, other)");
  }
  std::string description = Trim(command.description);
  if (CharacterCount(description) > 1000) {
    throw InvalidArgument("description is longer than 1000 characters");
  }
  Date today = DateOf(context_.now());
  Date deposit_date = today;
  if (!command.deposit_date.empty()) {
    deposit_date = RequireDate("deposit_date", command.deposit_date);
    if (deposit_date > today) {
      throw InvalidArgument("deposit_date must not be in the future");
    }
  }
  Deposit created;
  context_.store.Run([&](DepositTransaction& tx) {
    if (!tx.FindDepositor(command.organisation_number)) {
      throw NotFound("no depositor with organisation number " +
                     command.organisation_number + "; register it first");
    }
    created = tx.InsertDeposit({command.organisation_number, *command.category,
                                description, deposit_date, caller.identity});
    tx.Audit({{caller.identity, caller.RoleLabel(), "deposit.create",
               "deposit/" + std::to_string(created.id), "", ""}});
  });
  return created;
}

Deposit Deposits::Get(const Caller& caller, int64_t deposit_id) {
  Deposit deposit;
  context_.store.Run([&](DepositTransaction& tx) {
    deposit = Load(tx, caller, deposit_id, false);
  });
  return deposit;
}

DepositPage Deposits::List(const Caller& caller,
                           const std::string& organisation_number,
                           int page_size, const std::string& page_token) {
  int size = CheckPageSize(page_size);
  int64_t after = DecodeAfterToken(page_token);
  std::optional<std::string> only;
  if (!organisation_number.empty()) only = organisation_number;
  if (caller.LimitedToOwnOrganisation()) {
    if (only) caller.RequireOrganisation(*only);
    only = caller.organisation_number;
  }
  DepositPage page;
  context_.store.Run([&](DepositTransaction& tx) {
    page.deposits = tx.ListDeposits(after, size + 1, only);
  });
  if (static_cast<int>(page.deposits.size()) > size) {
    page.deposits.resize(size);
    page.next_page_token = EncodeAfterToken(page.deposits.back().id);
  }
  return page;
}

Deposit Deposits::Close(const Caller& caller, int64_t deposit_id) {
  Deposit deposit;
  context_.store.Run([&](DepositTransaction& tx) {
    deposit = Load(tx, caller, deposit_id, true);
    RequireChangeable(deposit, "closed");
    tx.SetDepositState(deposit.id, DepositState::kReceived, "");
    tx.Audit({{caller.identity, caller.RoleLabel(), "deposit.close",
               "deposit/" + std::to_string(deposit.id), "",
               "accepted=" + std::to_string(deposit.accepted_records)}});
    deposit.state = DepositState::kReceived;
  });
  return deposit;
}

Deposit Deposits::Cancel(const Caller& caller, int64_t deposit_id,
                         const std::string& reason) {
  std::string why = Trim(reason);
  if (why.empty())
    throw InvalidArgument("reason is required to cancel a deposit");
  Deposit deposit;
  context_.store.Run([&](DepositTransaction& tx) {
    deposit = Load(tx, caller, deposit_id, true);
    RequireChangeable(deposit, "cancelled");
    int64_t removed = tx.DeleteRecords(deposit.id);
    tx.SetDepositState(deposit.id, DepositState::kCancelled, why);
    tx.Audit({{caller.identity, caller.RoleLabel(), "deposit.cancel",
               "deposit/" + std::to_string(deposit.id), "",
               "records_removed=" + std::to_string(removed)}});
    deposit.state = DepositState::kCancelled;
    deposit.cancel_reason = why;
    deposit.accepted_records = 0;
  });
  return deposit;
}

RecordException Deposits::GrantException(const Caller& caller,
                                         int64_t deposit_id,
                                         const std::string& source_record_id,
                                         const std::string& reason) {
  std::string why = Trim(reason);
  if (why.size() < 10) {
    throw InvalidArgument(
        "reason is required: write why this record may be deposited before "
        "its time (at least 10 characters)");
  }
  if (source_record_id.empty()) {
    throw InvalidArgument("source_record_id is required");
  }
  RecordException exception{deposit_id, source_record_id, why, caller.identity,
                            context_.now()};
  context_.store.Run([&](DepositTransaction& tx) {
    Deposit deposit = Load(tx, caller, deposit_id, true);
    RequireChangeable(deposit, "given exceptions");
    auto rejection = tx.FindRejection(deposit_id, source_record_id);
    if (!rejection) {
      throw FailedPrecondition("deposit " + std::to_string(deposit_id) +
                               " has no rejected record " +
                               QuoteInput(source_record_id) +
                               "; exceptions are for records the 10-year "
                               "rule rejected");
    }
    if (rejection->eligible_from.empty()) {
      throw FailedPrecondition(
          "record " + QuoteInput(source_record_id) + " was rejected for " +
          rejection->field +
          ", not by the 10-year rule; correct the data and send it again");
    }
    tx.InsertException(exception);
    tx.Audit({{caller.identity, caller.RoleLabel(), "record.exception",
               "deposit/" + std::to_string(deposit_id) + "/source/" +
                   source_record_id,
               "", "10-year rule exception granted"}});
  });
  return exception;
}

RejectionPage Deposits::Rejections(const Caller& caller, int64_t deposit_id,
                                   int page_size,
                                   const std::string& page_token) {
  int size = CheckPageSize(page_size);
  int64_t after_position = INT64_MIN;
  int64_t after_id = 0;
  if (!page_token.empty()) {
    auto after = DecodeRejectionToken(page_token);
    if (!after) BadPageToken();
    std::tie(after_position, after_id) = *after;
  }
  RejectionPage page;
  context_.store.Run([&](DepositTransaction& tx) {
    Load(tx, caller, deposit_id, false);
    page.rejections =
        tx.ListRejections(deposit_id, after_position, after_id, size + 1);
  });
  if (static_cast<int>(page.rejections.size()) > size) {
    page.rejections.resize(size);
    const Rejection& last = page.rejections.back();
    page.next_page_token = kRejectionsAfter + std::to_string(last.position) +
                           ":" + std::to_string(last.id);
  }
  return page;
}

}  // namespace depot::deposits
