#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "services/journal/domain/journal_types.h"

namespace depot::journal {

// Stored names ("job_application") and Noark 5 code-list texts
// («Inngående dokument») of the journal's enumerations.

const char* CaseKindName(CaseKind kind);
std::optional<CaseKind> ParseCaseKind(std::string_view name);
const char* CaseStatusName(CaseStatus status);
std::optional<CaseStatus> ParseCaseStatus(std::string_view name);

/// "I", "U", "N", "X", "S".
char EntryTypeLetter(EntryType type);
std::optional<EntryType> ParseEntryTypeLetter(std::string_view letter);

/// "J", "E", "A", "U".
char EntryStatusLetter(EntryStatus status);
std::optional<EntryStatus> ParseEntryStatusLetter(std::string_view letter);

/// "sender", "recipient", "copy".
const char* CorrespondentKindName(CorrespondentKind kind);
std::optional<CorrespondentKind> ParseCorrespondentKind(std::string_view name);
/// M087 text: «Avsender», «Mottaker», «Kopimottaker».
const char* CorrespondentKindNoarkName(CorrespondentKind kind);

const char* PartyRoleName(PartyRole role);
std::optional<PartyRole> ParsePartyRole(std::string_view name);
const char* DocumentRoleName(DocumentRole role);
std::optional<DocumentRole> ParseDocumentRole(std::string_view name);

/// M502 code -> its Noark 5 text ("NA" -> «Skjerming navn avsender»);
/// nullptr for an unknown code.
const char* ScreeningMetadataNoarkName(std::string_view code);

/// M500: a code (UO, P, KL) or a Noark 5 name in any letter case -> the
/// Noark 5 name; nullopt when it is neither.
std::optional<std::string> NormalizeAccessRestriction(std::string_view text);

/// Screening codes used by the journal's rules.
inline constexpr char kScreenNameSender[] = "NA";
inline constexpr char kScreenNameRecipient[] = "NM";
inline constexpr char kScreenNameParty[] = "NPS";
inline constexpr char kScreenCaseTitleFirstLine[] = "TM1";
inline constexpr char kScreenCaseTitleWords[] = "TMO";
inline constexpr char kScreenEntryTitleFirstLine[] = "TR1";
inline constexpr char kScreenEntryTitleWords[] = "TRO";
inline constexpr char kScreenDocumentTitle[] = "TD";
inline constexpr char kScreenTemporary[] = "M";

/// The screening of an applicant's name unless it is released.
inline constexpr char kUnntattOffentlighet[] = "Unntatt offentlighet";
inline constexpr char kApplicantAuthority[] = "offentleglova § 25";

/// What replaces a screened word or name in public outputs.
inline constexpr char kMask[] = "******";

}  // namespace depot::journal
