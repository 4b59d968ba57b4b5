#include "services/privacy/privacy_handler.h"

#include "services/privacy/privacy_proto.h"

namespace depot::privacy {

PrivacyHandler::PrivacyHandler(PrivacyDomain domain, CallerResolver& resolver)
    : gate_(v1::PrivacyService::service_full_name(), resolver),
      domain_(domain) {}

grpc::Status PrivacyHandler::OpenAccessRequest(
    grpc::ServerContext* context, const v1::OpenAccessRequestRequest* request,
    v1::AccessRequest* response) {
  return gate_.Serve(
      context, "OpenAccessRequest", request, [&](const Caller& caller) {
        ToProto(domain_.requests.Open(caller, FromProto(*request)), response);
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
        for (const auto& view :
             domain_.requests.List(caller, FromProto(*request))) {
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
        ToProto(domain_.requests.Compile(caller, request->request_id()),
                response);
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
        ToProto(domain_.erasure.Erase(caller, FromProto(*request)), response);
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
                         ToProto(c, response->add_counts());
                       }
                     });
}

grpc::Status PrivacyHandler::RegisterBreach(
    grpc::ServerContext* context, const v1::RegisterBreachRequest* request,
    v1::Breach* response) {
  return gate_.Serve(
      context, "RegisterBreach", request, [&](const Caller& caller) {
        Breach breach = domain_.breaches.Register(caller, FromProto(*request));
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
