#include "services/privacy/domain/time_text.h"

namespace depot::privacy {

Date AddDays(Date date, int days) {
  return Date{std::chrono::sys_days(date) + std::chrono::days(days)};
}

int DaysBetween(Date from, Date to) {
  return static_cast<int>(
      (std::chrono::sys_days(to) - std::chrono::sys_days(from)).count());
}

}  // namespace depot::privacy
