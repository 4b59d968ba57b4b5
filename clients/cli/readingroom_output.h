#pragma once

#include <iostream>
#include <optional>
#include <string>

#include "clients/cli/output.h"
#include "depot/v1/readingroom.grpc.pb.h"

namespace depot::cli {

using RoomStub = v1::ReadingRoomService::Stub;

std::string IdDocumentName(v1::IdDocumentKind kind);
std::optional<v1::IdDocumentKind> IdDocumentByName(const std::string& name);
std::string CopyMethodText(v1::CopyMethod method);
std::string ScopeText(const v1::DeclarationScope& scope);

void PrintVisitors(const google::protobuf::RepeatedPtrField<v1::Visitor>& all);
void PrintVisits(const google::protobuf::RepeatedPtrField<v1::Visit>& visits);
void PrintDeclaration(const v1::Declaration& declaration);
void PrintLoan(const v1::Loan& loan);
void PrintAgreements(
    const google::protobuf::RepeatedPtrField<v1::CopyAgreement>& agreements);

}  // namespace depot::cli
