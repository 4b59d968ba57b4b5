#pragma once

#include <openssl/types.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace depot {

inline constexpr size_t kGcmNonceSize = 12;
inline constexpr size_t kGcmTagSize = 16;

/// An AES-256-GCM context set up under the caller's key with the given
/// 12-byte nonce, for encryption or decryption as the call needs. Keyring
/// reuses one per thread and key; per-person keys take a fresh one, so
/// that a destroyed key does not linger in a cache.
using GcmContextFor = std::function<EVP_CIPHER_CTX*(const unsigned char*)>;

/// AES-256-GCM: random 12-byte nonce || ciphertext || 16-byte tag.
/// associated_data binds the ciphertext to its place (e.g. a record id)
/// so it cannot be moved to another row unnoticed.
std::string GcmSeal(const GcmContextFor& context_for,
                    std::string_view plaintext,
                    std::string_view associated_data);
/// Throws Error(kInternal) when the data is truncated or fails
/// authentication (altered, or another key).
std::string GcmOpen(const GcmContextFor& context_for, std::string_view sealed,
                    std::string_view associated_data);

}  // namespace depot
