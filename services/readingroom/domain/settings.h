#pragma once

namespace depot::readingroom {

/// The reading room's configurable rules (depotd.conf).
struct Settings {
  /// reading_room_closes: minutes after local midnight (default 15:30).
  int closing_minutes = 15 * 60 + 30;
  /// declaration_validity_years: a declaration's default period.
  int declaration_validity_years = 3;
};

}  // namespace depot::readingroom
