#pragma once

#include "services/common/clock.h"
#include "services/common/crypto/keyring.h"
#include "services/deposits/domain/categories.h"
#include "services/deposits/domain/deposit_store.h"

namespace depot::deposits {

/// What the deposit domain needs: its store, the keys, the category rules
/// and the time (injectable for tests).
struct DepositContext {
  DepositStore& store;
  const Keyring& keyring;
  const CategoryRules& rules;
  Clock now = SystemClock();
};

}  // namespace depot::deposits
