#pragma once

#include <grpcpp/client_context.h>

#include <iostream>
#include <optional>
#include <string>

#include "clients/cli/connection.h"
#include "clients/cli/output.h"
#include "depot/v1/readingroom.grpc.pb.h"

namespace depot::cli {

using RoomStub = v1::ReadingRoomService::Stub;

/// Runs one ReadingRoomService call; on failure prints it and returns the
/// exit code, else 0.
template <typename Request, typename Response>
int CallRoom(const Connection &connection,
             grpc::Status (RoomStub::*method)(grpc::ClientContext *,
                                              const Request &, Response *),
             const Request &request, Response *response) {
  auto stub = v1::ReadingRoomService::NewStub(connection.channel());
  auto context = connection.NewContext();
  grpc::Status status = ((*stub).*method)(context.get(), request, response);
  return status.ok() ? 0 : ReportFailure(status);
}

std::string IdDocumentName(v1::IdDocumentKind kind);
std::optional<v1::IdDocumentKind> IdDocumentByName(const std::string &name);
std::string CopyMethodText(v1::CopyMethod method);
std::string ScopeText(const v1::DeclarationScope &scope);

void PrintVisitors(const google::protobuf::RepeatedPtrField<v1::Visitor> &all);
void PrintVisits(const google::protobuf::RepeatedPtrField<v1::Visit> &visits);
void PrintDeclaration(const v1::Declaration &declaration);
void PrintLoan(const v1::Loan &loan);
void PrintAgreements(
    const google::protobuf::RepeatedPtrField<v1::CopyAgreement> &agreements);

} // namespace depot::cli
