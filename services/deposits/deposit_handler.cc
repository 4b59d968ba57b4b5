#include "services/deposits/deposit_handler.h"

#include "services/common/time_format.h"

namespace depot::deposits {
namespace {

std::optional<DepositorKind> FromProto(v1::DepositorKind kind) {
  switch (kind) {
    case v1::DEPOSITOR_KIND_MUNICIPALITY:
      return DepositorKind::kMunicipality;
    case v1::DEPOSITOR_KIND_COUNTY:
      return DepositorKind::kCounty;
    case v1::DEPOSITOR_KIND_OTHER:
      return DepositorKind::kOther;
    default:
      return std::nullopt;
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

void ToProto(const Depositor& depositor, v1::Depositor* out) {
  out->set_organization_number(depositor.organisation_number);
  out->set_name(depositor.name);
  out->set_kind(ToProto(depositor.kind));
  out->set_registered_at(FormatRfc3339(depositor.registered_at));
}

}  // namespace

DepositHandler::DepositHandler(DepositStore& store, CallerResolver& resolver)
    : gate_(v1::DepositService::service_full_name(), resolver),
      depositors_(store) {}

grpc::Status DepositHandler::RegisterDepositor(
    grpc::ServerContext* context, const v1::RegisterDepositorRequest* request,
    v1::Depositor* response) {
  return gate_.Serve(context, "RegisterDepositor", request,
                     [&](const Caller& caller) {
                       NewDepositor depositor{request->organization_number(),
                                              request->name(),
                                              FromProto(request->kind())};
                       ToProto(depositors_.Register(caller, depositor),
                               response);
                     });
}

grpc::Status DepositHandler::GetDepositor(
    grpc::ServerContext* context, const v1::GetDepositorRequest* request,
    v1::Depositor* response) {
  return gate_.Serve(context, "GetDepositor", request,
                     [&](const Caller& caller) {
                       ToProto(depositors_.Get(caller,
                                               request->organization_number()),
                               response);
                     });
}

grpc::Status DepositHandler::ListDepositors(
    grpc::ServerContext* context, const v1::ListDepositorsRequest* request,
    v1::ListDepositorsResponse* response) {
  return gate_.Serve(
      context, "ListDepositors", request, [&](const Caller& caller) {
        DepositorPage page = depositors_.List(caller, request->page_size(),
                                              request->page_token());
        for (const Depositor& depositor : page.depositors) {
          ToProto(depositor, response->add_depositors());
        }
        response->set_next_page_token(page.next_page_token);
      });
}

}  // namespace depot::deposits
