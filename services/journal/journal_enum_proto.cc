#include "services/common/request_rules.h"
#include "services/journal/journal_proto.h"

namespace depot::journal {

std::optional<CaseKind> FromProto(v1::CaseKind kind) {
  switch (kind) {
    case v1::CASE_KIND_UNSPECIFIED:
      return std::nullopt;
    case v1::CASE_KIND_ORDINARY:
      return CaseKind::kOrdinary;
    case v1::CASE_KIND_JOB_APPLICATION:
      return CaseKind::kJobApplication;
    case v1::CASE_KIND_PERSONNEL:
      return CaseKind::kPersonnel;
    default:
      throw UnknownEnumValue("kind", kind, *v1::CaseKind_descriptor());
  }
}

v1::CaseKind ToProto(CaseKind kind) {
  switch (kind) {
    case CaseKind::kOrdinary:
      return v1::CASE_KIND_ORDINARY;
    case CaseKind::kJobApplication:
      return v1::CASE_KIND_JOB_APPLICATION;
    case CaseKind::kPersonnel:
      return v1::CASE_KIND_PERSONNEL;
  }
  return v1::CASE_KIND_UNSPECIFIED;
}

std::optional<EntryType> FromProto(v1::EntryType type) {
  switch (type) {
    case v1::ENTRY_TYPE_UNSPECIFIED:
      return std::nullopt;
    case v1::ENTRY_TYPE_INCOMING:
      return EntryType::kIncoming;
    case v1::ENTRY_TYPE_OUTGOING:
      return EntryType::kOutgoing;
    case v1::ENTRY_TYPE_INTERNAL_FOLLOW_UP:
      return EntryType::kInternalFollowUp;
    case v1::ENTRY_TYPE_INTERNAL_NO_FOLLOW_UP:
      return EntryType::kInternalNoFollowUp;
    case v1::ENTRY_TYPE_CASE_PRESENTATION:
      return EntryType::kCasePresentation;
    default:
      throw UnknownEnumValue("entry_type", type, *v1::EntryType_descriptor());
  }
}

v1::EntryType ToProto(EntryType type) {
  switch (type) {
    case EntryType::kIncoming:
      return v1::ENTRY_TYPE_INCOMING;
    case EntryType::kOutgoing:
      return v1::ENTRY_TYPE_OUTGOING;
    case EntryType::kInternalFollowUp:
      return v1::ENTRY_TYPE_INTERNAL_FOLLOW_UP;
    case EntryType::kInternalNoFollowUp:
      return v1::ENTRY_TYPE_INTERNAL_NO_FOLLOW_UP;
    case EntryType::kCasePresentation:
      return v1::ENTRY_TYPE_CASE_PRESENTATION;
  }
  return v1::ENTRY_TYPE_UNSPECIFIED;
}

// UNSPECIFIED means JOURNALFOERT (journal.proto).
EntryStatus FromProto(v1::EntryStatus status) {
  switch (status) {
    case v1::ENTRY_STATUS_UNSPECIFIED:
    case v1::ENTRY_STATUS_JOURNALFOERT:
      return EntryStatus::kJournalfoert;
    case v1::ENTRY_STATUS_EKSPEDERT:
      return EntryStatus::kEkspedert;
    case v1::ENTRY_STATUS_ARKIVERT:
      return EntryStatus::kArkivert;
    case v1::ENTRY_STATUS_UTGAAR:
      return EntryStatus::kUtgaar;
    default:
      throw UnknownEnumValue("status", status, *v1::EntryStatus_descriptor());
  }
}

v1::EntryStatus ToProto(EntryStatus status) {
  switch (status) {
    case EntryStatus::kJournalfoert:
      return v1::ENTRY_STATUS_JOURNALFOERT;
    case EntryStatus::kEkspedert:
      return v1::ENTRY_STATUS_EKSPEDERT;
    case EntryStatus::kArkivert:
      return v1::ENTRY_STATUS_ARKIVERT;
    case EntryStatus::kUtgaar:
      return v1::ENTRY_STATUS_UTGAAR;
  }
  return v1::ENTRY_STATUS_UNSPECIFIED;
}

std::optional<CorrespondentKind> FromProto(v1::CorrespondentKind kind) {
  switch (kind) {
    case v1::CORRESPONDENT_KIND_UNSPECIFIED:
      return std::nullopt;
    case v1::CORRESPONDENT_KIND_SENDER:
      return CorrespondentKind::kSender;
    case v1::CORRESPONDENT_KIND_RECIPIENT:
      return CorrespondentKind::kRecipient;
    case v1::CORRESPONDENT_KIND_COPY_RECIPIENT:
      return CorrespondentKind::kCopyRecipient;
    default:
      throw UnknownEnumValue("correspondents.kind", kind,
                             *v1::CorrespondentKind_descriptor());
  }
}

v1::CorrespondentKind ToProto(CorrespondentKind kind) {
  switch (kind) {
    case CorrespondentKind::kSender:
      return v1::CORRESPONDENT_KIND_SENDER;
    case CorrespondentKind::kRecipient:
      return v1::CORRESPONDENT_KIND_RECIPIENT;
    case CorrespondentKind::kCopyRecipient:
      return v1::CORRESPONDENT_KIND_COPY_RECIPIENT;
  }
  return v1::CORRESPONDENT_KIND_UNSPECIFIED;
}

// UNSPECIFIED: the case kind decides (journal.proto).
std::optional<PartyRole> FromProto(v1::PartyRole role) {
  switch (role) {
    case v1::PARTY_ROLE_UNSPECIFIED:
      return std::nullopt;
    case v1::PARTY_ROLE_APPLICANT:
      return PartyRole::kApplicant;
    case v1::PARTY_ROLE_OTHER:
      return PartyRole::kOther;
    default:
      throw UnknownEnumValue("correspondents.role", role,
                             *v1::PartyRole_descriptor());
  }
}

v1::PartyRole ToProto(PartyRole role) {
  return role == PartyRole::kApplicant ? v1::PARTY_ROLE_APPLICANT
                                       : v1::PARTY_ROLE_OTHER;
}

// UNSPECIFIED means OTHER (journal.proto).
DocumentRole FromProto(v1::DocumentRole role) {
  switch (role) {
    case v1::DOCUMENT_ROLE_APPLICATION:
      return DocumentRole::kApplication;
    case v1::DOCUMENT_ROLE_UNSPECIFIED:
    case v1::DOCUMENT_ROLE_OTHER:
      return DocumentRole::kOther;
    default:
      throw UnknownEnumValue("documents.role", role,
                             *v1::DocumentRole_descriptor());
  }
}

v1::DocumentRole ToProto(DocumentRole role) {
  return role == DocumentRole::kApplication ? v1::DOCUMENT_ROLE_APPLICATION
                                            : v1::DOCUMENT_ROLE_OTHER;
}

v1::CaseStatus ToProto(CaseStatus status) {
  return status == CaseStatus::kClosed ? v1::CASE_STATUS_CLOSED
                                       : v1::CASE_STATUS_OPEN;
}

}  // namespace depot::journal
