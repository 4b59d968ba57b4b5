#include "services/audit/domain/canonical.h"

#include <openssl/evp.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace depot::audit {
namespace {

void AppendLength(std::string* out, size_t size) {
  uint32_t n = static_cast<uint32_t>(size);
  char bytes[4] = {static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                   static_cast<char>(n >> 8), static_cast<char>(n)};
  out->append(bytes, 4);
}

void AppendField(std::string* out, std::string_view value) {
  AppendLength(out, value.size());
  out->append(value);
}

void AppendNumber(std::string* out, int64_t value) {
  // to_chars, not snprintf: three per event, and verification encodes a
  // million events a second.
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof(digits), value).ptr;
  AppendField(out, std::string_view(digits, end - digits));
}

}  // namespace

void AppendCanonicalEvent(std::string* out, const SealedEvent& e) {
  AppendNumber(out, e.seq);
  AppendNumber(out, e.id);
  AppendNumber(out, e.occurred_at_us);
  AppendField(out, e.actor);
  AppendField(out, e.actor_role);
  AppendField(out, e.action);
  AppendField(out, e.object);
  AppendField(out, e.subject);
  AppendField(out, e.detail);
}

std::string CanonicalEventBytes(const SealedEvent& event) {
  std::string out;
  AppendCanonicalEvent(&out, event);
  return out;
}

std::string HeadBytes(std::string_view log, const SignedHead& head) {
  std::string out;
  AppendField(&out, kHeadEncoding);
  AppendField(&out, log);
  AppendNumber(&out, head.size);
  AppendField(&out, head.root);
  AppendNumber(&out, head.signed_at_us);
  return out;
}

const std::string& ZeroHash() {
  static const std::string kZero(kHashSize, '\0');
  return kZero;
}

struct ChainHasher::State {
  EVP_MD* md = nullptr;
  EVP_MD_CTX* context = nullptr;
  std::string buffer;
};

ChainHasher::ChainHasher() : state_(std::make_unique<State>()) {
  // Fetched once: the implicit fetch of EVP_sha256() per digest costs more
  // than hashing a short event.
  state_->md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  state_->context = EVP_MD_CTX_new();
  if (state_->md == nullptr || state_->context == nullptr) {
    throw std::runtime_error("OpenSSL has no SHA-256");
  }
}

ChainHasher::~ChainHasher() {
  EVP_MD_CTX_free(state_->context);
  EVP_MD_free(state_->md);
}

void ChainHasher::Next(std::string_view previous, const SealedEvent& event,
                       std::string* out) {
  std::string& buffer = state_->buffer;
  buffer.assign(previous);
  AppendCanonicalEvent(&buffer, event);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_DigestInit_ex(state_->context, state_->md, nullptr) != 1 ||
      EVP_DigestUpdate(state_->context, buffer.data(), buffer.size()) != 1 ||
      EVP_DigestFinal_ex(state_->context, digest, &size) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  out->assign(reinterpret_cast<char*>(digest), size);
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    hex += kHex[c >> 4];
    hex += kHex[c & 0xf];
  }
  return hex;
}

std::optional<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int high = nibble(hex[i]), low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes += static_cast<char>(high << 4 | low);
  }
  return bytes;
}

std::string FormatMicros(int64_t micros) {
  using namespace std::chrono;
  sys_time<microseconds> at{microseconds(micros)};
  auto day = floor<days>(at);
  year_month_day date{day};
  hh_mm_ss<microseconds> time{at - day};
  char text[40];
  std::snprintf(text, sizeof(text), "%04d-%02u-%02uT%02ld:%02ld:%02ld.%06ldZ",
                static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()),
                static_cast<long>(time.hours().count()),
                static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()),
                static_cast<long>(time.subseconds().count()));
  return text;
}

}  // namespace depot::audit
