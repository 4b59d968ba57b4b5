#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/journal/domain/case_view.h"
#include "services/journal/domain/journal_types.h"
#include "services/journal/domain/masking/masker.h"

namespace depot::journal {

// The public view of the journal. Every public output (the PublicJournal
// stream and its JSON, offentligJournal.xml, the applicant list, and the
// archivist's preview of them) is built from PublicEntry values made by
// MakePublicEntry, and PublicEntry holds nothing that screening and the
// masker have not been applied to: no output path can forget them.

struct PublicCorrespondent {
  CorrespondentKind kind = CorrespondentKind::kSender;
  std::string name;  ///< the name, "******", or the name with screened
                     ///< names and words in it masked
  bool screened = false;
  bool applicant = false;
};

struct PublicDocument {
  std::string description;
  bool disposed = false;
};

/// On which grounds something in the entry is screened (never what).
struct PublicScreening {
  std::string access_restriction;
  std::string authority;
  std::vector<std::string> metadata;
};

struct PublicEntry {
  std::string system_id;
  int year = 0;
  int sequence = 0;
  int number_in_case = 0;
  int case_year = 0;
  int case_sequence = 0;
  std::string case_public_title;
  /// The case's own screening (saksmappe level).
  PublicScreening case_screening;
  std::string administrative_unit;
  std::string case_officer;
  EntryType type = EntryType::kIncoming;
  EntryStatus status = EntryStatus::kJournalfoert;
  std::string public_title;
  Date journal_date;
  std::optional<Date> document_date;
  /// The entry's own screening (journalpost level), and the grounds on
  /// which its correspondents' names or marked words are hidden.
  PublicScreening screening;
  std::vector<PublicCorrespondent> correspondents;
  std::vector<PublicDocument> documents;

  std::string JournalNumber() const;
  std::string CaseNumber() const;
  std::string RegistryId() const;
};

/// One public text of an entry as the archivist's preview shows it: which
/// field, the text it was made from, and the masked result with its spans.
struct PublicTextPreview {
  std::string field;  ///< "public_title", "documents[0].description", ...
  std::string source;
  MaskedText masked;
  /// Whether the preview's second look applies: not to a released
  /// applicant's own name, which is public by decision.
  bool second_look = true;
};

/// THE public view of one entry of the case (see the top of this file).
/// With preview, also records every public text with its masked spans.
PublicEntry MakePublicEntry(const JournalEntry& entry, const CaseView& view,
                            std::vector<PublicTextPreview>* preview = nullptr);

}  // namespace depot::journal
