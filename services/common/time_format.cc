#include "services/common/time_format.h"

#include <algorithm>
#include <ctime>
#include <limits>

#include "services/common/date.h"
#include "services/common/error.h"
#include "services/common/text_check.h"

namespace depot {
namespace {

bool Digits(std::string_view text, size_t at, size_t count, int* value) {
  if (at + count > text.size()) return false;
  int parsed = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    parsed = parsed * 10 + (text[i] - '0');
  }
  *value = parsed;
  return true;
}

using SystemTime = std::chrono::system_clock;

// The first instant of kFirstDate and the first after kLastDate.
constexpr auto kFirstInstant = std::chrono::sys_days(kFirstDate);
constexpr auto kEndInstant =
    std::chrono::sys_days(kLastDate) + std::chrono::days(1);

}  // namespace

std::string TimeRangeText() {
  return "from " + FormatDate(kFirstDate) + "T00:00:00Z to " +
         FormatDate(kLastDate) + "T23:59:59Z";
}

std::optional<SystemTime::time_point> TimeFromMicros(int64_t micros) {
  using std::chrono::microseconds;
  constexpr int64_t kMax = std::chrono::duration_cast<microseconds>(
                               SystemTime::time_point::max().time_since_epoch())
                               .count();
  constexpr int64_t kMin = std::chrono::duration_cast<microseconds>(
                               SystemTime::time_point::min().time_since_epoch())
                               .count();
  if (micros > kMax || micros < kMin) return std::nullopt;
  return SystemTime::time_point(microseconds(micros));
}

int64_t MicrosSinceEpoch(SystemTime::time_point time) {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             time.time_since_epoch())
      .count();
}

std::optional<SystemTime::time_point> TimeFromSeconds(int64_t seconds) {
  constexpr int64_t kMaxSeconds = std::numeric_limits<int64_t>::max() / 1000000;
  if (seconds > kMaxSeconds || seconds < -kMaxSeconds) return std::nullopt;
  return TimeFromMicros(seconds * 1000000);
}

SystemTime::time_point RequireRfc3339(std::string_view field,
                                      std::string_view text,
                                      Rfc3339Syntax syntax) {
  auto time = ParseRfc3339(text, syntax);
  if (!time) {
    throw InvalidArgument(
        std::string(field) +
        " must be an RFC 3339 time such as 2026-11-24T09:30:00Z or "
        "2026-11-24T10:30:00+01:00, " +
        TimeRangeText() + ", not " + QuoteInput(text));
  }
  return *time;
}

std::string FormatRfc3339(std::chrono::system_clock::time_point time) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::optional<std::chrono::system_clock::time_point> ParseRfc3339(
    std::string_view text, Rfc3339Syntax syntax) {
  bool lenient = syntax == Rfc3339Syntax::kLenient;
  if (text.size() < 20) return std::nullopt;
  auto date = ParseDate(text.substr(0, 10));
  int hour = 0, minute = 0, second = 0;
  if (!date ||
      (text[10] != 'T' && text[10] != 't' && !(lenient && text[10] == ' ')) ||
      !Digits(text, 11, 2, &hour) || text[13] != ':' ||
      !Digits(text, 14, 2, &minute) || text[16] != ':' ||
      !Digits(text, 17, 2, &second) || hour > 23 || minute > 59 ||
      second > (lenient ? 60 : 59)) {
    return std::nullopt;
  }
  size_t at = 19;
  std::chrono::microseconds fraction{0};
  if (text[at] == '.') {
    ++at;
    size_t start = at;
    int64_t micros = 0;
    int used = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (used < 6) {
        micros = micros * 10 + (text[at] - '0');
        ++used;
      }
      ++at;
    }
    if (at == start) return std::nullopt;
    while (used++ < 6) micros *= 10;
    fraction = std::chrono::microseconds(micros);
  }
  int offset_minutes = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    int oh = 0, om = 0;
    if (!Digits(text, at + 1, 2, &oh) || at + 3 >= text.size() ||
        text[at + 3] != ':' || !Digits(text, at + 4, 2, &om) || oh > 23 ||
        om > 59) {
      return std::nullopt;
    }
    offset_minutes = (text[at] == '+' ? 1 : -1) * (oh * 60 + om);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  // A leap second is read as the second before it. The sum is kept in
  // microseconds, which cannot wrap, and checked before it becomes a
  // time_point.
  std::chrono::sys_time<std::chrono::microseconds> instant =
      std::chrono::sys_days(*date) + std::chrono::hours(hour) +
      std::chrono::minutes(minute - offset_minutes) +
      std::chrono::seconds(std::min(second, 59)) + fraction;
  if (instant < kFirstInstant || instant >= kEndInstant) return std::nullopt;
  return SystemTime::time_point(instant.time_since_epoch());
}

std::optional<int> ParseClockTime(std::string_view text) {
  int hour = 0, minute = 0;
  if (text.size() != 5 || text[2] != ':' || !Digits(text, 0, 2, &hour) ||
      !Digits(text, 3, 2, &minute) || hour > 23 || minute > 59) {
    return std::nullopt;
  }
  return hour * 60 + minute;
}

}  // namespace depot
