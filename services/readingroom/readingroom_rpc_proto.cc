#include <cstdio>

#include "services/common/time_format.h"
#include "services/readingroom/readingroom_proto.h"

namespace depot::readingroom {
namespace {

std::vector<std::string> Strings(
    const google::protobuf::RepeatedPtrField<std::string>& values) {
  return {values.begin(), values.end()};
}

// An empty field of a correction leaves the value as it is.
std::optional<std::string> Given(const std::string& value) {
  if (value.empty()) return std::nullopt;
  return value;
}

}  // namespace

NewVisitor FromProto(const v1::RegisterVisitorRequest& request) {
  return {request.name(), request.contact(),
          FromProto(request.id_document_kind()), request.birth_date(),
          request.national_id()};
}

VisitorCorrection FromProto(const v1::CorrectVisitorRequest& request) {
  VisitorCorrection correction;
  correction.visitor_id = request.visitor_id();
  correction.name = Given(request.name());
  correction.contact = Given(request.contact());
  correction.id_document_kind = FromProto(request.id_document_kind());
  correction.reason = request.reason();
  correction.birth_date = Given(request.birth_date());
  correction.national_id = Given(request.national_id());
  return correction;
}

SignRequest FromProto(const v1::SignDeclarationRequest& request) {
  SignRequest sign;
  sign.visitor_id = request.visitor_id();
  sign.text_version = request.text_version();
  sign.scope_kind = FromProto(request.scope().kind());
  sign.scope_values = ScopeValuesFromProto(request.scope());
  sign.valid_from = request.valid_from();
  sign.valid_until = request.valid_until();
  sign.signature_scan_sha256 = request.signature_scan_sha256();
  return sign;
}

ApprovalRequest FromProto(const v1::ApproveSpecialAccessRequest& request) {
  return {request.visitor_id(), Strings(request.item_refs()), request.reason(),
          request.valid_through()};
}

OpenLoanRequest FromProto(const v1::OpenLoanRequest& request) {
  return {request.visitor_id(), Strings(request.item_refs()),
          request.declaration_id(), request.approval_id()};
}

CopyAgreementRequest FromProto(const v1::RecordCopyAgreementRequest& request) {
  return {request.loan_id(), Strings(request.item_refs()),
          FromProto(request.method()), request.purpose()};
}

std::vector<std::string> ItemRefsFromProto(
    const google::protobuf::RepeatedPtrField<std::string>& item_refs) {
  return Strings(item_refs);
}

void ToProto(const VisitorLog& log, v1::VisitorLogResponse* out) {
  out->set_date(FormatDate(log.date));
  for (const Visit& visit : log.visits) ToProto(visit, out->add_visits());
}

void ToProto(const OverdueList& list, v1::ListOverdueResponse* out) {
  char closing[48];  // room for any int: -O3 checks the whole range
  std::snprintf(closing, sizeof(closing), "%02d:%02d",
                list.closing_minutes / 60, list.closing_minutes % 60);
  out->set_closing_time(closing);
  for (const OverdueLoan& overdue : list.loans) {
    v1::OverdueLoan* o = out->add_loans();
    ToProto(overdue.loan, o->mutable_loan());
    o->set_overdue_since(FormatRfc3339(overdue.overdue_since));
  }
}

void ToProto(const VisitorHistory& history,
             v1::VisitorLendingLogResponse* out) {
  ToProto(history.visitor, out->mutable_visitor());
  for (const Visit& visit : history.visits) ToProto(visit, out->add_visits());
  for (const Loan& loan : history.loans) ToProto(loan, out->add_loans());
}

void ToProto(const RetentionResult& result, v1::RetentionReport* out) {
  out->set_dry_run(result.dry_run);
  for (const RetentionCount& count : result.counts) {
    v1::RetentionCount* o = out->add_counts();
    o->set_service("readingroom");
    o->set_kind(count.kind);
    o->set_count(count.count);
    o->set_cutoff(FormatRfc3339(count.cutoff));
    o->set_period(count.period);
  }
}

}  // namespace depot::readingroom
