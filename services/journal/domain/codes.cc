#include "services/journal/domain/codes.h"

#include <cctype>

namespace depot::journal {
namespace {

template <typename Enum, size_t N>
std::optional<Enum> Find(const Enum (&all)[N], const char* (*name)(Enum),
                         std::string_view wanted) {
  for (Enum value : all) {
    if (wanted == name(value)) return value;
  }
  return std::nullopt;
}

constexpr CaseKind kCaseKinds[] = {
    CaseKind::kOrdinary, CaseKind::kJobApplication, CaseKind::kPersonnel};
constexpr CaseStatus kCaseStatuses[] = {CaseStatus::kOpen, CaseStatus::kClosed};
constexpr EntryType kEntryTypes[] = {
    EntryType::kIncoming, EntryType::kOutgoing, EntryType::kInternalFollowUp,
    EntryType::kInternalNoFollowUp, EntryType::kCasePresentation};
constexpr EntryStatus kEntryStatuses[] = {
    EntryStatus::kJournalfoert, EntryStatus::kEkspedert, EntryStatus::kArkivert,
    EntryStatus::kUtgaar};
constexpr CorrespondentKind kCorrespondentKinds[] = {
    CorrespondentKind::kSender, CorrespondentKind::kRecipient,
    CorrespondentKind::kCopyRecipient};
constexpr PartyRole kPartyRoles[] = {PartyRole::kApplicant, PartyRole::kOther};
constexpr DocumentRole kDocumentRoles[] = {DocumentRole::kApplication,
                                           DocumentRole::kOther};

struct MetadataCode {
  const char* code;
  const char* name;
};
// Noark 5 M502 with the codes of the Noark 5 service interface code list.
constexpr MetadataCode kMetadataCodes[] = {
    {"KID", "Skjerming klasseID"},
    {"TKL", "Skjerming tittel klasse"},
    {"TM1", "Skjerming tittel mappe - unntatt første linje"},
    {"TMO", "Skjerming tittel mappe - utvalgte ord"},
    {"NPS", "Skjerming navn part i sak"},
    {"TR1", "Skjerming tittel registrering - unntatt første linje"},
    {"TRO", "Skjerming tittel registrering - utvalgte ord"},
    {"NA", "Skjerming navn avsender"},
    {"NM", "Skjerming navn mottaker"},
    {"TD", "Skjerming tittel dokumentbeskrivelse"},
    {"MT", "Skjerming merknadstekst"},
    {"M", "Midlertidig skjerming"},
};

struct Restriction {
  const char* code;
  const char* name;
};
constexpr Restriction kRestrictions[] = {
    {"UO", kUnntattOffentlighet},
    {"P", "Personalsaker"},
    {"KL", "Klientsaker"},
};

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

const char* CaseKindName(CaseKind kind) {
  switch (kind) {
    case CaseKind::kOrdinary:
      return "ordinary";
    case CaseKind::kJobApplication:
      return "job_application";
    case CaseKind::kPersonnel:
      return "personnel";
  }
  return "ordinary";
}

std::optional<CaseKind> ParseCaseKind(std::string_view name) {
  return Find(kCaseKinds, CaseKindName, name);
}

const char* CaseStatusName(CaseStatus status) {
  return status == CaseStatus::kClosed ? "closed" : "open";
}

std::optional<CaseStatus> ParseCaseStatus(std::string_view name) {
  return Find(kCaseStatuses, CaseStatusName, name);
}

char EntryTypeLetter(EntryType type) {
  switch (type) {
    case EntryType::kIncoming:
      return 'I';
    case EntryType::kOutgoing:
      return 'U';
    case EntryType::kInternalFollowUp:
      return 'N';
    case EntryType::kInternalNoFollowUp:
      return 'X';
    case EntryType::kCasePresentation:
      return 'S';
  }
  return 'I';
}

std::optional<EntryType> ParseEntryTypeLetter(std::string_view letter) {
  for (EntryType type : kEntryTypes) {
    if (letter.size() == 1 && letter[0] == EntryTypeLetter(type)) return type;
  }
  return std::nullopt;
}

char EntryStatusLetter(EntryStatus status) {
  switch (status) {
    case EntryStatus::kJournalfoert:
      return 'J';
    case EntryStatus::kEkspedert:
      return 'E';
    case EntryStatus::kArkivert:
      return 'A';
    case EntryStatus::kUtgaar:
      return 'U';
  }
  return 'J';
}

std::optional<EntryStatus> ParseEntryStatusLetter(std::string_view letter) {
  for (EntryStatus status : kEntryStatuses) {
    if (letter.size() == 1 && letter[0] == EntryStatusLetter(status)) {
      return status;
    }
  }
  return std::nullopt;
}

const char* CorrespondentKindName(CorrespondentKind kind) {
  switch (kind) {
    case CorrespondentKind::kSender:
      return "sender";
    case CorrespondentKind::kRecipient:
      return "recipient";
    case CorrespondentKind::kCopyRecipient:
      return "copy";
  }
  return "sender";
}

std::optional<CorrespondentKind> ParseCorrespondentKind(std::string_view name) {
  return Find(kCorrespondentKinds, CorrespondentKindName, name);
}

const char* CorrespondentKindNoarkName(CorrespondentKind kind) {
  switch (kind) {
    case CorrespondentKind::kSender:
      return "Avsender";
    case CorrespondentKind::kRecipient:
      return "Mottaker";
    case CorrespondentKind::kCopyRecipient:
      return "Kopimottaker";
  }
  return "Avsender";
}

const char* PartyRoleName(PartyRole role) {
  return role == PartyRole::kApplicant ? "applicant" : "other";
}

std::optional<PartyRole> ParsePartyRole(std::string_view name) {
  return Find(kPartyRoles, PartyRoleName, name);
}

const char* DocumentRoleName(DocumentRole role) {
  return role == DocumentRole::kApplication ? "application" : "other";
}

std::optional<DocumentRole> ParseDocumentRole(std::string_view name) {
  return Find(kDocumentRoles, DocumentRoleName, name);
}

const char* ScreeningMetadataNoarkName(std::string_view code) {
  for (const MetadataCode& m : kMetadataCodes) {
    if (code == m.code) return m.name;
  }
  return nullptr;
}

std::optional<std::string> NormalizeAccessRestriction(std::string_view text) {
  for (const Restriction& r : kRestrictions) {
    if (EqualsIgnoringAsciiCase(text, r.code) ||
        EqualsIgnoringAsciiCase(text, r.name)) {
      return std::string(r.name);
    }
  }
  return std::nullopt;
}

}  // namespace depot::journal
