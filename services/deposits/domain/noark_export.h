#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "services/common/auth/caller.h"
#include "services/deposits/domain/deposit_context.h"

namespace depot::deposits {

/// Receives an export piece by piece: the file it belongs to and bytes.
/// The files come one after the other.
using ExportSink =
    std::function<void(const std::string& file_name, std::string_view data)>;

/// A received deposit as a Noark 5 v5.0 extraction (arkivstruktur.xml,
/// then arkivuttrekk.xml), streamed: records are read page by page, each
/// page in a transaction of its own, decrypted and handed to the sink
/// after that transaction ended, so memory stays bounded and no database
/// connection waits for the client. The export is audited, and so is every
/// record read for it (with the page's read, before the page goes out).
class NoarkExport {
 public:
  static constexpr int kPage = 500;

  explicit NoarkExport(DepositContext& context) : context_(context) {}

  /// NotFound for an unknown deposit, FailedPrecondition unless it is
  /// received; both before the first byte.
  void Export(const Caller& caller, int64_t deposit_id, const ExportSink& sink);

 private:
  DepositContext& context_;
};

/// The Noark title of one record of a category, e.g. "Elevmappe".
const char* RecordTitle(RegisterCategory category);

}  // namespace depot::deposits
