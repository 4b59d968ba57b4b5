#include "clients/cli/audit_export_file.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "services/audit/domain/canonical.h"

namespace depot::cli {
namespace {

constexpr char kFormat[] = "depot-audit-export-v1";

using nlohmann::json;

std::string Bytes(const json& line, const char* key, size_t size,
                  const std::string& where) {
  auto bytes = audit::FromHex(line.at(key).get<std::string>());
  if (!bytes || bytes->size() != size) {
    throw std::invalid_argument(where + ": " + key + " is not " +
                                std::to_string(size * 2) + " hex digits");
  }
  return *bytes;
}

}  // namespace

void AuditExportWriter::Write(const v1::AuditExportChunk& chunk) {
  if (!chunk.log().empty()) {
    present_ = chunk.present();
    out_ << json{{"format", kFormat},
                 {"log", chunk.log()},
                 {"present", chunk.present()},
                 {"public_key_pem", chunk.public_key_pem()}}
                .dump()
         << "\n";
  }
  for (const auto& e : chunk.events()) {
    out_ << json{{"seq", e.seq()},
                 {"id", e.id()},
                 {"occurred_at_us", e.occurred_at_us()},
                 {"occurred_at", audit::FormatMicros(e.occurred_at_us())},
                 {"actor", e.actor()},
                 {"actor_role", e.actor_role()},
                 {"action", e.action()},
                 {"object", e.object()},
                 {"subject", e.subject()},
                 {"detail", e.detail()},
                 {"chain_hash", e.chain_hash()}}
                .dump()
         << "\n";
    ++events_;
  }
  for (const auto& h : chunk.heads()) {
    out_ << json{{"head",
                  {{"size", h.size()},
                   {"root", h.root()},
                   {"signed_at_us", h.signed_at_us()},
                   {"signed_at", audit::FormatMicros(h.signed_at_us())},
                   {"signature", h.signature()}}}}
                .dump()
         << "\n";
    ++heads_;
  }
}

AuditExportFile::AuditExportFile(std::string path) : path_(std::move(path)) {
  std::ifstream in(path_);
  if (!in) throw std::invalid_argument("cannot read " + path_);
  std::string text;
  int64_t number = 0;
  while (std::getline(in, text)) {
    ++number;
    std::string where = path_ + " line " + std::to_string(number);
    if (number == 1) {
      json header = json::parse(text, nullptr, false);
      if (header.is_discarded() || !header.is_object() ||
          header.value("format", "") != kFormat) {
        throw std::invalid_argument(
            path_ + " is not an export of depot audit export (no " + kFormat +
            " header)");
      }
      log_ = header.value("log", "");
      continue;
    }
    // Only head lines here; events are read by Events().
    if (text.rfind("{\"head\":", 0) != 0) continue;
    json line = json::parse(text, nullptr, false);
    if (line.is_discarded()) {
      throw std::invalid_argument(where + " is not JSON");
    }
    try {
      const json& h = line.at("head");
      heads_.push_back({h.at("size").get<int64_t>(),
                        Bytes(h, "root", audit::kHashSize, where),
                        h.at("signed_at_us").get<int64_t>(),
                        Bytes(h, "signature", 64, where)});
    } catch (const json::exception&) {
      throw std::invalid_argument(where + " is not a signed head");
    }
  }
  if (number == 0) throw std::invalid_argument(path_ + " is empty");
}

audit::EventSource AuditExportFile::Events() const {
  std::string path = path_;
  return [path](const std::function<bool(const audit::SealedEvent&)>& visit) {
    std::ifstream in(path);
    if (!in) throw std::invalid_argument("cannot read " + path);
    std::string text;
    int64_t number = 0;
    audit::SealedEvent e;
    while (std::getline(in, text)) {
      if (++number == 1 || text.rfind("{\"head\":", 0) == 0) continue;
      std::string where = path + " line " + std::to_string(number);
      json line = json::parse(text, nullptr, false);
      if (line.is_discarded() || !line.is_object()) {
        throw std::invalid_argument(where + " is not JSON");
      }
      try {
        e.seq = line.at("seq").get<int64_t>();
        e.id = line.at("id").get<int64_t>();
        e.occurred_at_us = line.at("occurred_at_us").get<int64_t>();
        e.actor = line.at("actor").get<std::string>();
        e.actor_role = line.at("actor_role").get<std::string>();
        e.action = line.at("action").get<std::string>();
        e.object = line.at("object").get<std::string>();
        e.subject = line.at("subject").get<std::string>();
        e.detail = line.at("detail").get<std::string>();
        // A damaged hash is a changed event, not unreadable input.
        auto hash = audit::FromHex(line.at("chain_hash").get<std::string>());
        e.chain_hash = hash ? *hash : std::string();
      } catch (const json::exception&) {
        throw std::invalid_argument(where + " is not an audit event");
      }
      if (!visit(e)) return;
    }
  };
}

}  // namespace depot::cli
