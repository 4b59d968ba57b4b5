#include "services/common/crypto/subject_keystore.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "services/common/crypto/aes_gcm.h"
#include "services/common/crypto/key_material.h"
#include "services/common/error.h"

namespace depot {
namespace {

// fsync of a directory makes a created or removed entry durable.
void SyncDirectory(const std::filesystem::path& directory) {
  int fd = open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) {
    throw Error(ErrorCode::kInternal,
                "cannot open the subject key directory to sync it");
  }
  int rc = fsync(fd);
  close(fd);
  if (rc != 0) {
    throw Error(ErrorCode::kInternal, "cannot sync the subject key directory");
  }
}

using CipherContext =
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// A fresh context per call (see GcmContextFor): sets *context up under key
// with nonce, for encryption or decryption.
GcmContextFor FreshContext(const SubjectKeyStore::Key& key, bool encrypt,
                           CipherContext* context) {
  return [&key, encrypt, context](const unsigned char* nonce) {
    auto init = encrypt ? EVP_EncryptInit_ex : EVP_DecryptInit_ex;
    context->reset(EVP_CIPHER_CTX_new());
    if (!*context || init(context->get(), EVP_aes_256_gcm(), nullptr,
                          key.data(), nonce) != 1) {
      return static_cast<EVP_CIPHER_CTX*>(nullptr);
    }
    return context->get();
  };
}

}  // namespace

bool IsSubjectKeyId(std::string_view id) {
  return id.size() == 32 && IsLowerHex(id);
}

SubjectKeyStore::SubjectKeyStore(std::filesystem::path directory)
    : directory_(std::move(directory)) {
  if (directory_.empty()) {
    throw StartupError("subject_key_dir is not set");
  }
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (!std::filesystem::is_directory(directory_)) {
    throw StartupError("subject_key_dir " + directory_.string() +
                       " is not a directory and cannot be created");
  }
  chmod(directory_.c_str(), 0700);
}

std::filesystem::path SubjectKeyStore::PathOf(const std::string& id) const {
  if (!IsSubjectKeyId(id)) {
    throw Error(ErrorCode::kInternal, "malformed subject key id");
  }
  return directory_ / id;
}

std::string SubjectKeyStore::Create() {
  unsigned char id_bytes[16];
  RandomBytes(id_bytes, sizeof id_bytes);
  std::string id = ToHex(id_bytes, sizeof id_bytes);
  Key key{};
  RandomBytes(key.data(), key.size());
  std::string text = ToHex(key.data(), key.size()) + "\n";
  switch (WriteNewPrivateFile(PathOf(id), text)) {
    case NewFileResult::kWritten:
      break;
    case NewFileResult::kCannotCreate:
      throw Error(ErrorCode::kInternal,
                  "cannot create a key file in the subject key directory (" +
                      std::string(std::strerror(errno)) + ")");
    case NewFileResult::kCannotWrite:
      throw Error(ErrorCode::kInternal,
                  "cannot write a key file in the subject key directory");
  }
  SyncDirectory(directory_);
  std::lock_guard lock(mutex_);
  cache_[id] = key;
  return id;
}

std::optional<SubjectKeyStore::Key> SubjectKeyStore::Find(
    const std::string& id) const {
  if (!IsSubjectKeyId(id)) return std::nullopt;
  {
    std::lock_guard lock(mutex_);
    if (auto found = cache_.find(id); found != cache_.end()) {
      return found->second;
    }
  }
  auto path = PathOf(id);
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return std::nullopt;
  char text[64];
  ssize_t got = read(fd, text, sizeof text);
  close(fd);
  if (got != 64) {
    throw Error(ErrorCode::kInternal, "subject key file " + id + " is damaged");
  }
  std::string bytes;
  if (!FromHex(std::string_view(text, sizeof text), &bytes)) {
    throw Error(ErrorCode::kInternal, "subject key file " + id + " is damaged");
  }
  Key key{};
  std::copy(bytes.begin(), bytes.end(), key.begin());
  std::lock_guard lock(mutex_);
  cache_[id] = key;
  return key;
}

void SubjectKeyStore::Destroy(const std::string& id) {
  if (!IsSubjectKeyId(id)) return;
  {
    std::lock_guard lock(mutex_);
    cache_.erase(id);
  }
  auto path = PathOf(id);
  if (unlink(path.c_str()) != 0 && errno != ENOENT) {
    throw Error(ErrorCode::kInternal, "cannot remove subject key " + id + " (" +
                                          std::string(std::strerror(errno)) +
                                          ")");
  }
  SyncDirectory(directory_);
}

std::string SubjectKeyStore::Encrypt(const std::string& id,
                                     std::string_view plaintext,
                                     std::string_view associated_data) const {
  auto key = Find(id);
  if (!key) {
    throw Error(ErrorCode::kInternal,
                "subject key " + id + " was destroyed: the data is erased");
  }
  CipherContext context(nullptr, EVP_CIPHER_CTX_free);
  return GcmSeal(FreshContext(*key, true, &context), plaintext,
                 associated_data);
}

std::optional<std::string> SubjectKeyStore::Decrypt(
    const std::string& id, std::string_view sealed,
    std::string_view associated_data) const {
  auto key = Find(id);
  if (!key) return std::nullopt;
  CipherContext context(nullptr, EVP_CIPHER_CTX_free);
  return GcmOpen(FreshContext(*key, false, &context), sealed, associated_data);
}

}  // namespace depot
