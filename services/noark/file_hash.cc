#include "services/noark/file_hash.h"

#include <openssl/evp.h>

#include <cctype>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace depot::noark {

Sha256Stream::Sha256Stream() : context_(EVP_MD_CTX_new()) {
  if (context_ == nullptr ||
      EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_), EVP_sha256(),
                        nullptr) != 1) {
    throw std::runtime_error("cannot start SHA-256");
  }
}

Sha256Stream::~Sha256Stream() {
  EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context_));
}

void Sha256Stream::Update(std::string_view bytes) {
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context_), bytes.data(),
                   bytes.size());
}

std::string Sha256Stream::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(context_), digest, &length);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

std::optional<std::string> Sha256OfFile(const std::filesystem::path& file) {
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (in == nullptr) return std::nullopt;
  Sha256Stream hash;
  std::vector<char> buffer(1 << 16);
  size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), in)) > 0) {
    hash.Update({buffer.data(), got});
  }
  bool failed = std::ferror(in) != 0;
  std::fclose(in);
  if (failed) return std::nullopt;
  return hash.HexDigest();
}

std::string NormalizedAlgorithm(std::string_view name) {
  std::string normalized;
  for (char c : name) {
    if (c == '-' || c == ' ' || c == '_') continue;
    normalized +=
        static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return normalized;
}

}  // namespace depot::noark
