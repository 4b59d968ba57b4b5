#include "services/privacy/privacy_handler.h"

#include "services/common/request_rules.h"
#include "services/common/time_format.h"

namespace depot::privacy {
namespace {

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

}  // namespace

PrivacyHandler::PrivacyHandler(PrivacyDomain domain, CallerResolver& resolver)
    : gate_(v1::PrivacyService::service_full_name(), resolver),
      domain_(domain) {}

grpc::Status PrivacyHandler::OpenAccessRequest(
    grpc::ServerContext* context, const v1::OpenAccessRequestRequest* request,
    v1::AccessRequest* response) {
  return gate_.Serve(
      context, "OpenAccessRequest", request, [&](const Caller& caller) {
        NewAccessRequest input{request->national_id(), request->name(),
                               request->birth_date(), request->verified_by(),
                               request->received_on()};
        ToProto(domain_.requests.Open(caller, input), response);
      });
}

grpc::Status PrivacyHandler::GetAccessRequest(
    grpc::ServerContext* context, const v1::GetAccessRequestRequest* request,
    v1::AccessRequest* response) {
  return gate_.Serve(
      context, "GetAccessRequest", request, [&](const Caller& caller) {
        ToProto(domain_.requests.Get(caller, request->request_id()), response);
      });
}

grpc::Status PrivacyHandler::ListAccessRequests(
    grpc::ServerContext* context, const v1::ListAccessRequestsRequest* request,
    v1::ListAccessRequestsResponse* response) {
  return gate_.Serve(
      context, "ListAccessRequests", request, [&](const Caller& caller) {
        RequestQuery query{request->open_only(), request->due_within_days(),
                           request->overdue_only(), request->limit()};
        for (const auto& view : domain_.requests.List(caller, query)) {
          ToProto(view, response->add_requests());
        }
      });
}

grpc::Status PrivacyHandler::ExtendAccessRequest(
    grpc::ServerContext* context, const v1::ExtendAccessRequestRequest* request,
    v1::AccessRequest* response) {
  return gate_.Serve(
      context, "ExtendAccessRequest", request, [&](const Caller& caller) {
        ToProto(domain_.requests.Extend(caller, request->request_id(),
                                        request->months(), request->reason()),
                response);
      });
}

grpc::Status PrivacyHandler::CompileAccessRequest(
    grpc::ServerContext* context,
    const v1::CompileAccessRequestRequest* request,
    v1::AccessExtract* response) {
  return gate_.Serve(
      context, "CompileAccessRequest", request, [&](const Caller& caller) {
        CompiledRequest compiled =
            domain_.requests.Compile(caller, request->request_id());
        ToProto(compiled.request, response->mutable_request());
        response->set_document_json(compiled.extract.document_json);
        response->set_summary(compiled.extract.summary);
        for (const SubjectItem& item : compiled.extract.items) {
          v1::SubjectItem* out = response->add_items();
          out->set_service(item.service);
          out->set_kind(item.kind);
          out->set_id(item.id);
          out->set_data_json(item.data_json);
          out->set_source(item.source);
        }
        for (const std::string& note : compiled.extract.notes) {
          response->add_notes(note);
        }
      });
}

grpc::Status PrivacyHandler::CloseAccessRequest(
    grpc::ServerContext* context, const v1::CloseAccessRequestRequest* request,
    v1::AccessRequest* response) {
  return gate_.Serve(
      context, "CloseAccessRequest", request, [&](const Caller& caller) {
        ToProto(domain_.requests.Close(caller, request->request_id(),
                                       FromProto(request->outcome()),
                                       request->reason()),
                response);
      });
}

grpc::Status PrivacyHandler::EraseSubject(
    grpc::ServerContext* context, const v1::EraseSubjectRequest* request,
    v1::EraseSubjectResponse* response) {
  return gate_.Serve(
      context, "EraseSubject", request, [&](const Caller& caller) {
        ErasureInput input{request->national_id(), request->name(),
                           request->birth_date(), request->reason()};
        ErasureResult result = domain_.erasure.Erase(caller, input);
        response->set_erasure_id(result.record.id);
        response->set_erased_count(result.record.erased_count);
        response->set_kept_count(result.record.kept_count);
        for (const ErasureOutcome& o : result.outcomes) {
          v1::ErasureOutcome* out = response->add_outcomes();
          out->set_service(o.service);
          out->set_kind(o.kind);
          out->set_id(o.id);
          out->set_erased(o.erased);
          out->set_legal_reason(o.legal_reason);
        }
      });
}

grpc::Status PrivacyHandler::RunRetention(grpc::ServerContext* context,
                                          const v1::RetentionRequest* request,
                                          v1::RetentionReport* response) {
  return gate_.Serve(context, "RunRetention", request,
                     [&](const Caller& caller) {
                       response->set_dry_run(request->dry_run());
                       for (const RetentionCount& c :
                            domain_.retention.Run(caller, request->dry_run())) {
                         v1::RetentionCount* out = response->add_counts();
                         out->set_service(c.service);
                         out->set_kind(c.kind);
                         out->set_count(c.count);
                         out->set_cutoff(c.cutoff);
                         out->set_period(c.period);
                       }
                     });
}

grpc::Status PrivacyHandler::RegisterBreach(
    grpc::ServerContext* context, const v1::RegisterBreachRequest* request,
    v1::Breach* response) {
  return gate_.Serve(
      context, "RegisterBreach", request, [&](const Caller& caller) {
        NewBreach input;
        input.became_aware_at = request->became_aware_at();
        input.nature = request->nature();
        input.data_categories.assign(request->data_categories().begin(),
                                     request->data_categories().end());
        input.people_categories.assign(request->people_categories().begin(),
                                       request->people_categories().end());
        input.approximate_people = request->approximate_people();
        Breach breach = domain_.breaches.Register(caller, input);
        ToProto(breach, domain_.breaches.Now(), response);
      });
}

grpc::Status PrivacyHandler::ListBreaches(
    grpc::ServerContext* context, const v1::ListBreachesRequest* request,
    v1::ListBreachesResponse* response) {
  return gate_.Serve(
      context, "ListBreaches", request, [&](const Caller& caller) {
        TimePoint now = domain_.breaches.Now();
        for (const Breach& b : domain_.breaches.List(
                 caller, request->open_only(), request->overdue_only())) {
          ToProto(b, now, response->add_breaches());
        }
      });
}

grpc::Status PrivacyHandler::NotifyBreach(
    grpc::ServerContext* context, const v1::NotifyBreachRequest* request,
    v1::Breach* response) {
  return gate_.Serve(
      context, "NotifyBreach", request, [&](const Caller& caller) {
        Breach breach = domain_.breaches.Notify(caller, request->breach_id(),
                                                request->notified_at(),
                                                request->late_reason());
        ToProto(breach, domain_.breaches.Now(), response);
      });
}

}  // namespace depot::privacy
