#include "services/common/time_format.h"

#include <algorithm>
#include <ctime>

#include "services/common/date.h"

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

}  // namespace

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
  // A leap second is read as the second before it.
  return std::chrono::sys_days(*date) + std::chrono::hours(hour) +
         std::chrono::minutes(minute - offset_minutes) +
         std::chrono::seconds(std::min(second, 59)) + fraction;
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
