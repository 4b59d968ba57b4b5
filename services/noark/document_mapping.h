#pragma once

#include "services/noark/mappe.h"
#include "services/noark/record_mapping.h"

namespace depot::noark {

/// The documents of a mappe into the record: referanseDokumentfil,
/// filstoerrelse and a SHA-256 sjekksum. A file present in the extraction
/// (options.verify_files) is hashed and must match; one absent needs a
/// SHA-256 in the metadata. Sets out.rejection when a document cannot be
/// taken (and stops there), adds deviations for what is taken with a
/// doubt, counts files the extraction does not hold.
void MapDocuments(const Mappe& m, const MappingOptions& options,
                  MappedRecord& out);

}  // namespace depot::noark
