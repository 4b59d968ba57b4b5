#include "storage/audit/sealed_copy.h"

#include <array>
#include <cctype>
#include <chrono>
#include <limits>
#include <stdexcept>

namespace depot::storage {
namespace {

using audit::SealedEvent;

constexpr int64_t kBadTime = std::numeric_limits<int64_t>::min();

// Digits at text[at, at + n) as a number; -1 when not all digits.
int Digits(std::string_view text, size_t at, size_t n) {
  if (at + n > text.size()) return -1;
  int value = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// COPY text format: backslash escapes (\t, \n, \\, \NNN octal, ...).
void Unescape(std::string_view field, std::string* out) {
  if (field.find('\\') == std::string_view::npos) {
    out->assign(field);  // the usual case, one copy
    return;
  }
  out->clear();
  for (size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    if (c != '\\' || i + 1 == field.size()) {
      out->push_back(c);
      continue;
    }
    char e = field[++i];
    switch (e) {
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'v':
        out->push_back('\v');
        break;
      case 'x': {
        int value = 0, used = 0;
        while (used < 2 && i + 1 < field.size() &&
               std::isxdigit(static_cast<unsigned char>(field[i + 1]))) {
          char h = field[++i];
          value = value * 16 + (std::isdigit(static_cast<unsigned char>(h))
                                    ? h - '0'
                                    : (h | 0x20) - 'a' + 10);
          ++used;
        }
        out->push_back(static_cast<char>(value));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int value = e - '0', used = 1;
          while (used < 3 && i + 1 < field.size() && field[i + 1] >= '0' &&
                 field[i + 1] <= '7') {
            value = value * 8 + (field[++i] - '0');
            ++used;
          }
          out->push_back(static_cast<char>(value));
        } else {
          out->push_back(e);
        }
    }
  }
}

int64_t ParseInt64(std::string_view text) {
  int64_t value = 0;
  bool negative = !text.empty() && text[0] == '-';
  for (size_t i = negative ? 1 : 0; i < text.size(); ++i) {
    value = value * 10 + (text[i] - '0');
  }
  return negative ? -value : value;
}

// A bytea printed in hex (\\x0a1b... in COPY text: its backslash is
// escaped) as its bytes; empty when it is anything else (NULL is \N).
void ParseHexHash(std::string_view field, std::string* out) {
  // A table, not comparisons: hash digits are random, so branches on them
  // mispredict half the time, and this runs 64 times per event.
  static constexpr auto kNibble = [] {
    std::array<int8_t, 256> table{};
    table.fill(-1);
    for (int c = 0; c < 10; ++c) table['0' + c] = static_cast<int8_t>(c);
    for (int c = 0; c < 6; ++c) {
      table['a' + c] = table['A' + c] = static_cast<int8_t>(10 + c);
    }
    return table;
  }();
  out->clear();
  if (field.size() % 2 == 0 || field.substr(0, 3) != "\\\\x") return;
  out->resize((field.size() - 3) / 2);
  int bad = 0;
  for (size_t i = 0; i < out->size(); ++i) {
    int high = kNibble[static_cast<unsigned char>(field[3 + 2 * i])];
    int low = kNibble[static_cast<unsigned char>(field[4 + 2 * i])];
    bad |= high | low;  // negative when either is not a digit
    (*out)[i] = static_cast<char>((high & 0xf) << 4 | (low & 0xf));
  }
  if (bad < 0) out->clear();
}

}  // namespace

SealedCopy::SealedCopy(pqxx::transaction_base& tx, const SqlQuery& query)
    // COPY of a query: pqxx 6 takes it, in parentheses, for a table name.
    : stream_(tx, "(" + std::string(query.text) + "\n)") {}

bool SealedCopy::Next(SealedEvent* e) {
  if (!stream_.get_raw_line(line_)) return false;
  std::string_view line = line_;
  std::string_view fields[10];
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  size_t n = 0;
  for (; n < 10; ++n) {
    size_t tab = line.find('\t');
    fields[n] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  if (n != 9) throw std::runtime_error("unexpected COPY row of audit_events");
  e->seq = ParseInt64(fields[0]);
  e->id = ParseInt64(fields[1]);
  Unescape(fields[2], &field_);
  e->occurred_at_us = ParseUtcTimestampMicros(field_);
  Unescape(fields[3], &e->actor);
  Unescape(fields[4], &e->actor_role);
  Unescape(fields[5], &e->action);
  Unescape(fields[6], &e->object);
  if (fields[7] == "\\N") {
    e->subject.clear();  // NULL: no subject
  } else {
    Unescape(fields[7], &e->subject);
  }
  Unescape(fields[8], &e->detail);
  ParseHexHash(fields[9], &e->chain_hash);
  return true;
}

int64_t ParseUtcTimestampMicros(std::string_view t) {
  // YYYY-MM-DD HH:MM:SS[.f{1,6}]+00
  int year = Digits(t, 0, 4), month = Digits(t, 5, 2), day = Digits(t, 8, 2);
  int hour = Digits(t, 11, 2), minute = Digits(t, 14, 2),
      second = Digits(t, 17, 2);
  if (t.size() < 22 || year < 0 || month < 0 || day < 0 || hour < 0 ||
      minute < 0 || second < 0 || t[4] != '-' || t[7] != '-' || t[10] != ' ' ||
      t[13] != ':' || t[16] != ':') {
    return kBadTime;
  }
  size_t at = 19;
  int64_t micros = 0;
  if (t[at] == '.') {
    int scale = 100000;
    for (++at; at < t.size() && t[at] >= '0' && t[at] <= '9'; ++at) {
      micros += (t[at] - '0') * scale;
      scale /= 10;
    }
  }
  if (t.substr(at) != "+00") return kBadTime;
  using namespace std::chrono;
  year_month_day date{std::chrono::year(year),
                      std::chrono::month(static_cast<unsigned>(month)),
                      std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return kBadTime;
  int64_t days_since = sys_days(date).time_since_epoch().count();
  return ((days_since * 24 + hour) * 60 + minute) * 60'000'000LL +
         second * 1'000'000LL + micros;
}

}  // namespace depot::storage
