#pragma once

#include <gtest/gtest.h>

#include <functional>

#include "services/common/error.h"

namespace depot::testing {

/// The depot::Error an action throws; fails the test when it throws none.
inline Error ErrorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "expected an error";
  return Error(ErrorCode::kInternal, "none");
}

/// The code of the depot::Error an action throws; fails the test when it
/// throws none.
inline ErrorCode CodeOf(const std::function<void()>& action) {
  return ErrorOf(action).code();
}

}  // namespace depot::testing
