#include "services/readingroom/readingroom_proto.h"

#include "services/common/time_format.h"

namespace depot::readingroom {
namespace {

std::string Time(const std::optional<TimePoint>& time) {
  return time ? FormatRfc3339(*time) : "";
}

v1::ItemKind KindOf(const ItemInfo& item) {
  return item.is_box ? v1::ITEM_KIND_BOX : v1::ITEM_KIND_RECORD;
}

}  // namespace

void ToProto(const Visitor& visitor, v1::Visitor* out) {
  out->set_visitor_id(visitor.id);
  out->set_name(visitor.name);
  out->set_contact(visitor.contact);
  out->set_id_document_kind(ToProto(visitor.id_document_kind));
  out->set_registered_at(FormatRfc3339(visitor.registered_at));
  out->set_registered_by(visitor.registered_by);
  out->set_corrected_at(Time(visitor.corrected_at));
  out->set_corrected_by(visitor.corrected_by);
  out->set_open_visit_id(visitor.open_visit_id);
  out->set_birth_date(visitor.birth_date);
  // Never out again (see the proto): only whether one is on file.
  out->set_has_national_id(!visitor.national_id.empty());
}

void ToProto(const Visit& visit, v1::Visit* out) {
  out->set_visit_id(visit.id);
  out->set_visitor_id(visit.visitor_id);
  out->set_visitor_name(visit.visitor_name);
  out->set_checked_in_at(FormatRfc3339(visit.checked_in_at));
  out->set_checked_in_by(visit.checked_in_by);
  out->set_checked_out_at(Time(visit.checked_out_at));
  out->set_checked_out_by(visit.checked_out_by);
}

void ToProto(const DeclarationText& text, v1::DeclarationText* out) {
  out->set_version(text.version);
  out->set_text(text.text);
  out->set_sha256(text.sha256);
  out->set_created_at(FormatRfc3339(text.created_at));
  out->set_created_by(text.created_by);
}

void ToProto(const Declaration& d, v1::Declaration* out) {
  out->set_declaration_id(d.id);
  out->set_visitor_id(d.visitor_id);
  out->set_text_version(d.text_version);
  out->set_text(d.text);
  out->set_text_sha256(d.text_sha256);
  v1::DeclarationScope* scope = out->mutable_scope();
  scope->set_kind(ToProto(d.scope.kind));
  for (const std::string& value : d.scope.values) {
    switch (d.scope.kind) {
      case ScopeKind::kDepositor:
        scope->add_organization_numbers(value);
        break;
      case ScopeKind::kCategory:
        scope->add_categories(CategoryToProto(value));
        break;
      case ScopeKind::kRecords:
        scope->add_record_ids(std::stoll(value));
        break;
      case ScopeKind::kAll:
        break;
    }
  }
  out->set_valid_from(FormatRfc3339(d.valid_from));
  out->set_valid_until(FormatRfc3339(d.valid_until));
  out->set_signed_at(FormatRfc3339(d.signed_at));
  out->set_witnessed_by(d.witnessed_by);
  out->set_signature_scan_sha256(d.signature_scan_sha256);
  out->set_seal_key_id(d.seal_key_id);
  out->set_seal(d.seal);
  out->set_revoked_at(Time(d.revoked_at));
  out->set_revoked_by(d.revoked_by);
  out->set_revoke_reason(d.revoke_reason);
  out->set_encoding(kDeclarationEncoding);
}

void ToProto(const Verification& verification,
             v1::DeclarationVerification* out) {
  const DeclarationCheck& check = verification.check;
  out->set_declaration_id(verification.declaration_id);
  out->set_seal_valid(check.seal_valid);
  out->set_text_intact(check.text_intact);
  out->set_revoked(check.revoked);
  out->set_within_validity(check.within_validity);
  out->set_valid(check.valid());
  for (const std::string& problem : check.problems) out->add_problems(problem);
  out->set_checked_at(FormatRfc3339(verification.checked_at));
}

void ToProto(const SpecialApproval& approval, v1::SpecialApproval* out) {
  out->set_approval_id(approval.id);
  out->set_visitor_id(approval.visitor_id);
  for (const std::string& ref : approval.item_refs) out->add_item_refs(ref);
  out->set_reason(approval.reason);
  out->set_approved_by(approval.approved_by);
  out->set_approved_at(FormatRfc3339(approval.approved_at));
  out->set_valid_until(FormatRfc3339(approval.valid_until));
}

void ToProto(const CopyAgreement& agreement, v1::CopyAgreement* out) {
  out->set_agreement_id(agreement.id);
  out->set_loan_id(agreement.loan_id);
  for (const std::string& ref : agreement.item_refs) out->add_item_refs(ref);
  out->set_method(ToProto(agreement.method));
  out->set_purpose(agreement.purpose);
  out->set_approved_by(agreement.approved_by);
  out->set_approved_at(FormatRfc3339(agreement.approved_at));
}

void ToProto(const Loan& loan, v1::Loan* out) {
  out->set_loan_id(loan.id);
  out->set_visitor_id(loan.visitor_id);
  out->set_visitor_name(loan.visitor_name);
  out->set_visit_id(loan.visit_id);
  out->set_declaration_id(loan.declaration_id);
  for (const LoanItem& entry : loan.items) {
    v1::LoanItem* item = out->add_items();
    item->set_item_ref(entry.item.item_ref);
    item->set_kind(KindOf(entry.item));
    item->set_deposit_id(entry.item.deposit_id);
    item->set_organization_number(entry.item.organisation_number);
    item->set_category(CategoryToProto(entry.item.category));
    item->set_special_category(entry.item.special_category);
    item->set_box(entry.item.box);
    item->set_shelf(entry.item.shelf);
    item->set_returned_at(Time(entry.returned_at));
    item->set_taken_back_by(entry.taken_back_by);
  }
  out->set_opened_at(FormatRfc3339(loan.opened_at));
  out->set_handed_out_by(loan.handed_out_by);
  out->set_returned_at(Time(loan.returned_at));
  out->set_approval_id(loan.approval_id);
  out->set_approved_by(loan.approved_by);
  for (const CopyAgreement& agreement : loan.copy_agreements) {
    ToProto(agreement, out->add_copy_agreements());
  }
  out->set_copying_allowed(!loan.copy_agreements.empty());
}

void ToProto(const LendingLogEntry& entry, v1::LendingLogEntry* out) {
  out->set_loan_id(entry.loan_id);
  out->set_item_ref(entry.item_ref);
  out->set_visitor_id(entry.visitor_id);
  out->set_visitor_name(entry.visitor_name);
  out->set_opened_at(FormatRfc3339(entry.opened_at));
  out->set_handed_out_by(entry.handed_out_by);
  out->set_returned_at(Time(entry.returned_at));
  out->set_taken_back_by(entry.taken_back_by);
}

SealedFields SealedFieldsFromProto(const v1::Declaration& d) {
  SealedFields fields;
  fields.declaration_id = std::to_string(d.declaration_id());
  fields.visitor_id = std::to_string(d.visitor_id());
  fields.text_version = std::to_string(d.text_version());
  fields.text_sha256 = d.text_sha256();
  auto kind = FromProto(d.scope().kind());
  fields.scope_kind = kind ? ScopeKindName(*kind) : "?";
  fields.scope_values = ScopeValuesFromProto(d.scope());
  fields.valid_from = d.valid_from();
  fields.valid_until = d.valid_until();
  fields.signed_at = d.signed_at();
  fields.witnessed_by = d.witnessed_by();
  fields.signature_scan_sha256 = d.signature_scan_sha256();
  fields.seal_key_id = d.seal_key_id();
  return fields;
}

}  // namespace depot::readingroom
