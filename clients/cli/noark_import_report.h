#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "clients/cli/private_file.h"
#include "clients/cli/transfer_identity.h"
#include "depot/v1/deposit.grpc.pb.h"
#include "services/noark/mappe.h"

namespace depot::cli {

/// One row of the import report (CSV, RFC 4180 quoting).
std::string ImportReportRow(const std::vector<std::string>& fields);

/// The import report is first written to a work file of entries in
/// document order: finished rows, and mappes sent whose outcome only the
/// server knows. Each entry is length-prefixed, so no text in it can be
/// mistaken for another. Throws ExtractionError when it cannot be created.
class ImportWorkFile {
 public:
  explicit ImportWorkFile(const std::filesystem::path& path);
  void Row(const std::string& row);
  void Pending(int64_t position, const std::string& source_id);
  /// A deviation of the mappe at position (0: of the extraction).
  void Deviation(int64_t position, const noark::Deviation& d);
  int64_t deviations() const { return deviations_; }
  /// False when anything could not be written.
  bool Close();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  PrivateFile out_;
  int64_t deviations_ = 0;
};

/// What the report found: mappes the server accepted and rejected.
struct ImportOutcomes {
  int64_t accepted = 0;
  int64_t rejected_by_server = 0;
};

/// Writes the report from the work file: each mappe sent is accepted
/// unless the deposit lists a rejection of it (read page by page, in
/// position order like the mappes). Removes the work file.
grpc::Status WriteImportReport(v1::DepositService::Stub& stub,
                               const ContextFactory& new_context,
                               int64_t deposit_id,
                               const std::filesystem::path& work,
                               const std::filesystem::path& report,
                               ImportOutcomes* outcomes);

}  // namespace depot::cli
