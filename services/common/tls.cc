#include "services/common/tls.h"

#include "services/common/key_value_file.h"

namespace depot {

std::shared_ptr<grpc::ServerCredentials> MutualTlsServerCredentials(
    const TlsFiles& files) {
  grpc::SslServerCredentialsOptions options(
      GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  options.pem_root_certs = ReadWholeFile(files.ca);
  options.pem_key_cert_pairs.push_back(
      {ReadWholeFile(files.key), ReadWholeFile(files.cert)});
  return grpc::SslServerCredentials(options);
}

std::shared_ptr<grpc::ChannelCredentials> MutualTlsChannelCredentials(
    const TlsFiles& files) {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = ReadWholeFile(files.ca);
  options.pem_private_key = ReadWholeFile(files.key);
  options.pem_cert_chain = ReadWholeFile(files.cert);
  return grpc::SslCredentials(options);
}

}  // namespace depot
