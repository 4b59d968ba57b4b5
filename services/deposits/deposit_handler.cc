#include "services/deposits/deposit_handler.h"

#include <google/protobuf/descriptor.h>
#include <grpcpp/support/method_handler.h>

#include "services/common/subject_proto.h"
#include "services/deposits/deposit_proto.h"
#include "services/deposits/transfer_stream.h"

namespace depot::deposits {

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
        ToProto(depositors_.Register(caller, FromProto(*request)), response);
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
      ToProto(rule, response->add_categories());
    }
  });
}

grpc::Status DepositHandler::CreateDeposit(
    grpc::ServerContext* context, const v1::CreateDepositRequest* request,
    v1::Deposit* response) {
  return gate_.Serve(
      context, "CreateDeposit", request, [&](const Caller& caller) {
        ToProto(deposits_.Create(caller, FromProto(*request)), response);
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
        ToProto(transfers_.Progress(caller, request->deposit_id(),
                                    request->transfer_id()),
                request->transfer_id(), response);
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
  return gate_.Serve(
      context, "GrantException", request, [&](const Caller& caller) {
        ToProto(deposits_.GrantException(caller, request->deposit_id(),
                                         request->source_record_id(),
                                         request->reason()),
                response);
      });
}

grpc::Status DepositHandler::SearchRecords(
    grpc::ServerContext* context, const v1::SearchRecordsRequest* request,
    v1::SearchRecordsResponse* response) {
  return gate_.Serve(
      context, "SearchRecords", request, [&](const Caller& caller) {
        RecordPage page = search_.Search(caller, FromProto(*request));
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
    ToProto(search_.Item(caller, request->item_ref()), response);
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
  return gate_.Serve(context, "CorrectRecord", request,
                     [&](const Caller& caller) {
                       ToProto(correction_.Correct(caller, FromProto(*request)),
                               context_.rules, response);
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
