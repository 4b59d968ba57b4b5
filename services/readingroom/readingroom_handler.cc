#include "services/readingroom/readingroom_handler.h"

#include "services/common/subject_proto.h"
#include "services/readingroom/readingroom_proto.h"

namespace depot::readingroom {

ReadingRoomHandler::ReadingRoomHandler(const ReadingRoomDeps& deps,
                                       CallerResolver& resolver)
    : gate_(v1::ReadingRoomService::service_full_name(), resolver),
      visitors_(deps.store, deps.keyring, deps.clock),
      declarations_(deps.store, deps.seal_key, deps.clock, deps.settings),
      loans_(deps.store, deps.catalog, deps.seal_key.verifier(), deps.clock,
             deps.settings),
      copies_(deps.store, deps.clock),
      lending_log_(deps.store, deps.catalog),
      subject_visitors_(deps.store, deps.keyring, deps.subject_keys,
                        deps.clock),
      retention_(deps.store, deps.subject_keys, deps.clock, deps.settings) {}

grpc::Status ReadingRoomHandler::RegisterVisitor(
    grpc::ServerContext* context, const v1::RegisterVisitorRequest* request,
    v1::Visitor* response) {
  return gate_.Serve(
      context, "RegisterVisitor", request, [&](const Caller& caller) {
        ToProto(visitors_.Register(caller, FromProto(*request)), response);
      });
}

grpc::Status ReadingRoomHandler::GetVisitor(
    grpc::ServerContext* context, const v1::GetVisitorRequest* request,
    v1::Visitor* response) {
  return gate_.Serve(context, "GetVisitor", request, [&](const Caller& caller) {
    ToProto(visitors_.Get(caller, request->visitor_id()), response);
  });
}

grpc::Status ReadingRoomHandler::FindVisitors(
    grpc::ServerContext* context, const v1::FindVisitorsRequest* request,
    v1::FindVisitorsResponse* response) {
  return gate_.Serve(
      context, "FindVisitors", request, [&](const Caller& caller) {
        for (const Visitor& visitor :
             visitors_.Find(caller, request->name(), request->visitor_id(),
                            request->limit())) {
          ToProto(visitor, response->add_visitors());
        }
      });
}

grpc::Status ReadingRoomHandler::CorrectVisitor(
    grpc::ServerContext* context, const v1::CorrectVisitorRequest* request,
    v1::Visitor* response) {
  return gate_.Serve(
      context, "CorrectVisitor", request, [&](const Caller& caller) {
        ToProto(visitors_.Correct(caller, FromProto(*request)), response);
      });
}

grpc::Status ReadingRoomHandler::CheckIn(grpc::ServerContext* context,
                                         const v1::CheckInRequest* request,
                                         v1::Visit* response) {
  return gate_.Serve(context, "CheckIn", request, [&](const Caller& caller) {
    ToProto(visitors_.CheckIn(caller, request->visitor_id()), response);
  });
}

grpc::Status ReadingRoomHandler::CheckOut(grpc::ServerContext* context,
                                          const v1::CheckOutRequest* request,
                                          v1::Visit* response) {
  return gate_.Serve(context, "CheckOut", request, [&](const Caller& caller) {
    ToProto(visitors_.CheckOut(caller, request->visitor_id()), response);
  });
}

grpc::Status ReadingRoomHandler::VisitorLog(
    grpc::ServerContext* context, const v1::VisitorLogRequest* request,
    v1::VisitorLogResponse* response) {
  return gate_.Serve(context, "VisitorLog", request, [&](const Caller& caller) {
    ToProto(visitors_.Log(caller, request->date()), response);
  });
}

grpc::Status ReadingRoomHandler::ListDeclarationTexts(
    grpc::ServerContext* context,
    const v1::ListDeclarationTextsRequest* request,
    v1::ListDeclarationTextsResponse* response) {
  return gate_.Serve(context, "ListDeclarationTexts", request,
                     [&](const Caller& caller) {
                       for (const DeclarationText& text :
                            declarations_.Texts(caller, request->with_text())) {
                         ToProto(text, response->add_texts());
                       }
                     });
}

grpc::Status ReadingRoomHandler::AddDeclarationText(
    grpc::ServerContext* context, const v1::AddDeclarationTextRequest* request,
    v1::DeclarationText* response) {
  return gate_.Serve(
      context, "AddDeclarationText", request, [&](const Caller& caller) {
        ToProto(declarations_.AddText(caller, request->text()), response);
      });
}

grpc::Status ReadingRoomHandler::SignDeclaration(
    grpc::ServerContext* context, const v1::SignDeclarationRequest* request,
    v1::Declaration* response) {
  return gate_.Serve(
      context, "SignDeclaration", request, [&](const Caller& caller) {
        ToProto(declarations_.Sign(caller, FromProto(*request)), response);
      });
}

grpc::Status ReadingRoomHandler::GetDeclaration(
    grpc::ServerContext* context, const v1::GetDeclarationRequest* request,
    v1::Declaration* response) {
  return gate_.Serve(
      context, "GetDeclaration", request, [&](const Caller& caller) {
        ToProto(declarations_.Get(caller, request->declaration_id()), response);
      });
}

grpc::Status ReadingRoomHandler::ListDeclarations(
    grpc::ServerContext* context, const v1::ListDeclarationsRequest* request,
    v1::ListDeclarationsResponse* response) {
  return gate_.Serve(context, "ListDeclarations", request,
                     [&](const Caller& caller) {
                       for (const Declaration& declaration :
                            declarations_.List(caller, request->visitor_id())) {
                         ToProto(declaration, response->add_declarations());
                       }
                     });
}

grpc::Status ReadingRoomHandler::VerifyDeclaration(
    grpc::ServerContext* context, const v1::VerifyDeclarationRequest* request,
    v1::DeclarationVerification* response) {
  return gate_.Serve(
      context, "VerifyDeclaration", request, [&](const Caller& caller) {
        ToProto(declarations_.Verify(caller, request->declaration_id()),
                response);
      });
}

grpc::Status ReadingRoomHandler::RevokeDeclaration(
    grpc::ServerContext* context, const v1::RevokeDeclarationRequest* request,
    v1::Declaration* response) {
  return gate_.Serve(
      context, "RevokeDeclaration", request, [&](const Caller& caller) {
        ToProto(declarations_.Revoke(caller, request->declaration_id(),
                                     request->reason()),
                response);
      });
}

grpc::Status ReadingRoomHandler::GetSealPublicKey(
    grpc::ServerContext* context, const v1::GetSealPublicKeyRequest* request,
    v1::SealPublicKey* response) {
  return gate_.Serve(context, "GetSealPublicKey", request, [&](const Caller&) {
    const SealVerifier& verifier = declarations_.verifier();
    response->set_public_key_pem(verifier.public_key_pem());
    response->set_key_id(verifier.key_id());
    response->set_algorithm("Ed25519");
  });
}

grpc::Status ReadingRoomHandler::ApproveSpecialAccess(
    grpc::ServerContext* context,
    const v1::ApproveSpecialAccessRequest* request,
    v1::SpecialApproval* response) {
  return gate_.Serve(
      context, "ApproveSpecialAccess", request, [&](const Caller& caller) {
        ToProto(loans_.Approve(caller, FromProto(*request)), response);
      });
}

grpc::Status ReadingRoomHandler::OpenLoan(grpc::ServerContext* context,
                                          const v1::OpenLoanRequest* request,
                                          v1::Loan* response) {
  return gate_.Serve(context, "OpenLoan", request, [&](const Caller& caller) {
    ToProto(loans_.Open(caller, FromProto(*request)), response);
  });
}

grpc::Status ReadingRoomHandler::ReturnLoan(
    grpc::ServerContext* context, const v1::ReturnLoanRequest* request,
    v1::Loan* response) {
  return gate_.Serve(context, "ReturnLoan", request, [&](const Caller& caller) {
    ToProto(loans_.Return(caller, request->loan_id(),
                          ItemRefsFromProto(request->item_refs())),
            response);
  });
}

grpc::Status ReadingRoomHandler::GetLoan(grpc::ServerContext* context,
                                         const v1::GetLoanRequest* request,
                                         v1::Loan* response) {
  return gate_.Serve(context, "GetLoan", request, [&](const Caller& caller) {
    ToProto(loans_.Get(caller, request->loan_id()), response);
  });
}

grpc::Status ReadingRoomHandler::ListOverdue(
    grpc::ServerContext* context, const v1::ListOverdueRequest* request,
    v1::ListOverdueResponse* response) {
  return gate_.Serve(
      context, "ListOverdue", request, [&](const Caller& caller) {
        ToProto(loans_.Overdue(caller, request->closing_time()), response);
      });
}

grpc::Status ReadingRoomHandler::RecordCopyAgreement(
    grpc::ServerContext* context, const v1::RecordCopyAgreementRequest* request,
    v1::CopyAgreement* response) {
  return gate_.Serve(
      context, "RecordCopyAgreement", request, [&](const Caller& caller) {
        ToProto(copies_.Record(caller, FromProto(*request)), response);
      });
}

grpc::Status ReadingRoomHandler::ListCopyAgreements(
    grpc::ServerContext* context, const v1::ListCopyAgreementsRequest* request,
    v1::ListCopyAgreementsResponse* response) {
  return gate_.Serve(
      context, "ListCopyAgreements", request, [&](const Caller& caller) {
        for (const CopyAgreement& agreement :
             copies_.List(caller, request->loan_id(), request->visitor_id())) {
          ToProto(agreement, response->add_agreements());
        }
      });
}

grpc::Status ReadingRoomHandler::ItemLendingLog(
    grpc::ServerContext* context, const v1::ItemLendingLogRequest* request,
    v1::ItemLendingLogResponse* response) {
  return gate_.Serve(context, "ItemLendingLog", request,
                     [&](const Caller& caller) {
                       response->set_item_ref(request->item_ref());
                       for (const LendingLogEntry& entry :
                            lending_log_.ForItem(caller, request->item_ref())) {
                         ToProto(entry, response->add_entries());
                       }
                     });
}

grpc::Status ReadingRoomHandler::VisitorLendingLog(
    grpc::ServerContext* context, const v1::VisitorLendingLogRequest* request,
    v1::VisitorLendingLogResponse* response) {
  return gate_.Serve(
      context, "VisitorLendingLog", request, [&](const Caller& caller) {
        ToProto(lending_log_.ForVisitor(caller, request->visitor_id()),
                response);
      });
}

grpc::Status ReadingRoomHandler::SubjectData(
    grpc::ServerContext* context, const v1::SubjectQuery* request,
    v1::SubjectDataResponse* response) {
  return gate_.Serve(
      context, "SubjectData", request, [&](const Caller& caller) {
        depot::ToProto(
            subject_visitors_.Data(caller, depot::FromProto(*request)),
            response);
      });
}

grpc::Status ReadingRoomHandler::EraseSubjectData(
    grpc::ServerContext* context, const v1::SubjectQuery* request,
    v1::EraseSubjectDataResponse* response) {
  return gate_.Serve(
      context, "EraseSubjectData", request, [&](const Caller& caller) {
        depot::ToProto(
            subject_visitors_.Erase(caller, depot::FromProto(*request)),
            response);
      });
}

grpc::Status ReadingRoomHandler::ApplyRetention(
    grpc::ServerContext* context, const v1::RetentionRequest* request,
    v1::RetentionReport* response) {
  return gate_.Serve(
      context, "ApplyRetention", request, [&](const Caller& caller) {
        ToProto(retention_.Apply(caller, request->dry_run()), response);
      });
}

}  // namespace depot::readingroom
