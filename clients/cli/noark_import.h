#pragma once

#include <grpcpp/client_context.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "clients/cli/transfer_identity.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {

struct NoarkImportOptions {
  int64_t deposit_id = 0;
  /// The extraction: arkivstruktur.xml, arkivuttrekk.xml when present, and
  /// document files under it.
  std::filesystem::path dir;
  /// The import report (CSV); empty: noark5-import-<deposit>.csv here.
  std::filesystem::path report;
  int batch_size = 1000;
  bool no_resume = false;
  /// The transfer's name in the deposit; empty: "noark5:" and the
  /// extraction directory's name. Its digest is arkivstruktur.xml's.
  std::string transfer_id;
  /// Hash the document files the extraction holds against their sjekksum.
  bool verify_files = true;
  /// Where arkivstruktur.xsd is, for reporting schema deviations; empty or
  /// without the schema: no schema deviations.
  std::filesystem::path xsd_dir;
  /// YYYY-MM-DD for telling identity numbers; empty: today.
  std::string today;
};

/// What an import did, over the whole extraction (also the part an earlier,
/// cut run sent).
struct NoarkImportSummary {
  std::string noark_version;
  uint64_t bytes = 0;  ///< of arkivstruktur.xml
  int64_t mappes = 0;
  int64_t accepted = 0;
  int64_t rejected_here = 0;       ///< refused before sending (mapping)
  int64_t rejected_by_server = 0;  ///< 10-year rule, identity number, ...
  int64_t deviations = 0;
  int64_t missing_files = 0;
  std::string transfer_id;       ///< the transfer's name in the deposit
  int64_t resumed_at = 1;        ///< first position sent in this run
  int64_t sent = 0;              ///< records sent in this run
  v1::TransferSummary transfer;  ///< what TransferRecords answered
  std::filesystem::path report;
};

/// Progress of the send, for a progress line (all optional).
struct ImportProgress {
  std::function<void(int64_t total)> start;
  std::function<void(int64_t sent)> sent;
  std::function<void(int64_t sent)> waiting;
  std::function<void()> finish;
};

/// The extraction cannot be imported (unreadable XML, a DTD or entity, a
/// text over the limit, no arkivstruktur.xml): nothing was sent.
class ExtractionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Imports a Noark 5 extraction into an open deposit through the same
/// resumable TransferRecords path as any municipal system:
/// 1. arkivuttrekk.xml (when there): the Noark version, the checksum and
///    counts of arkivstruktur.xml;
/// 2. a first streaming pass over arkivstruktur.xml: is it readable to the
///    end (else ExtractionError, nothing sent), how many mappes, its
///    SHA-256, which systemIDs may repeat;
/// 3. where to resume (GetTransferProgress for the transfer named by
///    transfer_id and arkivstruktur.xml's SHA-256; positions are mappe
///    order); FAILED_PRECONDITION, nothing sent, when the deposit has the
///    transfer_id from another arkivstruktur.xml;
/// 4. a second pass: each mappe mapped to a record and sent in batches;
///    deviations and local rejections go to the report;
/// 5. the report: every mappe accepted or rejected with its reason (the
///    server's rejections from ListRejections), and every deviation.
/// Memory stays bounded whatever the extraction's size. Returns the first
/// failed call's status (the report is then not written).
grpc::Status ImportNoark5(v1::DepositService::Stub& stub,
                          const ContextFactory& new_context,
                          const NoarkImportOptions& options,
                          const ImportProgress& progress,
                          NoarkImportSummary* summary);

}  // namespace depot::cli
