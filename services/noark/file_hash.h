#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace depot::noark {

/// SHA-256 over data that arrives in pieces (a file being read or written).
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;

  void Update(std::string_view bytes);
  /// Lower-case hex; the stream cannot be updated afterwards.
  std::string HexDigest();

 private:
  void* context_;  // EVP_MD_CTX*
};

/// Lower-case hex SHA-256 of a file's bytes, read in pieces; nullopt when
/// it cannot be read.
std::optional<std::string> Sha256OfFile(const std::filesystem::path& file);

/// "SHA256" for "SHA-256", "sha256", ...: upper case without dashes or
/// blanks, so that spellings of one algorithm compare equal.
std::string NormalizedAlgorithm(std::string_view name);

}  // namespace depot::noark
