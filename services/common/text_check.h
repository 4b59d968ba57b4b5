#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace depot {

/// The length and character rule of one text field (see
/// proto/depot/v1/field_rules.proto for what callers are told).
struct TextLimit {
  static constexpr size_t kDefaultMaxChars = 200;
  size_t max_chars = kDefaultMaxChars;  ///< Unicode code points
  bool multiline = false;               ///< tab, LF and CR allowed
};

/// What is wrong with text under limit ("holds a NUL byte at character 3",
/// "is 6000 characters long; at most 200"), or nullopt when it is fine.
/// Checks, in order: valid UTF-8, no NUL, no other control characters
/// (C0, DEL, C1; tab, LF, CR allowed when multiline), the length.
std::optional<std::string> TextProblem(std::string_view text, TextLimit limit);

/// Unicode code points in UTF-8 text (what field limits count): every byte
/// that does not continue a sequence.
size_t CharacterCount(std::string_view text);

/// Input quoted for an error message: at most max_chars characters of it,
/// control characters and invalid bytes escaped, and how much was left out.
/// Messages quote input only through this, so none grows with the input.
std::string QuoteInput(std::string_view text, size_t max_chars = 40);

/// text cut to at most max_bytes without splitting a UTF-8 sequence.
std::string TruncateUtf8(std::string_view text, size_t max_bytes);

}  // namespace depot
