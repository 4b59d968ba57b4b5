#include "services/readingroom/domain/declaration_seal.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <algorithm>
#include <random>

#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/sha256.h"
#include "services/common/time_format.h"

namespace depot::readingroom {
namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

constexpr size_t kSealSize = 64;
constexpr size_t kMaxRemembered = 10000;

std::string Hex(const unsigned char* bytes, size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    hex += kHex[bytes[i] >> 4];
    hex += kHex[bytes[i] & 0xf];
  }
  return hex;
}

bool FromHex(const std::string& hex, std::string* bytes) {
  if (hex.size() % 2 != 0) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;  // lower case only: one spelling per seal
  };
  bytes->clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    int high = nibble(hex[i]), low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) return false;
    *bytes += static_cast<char>(high << 4 | low);
  }
  return true;
}

std::string MemoryBioText(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, size > 0 ? size : 0);
}

std::string PublicKeyPem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) {
    throw std::runtime_error("cannot write the seal public key as PEM");
  }
  return MemoryBioText(bio.get());
}

std::string RawPublicKeyId(EVP_PKEY* key) {
  unsigned char raw[32];
  size_t size = sizeof(raw);
  if (EVP_PKEY_get_raw_public_key(key, raw, &size) != 1) {
    throw std::runtime_error("cannot read the raw Ed25519 public key");
  }
  return Sha256Hex(std::string_view(reinterpret_cast<char*>(raw), size));
}

void AppendField(std::string* out, std::string_view value) {
  uint32_t size = static_cast<uint32_t>(value.size());
  out->push_back(static_cast<char>(size >> 24));
  out->push_back(static_cast<char>(size >> 16));
  out->push_back(static_cast<char>(size >> 8));
  out->push_back(static_cast<char>(size));
  out->append(value);
}

bool DecimalLess(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

PKey GenerateKey() {
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (raw == nullptr)
    throw std::runtime_error("cannot generate an Ed25519 key");
  return PKey(raw, &EVP_PKEY_free);
}

std::string PrivateKeyPem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0,
                                       nullptr, nullptr) != 1) {
    throw std::runtime_error("cannot write the seal key as PEM");
  }
  return MemoryBioText(bio.get());
}

// Creates file with the PEM unless it exists; another process starting at
// the same moment may win, in which case its key is the one we load.
void CreateKeyFileIfMissing(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) return;
  std::error_code ignored;
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), ignored);
  }
  std::random_device random;
  std::filesystem::path temporary = file.string() + ".new-" +
                                    std::to_string(getpid()) + "-" +
                                    std::to_string(random());
  int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    throw StartupError("cannot create the declaration seal key " +
                       file.string() + ": its directory is not writable");
  }
  PKey key = GenerateKey();
  std::string pem = PrivateKeyPem(key.get());
  bool written =
      write(fd, pem.data(), pem.size()) == static_cast<ssize_t>(pem.size());
  written &= fsync(fd) == 0;
  close(fd);
  // link() refuses to replace: whoever links first wins.
  bool linked = written && link(temporary.c_str(), file.c_str()) == 0;
  int link_errno = errno;
  unlink(temporary.c_str());
  if (!linked && !(written && link_errno == EEXIST)) {
    throw StartupError("cannot create the declaration seal key " +
                       file.string());
  }
}

}  // namespace

SealedFields SealedFieldsOf(const Declaration& d) {
  SealedFields fields;
  fields.declaration_id = std::to_string(d.id);
  fields.visitor_id = std::to_string(d.visitor_id);
  fields.text_version = std::to_string(d.text_version);
  fields.text_sha256 = d.text_sha256;
  fields.scope_kind = ScopeKindName(d.scope.kind);
  fields.scope_values = d.scope.values;
  fields.valid_from = FormatRfc3339(d.valid_from);
  fields.valid_until = FormatRfc3339(d.valid_until);
  fields.signed_at = FormatRfc3339(d.signed_at);
  fields.witnessed_by = d.witnessed_by;
  fields.signature_scan_sha256 = d.signature_scan_sha256;
  fields.seal_key_id = d.seal_key_id;
  return fields;
}

std::string CanonicalDeclarationBytes(const SealedFields& f) {
  std::vector<std::string> values = f.scope_values;
  if (f.scope_kind == "records") {
    std::sort(values.begin(), values.end(), DecimalLess);
  } else {
    std::sort(values.begin(), values.end());
  }
  std::string out;
  AppendField(&out, kDeclarationEncoding);
  AppendField(&out, f.declaration_id);
  AppendField(&out, f.visitor_id);
  AppendField(&out, f.text_version);
  AppendField(&out, f.text_sha256);
  AppendField(&out, f.scope_kind);
  AppendField(&out, std::to_string(values.size()));
  for (const std::string& value : values) AppendField(&out, value);
  AppendField(&out, f.valid_from);
  AppendField(&out, f.valid_until);
  AppendField(&out, f.signed_at);
  AppendField(&out, f.witnessed_by);
  AppendField(&out, f.signature_scan_sha256);
  AppendField(&out, f.seal_key_id);
  return out;
}

struct SealVerifier::Key {
  PKey pkey{nullptr, &EVP_PKEY_free};
};

SealVerifier::SealVerifier(const std::string& public_key_pem)
    : key_(std::make_unique<Key>()), public_key_pem_(public_key_pem) {
  Bio bio(BIO_new_mem_buf(public_key_pem.data(),
                          static_cast<int>(public_key_pem.size())),
          &BIO_free);
  EVP_PKEY* raw =
      bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  if (raw == nullptr || EVP_PKEY_get_id(raw) != EVP_PKEY_ED25519) {
    if (raw != nullptr) EVP_PKEY_free(raw);
    throw InvalidArgument(
        "the public key is not an Ed25519 public key in PEM "
        "(-----BEGIN PUBLIC KEY-----); export it with depot declaration "
        "export-key");
  }
  key_->pkey.reset(raw);
  key_id_ = RawPublicKeyId(raw);
}

SealVerifier::~SealVerifier() = default;

bool SealVerifier::Verify(std::string_view message,
                          const std::string& seal_hex) const {
  std::string seal;
  if (!FromHex(seal_hex, &seal) || seal.size() != kSealSize) return false;
  std::string memo = Sha256Hex(message) + seal_hex;
  {
    std::lock_guard lock(verified_mutex_);
    if (verified_.contains(memo)) return true;
  }
  MdContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!context || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr,
                                       key_->pkey.get()) != 1) {
    return false;
  }
  bool valid =
      EVP_DigestVerify(
          context.get(), reinterpret_cast<const unsigned char*>(seal.data()),
          seal.size(), reinterpret_cast<const unsigned char*>(message.data()),
          message.size()) == 1;
  if (valid) {
    std::lock_guard lock(verified_mutex_);
    // Bounded: forgetting only costs a verification.
    if (verified_.size() >= kMaxRemembered) verified_.clear();
    verified_.insert(std::move(memo));
  }
  return valid;
}

struct SealKey::Key {
  PKey pkey{nullptr, &EVP_PKEY_free};
};

SealKey::SealKey(std::unique_ptr<Key> key) : key_(std::move(key)) {
  verifier_ = std::make_unique<SealVerifier>(PublicKeyPem(key_->pkey.get()));
}

SealKey::~SealKey() = default;

std::unique_ptr<SealKey> SealKey::Generate() {
  auto key = std::make_unique<Key>();
  key->pkey = GenerateKey();
  return std::unique_ptr<SealKey>(new SealKey(std::move(key)));
}

std::unique_ptr<SealKey> SealKey::LoadOrCreate(
    const std::filesystem::path& file) {
  if (file.empty()) {
    throw StartupError(
        "no declaration seal key configured: set seal_key_file (or key_file, "
        "next to which keys/declaration-seal.pem is made)");
  }
  CreateKeyFileIfMissing(file);
  std::string pem = ReadWholeFile(file);
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  EVP_PKEY* raw =
      bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
          : nullptr;
  if (raw == nullptr || EVP_PKEY_get_id(raw) != EVP_PKEY_ED25519) {
    if (raw != nullptr) EVP_PKEY_free(raw);
    throw StartupError("the declaration seal key " + file.string() +
                       " is not an Ed25519 private key in PEM");
  }
  auto key = std::make_unique<Key>();
  key->pkey.reset(raw);
  return std::unique_ptr<SealKey>(new SealKey(std::move(key)));
}

std::string SealKey::Seal(std::string_view message) const {
  MdContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char seal[kSealSize];
  size_t size = sizeof(seal);
  if (!context ||
      EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr,
                         key_->pkey.get()) != 1 ||
      EVP_DigestSign(context.get(), seal, &size,
                     reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1) {
    throw std::runtime_error("Ed25519 signing failed");
  }
  return Hex(seal, size);
}

DeclarationCheck CheckSealedDeclaration(
    const SealedFields& fields, const std::string& seal_hex,
    const std::string& text, bool revoked, TimePoint valid_from,
    TimePoint valid_until, const SealVerifier& verifier, TimePoint now) {
  DeclarationCheck check;
  if (fields.seal_key_id != verifier.key_id()) {
    check.problems.push_back(
        "it was sealed with another key (key id " + fields.seal_key_id +
        "), not the depot's seal key " + verifier.key_id());
  } else {
    check.seal_valid =
        verifier.Verify(CanonicalDeclarationBytes(fields), seal_hex);
    if (!check.seal_valid) {
      check.problems.push_back(
          "its seal does not match the stored declaration: the record was "
          "altered after signing");
    }
  }
  check.text_intact = Sha256Hex(text) == fields.text_sha256;
  if (!check.text_intact) {
    check.problems.push_back(
        "the stored text of version " + fields.text_version +
        " no longer hashes to the sealed SHA-256: the text was altered after "
        "signing");
  }
  check.revoked = revoked;
  if (revoked) check.problems.push_back("it is revoked");
  check.within_validity = valid_from <= now && now < valid_until;
  if (now < valid_from) {
    check.problems.push_back("it is valid only from " + fields.valid_from);
  } else if (now >= valid_until) {
    check.problems.push_back("it expired at " + fields.valid_until);
  }
  return check;
}

DeclarationCheck CheckDeclaration(const Declaration& d,
                                  const SealVerifier& verifier, TimePoint now) {
  return CheckSealedDeclaration(SealedFieldsOf(d), d.seal, d.text,
                                d.revoked_at.has_value(), d.valid_from,
                                d.valid_until, verifier, now);
}

}  // namespace depot::readingroom
