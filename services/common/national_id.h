#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace depot {

enum class NationalIdKind {
  kNorwegianBirthNumber,       // fødselsnummer
  kNorwegianDNumber,           // day + 40
  kNorwegianHNumber,           // month + 40
  kSwedishPersonalNumber,      // personnummer
  kSwedishCoordinationNumber,  // samordningsnummer, day + 60
};

/// "no-fnr", "no-dnr", "no-hnr", "se-pnr" or "se-snr".
const char* NationalIdKindName(NationalIdKind kind);

struct NationalId {
  NationalIdKind kind;
  /// Digits only: Norwegian 11 digits; Swedish 12 digits (YYYYMMDDNNNC).
  std::string normalized;
  /// "YYYY-MM-DD", the real date (D/H/coordination offsets removed).
  std::string birth_date;
};

struct NationalIdCheck {
  std::optional<NationalId> id;  // set when valid
  /// When invalid: what is wrong, for a person to fix. Never echoes the
  /// number itself (it is personal data and may end up in logs).
  std::string problem;
};

/// Validates a Norwegian fødselsnummer (also D- and H-numbers) or a Swedish
/// personnummer (also samordningsnummer). Leading and trailing spaces are
/// ignored. Norwegian numbers may group their digits with single spaces or
/// hyphens ("151086 95088", "151086-95088"); Swedish numbers may use
/// hyphens and a '-' or '+' before the last four digits, but no spaces.
///
/// `today` ("YYYY-MM-DD") resolves Swedish 10-digit centuries (a '+'
/// separator means 100 years or older), rejects birth dates in the future,
/// and decides whether the relaxed first Norwegian check digit (numbers
/// issued from 2032-01-01) can apply. Throws std::invalid_argument when
/// `today` is not a valid date: that is a programming error, not bad input.
NationalIdCheck CheckNationalId(std::string_view text, std::string_view today);

}  // namespace depot
