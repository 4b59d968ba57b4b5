#include "services/common/crypto/keyring.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "services/common/error.h"
#include "services/common/key_value_file.h"

namespace depot {
namespace {

constexpr size_t kNonceSize = 12;
constexpr size_t kTagSize = 16;

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

bool ParseKey(const std::string& hex, Keyring::Key* key) {
  if (hex.size() != 64) return false;
  for (size_t i = 0; i < 32; ++i) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int high = nibble(hex[2 * i]), low = nibble(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    (*key)[i] = static_cast<unsigned char>(high << 4 | low);
  }
  return true;
}

Keyring::Key RandomKey() {
  Keyring::Key key{};
  if (RAND_bytes(key.data(), key.size()) != 1) {
    throw std::runtime_error("no randomness for a key");
  }
  return key;
}

using CipherContext =
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

}  // namespace

std::string HmacSha256Hex(const Keyring::Key& key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(),
       digest, &length);
  return ToHex(digest, length);
}

Keyring Keyring::Load(const std::filesystem::path& key_file) {
  KeyValueFile file;
  if (!key_file.empty()) file = KeyValueFile::Read(key_file);
  Keyring keyring;
  struct Slot {
    const char* name;
    const char* env;
    Key* key;
  };
  for (Slot slot : {Slot{"identity_encryption", "DEPOT_KEY_IDENTITY_ENCRYPTION",
                         &keyring.encryption_},
                    Slot{"identity_index", "DEPOT_KEY_IDENTITY_INDEX",
                         &keyring.index_},
                    Slot{"subject_pseudonym", "DEPOT_KEY_SUBJECT_PSEUDONYM",
                         &keyring.pseudonym_}}) {
    std::string hex;
    if (const char* env = std::getenv(slot.env); env && *env) {
      hex = env;
    } else if (file.entries.contains(slot.name)) {
      hex = file.entries.at(slot.name);
    } else {
      throw StartupError(
          "key " + std::string(slot.name) + " is missing: set key_file (" +
          (key_file.empty() ? std::string("none configured") : key_file.string()) +
          ") or " + slot.env + "; ops/run creates var/keys/depot.keys");
    }
    if (!ParseKey(hex, slot.key)) {
      throw StartupError("key " + std::string(slot.name) +
                         " must be 64 hex digits (32 bytes)");
    }
  }
  return keyring;
}

Keyring Keyring::Random() {
  Keyring keyring;
  keyring.encryption_ = RandomKey();
  keyring.index_ = RandomKey();
  keyring.pseudonym_ = RandomKey();
  return keyring;
}

void Keyring::WriteNewKeyFile(const std::filesystem::path& key_file) {
  int fd = open(key_file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    throw StartupError("cannot create key file " + key_file.string() +
                       " (it must not exist yet)");
  }
  std::string text =
      "# depot secret keys: back this file up apart from the database.\n"
      "# Losing it makes encrypted identity numbers unreadable.\n";
  for (const char* name :
       {"identity_encryption", "identity_index", "subject_pseudonym"}) {
    Key key = RandomKey();
    text += std::string(name) + " = " + ToHex(key.data(), key.size()) + "\n";
  }
  bool ok = write(fd, text.data(), text.size()) ==
            static_cast<ssize_t>(text.size());
  close(fd);
  if (!ok) throw StartupError("cannot write key file " + key_file.string());
}

std::string Keyring::BlindIndex(std::string_view national_id) const {
  return HmacSha256Hex(index_, national_id);
}

std::string Keyring::Pseudonym(std::string_view subject_key) const {
  return HmacSha256Hex(pseudonym_, subject_key);
}

std::string Keyring::Encrypt(std::string_view plaintext,
                             std::string_view associated_data) const {
  std::string sealed(kNonceSize + plaintext.size() + kTagSize, '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  if (RAND_bytes(out, kNonceSize) != 1) {
    throw std::runtime_error("no randomness for a nonce");
  }
  CipherContext context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int length = 0;
  bool ok =
      context &&
      EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr,
                         encryption_.data(), out) == 1 &&
      EVP_EncryptUpdate(context.get(), nullptr, &length,
                        reinterpret_cast<const unsigned char*>(
                            associated_data.data()),
                        static_cast<int>(associated_data.size())) == 1 &&
      EVP_EncryptUpdate(context.get(), out + kNonceSize, &length,
                        reinterpret_cast<const unsigned char*>(plaintext.data()),
                        static_cast<int>(plaintext.size())) == 1 &&
      EVP_EncryptFinal_ex(context.get(), out + kNonceSize + length, &length) ==
          1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagSize,
                          out + kNonceSize + plaintext.size()) == 1;
  if (!ok) throw std::runtime_error("AES-256-GCM encryption failed");
  return sealed;
}

std::string Keyring::Decrypt(std::string_view sealed,
                             std::string_view associated_data) const {
  if (sealed.size() < kNonceSize + kTagSize) {
    throw Error(ErrorCode::kInternal, "encrypted field is truncated");
  }
  const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
  size_t size = sealed.size() - kNonceSize - kTagSize;
  std::string plaintext(size, '\0');
  CipherContext context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int length = 0;
  std::array<unsigned char, kTagSize> tag{};
  std::copy(in + kNonceSize + size, in + sealed.size(), tag.begin());
  bool ok =
      context &&
      EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr,
                         encryption_.data(), in) == 1 &&
      EVP_DecryptUpdate(context.get(), nullptr, &length,
                        reinterpret_cast<const unsigned char*>(
                            associated_data.data()),
                        static_cast<int>(associated_data.size())) == 1 &&
      EVP_DecryptUpdate(context.get(),
                        reinterpret_cast<unsigned char*>(plaintext.data()),
                        &length, in + kNonceSize, static_cast<int>(size)) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagSize,
                          tag.data()) == 1 &&
      EVP_DecryptFinal_ex(context.get(),
                          reinterpret_cast<unsigned char*>(plaintext.data()) +
                              length,
                          &length) == 1;
  if (!ok) {
    throw Error(ErrorCode::kInternal,
                "encrypted field failed authentication (altered, or another "
                "key)");
  }
  return plaintext;
}

}  // namespace depot
