#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/common/clock.h"
#include "services/common/date.h"

namespace depot::journal {

using TimePoint = std::chrono::system_clock::time_point;

enum class CaseKind { kOrdinary, kJobApplication, kPersonnel };
enum class CaseStatus { kOpen, kClosed };
/// journalposttype (M082) by its Noark letter.
enum class EntryType {
  kIncoming,
  kOutgoing,
  kInternalFollowUp,
  kInternalNoFollowUp,
  kCasePresentation
};
/// journalstatus (M053).
enum class EntryStatus { kJournalfoert, kEkspedert, kArkivert, kUtgaar };
/// korrespondanseparttype (M087).
enum class CorrespondentKind { kSender, kRecipient, kCopyRecipient };
enum class PartyRole { kApplicant, kOther };
enum class DocumentRole { kApplication, kOther };

/// Skjerming: tilgangsrestriksjon (M500), skjermingshjemmel (M501),
/// skjermingMetadata (M502 codes) and skjermingOpphoererDato (M505).
/// An empty access_restriction means "not screened".
struct Screening {
  std::string access_restriction;     ///< Noark 5 name, "Unntatt offentlighet"
  std::string authority;              ///< "offentleglova § 25"
  std::vector<std::string> metadata;  ///< codes: "NA", "NM", "NPS", ...
  std::optional<Date> ends;

  bool empty() const {
    return access_restriction.empty() && authority.empty() &&
           metadata.empty() && !ends;
  }
  /// In force on `today`: set, and its end date (if any) not yet reached.
  bool ActiveOn(Date today) const {
    return !access_restriction.empty() && (!ends || today < *ends);
  }
  bool Has(const std::string& code) const {
    for (const auto& m : metadata) {
      if (m == code) return true;
    }
    return false;
  }
};

/// Screening as a caller sends it (dates as text), before checking.
struct ScreeningInput {
  std::string access_restriction;
  std::string authority;
  std::vector<std::string> metadata;
  std::string ends;  ///< "" or YYYY-MM-DD

  bool empty() const {
    return access_restriction.empty() && authority.empty() &&
           metadata.empty() && ends.empty();
  }
};

/// A saksmappe.
struct JournalCase {
  int64_t id = 0;
  std::string system_id;
  int year = 0;
  int sequence = 0;
  CaseKind kind = CaseKind::kOrdinary;
  std::string title;
  std::string public_title;  ///< as given; may be empty
  CaseStatus status = CaseStatus::kOpen;
  Screening screening;
  std::string administrative_unit;
  std::string case_officer;
  TimePoint created_at;
  std::string created_by;
  std::optional<TimePoint> closed_at;
  std::string closed_by;
  int entry_count = 0;

  /// "2026/12".
  std::string Number() const;
};

/// The optional identity of a person correspondent, as stored:
/// sealed fields (base64 of Keyring::Encrypt, bound to the entry and the
/// correspondent's position) and keyed indexes. Empty when the
/// correspondent was journaled by name only. Never part of a public output.
struct SealedIdentity {
  std::string birth_date_sealed;
  std::string national_id_sealed;  ///< empty when only a birth date
  std::string national_id_index;   ///< Keyring::BlindIndex of the number
  std::string person_index;        ///< keyed index of name + birth date
  /// The audit pseudonym of the person (number, else name + birth date).
  std::string subject;

  bool empty() const { return person_index.empty(); }
};

/// A korrespondansepart of an entry.
struct Correspondent {
  int64_t id = 0;
  std::string name;
  CorrespondentKind kind = CorrespondentKind::kSender;
  PartyRole role = PartyRole::kOther;
  Screening screening;  ///< its own, explicit screening
  SealedIdentity identity;
};

/// Utført kassasjon of one document.
struct DisposalRecord {
  int64_t document_id = 0;
  TimePoint disposed_at;
  std::string disposed_by;
  std::string decision;
  int retention_months = 0;
};

/// A document of an entry: its content in the depot, or a reference.
struct Document {
  int64_t id = 0;
  std::string description;
  std::string sha256;
  std::optional<std::string> content;  ///< loaded only when asked for
  std::string content_ref;
  int64_t size_bytes = 0;
  DocumentRole role = DocumentRole::kOther;
  Screening screening;
  std::optional<DisposalRecord> disposal;
};

/// A journalpost.
struct JournalEntry {
  int64_t id = 0;
  std::string system_id;
  int64_t case_id = 0;
  int case_year = 0;
  int case_sequence = 0;
  int year = 0;            ///< journalaar
  int sequence = 0;        ///< journalsekvensnummer
  int number_in_case = 0;  ///< journalpostnummer
  EntryType type = EntryType::kIncoming;
  EntryStatus status = EntryStatus::kJournalfoert;
  std::string title;
  std::string public_title;  ///< as given; may be empty
  std::optional<Date> document_date;
  Date journal_date;
  Screening screening;
  std::vector<Correspondent> correspondents;
  std::vector<Document> documents;
  TimePoint recorded_at;
  std::string recorded_by;

  /// "2026/000045".
  std::string JournalNumber() const;
  /// "2026/12-3".
  std::string RegistryId() const;
  std::string CaseNumber() const;
};

struct NewCase {
  std::optional<CaseKind> kind;
  std::string title;
  std::string public_title;
  ScreeningInput screening;
  std::string administrative_unit;
  std::string case_officer;
};

/// A correspondent as the caller sends it; role nullopt: the default of
/// the case's kind.
struct NewCorrespondent {
  std::string name;
  std::optional<CorrespondentKind> kind;
  std::optional<PartyRole> role;
  ScreeningInput screening;
  /// Optional identity of a person: "" or YYYY-MM-DD, and a
  /// national identity number as given. (Default member initializers so
  /// that callers which list only the first fields need not change.)
  std::string birth_date = {};
  std::string national_id = {};
};

struct NewDocument {
  std::string description;
  std::string sha256;
  std::optional<std::string> content;
  std::string content_ref;
  DocumentRole role = DocumentRole::kOther;
  ScreeningInput screening;
};

struct NewEntry {
  std::string case_number;
  std::optional<EntryType> type;
  EntryStatus status = EntryStatus::kJournalfoert;
  std::string title;
  std::string public_title;
  std::string document_date;  ///< "" or YYYY-MM-DD
  std::string journal_date;   ///< "" (today) or YYYY-MM-DD
  std::vector<NewCorrespondent> correspondents;
  std::vector<NewDocument> documents;
  ScreeningInput screening;
  /// Words to screen in every public text of the case (may be empty).
  std::vector<std::string> screened_words = {};
  std::string screened_words_authority = {};
};

/// A staff decision that an applicant's name is public in one case.
struct NameRelease {
  int64_t case_id = 0;
  std::string folded_name;  ///< FoldName of the name
  std::string reason;
  TimePoint released_at;
  std::string released_by;
};

struct JournalSettings {
  std::string archive_creator_id;
  std::string archive_creator_name;
  int application_retention_months = 12;
  TimePoint updated_at;
  std::string updated_by;
};

/// Words of an entry that an archivist marked to screen, when journaling it
/// or afterwards: masked in every public text of the entry's case.
struct ScreenedWords {
  int64_t entry_id = 0;
  std::vector<std::string> words;
  std::string authority;  ///< skjermingshjemmel, e.g. "offentleglova § 13"
  TimePoint screened_at;
  std::string screened_by;
};

/// Everything in a case that decides what is hidden: the case, every
/// correspondent of every entry with that entry's screening, the released
/// applicant names and the words marked to screen.
struct CaseParties {
  struct Party {
    Correspondent correspondent;
    Screening entry_screening;
  };
  JournalCase journal_case;
  std::vector<Party> parties;
  std::vector<std::string> released_names;  ///< folded
  std::vector<ScreenedWords> screened_words;
};

/// An application document not yet disposed of, in a closed case.
struct DisposalCandidate {
  int64_t document_id = 0;
  std::string description;
  std::string journal_number;
  std::string case_number;
  CaseKind case_kind = CaseKind::kOrdinary;
  TimePoint case_closed_at;
  std::vector<std::string> applicant_names;  ///< for audit pseudonyms
  /// Parallel to applicant_names: the person's pseudonym when the applicant
  /// was journaled with an identity (SealedIdentity::subject), else "".
  std::vector<std::string> applicant_subjects;
};

/// Where keyset paging of the journal order continues.
struct EntryKey {
  Date journal_date;
  int year = 0;
  int sequence = 0;
};

}  // namespace depot::journal
