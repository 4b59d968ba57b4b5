#pragma once

#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>

#include <filesystem>
#include <memory>
#include <string>

namespace depot {

/// PEM files of one end of a mutually authenticated TLS connection.
struct TlsFiles {
  std::filesystem::path cert;
  std::filesystem::path key;
  std::filesystem::path ca;  ///< the CA that issued the peer's certificate
};

/// Server credentials that require and verify a client certificate from
/// the CA (mutual TLS). Throws StartupError when a file is missing.
std::shared_ptr<grpc::ServerCredentials> MutualTlsServerCredentials(
    const TlsFiles& files);

/// Client credentials presenting our certificate and trusting only the CA.
std::shared_ptr<grpc::ChannelCredentials> MutualTlsChannelCredentials(
    const TlsFiles& files);

}  // namespace depot
