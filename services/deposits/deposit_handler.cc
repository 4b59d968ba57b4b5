#include "services/deposits/deposit_handler.h"

#include <google/protobuf/descriptor.h>
#include <grpcpp/support/method_handler.h>

#include "services/common/error.h"
#include "services/common/request_rules.h"
#include "services/common/subject_proto.h"
#include "services/common/time_format.h"
#include "services/deposits/transfer_stream.h"

namespace depot::deposits {
namespace {

// UNSPECIFIED is nullopt: the domain says the kind is required.
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

void ToProto(const Depositor& depositor, v1::Depositor* out) {
  out->set_organization_number(depositor.organisation_number);
  out->set_name(depositor.name);
  out->set_kind(ToProto(depositor.kind));
  out->set_registered_at(FormatRfc3339(depositor.registered_at));
}

// UNSPECIFIED is nullopt (required or "any", as the call decides).
std::optional<RegisterCategory> CategoryFromProto(v1::RegisterCategory c) {
  if (c == v1::REGISTER_CATEGORY_UNSPECIFIED) return std::nullopt;
  if (c < 1 || c > 9) {
    throw UnknownEnumValue("category", c, *v1::RegisterCategory_descriptor());
  }
  return static_cast<RegisterCategory>(c);
}

v1::DepositState StateToProto(DepositState state) {
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

void ToProto(const Deposit& d, v1::Deposit* out) {
  out->set_deposit_id(d.id);
  out->set_organization_number(d.organisation_number);
  out->set_category(static_cast<v1::RegisterCategory>(d.category));
  out->set_description(d.description);
  out->set_deposit_date(FormatDate(d.deposit_date));
  out->set_state(StateToProto(d.state));
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

}  // namespace

DepositHandler::DepositHandler(DepositContext& context,
                               CallerResolver& resolver)
    : gate_(v1::DepositService::service_full_name(), resolver),
      context_(context),
      depositors_(context.store),
      deposits_(context),
      transfers_(context),
      search_(context),
      export_(context),
      correction_(context),
      subject_records_(context) {
  // TransferRecords reads its messages as raw bytes (see TransferMessages);
  // every other method keeps the handler the generated code gave it.
  const auto* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          v1::DepositService::service_full_name());
  MarkMethodStreamed(
      service->FindMethodByName("TransferRecords")->index(),
      new grpc::internal::ClientStreamingHandler<
          DepositHandler, grpc::ByteBuffer, v1::TransferSummary>(
          [](DepositHandler* handler, grpc::ServerContext* context,
             grpc::ServerReader<grpc::ByteBuffer>* reader,
             v1::TransferSummary* summary) {
            return handler->TransferRecords(context, reader, summary);
          },
          this));
}

grpc::Status DepositHandler::RegisterDepositor(
    grpc::ServerContext* context, const v1::RegisterDepositorRequest* request,
    v1::Depositor* response) {
  return gate_.Serve(
      context, "RegisterDepositor", request, [&](const Caller& caller) {
        NewDepositor depositor{request->organization_number(), request->name(),
                               FromProto(request->kind())};
        ToProto(depositors_.Register(caller, depositor), response);
      });
}

grpc::Status DepositHandler::GetDepositor(
    grpc::ServerContext* context, const v1::GetDepositorRequest* request,
    v1::Depositor* response) {
  return gate_.Serve(
      context, "GetDepositor", request, [&](const Caller& caller) {
        ToProto(depositors_.Get(caller, request->organization_number()),
                response);
      });
}

grpc::Status DepositHandler::ListDepositors(
    grpc::ServerContext* context, const v1::ListDepositorsRequest* request,
    v1::ListDepositorsResponse* response) {
  return gate_.Serve(context, "ListDepositors", request,
                     [&](const Caller& caller) {
                       DepositorPage page = depositors_.List(
                           caller, request->page_size(), request->page_token());
                       for (const Depositor& depositor : page.depositors) {
                         ToProto(depositor, response->add_depositors());
                       }
                       response->set_next_page_token(page.next_page_token);
                     });
}

grpc::Status DepositHandler::ListCategories(
    grpc::ServerContext* context, const v1::ListCategoriesRequest* request,
    v1::ListCategoriesResponse* response) {
  return gate_.Serve(context, "ListCategories", request, [&](const Caller&) {
    for (const CategoryRule& rule : context_.rules.All()) {
      auto* out = response->add_categories();
      out->set_category(static_cast<v1::RegisterCategory>(rule.category));
      out->set_eligibility_years(rule.eligibility_years);
      out->set_special_category(rule.special_category);
      out->set_name(rule.name);
    }
  });
}

grpc::Status DepositHandler::CreateDeposit(
    grpc::ServerContext* context, const v1::CreateDepositRequest* request,
    v1::Deposit* response) {
  return gate_.Serve(
      context, "CreateDeposit", request, [&](const Caller& caller) {
        ToProto(deposits_.Create(
                    caller, {request->organization_number(),
                             CategoryFromProto(request->category()),
                             request->description(), request->deposit_date()}),
                response);
      });
}

grpc::Status DepositHandler::GetDeposit(grpc::ServerContext* context,
                                        const v1::GetDepositRequest* request,
                                        v1::Deposit* response) {
  return gate_.Serve(context, "GetDeposit", request, [&](const Caller& caller) {
    ToProto(deposits_.Get(caller, request->deposit_id()), response);
  });
}

grpc::Status DepositHandler::ListDeposits(
    grpc::ServerContext* context, const v1::ListDepositsRequest* request,
    v1::ListDepositsResponse* response) {
  return gate_.Serve(
      context, "ListDeposits", request, [&](const Caller& caller) {
        DepositPage page =
            deposits_.List(caller, request->organization_number(),
                           request->page_size(), request->page_token());
        for (const Deposit& d : page.deposits)
          ToProto(d, response->add_deposits());
        response->set_next_page_token(page.next_page_token);
      });
}

grpc::Status DepositHandler::CloseDeposit(
    grpc::ServerContext* context, const v1::CloseDepositRequest* request,
    v1::Deposit* response) {
  return gate_.Serve(
      context, "CloseDeposit", request, [&](const Caller& caller) {
        ToProto(deposits_.Close(caller, request->deposit_id()), response);
      });
}

grpc::Status DepositHandler::CancelDeposit(
    grpc::ServerContext* context, const v1::CancelDepositRequest* request,
    v1::Deposit* response) {
  return gate_.Serve(
      context, "CancelDeposit", request, [&](const Caller& caller) {
        ToProto(
            deposits_.Cancel(caller, request->deposit_id(), request->reason()),
            response);
      });
}

grpc::Status DepositHandler::TransferRecords(
    grpc::ServerContext* context, grpc::ServerReader<grpc::ByteBuffer>* reader,
    v1::TransferSummary* response) {
  return gate_.Serve(context, "TransferRecords", nullptr,
                     [&](const Caller& caller) {
                       TransferMessages messages(*reader);
                       ReceiveTransfer(transfers_, caller, messages, response);
                     });
}

grpc::Status DepositHandler::GetTransferProgress(
    grpc::ServerContext* context, const v1::GetTransferProgressRequest* request,
    v1::TransferProgress* response) {
  return gate_.Serve(
      context, "GetTransferProgress", request, [&](const Caller& caller) {
        TransferReport report = transfers_.Progress(
            caller, request->deposit_id(), request->transfer_id());
        const Deposit& d = report.deposit;
        response->set_deposit_id(d.id);
        response->set_accepted_records(d.accepted_records);
        response->set_rejected_records(d.rejected_records);
        response->set_state(StateToProto(d.state));
        response->set_transfer_id(request->transfer_id());
        response->set_next_position(1);
        if (const auto& t = report.transfer) {
          response->set_next_position(t->next_position);
          response->set_source_sha256(t->source_sha256);
          response->set_received(t->received);
          response->set_accepted(t->accepted);
          response->set_rejected(t->rejected);
          response->set_duplicates(t->duplicates);
          response->set_started_at(FormatRfc3339(t->started_at));
          response->set_updated_at(FormatRfc3339(t->updated_at));
        }
      });
}

grpc::Status DepositHandler::ListRejections(
    grpc::ServerContext* context, const v1::ListRejectionsRequest* request,
    v1::ListRejectionsResponse* response) {
  return gate_.Serve(
      context, "ListRejections", request, [&](const Caller& caller) {
        RejectionPage page =
            deposits_.Rejections(caller, request->deposit_id(),
                                 request->page_size(), request->page_token());
        for (const Rejection& r : page.rejections) {
          ToProto(r, response->add_rejections());
        }
        response->set_next_page_token(page.next_page_token);
      });
}

grpc::Status DepositHandler::GrantException(
    grpc::ServerContext* context, const v1::GrantExceptionRequest* request,
    v1::RecordException* response) {
  return gate_.Serve(context, "GrantException", request,
                     [&](const Caller& caller) {
                       RecordException e = deposits_.GrantException(
                           caller, request->deposit_id(),
                           request->source_record_id(), request->reason());
                       response->set_deposit_id(e.deposit_id);
                       response->set_source_record_id(e.source_record_id);
                       response->set_reason(e.reason);
                       response->set_granted_by(e.granted_by);
                       response->set_granted_at(FormatRfc3339(e.granted_at));
                     });
}

grpc::Status DepositHandler::SearchRecords(
    grpc::ServerContext* context, const v1::SearchRecordsRequest* request,
    v1::SearchRecordsResponse* response) {
  return gate_.Serve(
      context, "SearchRecords", request, [&](const Caller& caller) {
        auto category = CategoryFromProto(request->category());
        RecordPage page = search_.Search(
            caller,
            {request->national_id(), request->person_name(),
             request->birth_date(), request->organization_number(),
             category ? static_cast<int>(*category) : 0, request->deposit_id(),
             request->box(), request->page_size(), request->page_token()});
        for (const RecordView& r : page.records) {
          ToProto(r, context_.rules, response->add_records());
        }
        response->set_next_page_token(page.next_page_token);
      });
}

grpc::Status DepositHandler::GetItem(grpc::ServerContext* context,
                                     const v1::GetItemRequest* request,
                                     v1::Item* response) {
  return gate_.Serve(context, "GetItem", request, [&](const Caller& caller) {
    ItemInfo item = search_.Item(caller, request->item_ref());
    response->set_item_ref(item.item_ref);
    response->set_kind(item.kind == ItemKind::kBox ? v1::ITEM_KIND_BOX
                                                   : v1::ITEM_KIND_RECORD);
    response->set_deposit_id(item.deposit_id);
    response->set_organization_number(item.organisation_number);
    response->set_category(static_cast<v1::RegisterCategory>(item.category));
    response->set_special_category(item.special_category);
    response->set_box(item.box);
    response->set_shelf(item.shelf);
    for (int64_t id : item.record_ids) response->add_record_ids(id);
  });
}

grpc::Status DepositHandler::ExportNoark5(
    grpc::ServerContext* context, const v1::ExportNoark5Request* request,
    grpc::ServerWriter<v1::ExportChunk>* writer) {
  return gate_.ServeStream(
      context, "ExportNoark5", request, writer,
      [&](const Caller& caller, StreamWriter<v1::ExportChunk>& out) {
        v1::ExportChunk chunk;
        export_.Export(
            caller, request->deposit_id(),
            [&](const std::string& file_name, std::string_view data) {
              chunk.set_file_name(file_name);
              chunk.set_data(data.data(), data.size());
              out.Write(chunk);
            });
      });
}

grpc::Status DepositHandler::CorrectRecord(
    grpc::ServerContext* context, const v1::CorrectRecordRequest* request,
    v1::RecordSummary* response) {
  return gate_.Serve(
      context, "CorrectRecord", request, [&](const Caller& caller) {
        RecordView r = correction_.Correct(
            caller, {request->record_id(), request->person_name(),
                     request->national_id(), request->birth_date(),
                     request->opened_date(), request->last_contact_date(),
                     request->death_year(), request->reason()});
        ToProto(r, context_.rules, response);
      });
}

grpc::Status DepositHandler::SubjectData(grpc::ServerContext* context,
                                         const v1::SubjectQuery* request,
                                         v1::SubjectDataResponse* response) {
  return gate_.Serve(
      context, "SubjectData", request, [&](const Caller& caller) {
        depot::ToProto(
            subject_records_.Data(caller, depot::FromProto(*request)),
            response);
      });
}

grpc::Status DepositHandler::EraseSubjectData(
    grpc::ServerContext* context, const v1::SubjectQuery* request,
    v1::EraseSubjectDataResponse* response) {
  return gate_.Serve(
      context, "EraseSubjectData", request, [&](const Caller& caller) {
        depot::ToProto(
            subject_records_.Erase(caller, depot::FromProto(*request)),
            response);
      });
}

}  // namespace depot::deposits
