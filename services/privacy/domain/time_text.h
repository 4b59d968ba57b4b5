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
using depot::AddMonths;
using depot::LocalDay;
using depot::MonthsBefore;
using depot::ParseClockTime;
using depot::ParseRfc3339;
Date AddDays(Date date, int days);
/// to - from in days.
int DaysBetween(Date from, Date to);

}  // namespace depot::privacy
