#include "services/common/crypto/ed25519_key.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <stdexcept>

#include "services/common/crypto/key_material.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/sha256.h"

namespace depot {
namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

constexpr size_t kSignatureSize = 64;

std::string MemoryBioText(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, size > 0 ? size : 0);
}

std::string PrivateKeyPem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0,
                                       nullptr, nullptr) != 1) {
    throw std::runtime_error("cannot write the Ed25519 private key as PEM");
  }
  return MemoryBioText(bio.get());
}

PKey GenerateKey() {
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (raw == nullptr) {
    throw std::runtime_error("cannot generate an Ed25519 key");
  }
  return PKey(raw, &EVP_PKEY_free);
}

// Creates file with a fresh key unless it exists. Written to a temporary
// file and linked into place, so that two servers starting at once end up
// with one key: link() refuses to replace, whoever links first wins.
void CreateKeyFileIfMissing(const std::filesystem::path& file,
                            const std::string& what,
                            const std::string& unwritable_hint) {
  if (std::filesystem::exists(file)) return;
  std::error_code ignored;
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), ignored);
  }
  std::random_device random;
  std::filesystem::path temporary = file.string() + ".new-" +
                                    std::to_string(getpid()) + "-" +
                                    std::to_string(random());
  PKey key = GenerateKey();
  NewFileResult result =
      WriteNewPrivateFile(temporary, PrivateKeyPem(key.get()));
  if (result == NewFileResult::kCannotCreate) {
    throw StartupError("cannot create the " + what + " " + file.string() +
                       ": its directory is not writable" + unwritable_hint);
  }
  bool written = result == NewFileResult::kWritten;
  bool linked = written && link(temporary.c_str(), file.c_str()) == 0;
  int link_errno = errno;
  unlink(temporary.c_str());
  if (!linked && !(written && link_errno == EEXIST)) {
    throw StartupError("cannot create the " + what + " " + file.string());
  }
}

}  // namespace

struct Ed25519PublicKey::Key {
  PKey pkey{nullptr, &EVP_PKEY_free};
};

Ed25519PublicKey::Ed25519PublicKey(std::unique_ptr<Key> key, std::string pem)
    : key_(std::move(key)), pem_(std::move(pem)) {
  unsigned char bytes[32];
  size_t size = sizeof(bytes);
  if (EVP_PKEY_get_raw_public_key(key_->pkey.get(), bytes, &size) != 1) {
    throw std::runtime_error("cannot read the raw Ed25519 public key");
  }
  key_id_ = Sha256Hex(std::string_view(reinterpret_cast<char*>(bytes), size));
}

Ed25519PublicKey::~Ed25519PublicKey() = default;

std::unique_ptr<Ed25519PublicKey> Ed25519PublicKey::FromPem(
    const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  EVP_PKEY* raw =
      bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  if (raw == nullptr || EVP_PKEY_get_id(raw) != EVP_PKEY_ED25519) {
    if (raw != nullptr) EVP_PKEY_free(raw);
    return nullptr;
  }
  auto key = std::make_unique<Key>();
  key->pkey.reset(raw);
  return std::unique_ptr<Ed25519PublicKey>(
      new Ed25519PublicKey(std::move(key), pem));
}

bool Ed25519PublicKey::Verify(std::string_view message,
                              std::string_view signature) const {
  if (signature.size() != kSignatureSize) return false;
  MdContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!context || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr,
                                       key_->pkey.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(
             context.get(),
             reinterpret_cast<const unsigned char*>(signature.data()),
             signature.size(),
             reinterpret_cast<const unsigned char*>(message.data()),
             message.size()) == 1;
}

struct Ed25519PrivateKey::Key {
  PKey pkey{nullptr, &EVP_PKEY_free};
};

Ed25519PrivateKey::Ed25519PrivateKey(std::unique_ptr<Key> key)
    : key_(std::move(key)) {}

Ed25519PrivateKey::~Ed25519PrivateKey() = default;

std::unique_ptr<Ed25519PrivateKey> Ed25519PrivateKey::Generate() {
  auto key = std::make_unique<Key>();
  key->pkey = GenerateKey();
  return std::unique_ptr<Ed25519PrivateKey>(
      new Ed25519PrivateKey(std::move(key)));
}

std::unique_ptr<Ed25519PrivateKey> Ed25519PrivateKey::LoadOrCreate(
    const std::filesystem::path& file, const std::string& what,
    const std::string& unwritable_hint) {
  CreateKeyFileIfMissing(file, what, unwritable_hint);
  std::string pem = ReadWholeFile(file);
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  EVP_PKEY* raw =
      bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
          : nullptr;
  if (raw == nullptr || EVP_PKEY_get_id(raw) != EVP_PKEY_ED25519) {
    if (raw != nullptr) EVP_PKEY_free(raw);
    throw StartupError("the " + what + " " + file.string() +
                       " is not an Ed25519 private key in PEM");
  }
  auto key = std::make_unique<Key>();
  key->pkey.reset(raw);
  return std::unique_ptr<Ed25519PrivateKey>(
      new Ed25519PrivateKey(std::move(key)));
}

std::string Ed25519PrivateKey::Sign(std::string_view message) const {
  MdContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char signature[kSignatureSize];
  size_t size = sizeof(signature);
  if (!context ||
      EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr,
                         key_->pkey.get()) != 1 ||
      EVP_DigestSign(context.get(), signature, &size,
                     reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1) {
    throw std::runtime_error("Ed25519 signing failed");
  }
  return std::string(reinterpret_cast<char*>(signature), size);
}

std::string Ed25519PrivateKey::PublicKeyPem() const {
  Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_->pkey.get()) != 1) {
    throw std::runtime_error("cannot write the Ed25519 public key as PEM");
  }
  return MemoryBioText(bio.get());
}

}  // namespace depot
