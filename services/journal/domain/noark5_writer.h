#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/common/xml_writer.h"
#include "services/journal/domain/journal_types.h"
#include "services/journal/domain/public_view.h"

namespace depot::journal {

inline constexpr char kOffentligJournalNamespace[] =
    "http://www.arkivverket.no/standarder/noark5/offentligJournal";
inline constexpr char kLoependeJournalNamespace[] =
    "http://www.arkivverket.no/standarder/noark5/loependeJournal";

/// journalhode: the range, how many entries follow, and the archive
/// creator.
struct JournalHeader {
  Date from;
  Date to;
  int64_t entry_count = 0;
  std::string creator_id;
  std::string creator_name;
};

/// offentligJournal.xml. It accepts only PublicEntry: what it can write has
/// been through MakePublicEntry.
class OffentligJournalWriter {
 public:
  OffentligJournalWriter(ChunkSink sink, const JournalHeader& header,
                         size_t chunk_bytes = 64 * 1024);
  void Add(const PublicEntry& entry);
  void Finish();

 private:
  XmlWriter xml_;
};

/// What loependeJournal.xml shows of one entry: the internal record, its
/// public view (for offentligTittel) and the screening in force.
struct InternalEntry {
  const JournalEntry& entry;
  const JournalCase& journal_case;
  const PublicEntry& public_view;
  std::optional<Screening> case_screening;
  std::vector<std::optional<Screening>> correspondent_screening;
};

/// loependeJournal.xml: the internal journal, unscreened, with the
/// screening marked.
class LoependeJournalWriter {
 public:
  LoependeJournalWriter(ChunkSink sink, const JournalHeader& header,
                        size_t chunk_bytes = 64 * 1024);
  void Add(const InternalEntry& entry);
  void Finish();

 private:
  XmlWriter xml_;
};

}  // namespace depot::journal
