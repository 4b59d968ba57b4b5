#pragma once

#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/deposits/domain/deposit_context.h"

namespace depot::deposits {

struct CreateDepositCommand {
  std::string organisation_number;
  std::optional<RegisterCategory> category;
  std::string description;
  std::string deposit_date;  ///< YYYY-MM-DD, empty for today
};

struct DepositPage {
  std::vector<Deposit> deposits;
  std::string next_page_token;
};

struct RejectionPage {
  std::vector<Rejection> rejections;
  std::string next_page_token;
};

/// Deposits' life: open -> transferring -> received, or cancelled; the
/// archivist's exceptions from the 10-year rule; rejections and progress.
class Deposits {
 public:
  explicit Deposits(DepositContext& context) : context_(context) {}

  Deposit Create(const Caller& caller, const CreateDepositCommand& command);
  Deposit Get(const Caller& caller, int64_t deposit_id);
  DepositPage List(const Caller& caller, const std::string& organisation_number,
                   int page_size, const std::string& page_token);
  /// OPEN/TRANSFERRING -> RECEIVED.
  Deposit Close(const Caller& caller, int64_t deposit_id);
  /// OPEN/TRANSFERRING -> CANCELLED; its records are removed.
  Deposit Cancel(const Caller& caller, int64_t deposit_id,
                 const std::string& reason);
  RecordException GrantException(const Caller& caller, int64_t deposit_id,
                                 const std::string& source_record_id,
                                 const std::string& reason);
  RejectionPage Rejections(const Caller& caller, int64_t deposit_id,
                           int page_size, const std::string& page_token);

 private:
  /// Loads a deposit the caller may act on, or throws NotFound /
  /// PermissionDenied.
  Deposit Load(DepositTransaction& tx, const Caller& caller, int64_t id,
               bool for_update);

  DepositContext& context_;
};

/// The deposit `deposit_id` as `caller` may see it, its row locked as
/// `lock` says. One that does not exist and one of another organisation
/// than a municipal caller's own get the same NotFound ("no deposit N;
/// ..."), so that deposit numbers reveal nothing about other
/// organisations. Every lookup of a deposit by its id goes through here.
Deposit FindVisibleDeposit(DepositTransaction& tx, const Caller& caller,
                           int64_t deposit_id, DepositLock lock);

/// Page tokens of the deposit service: "after:<n>".
int64_t DecodeAfterToken(const std::string& token);
std::string EncodeAfterToken(int64_t after);
/// Default 50, at most 1000; InvalidArgument otherwise.
int CheckPageSize(int page_size);

}  // namespace depot::deposits
