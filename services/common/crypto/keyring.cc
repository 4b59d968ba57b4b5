#include "services/common/crypto/keyring.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

#include "services/common/crypto/aes_gcm.h"
#include "services/common/crypto/key_material.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"

namespace depot {
namespace {

bool ParseKey(const std::string& hex, Keyring::Key* key) {
  std::string bytes;
  if (hex.size() != 2 * key->size() ||
      !FromHex(hex, &bytes, HexCase::kEither)) {
    return false;
  }
  std::copy(bytes.begin(), bytes.end(), key->begin());
  return true;
}

Keyring::Key RandomKey() {
  Keyring::Key key{};
  RandomBytes(key.data(), key.size());
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
  std::string text =
      "# depot secret keys: back this file up apart from the database.\n"
      "# Losing it makes encrypted identity numbers unreadable.\n";
  for (const char* name :
       {"identity_encryption", "identity_index", "subject_pseudonym"}) {
    Key key = RandomKey();
    text += std::string(name) + " = " + ToHex(key.data(), key.size()) + "\n";
  }
  switch (WriteNewPrivateFile(key_file, text)) {
    case NewFileResult::kWritten:
      return;
    case NewFileResult::kCannotCreate:
      throw StartupError("cannot create key file " + key_file.string() +
                         " (it must not exist yet)");
    case NewFileResult::kCannotWrite:
      throw StartupError("cannot write key file " + key_file.string());
  }
}

std::string Keyring::BlindIndex(std::string_view national_id) const {
  return HmacSha256Hex(index_, national_id);
}

std::string Keyring::Pseudonym(std::string_view subject_key) const {
  return HmacSha256Hex(pseudonym_, subject_key);
}

std::string Keyring::Encrypt(std::string_view plaintext,
                             std::string_view associated_data) const {
  KeyedContexts& contexts = ContextsFor(encryption_);
  return GcmSeal(
      [&](const unsigned char* nonce) { return contexts.Encrypt(nonce); },
      plaintext, associated_data);
}

std::string Keyring::Decrypt(std::string_view sealed,
                             std::string_view associated_data) const {
  KeyedContexts& contexts = ContextsFor(encryption_);
  return GcmOpen(
      [&](const unsigned char* nonce) { return contexts.Decrypt(nonce); },
      sealed, associated_data);
}

}  // namespace depot
