#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "services/common/record_input.h"
#include "services/noark/mappe.h"

namespace depot::noark {

struct MappingOptions {
  /// Document files are looked for under it; empty: not looked for.
  std::filesystem::path extraction_dir;
  bool verify_files = true;
  /// From arkivuttrekk.xml, kept in the record's Noark metadata.
  std::string noark_version;
  /// YYYY-MM-DD, for telling identity numbers (D- and H-numbers, 2032).
  std::string today;
};

/// Why a mappe cannot become a record (before it reaches the server).
struct LocalRejection {
  std::string field;
  std::string reason;
};

struct MappedRecord {
  RecordInput record;
  std::optional<LocalRejection> rejection;
  std::vector<Deviation> deviations;
  /// Document files the metadata names but the extraction does not hold.
  int64_t missing_files = 0;
};

inline constexpr char kNoIdentityReason[] =
    "no identity number or birth date for the person";

/// Maps one mappe to a record:
/// - source_record_id: the mappe's systemID (depot's own id in depot's
///   exports);
/// - the person: identity number from nasjonalidentifikator /
///   personidentifikator (fødselsnummer, D-number), a party's personID, or
///   a partID that is a valid identity number; name from that party, else
///   the first part, else the first external korrespondansepart, else the
///   mappe's title (a deviation); without identity number or birth date
///   the mappe is rejected;
/// - opened: opprettetDato; last contact: the latest date of the mappe
///   and its registreringer (Mappe::latest_date);
/// - documents: referanseDokumentfil, filstoerrelse and a SHA-256 sjekksum;
///   a file present in the extraction is hashed and must match;
/// - screening (skjerming) and disposal (kassasjon) metadata and the
///   mappe's identity in its source go to noark_metadata (JSON).
MappedRecord MapMappe(const Mappe& mappe, const MappingOptions& options);

}  // namespace depot::noark
