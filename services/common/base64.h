#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace depot {

/// Standard base64 with padding (how sealed fields are kept in text
/// columns, which COPY handles without escaping).
std::string Base64Encode(std::string_view bytes);
/// nullopt when the text is not valid base64.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace depot
