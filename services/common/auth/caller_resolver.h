#pragma once

#include <grpcpp/server_context.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "services/common/auth/caller.h"

namespace depot {

/// Metadata key naming the caller on a plaintext --insecure-dev server,
/// where there is no client certificate to name it.
inline constexpr char kDevIdentityMetadata[] = "x-depot-dev-identity";

/// Establishes who is calling: the verified client certificate's common
/// name, looked up in the roles file, unless its serial is in the revoked
/// file. Both files are re-read when they change, so adding a municipal
/// system or revoking a certificate needs no restart.
class CallerResolver {
 public:
  /// Throws StartupError when a file is unreadable or malformed.
  CallerResolver(std::filesystem::path roles_file,
                 std::filesystem::path revoked_file, bool insecure_dev);

  /// Throws PermissionDenied for an unknown identity or a revoked
  /// certificate.
  Caller Resolve(const grpc::ServerContext& context);

 private:
  void ReloadIfChanged();
  void Load();

  std::filesystem::path roles_file_;
  std::filesystem::path revoked_file_;
  bool insecure_dev_;
  std::mutex mutex_;
  std::map<std::string, Caller> callers_;  // by certificate common name
  std::set<std::string> revoked_serials_;  // upper-case hex, no leading zeros
  std::filesystem::file_time_type roles_mtime_{};
  std::filesystem::file_time_type revoked_mtime_{};
  std::chrono::steady_clock::time_point last_check_{};
};

/// Upper-case hex serial without leading zeros, as the revoked file holds
/// it (openssl x509 -serial prints leading zeros; they are dropped).
std::string NormalizeSerial(std::string serial);

/// The serial number of a PEM certificate, normalized; empty on failure.
std::string CertificateSerial(const std::string& pem);

}  // namespace depot
