#include "tests/support/raw_call.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

namespace depot::testing {
namespace {

// Waits for the one operation in flight; false when it failed (the call
// ended, or there is nothing more to read).
bool Await(grpc::CompletionQueue& queue) {
  void* tag = nullptr;
  bool ok = false;
  queue.Next(&tag, &ok);
  return ok;
}

std::string Flatten(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!buffer.Dump(&slices).ok()) return bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return bytes;
}

}  // namespace

RawCallResult CallRaw(const std::shared_ptr<grpc::Channel>& channel,
                      const std::string& method,
                      const std::vector<std::string>& requests,
                      std::chrono::milliseconds deadline) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue queue;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + deadline);
  auto call = stub.PrepareCall(&context, method, &queue);
  call->StartCall(reinterpret_cast<void*>(1));
  bool open = Await(queue);
  for (const std::string& bytes : requests) {
    if (!open) break;
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    call->Write(request, reinterpret_cast<void*>(2));
    // A server that answered early stops taking messages: that is fine.
    open = Await(queue);
  }
  if (open) {
    call->WritesDone(reinterpret_cast<void*>(3));
    Await(queue);
  }
  RawCallResult result;
  for (grpc::ByteBuffer response;;) {
    call->Read(&response, reinterpret_cast<void*>(4));
    if (!Await(queue)) break;
    result.responses.push_back(Flatten(response));
  }
  call->Finish(&result.status, reinterpret_cast<void*>(5));
  Await(queue);
  queue.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (queue.Next(&tag, &ok)) {
  }
  return result;
}

}  // namespace depot::testing
