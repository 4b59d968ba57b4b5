#pragma once

#include <string>

#include "services/common/auth/caller.h"
#include "services/deposits/domain/deposit_store.h"
#include "services/deposits/domain/depositor.h"

namespace depot::deposits {

/// The rules for registering and reading depositors.
class Depositors {
 public:
  static constexpr int kDefaultPageSize = 50;
  static constexpr int kMaxPageSize = 1000;

  explicit Depositors(DepositStore& store) : store_(store) {}

  /// Validates and registers. InvalidArgument names the bad field;
  /// AlreadyExists when the organisation number is registered.
  Depositor Register(const Caller& caller, const NewDepositor& request);
  /// NotFound when no depositor has the number.
  Depositor Get(const Caller& caller, const std::string& organisation_number);
  /// A municipal system sees only its own organisation.
  DepositorPage List(const Caller& caller, int page_size,
                     const std::string& page_token);

 private:
  DepositStore& store_;
};

}  // namespace depot::deposits
