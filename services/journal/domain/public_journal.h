#pragma once

#include <functional>
#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/common/crypto/keyring.h"
#include "services/common/date.h"
#include "services/journal/domain/journal_store.h"
#include "services/journal/domain/noark5_writer.h"
#include "services/journal/domain/preview.h"
#include "services/journal/domain/public_view.h"

namespace depot::journal {

/// The søkjarliste of a job-application case.
struct ApplicantList {
  std::string case_number;
  std::string case_public_title;
  int applicant_count = 0;
  std::vector<std::string> public_names;  ///< sorted
  int screened_count = 0;
};

/// The journal's reports: the public journal (stream, offentligJournal.xml,
/// applicant lists: all built from MakePublicEntry) and the internal
/// loependeJournal.xml. Reports stream entry by entry, so memory does not
/// grow with the range.
class PublicJournal {
 public:
  static constexpr size_t kChunkBytes = 64 * 1024;

  PublicJournal(JournalStore& store, const Keyring& keyring, Clock clock);

  /// Every entry with from <= journal date <= to, screened, in journal
  /// order.
  void Stream(const Caller& caller, const std::string& from,
              const std::string& to,
              const std::function<void(const PublicEntry&)>& sink);
  /// The archivist's preview of Stream (never public): each entry as
  /// Stream gives it, with every public text's masks (and what they hide)
  /// and the words left for a second look. Shows screened names, so each
  /// person whose name it shows is audited (journal.preview.read).
  void Preview(const Caller& caller, const std::string& from,
               const std::string& to,
               const std::function<void(const EntryPreview&)>& sink);
  ApplicantList Applicants(const Caller& caller,
                           const std::string& case_number);
  /// offentligJournal.xml. FailedPrecondition for a range without entries
  /// (the schema needs at least one journalregistrering).
  void ExportOffentlig(const Caller& caller, const std::string& from,
                       const std::string& to, const ChunkSink& sink,
                       size_t chunk_bytes = kChunkBytes);
  /// loependeJournal.xml (unscreened); audited per correspondent.
  void ExportLoepende(const Caller& caller, const std::string& from,
                      const std::string& to, const ChunkSink& sink,
                      size_t chunk_bytes = kChunkBytes);

 private:
  JournalStore& store_;
  const Keyring& keyring_;
  Clock clock_;
};

}  // namespace depot::journal
