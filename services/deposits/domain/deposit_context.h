#pragma once

#include <chrono>
#include <functional>

#include "services/common/crypto/keyring.h"
#include "services/deposits/domain/categories.h"
#include "services/deposits/domain/deposit_store.h"

namespace depot::deposits {

using Clock = std::function<std::chrono::system_clock::time_point()>;

/// What the deposit domain needs: its store, the keys, the category rules
/// and the time (injectable for tests).
struct DepositContext {
  DepositStore& store;
  const Keyring& keyring;
  const CategoryRules& rules;
  Clock now = [] { return std::chrono::system_clock::now(); };
};

}  // namespace depot::deposits
