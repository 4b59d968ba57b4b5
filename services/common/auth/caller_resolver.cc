#include "services/common/auth/caller_resolver.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "services/common/error.h"
#include "services/common/key_value_file.h"

namespace depot {

std::string NormalizeSerial(std::string serial) {
  serial = Trim(serial);
  if (serial.starts_with("serial=")) serial = serial.substr(7);
  std::transform(serial.begin(), serial.end(), serial.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  auto first = serial.find_first_not_of('0');
  return first == std::string::npos ? "0" : serial.substr(first);
}

std::string CertificateSerial(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  if (!bio) return "";
  std::unique_ptr<X509, decltype(&X509_free)> cert(
      PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free);
  if (!cert) return "";
  std::unique_ptr<BIGNUM, decltype(&BN_free)> number(
      ASN1_INTEGER_to_BN(X509_get_serialNumber(cert.get()), nullptr), BN_free);
  if (!number) return "";
  char* hex = BN_bn2hex(number.get());
  std::string serial = hex ? NormalizeSerial(hex) : "";
  OPENSSL_free(hex);
  return serial;
}

namespace {

// Parsing the certificate took a quarter of a short call's CPU; a peer
// presents the same certificate on every call of its connection.
std::string CachedSerial(const std::string& pem) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::string> serials;
  {
    std::lock_guard lock(mutex);
    auto found = serials.find(pem);
    if (found != serials.end()) return found->second;
  }
  std::string serial = CertificateSerial(pem);
  std::lock_guard lock(mutex);
  if (serials.size() >= 1000) serials.clear();  // bounded; refilled on use
  serials.emplace(pem, serial);
  return serial;
}

}  // namespace

CallerResolver::CallerResolver(std::filesystem::path roles_file,
                               std::filesystem::path revoked_file,
                               bool insecure_dev)
    : roles_file_(std::move(roles_file)),
      revoked_file_(std::move(revoked_file)),
      insecure_dev_(insecure_dev) {
  Load();
}

void CallerResolver::Load() {
  KeyValueFile roles = KeyValueFile::Read(roles_file_);
  std::map<std::string, Caller> callers;
  for (const auto& [identity, label] : roles.entries) {
    std::string problem;
    auto caller = ParseRoleLabel(label, &problem);
    if (!caller) {
      throw StartupError(roles_file_.string() + ": identity " + identity +
                         ": " + problem);
    }
    caller->identity = identity;
    callers[identity] = *caller;
  }
  std::set<std::string> revoked;
  if (!revoked_file_.empty() && std::filesystem::exists(revoked_file_)) {
    std::ifstream in(revoked_file_);
    std::string line;
    while (std::getline(in, line)) {
      auto hash = line.find('#');
      if (hash != std::string::npos) line.resize(hash);
      line = Trim(line);
      if (!line.empty()) revoked.insert(NormalizeSerial(line));
    }
    revoked_mtime_ = std::filesystem::last_write_time(revoked_file_);
  }
  roles_mtime_ = std::filesystem::last_write_time(roles_file_);
  callers_ = std::move(callers);
  revoked_serials_ = std::move(revoked);
}

void CallerResolver::ReloadIfChanged() {
  auto now = std::chrono::steady_clock::now();
  if (now - last_check_ < std::chrono::seconds(1)) return;
  last_check_ = now;
  std::error_code ec;
  auto roles_mtime = std::filesystem::last_write_time(roles_file_, ec);
  auto revoked_mtime =
      revoked_file_.empty()
          ? std::filesystem::file_time_type{}
          : std::filesystem::last_write_time(revoked_file_, ec);
  if (roles_mtime == roles_mtime_ && revoked_mtime == revoked_mtime_) return;
  try {
    Load();
  } catch (const StartupError&) {
    // A half-edited file must not lock everyone out: keep the last good one.
  }
}

Caller CallerResolver::Resolve(const grpc::ServerContext& context) {
  std::string identity;
  std::string serial;
  auto auth = context.auth_context();
  if (auth && auth->IsPeerAuthenticated()) {
    auto names = auth->FindPropertyValues("x509_common_name");
    if (!names.empty()) identity.assign(names[0].data(), names[0].size());
    auto pems = auth->FindPropertyValues("x509_pem_cert");
    if (!pems.empty()) {
      serial = CachedSerial(std::string(pems[0].data(), pems[0].size()));
    }
  } else if (insecure_dev_) {
    auto found = context.client_metadata().find(kDevIdentityMetadata);
    if (found != context.client_metadata().end()) {
      identity.assign(found->second.data(), found->second.size());
    }
  }
  if (identity.empty()) {
    throw PermissionDenied(
        "no caller identity: present a client certificate issued by the "
        "depot's CA");
  }
  std::lock_guard lock(mutex_);
  ReloadIfChanged();
  if (!serial.empty() && revoked_serials_.contains(serial)) {
    throw PermissionDenied("the certificate of " + identity +
                           " has been revoked; ask the operator for a new one");
  }
  auto found = callers_.find(identity);
  if (found == callers_.end()) {
    throw PermissionDenied("identity " + identity +
                           " has no role in the roles file; ask the operator "
                           "to add it");
  }
  return found->second;
}

}  // namespace depot
