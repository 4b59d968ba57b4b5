#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/journal/domain/journal_types.h"
#include "services/journal/domain/public_view.h"

namespace depot::journal {

/// Receives the XML as it is produced, in pieces of about chunk_bytes.
using ChunkSink = std::function<void(std::string_view chunk)>;

inline constexpr char kOffentligJournalNamespace[] =
    "http://www.arkivverket.no/standarder/noark5/offentligJournal";
inline constexpr char kLoependeJournalNamespace[] =
    "http://www.arkivverket.no/standarder/noark5/loependeJournal";

/// journalhode: the range, how many entries follow, and the archive
/// creator.
struct JournalHeader {
  Day from;
  Day to;
  int64_t entry_count = 0;
  std::string creator_id;
  std::string creator_name;
};

/// Streams one Noark 5 journal document through libxml2's xmlTextWriter
/// (which escapes all text), handing it to the sink piece by piece: memory
/// stays bounded however long the journal is.
class XmlJournalStream {
 public:
  XmlJournalStream(ChunkSink sink, size_t chunk_bytes);
  ~XmlJournalStream();
  XmlJournalStream(const XmlJournalStream&) = delete;
  XmlJournalStream& operator=(const XmlJournalStream&) = delete;

  void StartDocument(const char* root, const char* ns);
  void Open(const char* name);
  void Close();
  void Element(const char* name, std::string_view text);
  /// Only when text is not empty (optional Noark elements).
  void OptionalElement(const char* name, std::string_view text);
  /// Ends the document and hands the rest to the sink.
  void Finish();
  /// Hands what is buffered to the sink once it reaches chunk_bytes.
  void FlushIfFull();

 private:
  static int Write(void* context, const char* buffer, int length);
  void Check(int result, const char* what);

  ChunkSink sink_;
  size_t chunk_bytes_;
  std::string buffer_;
  void* writer_ = nullptr;  // xmlTextWriterPtr
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
  XmlJournalStream xml_;
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
  XmlJournalStream xml_;
};

/// Must run once before threads write XML (libxml2's global set-up).
void InitXml();

}  // namespace depot::journal
