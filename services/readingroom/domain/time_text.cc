#include "services/readingroom/domain/time_text.h"

#include <cstdio>
#include <ctime>

namespace depot::readingroom {
namespace {

bool Digits(const std::string& text, size_t at, size_t count, int* value) {
  if (at + count > text.size()) return false;
  int v = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *value = v;
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ValidDate(int year, int month, int day) {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 &&
         day >= 1 && day <= DaysInMonth(year, month);
}

TimePoint FromUtc(int year, int month, int day, int hour, int minute,
                  int second) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace

std::string Date::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::optional<Date> ParseDate(const std::string& text) {
  Date date;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !Digits(text, 0, 4, &date.year) || !Digits(text, 5, 2, &date.month) ||
      !Digits(text, 8, 2, &date.day) ||
      !ValidDate(date.year, date.month, date.day)) {
    return std::nullopt;
  }
  return date;
}

std::optional<TimePoint> ParseRfc3339(const std::string& text) {
  if (text.size() < 20) return std::nullopt;
  auto date = ParseDate(text.substr(0, 10));
  int hour = 0, minute = 0, second = 0;
  if (!date || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      !Digits(text, 11, 2, &hour) || text[13] != ':' ||
      !Digits(text, 14, 2, &minute) || text[16] != ':' ||
      !Digits(text, 17, 2, &second) || hour > 23 || minute > 59 ||
      second > 60) {
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
  return FromUtc(date->year, date->month, date->day, hour, minute,
                 std::min(second, 59)) +
         fraction - std::chrono::minutes(offset_minutes);
}

std::optional<int> ParseClockTime(const std::string& text) {
  int hour = 0, minute = 0;
  if (text.size() != 5 || text[2] != ':' || !Digits(text, 0, 2, &hour) ||
      !Digits(text, 3, 2, &minute) || hour > 23 || minute > 59) {
    return std::nullopt;
  }
  return hour * 60 + minute;
}

Date LocalDate(TimePoint time) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm local{};
  localtime_r(&seconds, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

TimePoint LocalTimeOn(const Date& date, int minutes) {
  std::tm local{};
  local.tm_year = date.year - 1900;
  local.tm_mon = date.month - 1;
  local.tm_mday = date.day;
  local.tm_hour = minutes / 60;
  local.tm_min = minutes % 60;
  local.tm_isdst = -1;  // let the time zone decide (summer time)
  return std::chrono::system_clock::from_time_t(std::mktime(&local));
}

TimePoint LocalEndOfDay(const Date& date) {
  std::tm local{};
  local.tm_year = date.year - 1900;
  local.tm_mon = date.month - 1;
  local.tm_mday = date.day + 1;  // mktime normalizes the overflow
  local.tm_isdst = -1;
  return std::chrono::system_clock::from_time_t(std::mktime(&local));
}

TimePoint AddYears(TimePoint time, int years) {
  auto seconds = std::chrono::system_clock::to_time_t(time);
  auto rest = time - std::chrono::system_clock::from_time_t(seconds);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  utc.tm_year += years;
  return std::chrono::system_clock::from_time_t(timegm(&utc)) + rest;
}

TimePoint TruncateToSeconds(TimePoint time) {
  return std::chrono::time_point_cast<std::chrono::seconds>(time);
}

}  // namespace depot::readingroom
