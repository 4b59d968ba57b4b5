#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "services/common/date.h"
#include "services/common/time_format.h"
#include "services/privacy/domain/model.h"

namespace depot::privacy {

// Strict RFC 3339 ("Z" or +HH:MM, optional fraction), "HH:MM", and the
// local "today" for received and due dates, shared with the reading room.
using depot::LocalDay;
using depot::ParseClockTime;
using depot::ParseRfc3339;
/// The same day `months` later (or earlier); a day the target month lacks
/// becomes its last day (31 January + 1 month = 28/29 February).
Date AddMonths(Date date, int months);
Date AddDays(Date date, int days);
/// to - from in days.
int DaysBetween(Date from, Date to);
/// The same instant `months` earlier by the UTC calendar (retention
/// cutoffs).
TimePoint MonthsBefore(TimePoint time, int months);

}  // namespace depot::privacy
