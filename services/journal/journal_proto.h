#pragma once

#include <optional>

#include "depot/v1/journal.pb.h"
#include "services/common/server_stream.h"
#include "services/journal/domain/disposal.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "services/journal/domain/word_screening.h"

namespace depot::journal {

/// Conversions between depot.v1 journal messages and the journal domain.
/// An enum conversion from proto answers nullopt for UNSPECIFIED where the
/// domain decides (required, or a documented default), maps it itself
/// where journal.proto documents the default, and throws InvalidArgument
/// for a number it does not know.

std::optional<CaseKind> FromProto(v1::CaseKind kind);
v1::CaseKind ToProto(CaseKind kind);
std::optional<EntryType> FromProto(v1::EntryType type);
v1::EntryType ToProto(EntryType type);
/// UNSPECIFIED is JOURNALFOERT.
EntryStatus FromProto(v1::EntryStatus status);
v1::EntryStatus ToProto(EntryStatus status);
std::optional<CorrespondentKind> FromProto(v1::CorrespondentKind kind);
v1::CorrespondentKind ToProto(CorrespondentKind kind);
/// UNSPECIFIED is nullopt: the case's kind decides.
std::optional<PartyRole> FromProto(v1::PartyRole role);
v1::PartyRole ToProto(PartyRole role);
/// UNSPECIFIED is OTHER.
DocumentRole FromProto(v1::DocumentRole role);
v1::DocumentRole ToProto(DocumentRole role);
v1::CaseStatus ToProto(CaseStatus status);

ScreeningInput FromProto(const v1::Screening& screening);
WordScreeningInput FromProto(const v1::WordScreening& screening);
NewCase FromProto(const v1::CreateCaseRequest& request);
NewEntry FromProto(const v1::RecordEntryRequest& request);

void ToProto(const Screening& screening, v1::Screening* out);
void ToProto(const ScreenedWords& words, v1::WordScreening* out);
void ToProto(const JournalCase& journal_case, v1::JournalCase* out);
void ToProto(const EntryDetails& details, v1::JournalEntry* out);
void ToProto(const PublicEntry& entry, v1::PublicJournalEntry* out);
void ToProto(const ReleaseResult& result, v1::ReleaseNameResponse* out);
void ToProto(const ApplicantList& list, v1::ApplicantListResponse* out);
void ToProto(const DisposalReport& report, v1::DisposalReport* out);
void ToProto(const JournalSettings& settings, v1::JournalSettings* out);

/// Sends XML pieces down a server stream, one XmlChunk each; a client that
/// went away ends the export.
ChunkSink XmlChunksTo(StreamWriter<v1::XmlChunk>& writer);

}  // namespace depot::journal
