#pragma once

namespace depot::readingroom {

/// The reading room's configurable rules (depotd.conf).
struct Settings {
  /// reading_room_closes: minutes after local midnight (default 15:30).
  int closing_minutes = 15 * 60 + 30;
  /// declaration_validity_years: a declaration's default period.
  int declaration_validity_years = 3;
  // Retention periods (depotd.conf retention_*_months): data is
  // deleted by ApplyRetention once this long has passed since it ended.
  /// Closed visits, after check-out.
  int visit_retention_months = 12;
  /// Loans (the lending log), after every item came back.
  int loan_retention_months = 60;
  /// Declarations, after they expired or were revoked.
  int declaration_retention_months = 12;
};

}  // namespace depot::readingroom
