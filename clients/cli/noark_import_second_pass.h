#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "clients/cli/noark_import.h"
#include "clients/cli/noark_import_first_pass.h"
#include "clients/cli/noark_import_report.h"
#include "clients/cli/noark_import_stream.h"
#include "services/noark/file_hash.h"
#include "services/noark/record_mapping.h"

namespace depot::cli {

/// What is settled before the mappes are sent: the file, its first pass,
/// the transfer and where it resumes.
struct ImportStart {
  std::filesystem::path structure;
  std::string today;  ///< for telling identity numbers
  SystemIds ids;
  FirstPass first;
  TransferIdentity identity;
  int64_t next = 1;
};

/// The systemIDs the second pass sees again: mappes' (the first pass found
/// that they may repeat) reject the later mappe; other units' are
/// deviations of the mappe they are in, listed up to a bound per mappe so
/// that memory stays bounded.
class Repeats {
 public:
  explicit Repeats(SystemIds& ids) : ids_(ids) {}
  void Seen(std::string_view id, std::string_view element, int64_t line);
  /// The repeats seen while reading the mappe, as its deviations.
  void Report(const noark::Mappe& mappe, ImportWorkFile& work);
  /// Whether the mappe's systemID is one an earlier mappe had.
  bool TakeRepeatedMappe(const std::string& system_id);

 private:
  SystemIds& ids_;
  std::set<std::string> repeated_mappes_;
  std::vector<noark::Deviation> listed_;
  int64_t dropped_ = 0;
};

/// The second pass over arkivstruktur.xml: each mappe mapped to a record,
/// its deviations and outcome written to the work file, and sent when it
/// is at or after the resume point.
class SecondPass {
 public:
  SecondPass(const NoarkImportOptions& options, ImportStart& start,
             ImportWorkFile& work, RecordStream& stream,
             NoarkImportSummary* summary);
  /// Reads the file through (until the stream closes); throws
  /// noark::XmlError when it is no longer readable.
  void Run(const ImportProgress& progress);
  /// Mappes at or after the resume point.
  int64_t processed() const { return processed_; }
  /// Of the file as read in this pass.
  std::string sha256() { return hash_.HexDigest(); }

 private:
  void Take(const noark::Mappe& mappe);

  const std::filesystem::path& structure_;
  int64_t next_;
  Repeats repeats_;
  ImportWorkFile& work_;
  RecordStream& stream_;
  NoarkImportSummary* summary_;
  noark::MappingOptions mapping_;
  noark::ReaderOptions reader_options_;
  noark::Sha256Stream hash_;
  int64_t processed_ = 0;
};

}  // namespace depot::cli
