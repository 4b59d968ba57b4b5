#pragma once

#include <optional>
#include <string>

#include "services/noark/mappe.h"

namespace depot::noark {

/// The JSON object kept with a record (RecordData.noark_metadata):
///   {"source": {"systemID", "mappeID", "tittel", "offentligTittel", "type",
///               "noarkVersion"},
///    "skjerming": [{"level", "levelSystemID", "tilgangsrestriksjon",
///                   "skjermingshjemmel", "skjermingMetadata": [...], ...}],
///    "kassasjon": [{"level", "levelSystemID", "kassasjonsvedtak",
///                   "kassasjonshjemmel", "bevaringstid", "kassasjonsdato"}]}
/// with only the members that have a value. Fields use the Noark 5
/// metadata catalogue's names.
std::string NoarkMetadataJson(const Mappe& mappe,
                              const std::string& noark_version);

/// What the exporter needs back from that JSON.
struct NoarkMetadataView {
  std::string mappe_id;
  std::string title;
  std::string public_title;
  /// The mappe's own screening (level "mappe"): a screening of another
  /// level (arkivdel, registrering, dokumentbeskrivelse) is never the
  /// mappe's, and stays in the metadata JSON only. Noark 5 allows one per
  /// mappe.
  std::optional<Screening> screening;
  /// The mappe's own (or inherited) disposal, the first.
  std::optional<Disposal> disposal;
  bool any_screening = false;
};

/// Reads the JSON; an empty view when it is empty or not an object.
NoarkMetadataView ParseNoarkMetadata(const std::string& json);

}  // namespace depot::noark
