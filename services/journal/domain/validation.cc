#include "services/journal/domain/validation.h"

#include <algorithm>
#include <cctype>

#include "services/common/date.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/masking/utf8.h"

namespace depot::journal {
namespace {

size_t CountChars(const std::string& text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (c & 0xC0) != 0x80; });
}

// XML 1.0 cannot carry C0 control characters (other than tab and line
// breaks) nor U+FFFE/U+FFFF, and journal exports are XML.
bool HasForbiddenCharacter(const std::string& text, bool multi_line) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c < 0x20 && c != '\t' && !(multi_line && (c == '\n' || c == '\r'))) {
      return true;
    }
    if (c == 0xEF && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
         static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      return true;
    }
  }
  return false;
}

std::pair<int, int> ParseNumber(const std::string& text, const char* field,
                                const char* example) {
  auto fail = [&]() -> std::pair<int, int> {
    throw InvalidArgument(std::string(field) + " must look like " + example +
                          " (year/sequence number)");
  };
  size_t slash = text.find('/');
  if (slash != 4 || slash + 1 >= text.size() || text.size() - slash > 10) {
    return fail();
  }
  int year = 0, sequence = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == slash) continue;
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return fail();
    int& target = i < slash ? year : sequence;
    target = target * 10 + (text[i] - '0');
  }
  if (year < 1000 || sequence < 1) return fail();
  return {year, sequence};
}

}  // namespace

std::string CleanText(const std::string& field, const std::string& value,
                      size_t max_chars, bool required, bool multi_line) {
  if (!IsValidUtf8(value)) {
    throw InvalidArgument(field + " is not valid UTF-8 text");
  }
  std::string clean = Trim(value);
  if (required && clean.empty()) {
    throw InvalidArgument(field + " is required");
  }
  if (HasForbiddenCharacter(clean, multi_line)) {
    throw InvalidArgument(field + " contains control characters" +
                          (multi_line ? "" : " or line breaks") +
                          "; remove them");
  }
  if (CountChars(clean) > max_chars) {
    throw InvalidArgument(field + " is longer than " +
                          std::to_string(max_chars) + " characters");
  }
  return clean;
}

Screening CleanScreening(const std::string& field,
                         const ScreeningInput& screening) {
  Screening clean;
  if (screening.empty()) return clean;
  std::string restriction = CleanText(field + ".access_restriction",
                                      screening.access_restriction, 100, false);
  if (restriction.empty()) {
    throw InvalidArgument(field +
                          ".access_restriction is required when screening: "
                          "UO (Unntatt offentlighet), P (Personalsaker) or "
                          "KL (Klientsaker)");
  }
  auto normalized = NormalizeAccessRestriction(restriction);
  if (!normalized) {
    throw InvalidArgument(field +
                          ".access_restriction must be UO (Unntatt "
                          "offentlighet), P (Personalsaker) or KL "
                          "(Klientsaker)");
  }
  clean.access_restriction = *normalized;
  clean.authority =
      CleanText(field + ".authority", screening.authority, 200, false);
  if (clean.authority.empty()) {
    throw InvalidArgument(field +
                          ".authority (skjermingshjemmel) is required when "
                          "screening, e.g. \"offentleglova § 13\"");
  }
  for (const std::string& raw : screening.metadata) {
    std::string code = Trim(raw);
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    if (ScreeningMetadataNoarkName(code) == nullptr) {
      throw InvalidArgument(field +
                            ".metadata has an unknown skjermingMetadata code; "
                            "use KID, TKL, TM1, TMO, NPS, TR1, TRO, NA, NM, "
                            "TD, MT or M");
    }
    if (!clean.Has(code)) clean.metadata.push_back(code);
  }
  clean.ends = ParseDayField(field + ".ends", screening.ends);
  return clean;
}

std::pair<int, int> ParseCaseNumber(const std::string& text) {
  return ParseNumber(Trim(text), "case_number", "2026/12");
}

std::pair<int, int> ParseJournalNumber(const std::string& text) {
  return ParseNumber(Trim(text), "journal_number", "2026/000045");
}

std::optional<Date> ParseDayField(const std::string& field,
                                  const std::string& text) {
  std::string clean = Trim(text);
  if (clean.empty()) return std::nullopt;
  return RequireDate(field, clean);
}

std::string CleanSha256(const std::string& field, const std::string& text) {
  std::string hex = Trim(text);
  std::transform(hex.begin(), hex.end(), hex.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  bool ok = hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
              return std::isdigit(static_cast<unsigned char>(c)) ||
                     (c >= 'a' && c <= 'f');
            });
  if (!ok) {
    throw InvalidArgument(field + " must be 64 hex digits (SHA-256)");
  }
  return hex;
}

}  // namespace depot::journal
