#pragma once

#include <optional>

#include "depot/v1/readingroom.pb.h"
#include "services/readingroom/domain/copy_agreements.h"
#include "services/readingroom/domain/declaration_seal.h"
#include "services/readingroom/domain/declarations.h"
#include "services/readingroom/domain/lending_log.h"
#include "services/readingroom/domain/loans.h"
#include "services/readingroom/domain/model.h"
#include "services/readingroom/domain/retention.h"
#include "services/readingroom/domain/visitors.h"

namespace depot::readingroom {

/// Conversions between depot.v1 messages and reading-room domain types.
/// Shared by the handler and the CLI (whose offline verifier must read an
/// exported declaration exactly as the server wrote it). An enum
/// conversion from proto answers nullopt for UNSPECIFIED (the domain
/// decides whether the field is required) and throws InvalidArgument for a
/// number it does not know.

std::optional<IdDocumentKind> FromProto(v1::IdDocumentKind kind);
v1::IdDocumentKind ToProto(IdDocumentKind kind);
std::optional<CopyMethod> FromProto(v1::CopyMethod method);
v1::CopyMethod ToProto(CopyMethod method);
std::optional<ScopeKind> FromProto(v1::ScopeKind kind);
v1::ScopeKind ToProto(ScopeKind kind);
/// "child-welfare" <-> REGISTER_CATEGORY_CHILD_WELFARE.
v1::RegisterCategory CategoryToProto(const std::string& name);

/// The scope's values as the domain keeps them (organisation numbers,
/// category names or record ids as text). Unknown categories become "?".
std::vector<std::string> ScopeValuesFromProto(
    const v1::DeclarationScope& scope);

void ToProto(const Visitor& visitor, v1::Visitor* out);
void ToProto(const Visit& visit, v1::Visit* out);
void ToProto(const DeclarationText& text, v1::DeclarationText* out);
void ToProto(const Declaration& declaration, v1::Declaration* out);
void ToProto(const Verification& verification,
             v1::DeclarationVerification* out);
void ToProto(const SpecialApproval& approval, v1::SpecialApproval* out);
void ToProto(const CopyAgreement& agreement, v1::CopyAgreement* out);
void ToProto(const Loan& loan, v1::Loan* out);
void ToProto(const LendingLogEntry& entry, v1::LendingLogEntry* out);

/// The sealed fields of an exported declaration, for offline verification.
SealedFields SealedFieldsFromProto(const v1::Declaration& declaration);

/// The RPCs' requests as the domain takes them. An empty field of a
/// correction leaves the visitor's value as it is.
NewVisitor FromProto(const v1::RegisterVisitorRequest& request);
VisitorCorrection FromProto(const v1::CorrectVisitorRequest& request);
SignRequest FromProto(const v1::SignDeclarationRequest& request);
ApprovalRequest FromProto(const v1::ApproveSpecialAccessRequest& request);
OpenLoanRequest FromProto(const v1::OpenLoanRequest& request);
CopyAgreementRequest FromProto(const v1::RecordCopyAgreementRequest& request);
std::vector<std::string> ItemRefsFromProto(
    const google::protobuf::RepeatedPtrField<std::string>& item_refs);

/// The RPCs' responses made of several domain values.
void ToProto(const VisitorLog& log, v1::VisitorLogResponse* out);
/// The closing time as HH:MM, each loan with when it became overdue.
void ToProto(const OverdueList& list, v1::ListOverdueResponse* out);
void ToProto(const VisitorHistory& history, v1::VisitorLendingLogResponse* out);
/// Each count as the reading room's (service "readingroom").
void ToProto(const RetentionResult& result, v1::RetentionReport* out);

}  // namespace depot::readingroom
