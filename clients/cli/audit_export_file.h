#pragma once

#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "depot/v1/audit.pb.h"
#include "services/audit/domain/chain_verifier.h"

namespace depot::cli {

/// The export file of `depot audit export` (JSON Lines, documented in
/// docs/cli.md): a header line {"format": "depot-audit-export-v1", "log",
/// "public_key_pem"}, one line per event in seq order, one {"head": ...}
/// line per signed head.
class AuditExportWriter {
 public:
  explicit AuditExportWriter(std::ostream& out) : out_(out) {}
  /// Writes what a chunk of the ExportAudit stream holds.
  void Write(const v1::AuditExportChunk& chunk);
  int64_t events() const { return events_; }
  int64_t heads() const { return heads_; }
  bool present() const { return present_; }

 private:
  std::ostream& out_;
  int64_t events_ = 0;
  int64_t heads_ = 0;
  bool present_ = false;
};

/// An export file read back for offline verification. Throws
/// std::invalid_argument naming the line when the file is not an export.
class AuditExportFile {
 public:
  explicit AuditExportFile(std::string path);
  const std::string& log() const { return log_; }
  const std::vector<audit::SignedHead>& heads() const { return heads_; }
  /// Reads the events from the file again on every call.
  audit::EventSource Events() const;

 private:
  std::string path_;
  std::string log_;
  std::vector<audit::SignedHead> heads_;
};

}  // namespace depot::cli
