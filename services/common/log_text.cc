#include "services/common/log_text.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "services/common/error.h"
#include "services/common/text_check.h"

namespace depot {
namespace {

constexpr size_t kMaxLoggedBytes = 300;
constexpr std::string_view kElided = "...";

// A quoted text right after one of these words is the name of a database
// object (duplicate key value violates unique constraint "x", null value in
// column "x" of relation "y"): schema, not data. Quoted text anywhere else
// may be a value (value "x" is out of range, syntax error at or near "x").
constexpr std::array<std::string_view, 22> kObjectWords = {
    "constraint", "relation",  "table",     "column",   "index",    "schema",
    "function",   "type",      "sequence",  "view",     "database", "role",
    "user",       "statement", "cursor",    "encoding", "trigger",  "extension",
    "collation",  "domain",    "savepoint", "parameter"};

bool IsObjectWord(std::string_view before_quote) {
  size_t end = before_quote.find_last_not_of(' ');
  if (end == std::string_view::npos) return false;
  before_quote = before_quote.substr(0, end + 1);
  size_t start = before_quote.size();
  while (start > 0 &&
         std::isalpha(static_cast<unsigned char>(before_quote[start - 1]))) {
    --start;
  }
  std::string word(before_quote.substr(start));
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return std::find(kObjectWords.begin(), kObjectWords.end(), word) !=
         kObjectWords.end();
}

// The index just past the quote closing the one at open ("" inside a
// double-quoted name is an escaped quote); text.size() when unclosed.
size_t PastClosingQuote(std::string_view text, size_t open) {
  char quote = text[open];
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] != quote) continue;
    if (quote == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      ++i;
      continue;
    }
    return i + 1;
  }
  return text.size();
}

// An apostrophe inside a word ("don't") opens nothing.
bool OpensQuote(std::string_view text, size_t at) {
  if (text[at] == '"') return true;
  if (text[at] != '\'') return false;
  return at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
}

std::string_view FirstLineWithoutSeverity(std::string_view message) {
  message = message.substr(0, message.find('\n'));
  size_t start = message.find_first_not_of(' ');
  message = start == std::string_view::npos ? "" : message.substr(start);
  for (std::string_view severity : {"ERROR:", "FATAL:", "PANIC:", "WARNING:"}) {
    if (message.starts_with(severity)) {
      message.remove_prefix(severity.size());
      size_t text = message.find_first_not_of(' ');
      return text == std::string_view::npos ? "" : message.substr(text);
    }
  }
  return message;
}

}  // namespace

std::string WithoutQuotedValues(std::string_view message) {
  std::string_view line = FirstLineWithoutSeverity(message);
  std::string out;
  for (size_t i = 0; i < line.size();) {
    if (OpensQuote(line, i)) {
      size_t past = PastClosingQuote(line, i);
      if (line[i] == '"' && IsObjectWord(line.substr(0, i))) {
        out.append(line.substr(i, past - i));
      } else {
        out.push_back(line[i]);
        out.append(kElided);
        out.push_back(line[i]);
      }
      i = past;
      continue;
    }
    if (line.substr(i).starts_with(": ")) {
      out.append(": ");
      out.append(kElided);
      break;
    }
    unsigned char c = static_cast<unsigned char>(line[i]);
    out.push_back(c < 0x20 || c == 0x7f ? '?' : line[i]);
    ++i;
  }
  return TruncateUtf8(out, kMaxLoggedBytes);
}

std::string LoggableWhat(const std::exception& error) {
  if (dynamic_cast<const Error*>(&error) != nullptr) return error.what();
  return WithoutQuotedValues(error.what());
}

}  // namespace depot
