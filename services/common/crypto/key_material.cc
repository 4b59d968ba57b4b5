#include "services/common/crypto/key_material.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <cerrno>

#include "services/common/error.h"

namespace depot {
namespace {

int HexValue(char c, HexCase accepted) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (accepted == HexCase::kEither && c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace

std::string ToHex(const unsigned char* bytes, size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    hex += kHex[bytes[i] >> 4];
    hex += kHex[bytes[i] & 0xf];
  }
  return hex;
}

bool FromHex(std::string_view hex, std::string* bytes, HexCase accepted) {
  if (hex.size() % 2 != 0) return false;
  bytes->clear();
  bytes->reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int high = HexValue(hex[i], accepted), low = HexValue(hex[i + 1], accepted);
    if (high < 0 || low < 0) return false;
    *bytes += static_cast<char>(high << 4 | low);
  }
  return true;
}

bool IsLowerHex(std::string_view text) {
  for (char c : text) {
    if (HexValue(c, HexCase::kLowerOnly) < 0) return false;
  }
  return true;
}

void RandomBytes(unsigned char* out, size_t size) {
  if (RAND_bytes(out, static_cast<int>(size)) != 1) {
    throw Error(ErrorCode::kInternal, "no randomness (RAND_bytes failed)");
  }
}

NewFileResult WriteNewPrivateFile(const std::filesystem::path& path,
                                  std::string_view text) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return NewFileResult::kCannotCreate;
  bool ok = write(fd, text.data(), text.size()) ==
                static_cast<ssize_t>(text.size()) &&
            fsync(fd) == 0;
  int failure = errno;
  close(fd);
  if (ok) return NewFileResult::kWritten;
  unlink(path.c_str());
  errno = failure;
  return NewFileResult::kCannotWrite;
}

}  // namespace depot
