#pragma once

#include <grpcpp/channel.h>

#include <filesystem>
#include <memory>
#include <string>

#include "services/common/tls.h"

namespace depot::testing {

/// A development PKI made by ops/dev-certs once per test process: the CA,
/// server certificate, one client certificate per role (archivist, desk,
/// dpo, auditor, service, municipality-964338531, municipality-938587418),
/// plus for refusal tests `expired` (validity in the past), `foreign`
/// (another CA) and `revoked` (listed in revoked.conf).
const std::filesystem::path& TestPki();

inline constexpr char kOwnMunicipality[] = "964338531";
inline constexpr char kOtherMunicipality[] = "938587418";

/// Server-side TLS files of TestPki.
TlsFiles ServerTls();

/// Client TLS files for certificate NAME.crt/.key of TestPki.
TlsFiles ClientTls(const std::string& name);

/// An mTLS channel to 127.0.0.1:port presenting certificate NAME.
std::shared_ptr<grpc::Channel> ChannelAs(int port, const std::string& name);

}  // namespace depot::testing
