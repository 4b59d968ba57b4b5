#pragma once

#include <grpcpp/client_context.h>
#include <grpcpp/support/sync_stream.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include "clients/cli/connection.h"

namespace depot::cli {

/// A unary RPC of a generated stub: &v1::DepositService::Stub::GetDeposit.
template <typename Stub, typename Request, typename Response>
using UnaryMethod = grpc::Status (Stub::*)(grpc::ClientContext*, const Request&,
                                           Response*);

/// A server-streaming RPC of a generated stub:
/// &v1::JournalService::Stub::PublicJournal.
template <typename Stub, typename Request, typename Message>
using StreamMethod = std::unique_ptr<grpc::ClientReader<Message>> (Stub::*)(
    grpc::ClientContext*, const Request&);

/// The one way the CLI makes a client stub of a service
/// (MakeStub<v1::DepositService::Stub>(connection)).
template <typename Stub>
std::unique_ptr<Stub> MakeStub(const Connection& connection) {
  return std::make_unique<Stub>(connection.channel());
}

/// How long a streaming call may run. The global --timeout bounds single
/// requests; reports and exports stream for as long as they take.
class CallTime {
 public:
  /// This long from the start of the call, whatever --timeout says.
  static CallTime AtMost(std::chrono::seconds limit) { return CallTime(limit); }
  /// No deadline at all: the call runs as long as the server keeps sending.
  static CallTime Unbounded() { return CallTime(std::chrono::seconds::max()); }

  /// A context for one call with this deadline.
  std::unique_ptr<grpc::ClientContext> NewContext(
      const Connection& connection) const {
    auto context = connection.NewContext();
    if (limit_ == std::chrono::seconds::max()) {
      context->set_deadline(std::chrono::system_clock::time_point::max());
    } else {
      context->set_deadline(std::chrono::system_clock::now() + limit_);
    }
    return context;
  }

 private:
  explicit CallTime(std::chrono::seconds limit) : limit_(limit) {}
  std::chrono::seconds limit_;
};

/// One unary call within the global --timeout.
template <typename Stub, typename Request, typename Response>
grpc::Status Call(const Connection& connection,
                  UnaryMethod<Stub, Request, Response> method,
                  const Request& request, Response* response) {
  auto stub = MakeStub<Stub>(connection);
  auto context = connection.NewContext();
  return ((*stub).*method)(context.get(), request, response);
}

/// Calls a paged list RPC page after page: `take(page, request)` gets each
/// answer (and may change the request for the next page, say its size) and
/// says whether to go on; the request's page_token is then set to the
/// answer's next_page_token. Stops after the last page or at the first
/// failed call, whose status it returns.
template <typename Stub, typename Request, typename Response, typename Take>
grpc::Status CallPages(const Connection& connection,
                       UnaryMethod<Stub, Request, Response> method,
                       Request request, Take take) {
  auto stub = MakeStub<Stub>(connection);
  while (true) {
    Response page;
    auto context = connection.NewContext();
    grpc::Status status = ((*stub).*method)(context.get(), request, &page);
    if (!status.ok()) return status;
    std::string next = page.next_page_token();
    if (!take(page, request) || next.empty()) return grpc::Status::OK;
    request.set_page_token(next);
  }
}

/// Reads a server stream to its end, handing each message to `each`. When
/// `each` returns false the call is cancelled and reading stops. Returns
/// the call's status.
template <typename Stub, typename Request, typename Message, typename Each>
grpc::Status ReadStream(const Connection& connection,
                        StreamMethod<Stub, Request, Message> method,
                        const Request& request, CallTime time, Each each) {
  auto stub = MakeStub<Stub>(connection);
  auto context = time.NewContext(connection);
  auto reader = ((*stub).*method)(context.get(), request);
  Message message;
  while (reader->Read(&message)) {
    if (!each(message)) {
      context->TryCancel();
      break;
    }
  }
  return reader->Finish();
}

}  // namespace depot::cli
