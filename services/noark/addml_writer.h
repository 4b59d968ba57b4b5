#pragma once

#include <string>

#include "services/common/xml_writer.h"
#include "services/noark/arkivstruktur_writer.h"

namespace depot::noark {

/// Writes arkivuttrekk.xml (ADDML 8.3) describing arkivstruktur.xml: its
/// SHA-256, the numbers of mappe, registrering, dokumentbeskrivelse and
/// dokumentobjekt, the archival period and the creator.
void WriteAddml(ChunkSink sink, const ExtractionInfo& info,
                const ExportCounts& counts,
                const std::string& arkivstruktur_sha256);

}  // namespace depot::noark
