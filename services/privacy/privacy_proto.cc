#include "services/privacy/privacy_proto.h"

#include "services/common/request_rules.h"
#include "services/common/time_format.h"

namespace depot::privacy {

v1::AccessRequestStatus ToProto(RequestStatus status) {
  switch (status) {
    case RequestStatus::kReceived:
      return v1::ACCESS_REQUEST_STATUS_RECEIVED;
    case RequestStatus::kCompiling:
      return v1::ACCESS_REQUEST_STATUS_COMPILING;
    case RequestStatus::kCompiled:
      return v1::ACCESS_REQUEST_STATUS_COMPILED;
    case RequestStatus::kDelivered:
      return v1::ACCESS_REQUEST_STATUS_DELIVERED;
    case RequestStatus::kRefused:
      return v1::ACCESS_REQUEST_STATUS_REFUSED;
    case RequestStatus::kWithdrawn:
      return v1::ACCESS_REQUEST_STATUS_WITHDRAWN;
  }
  return v1::ACCESS_REQUEST_STATUS_UNSPECIFIED;
}

RequestStatus FromProto(v1::CloseOutcome outcome) {
  switch (outcome) {
    case v1::CLOSE_OUTCOME_DELIVERED:
      return RequestStatus::kDelivered;
    case v1::CLOSE_OUTCOME_REFUSED:
      return RequestStatus::kRefused;
    case v1::CLOSE_OUTCOME_WITHDRAWN:
      return RequestStatus::kWithdrawn;
    default:
      throw UnknownEnumValue("outcome", outcome,
                             *v1::CloseOutcome_descriptor());
  }
}

NewAccessRequest FromProto(const v1::OpenAccessRequestRequest& request) {
  return {request.national_id(), request.name(), request.birth_date(),
          request.verified_by(), request.received_on()};
}

RequestQuery FromProto(const v1::ListAccessRequestsRequest& request) {
  return {request.open_only(), request.due_within_days(),
          request.overdue_only(), request.limit()};
}

ErasureInput FromProto(const v1::EraseSubjectRequest& request) {
  return {request.national_id(), request.name(), request.birth_date(),
          request.reason()};
}

NewBreach FromProto(const v1::RegisterBreachRequest& request) {
  NewBreach input;
  input.became_aware_at = request.became_aware_at();
  input.nature = request.nature();
  input.data_categories.assign(request.data_categories().begin(),
                               request.data_categories().end());
  input.people_categories.assign(request.people_categories().begin(),
                                 request.people_categories().end());
  input.approximate_people = request.approximate_people();
  return input;
}

void ToProto(const AccessRequestView& view, v1::AccessRequest* out) {
  const AccessRequest& r = view.request;
  out->set_request_id(r.id);
  out->set_status(ToProto(r.status));
  out->set_identity_kind(r.identity_kind);
  if (view.identity) {
    out->set_national_id(view.identity->national_id);
    out->set_name(view.identity->name);
    out->set_birth_date(view.identity->birth_date);
  }
  out->set_verified_by(r.verified_by);
  out->set_received_on(FormatDate(r.received_on));
  out->set_due_on(FormatDate(r.due_on));
  out->set_target_on(FormatDate(r.target_on));
  out->set_extension_months(r.extension_months);
  out->set_extension_reason(r.extension_reason);
  out->set_opened_at(FormatRfc3339(r.opened_at));
  out->set_opened_by(r.opened_by);
  if (r.compiled_at) out->set_compiled_at(FormatRfc3339(*r.compiled_at));
  out->set_compile_count(r.compile_count);
  out->set_item_count(r.item_count);
  out->set_document_sha256(r.document_sha256);
  if (r.closed_at) out->set_closed_at(FormatRfc3339(*r.closed_at));
  out->set_closed_by(r.closed_by);
  out->set_close_reason(r.close_reason);
  out->set_days_left(view.days_left);
}

void ToProto(const CompiledRequest& compiled, v1::AccessExtract* out) {
  ToProto(compiled.request, out->mutable_request());
  out->set_document_json(compiled.extract.document_json);
  out->set_summary(compiled.extract.summary);
  for (const SubjectItem& item : compiled.extract.items) {
    v1::SubjectItem* o = out->add_items();
    o->set_service(item.service);
    o->set_kind(item.kind);
    o->set_id(item.id);
    o->set_data_json(item.data_json);
    o->set_source(item.source);
  }
  for (const std::string& note : compiled.extract.notes) out->add_notes(note);
}

void ToProto(const ErasureResult& result, v1::EraseSubjectResponse* out) {
  out->set_erasure_id(result.record.id);
  out->set_erased_count(result.record.erased_count);
  out->set_kept_count(result.record.kept_count);
  for (const ErasureOutcome& outcome : result.outcomes) {
    v1::ErasureOutcome* o = out->add_outcomes();
    o->set_service(outcome.service);
    o->set_kind(outcome.kind);
    o->set_id(outcome.id);
    o->set_erased(outcome.erased);
    o->set_legal_reason(outcome.legal_reason);
  }
}

void ToProto(const RetentionCount& count, v1::RetentionCount* out) {
  out->set_service(count.service);
  out->set_kind(count.kind);
  out->set_count(count.count);
  out->set_cutoff(count.cutoff);
  out->set_period(count.period);
}

void ToProto(const Breach& b, TimePoint now, v1::Breach* out) {
  out->set_breach_id(b.id);
  out->set_became_aware_at(FormatRfc3339(b.became_aware_at));
  out->set_deadline_at(FormatRfc3339(b.deadline_at));
  out->set_nature(b.nature);
  for (const auto& c : b.data_categories) out->add_data_categories(c);
  for (const auto& c : b.people_categories) out->add_people_categories(c);
  out->set_approximate_people(b.approximate_people);
  out->set_registered_at(FormatRfc3339(b.registered_at));
  out->set_registered_by(b.registered_by);
  if (b.notified_at) out->set_notified_at(FormatRfc3339(*b.notified_at));
  out->set_notified_by(b.notified_by);
  out->set_late_reason(b.late_reason);
  out->set_overdue(b.Overdue(now));
  out->set_notified_late(b.NotifiedLate());
}

}  // namespace depot::privacy
