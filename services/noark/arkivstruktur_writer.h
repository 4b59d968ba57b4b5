#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "services/common/record_input.h"
#include "services/common/xml_writer.h"

namespace depot::noark {

/// The deposit an extraction is made of.
struct ExtractionInfo {
  int64_t deposit_id = 0;
  std::string organisation_number;
  std::string depositor_name;
  std::string description;
  /// Title of a mappe whose source title is not known, e.g. "Elevmappe".
  std::string record_title;
  std::string created_at;  ///< RFC 3339: when the deposit was opened
  std::string created_by;
  std::string deposit_date;  ///< YYYY-MM-DD
  std::string exported_by;
};

/// What an arkivstruktur.xml holds, for its arkivuttrekk.xml.
struct ExportCounts {
  int64_t mappe = 0;
  int64_t registrering = 0;
  int64_t dokumentbeskrivelse = 0;
  int64_t dokumentobjekt = 0;
  std::string first_opened;  ///< the archival period
  std::string last_contact;
  bool any_screening = false;
};

/// Writes a Noark 5 v5.0 arkivstruktur.xml, one mappe per record, as it
/// goes (xmlTextWriter; memory bounded). Each record becomes a mappe with
/// a part (name, identity number as partID), opprettetDato = opened and
/// avsluttetDato = last contact, its mappe-level skjerming and kassasjon,
/// and one registrering holding its documents (dokumentbeskrivelse +
/// dokumentobjekt with SHA256 sjekksum). What Noark 5 has no element for
/// (birth date, death year, box, shelf, depot's record id and the Noark
/// metadata as deposited) goes into virksomhetsspesifikkeMetadata in
/// depot's namespace, so that importing the export gives the same records.
class ArkivstrukturWriter {
 public:
  ArkivstrukturWriter(ChunkSink sink, ExtractionInfo info,
                      size_t chunk_bytes = 64 * 1024);
  void Add(const RecordInput& record);
  void Finish();
  const ExportCounts& counts() const { return counts_; }

 private:
  void WriteDocuments(const RecordInput& record, const std::string& seed);

  ExtractionInfo info_;
  XmlWriter xml_;
  ExportCounts counts_;
};

/// A UUID made from a seed (name-based, from SHA-256): the same seed gives
/// the same systemID in every export.
std::string DerivedUuid(std::string_view seed);
bool IsUuid(std::string_view text);

}  // namespace depot::noark
