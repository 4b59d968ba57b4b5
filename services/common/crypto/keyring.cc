#include "services/common/crypto/keyring.h"

#include <fcntl.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <vector>

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

// OpenSSL contexts with one key already set up, kept per thread. Setting
// up a key (algorithm fetch, AES key schedule, HMAC pads) costs more than
// sealing a short field, and a transfer seals seven fields per record; a
// context is reused by giving it only a new nonce (or none, for HMAC).
class KeyedContexts {
 public:
  explicit KeyedContexts(const Keyring::Key& key) : key_(key) {}
  ~KeyedContexts() {
    EVP_MAC_CTX_free(hmac_);
    EVP_CIPHER_CTX_free(encrypt_);
    EVP_CIPHER_CTX_free(decrypt_);
  }
  KeyedContexts(const KeyedContexts&) = delete;
  KeyedContexts& operator=(const KeyedContexts&) = delete;

  const Keyring::Key& key() const { return key_; }

  // Ready for EVP_MAC_update, with the key's pads restored.
  EVP_MAC_CTX* Hmac() {
    if (hmac_ == nullptr) {
      static EVP_MAC* const kHmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
      char digest[] = "SHA256";
      OSSL_PARAM params[] = {
          OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
          OSSL_PARAM_construct_end()};
      hmac_ = kHmac == nullptr ? nullptr : EVP_MAC_CTX_new(kHmac);
      if (hmac_ == nullptr ||
          EVP_MAC_init(hmac_, key_.data(), key_.size(), params) != 1) {
        throw std::runtime_error("HMAC-SHA-256 is not available");
      }
      return hmac_;
    }
    if (EVP_MAC_init(hmac_, nullptr, 0, nullptr) != 1) {
      throw std::runtime_error("HMAC-SHA-256 re-initialisation failed");
    }
    return hmac_;
  }

  // Ready for AAD and data, with this nonce.
  EVP_CIPHER_CTX* Encrypt(const unsigned char* nonce) {
    return Cipher(&encrypt_, nonce, true);
  }
  EVP_CIPHER_CTX* Decrypt(const unsigned char* nonce) {
    return Cipher(&decrypt_, nonce, false);
  }

 private:
  EVP_CIPHER_CTX* Cipher(EVP_CIPHER_CTX** slot, const unsigned char* nonce,
                         bool encrypt) {
    auto init = encrypt ? EVP_EncryptInit_ex : EVP_DecryptInit_ex;
    if (*slot == nullptr) {
      *slot = EVP_CIPHER_CTX_new();
      if (*slot == nullptr ||
          init(*slot, EVP_aes_256_gcm(), nullptr, key_.data(), nullptr) != 1) {
        EVP_CIPHER_CTX_free(*slot);
        *slot = nullptr;
        throw std::runtime_error("AES-256-GCM is not available");
      }
    }
    if (init(*slot, nullptr, nullptr, nullptr, nonce) != 1) {
      throw std::runtime_error("AES-256-GCM nonce set-up failed");
    }
    return *slot;
  }

  Keyring::Key key_;
  EVP_MAC_CTX* hmac_ = nullptr;
  EVP_CIPHER_CTX* encrypt_ = nullptr;
  EVP_CIPHER_CTX* decrypt_ = nullptr;
};

// The calling thread's contexts for `key`. A process holds a handful of
// keys; the bound only keeps tests that make many keyrings from growing it.
KeyedContexts& ContextsFor(const Keyring::Key& key) {
  constexpr size_t kMaxKeysPerThread = 8;
  thread_local std::vector<std::unique_ptr<KeyedContexts>> contexts;
  for (auto& entry : contexts) {
    if (entry->key() == key) return *entry;
  }
  if (contexts.size() >= kMaxKeysPerThread) contexts.clear();
  contexts.push_back(std::make_unique<KeyedContexts>(key));
  return *contexts.back();
}

}  // namespace

std::string HmacSha256Hex(const Keyring::Key& key, std::string_view data) {
  EVP_MAC_CTX* context = ContextsFor(key).Hmac();
  unsigned char digest[EVP_MAX_MD_SIZE];
  size_t length = 0;
  if (EVP_MAC_update(context,
                     reinterpret_cast<const unsigned char*>(data.data()),
                     data.size()) != 1 ||
      EVP_MAC_final(context, digest, &length, sizeof digest) != 1) {
    throw std::runtime_error("HMAC-SHA-256 failed");
  }
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
  for (Slot slot :
       {Slot{"identity_encryption", "DEPOT_KEY_IDENTITY_ENCRYPTION",
             &keyring.encryption_},
        Slot{"identity_index", "DEPOT_KEY_IDENTITY_INDEX", &keyring.index_},
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
          (key_file.empty() ? std::string("none configured")
                            : key_file.string()) +
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
  bool ok =
      write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
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
  EVP_CIPHER_CTX* context = ContextsFor(encryption_).Encrypt(out);
  int length = 0;
  bool ok =
      EVP_EncryptUpdate(
          context, nullptr, &length,
          reinterpret_cast<const unsigned char*>(associated_data.data()),
          static_cast<int>(associated_data.size())) == 1 &&
      EVP_EncryptUpdate(
          context, out + kNonceSize, &length,
          reinterpret_cast<const unsigned char*>(plaintext.data()),
          static_cast<int>(plaintext.size())) == 1 &&
      EVP_EncryptFinal_ex(context, out + kNonceSize + length, &length) == 1 &&
      EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, kTagSize,
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
  EVP_CIPHER_CTX* context = ContextsFor(encryption_).Decrypt(in);
  int length = 0;
  std::array<unsigned char, kTagSize> tag{};
  std::copy(in + kNonceSize + size, in + sealed.size(), tag.begin());
  bool ok =
      EVP_DecryptUpdate(
          context, nullptr, &length,
          reinterpret_cast<const unsigned char*>(associated_data.data()),
          static_cast<int>(associated_data.size())) == 1 &&
      EVP_DecryptUpdate(
          context, reinterpret_cast<unsigned char*>(plaintext.data()), &length,
          in + kNonceSize, static_cast<int>(size)) == 1 &&
      EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, kTagSize,
                          tag.data()) == 1 &&
      EVP_DecryptFinal_ex(
          context, reinterpret_cast<unsigned char*>(plaintext.data()) + length,
          &length) == 1;
  if (!ok) {
    throw Error(ErrorCode::kInternal,
                "encrypted field failed authentication (altered, or another "
                "key)");
  }
  return plaintext;
}

}  // namespace depot
