#pragma once

namespace depot::privacy {

/// PrivacyService's configurable periods (docs/operators.md).
struct Settings {
  /// Closed access requests (and their sealed identity) are deleted this
  /// many months after they were closed: long enough to show how a request
  /// was handled if the person complains to the authority.
  int closed_request_retention_months = 36;
};

}  // namespace depot::privacy
