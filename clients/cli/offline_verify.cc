#include "clients/cli/offline_verify.h"

namespace depot::cli {

void AddOfflineVerifyOptions(CLI::App* verify, std::string* offline_file,
                             std::string* public_key_file,
                             const std::string& offline_help,
                             const std::string& key_help) {
  auto* offline = verify->add_option("--offline", *offline_file, offline_help);
  auto* key = verify->add_option("--public-key", *public_key_file, key_help);
  offline->needs(key);
  key->needs(offline);
}

}  // namespace depot::cli
