#include "services/deposits/deposit_proto.h"

#include "services/common/request_rules.h"
#include "services/common/time_format.h"

namespace depot::deposits {

std::optional<DepositorKind> FromProto(v1::DepositorKind kind) {
  switch (kind) {
    case v1::DEPOSITOR_KIND_UNSPECIFIED:
      return std::nullopt;
    case v1::DEPOSITOR_KIND_MUNICIPALITY:
      return DepositorKind::kMunicipality;
    case v1::DEPOSITOR_KIND_COUNTY:
      return DepositorKind::kCounty;
    case v1::DEPOSITOR_KIND_OTHER:
      return DepositorKind::kOther;
    default:
      throw UnknownEnumValue("kind", kind, *v1::DepositorKind_descriptor());
  }
}

v1::DepositorKind ToProto(DepositorKind kind) {
  switch (kind) {
    case DepositorKind::kMunicipality:
      return v1::DEPOSITOR_KIND_MUNICIPALITY;
    case DepositorKind::kCounty:
      return v1::DEPOSITOR_KIND_COUNTY;
    case DepositorKind::kOther:
      return v1::DEPOSITOR_KIND_OTHER;
  }
  return v1::DEPOSITOR_KIND_UNSPECIFIED;
}

std::optional<RegisterCategory> CategoryFromProto(v1::RegisterCategory c) {
  if (c == v1::REGISTER_CATEGORY_UNSPECIFIED) return std::nullopt;
  if (c < 1 || c > 9) {
    throw UnknownEnumValue("category", c, *v1::RegisterCategory_descriptor());
  }
  return static_cast<RegisterCategory>(c);
}

v1::DepositState ToProto(DepositState state) {
  switch (state) {
    case DepositState::kOpen:
      return v1::DEPOSIT_STATE_OPEN;
    case DepositState::kTransferring:
      return v1::DEPOSIT_STATE_TRANSFERRING;
    case DepositState::kReceived:
      return v1::DEPOSIT_STATE_RECEIVED;
    case DepositState::kCancelled:
      return v1::DEPOSIT_STATE_CANCELLED;
  }
  return v1::DEPOSIT_STATE_UNSPECIFIED;
}

NewDepositor FromProto(const v1::RegisterDepositorRequest& request) {
  return {request.organization_number(), request.name(),
          FromProto(request.kind())};
}

CreateDepositCommand FromProto(const v1::CreateDepositRequest& request) {
  return {request.organization_number(), CategoryFromProto(request.category()),
          request.description(), request.deposit_date()};
}

SearchCommand FromProto(const v1::SearchRecordsRequest& request) {
  auto category = CategoryFromProto(request.category());
  return {request.national_id(),
          request.person_name(),
          request.birth_date(),
          request.organization_number(),
          category ? static_cast<int>(*category) : 0,
          request.deposit_id(),
          request.box(),
          request.page_size(),
          request.page_token()};
}

CorrectRecordCommand FromProto(const v1::CorrectRecordRequest& request) {
  return {request.record_id(),   request.person_name(),
          request.national_id(), request.birth_date(),
          request.opened_date(), request.last_contact_date(),
          request.death_year(),  request.reason()};
}

RecordInput FromProto(const v1::RecordData& r) {
  RecordInput input{r.position(),
                    r.source_record_id(),
                    r.person_name(),
                    r.national_id(),
                    r.birth_date(),
                    r.opened_date(),
                    r.last_contact_date(),
                    r.death_year(),
                    r.box(),
                    r.shelf(),
                    {},
                    r.noark_metadata()};
  input.documents.reserve(r.documents_size());
  for (const auto& d : r.documents()) {
    input.documents.push_back({d.file_name(), d.size_bytes(), d.sha256()});
  }
  return input;
}

void ToProto(const Depositor& depositor, v1::Depositor* out) {
  out->set_organization_number(depositor.organisation_number);
  out->set_name(depositor.name);
  out->set_kind(ToProto(depositor.kind));
  out->set_registered_at(FormatRfc3339(depositor.registered_at));
}

void ToProto(const CategoryRule& rule, v1::CategoryRule* out) {
  out->set_category(static_cast<v1::RegisterCategory>(rule.category));
  out->set_eligibility_years(rule.eligibility_years);
  out->set_special_category(rule.special_category);
  out->set_name(rule.name);
}

void ToProto(const Deposit& d, v1::Deposit* out) {
  out->set_deposit_id(d.id);
  out->set_organization_number(d.organisation_number);
  out->set_category(static_cast<v1::RegisterCategory>(d.category));
  out->set_description(d.description);
  out->set_deposit_date(FormatDate(d.deposit_date));
  out->set_state(ToProto(d.state));
  out->set_accepted_records(d.accepted_records);
  out->set_rejected_records(d.rejected_records);
  out->set_created_at(FormatRfc3339(d.created_at));
  out->set_created_by(d.created_by);
  out->set_cancel_reason(d.cancel_reason);
}

void ToProto(const RecordView& r, const CategoryRules& rules,
             v1::RecordSummary* out) {
  out->set_record_id(r.record_id);
  out->set_deposit_id(r.deposit_id);
  out->set_organization_number(r.organisation_number);
  out->set_category(static_cast<v1::RegisterCategory>(r.category));
  out->set_special_category(rules.For(r.category).special_category);
  out->set_source_record_id(r.source_record_id);
  out->set_person_name(r.person_name);
  out->set_national_id(r.national_id);
  out->set_birth_date(r.birth_date);
  out->set_opened_date(r.opened_date);
  out->set_last_contact_date(r.last_contact_date);
  out->set_death_year(r.death_year);
  out->set_box(r.box);
  out->set_shelf(r.shelf);
  for (const DigitalDocument& d : r.documents) {
    auto* doc = out->add_documents();
    doc->set_file_name(d.file_name);
    doc->set_size_bytes(d.size_bytes);
    doc->set_sha256(d.sha256);
  }
  out->set_exception_reason(r.exception_reason);
  out->set_noark_metadata(r.noark_metadata);
}

void ToProto(const Rejection& r, v1::Rejection* out) {
  out->set_position(r.position);
  out->set_source_record_id(r.source_record_id);
  out->set_field(r.field);
  out->set_reason(r.reason);
  out->set_eligible_from(r.eligible_from);
}

void ToProto(const RecordException& e, v1::RecordException* out) {
  out->set_deposit_id(e.deposit_id);
  out->set_source_record_id(e.source_record_id);
  out->set_reason(e.reason);
  out->set_granted_by(e.granted_by);
  out->set_granted_at(FormatRfc3339(e.granted_at));
}

void ToProto(const ItemInfo& item, v1::Item* out) {
  out->set_item_ref(item.item_ref);
  out->set_kind(item.kind == ItemKind::kBox ? v1::ITEM_KIND_BOX
                                            : v1::ITEM_KIND_RECORD);
  out->set_deposit_id(item.deposit_id);
  out->set_organization_number(item.organisation_number);
  out->set_category(static_cast<v1::RegisterCategory>(item.category));
  out->set_special_category(item.special_category);
  out->set_box(item.box);
  out->set_shelf(item.shelf);
  for (int64_t id : item.record_ids) out->add_record_ids(id);
}

void ToProto(const TransferReport& report, const std::string& transfer_id,
             v1::TransferProgress* out) {
  const Deposit& d = report.deposit;
  out->set_deposit_id(d.id);
  out->set_accepted_records(d.accepted_records);
  out->set_rejected_records(d.rejected_records);
  out->set_state(ToProto(d.state));
  out->set_transfer_id(transfer_id);
  out->set_next_position(1);
  if (const auto& t = report.transfer) {
    out->set_next_position(t->next_position);
    out->set_source_sha256(t->source_sha256);
    out->set_received(t->received);
    out->set_accepted(t->accepted);
    out->set_rejected(t->rejected);
    out->set_duplicates(t->duplicates);
    out->set_started_at(FormatRfc3339(t->started_at));
    out->set_updated_at(FormatRfc3339(t->updated_at));
  }
}

}  // namespace depot::deposits
