#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace depot {

/// Lower-case hex of the bytes.
std::string ToHex(const unsigned char* bytes, size_t size);

/// Which hex digits a decoder takes. Seals and key ids are compared as
/// text, so they have one spelling (lower case); key files written by hand
/// may use either.
enum class HexCase { kLowerOnly, kEither };

/// Decodes hex into bytes; false for an odd length or a character that is
/// not a hex digit of the accepted case.
bool FromHex(std::string_view hex, std::string* bytes,
             HexCase accepted = HexCase::kLowerOnly);
/// True when every character is a lower-case hex digit.
bool IsLowerHex(std::string_view text);

/// Fills out with cryptographically strong random bytes (OpenSSL
/// RAND_bytes); throws Error(kInternal) when there is no randomness.
void RandomBytes(unsigned char* out, size_t size);

/// What WriteNewPrivateFile did.
enum class NewFileResult { kWritten, kCannotCreate, kCannotWrite };

/// Creates `path`, which must not exist yet (O_EXCL: a key file is never
/// replaced), readable by the owner only (mode 0600), writes text and
/// fsyncs it. A file that could not be written completely is removed.
/// When the result is not kWritten, errno says why.
NewFileResult WriteNewPrivateFile(const std::filesystem::path& path,
                                  std::string_view text);

}  // namespace depot
