#include "services/common/crypto/aes_gcm.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>

#include "services/common/crypto/key_material.h"
#include "services/common/error.h"

namespace depot {

std::string GcmSeal(const GcmContextFor& context_for,
                    std::string_view plaintext,
                    std::string_view associated_data) {
  std::string sealed(kGcmNonceSize + plaintext.size() + kGcmTagSize, '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  RandomBytes(out, kGcmNonceSize);
  EVP_CIPHER_CTX* context = context_for(out);
  int length = 0;
  bool ok = context != nullptr &&
            EVP_EncryptUpdate(
                context, nullptr, &length,
                reinterpret_cast<const unsigned char*>(associated_data.data()),
                static_cast<int>(associated_data.size())) == 1 &&
            EVP_EncryptUpdate(
                context, out + kGcmNonceSize, &length,
                reinterpret_cast<const unsigned char*>(plaintext.data()),
                static_cast<int>(plaintext.size())) == 1 &&
            EVP_EncryptFinal_ex(context, out + kGcmNonceSize + length,
                                &length) == 1 &&
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, kGcmTagSize,
                                out + kGcmNonceSize + plaintext.size()) == 1;
  if (!ok) throw Error(ErrorCode::kInternal, "AES-256-GCM encryption failed");
  return sealed;
}

std::string GcmOpen(const GcmContextFor& context_for, std::string_view sealed,
                    std::string_view associated_data) {
  if (sealed.size() < kGcmNonceSize + kGcmTagSize) {
    throw Error(ErrorCode::kInternal, "encrypted field is truncated");
  }
  const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
  size_t size = sealed.size() - kGcmNonceSize - kGcmTagSize;
  std::string plaintext(size, '\0');
  auto* out = reinterpret_cast<unsigned char*>(plaintext.data());
  EVP_CIPHER_CTX* context = context_for(in);
  int length = 0;
  std::array<unsigned char, kGcmTagSize> tag{};
  std::copy(in + kGcmNonceSize + size, in + sealed.size(), tag.begin());
  bool ok = context != nullptr &&
            EVP_DecryptUpdate(
                context, nullptr, &length,
                reinterpret_cast<const unsigned char*>(associated_data.data()),
                static_cast<int>(associated_data.size())) == 1 &&
            EVP_DecryptUpdate(context, out, &length, in + kGcmNonceSize,
                              static_cast<int>(size)) == 1 &&
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, kGcmTagSize,
                                tag.data()) == 1 &&
            EVP_DecryptFinal_ex(context, out + length, &length) == 1;
  if (!ok) {
    throw Error(ErrorCode::kInternal,
                "encrypted field failed authentication (altered, or another "
                "key)");
  }
  return plaintext;
}

}  // namespace depot
