#include "services/readingroom/grpc_item_catalog.h"

#include <grpcpp/client_context.h>

#include "services/common/auth/caller_resolver.h"
#include "services/common/client_status.h"
#include "services/readingroom/domain/categories.h"
#include "services/readingroom/domain/item_ref.h"

namespace depot::readingroom {
namespace {

constexpr auto kDeadline = std::chrono::seconds(10);

}  // namespace

GrpcItemCatalog::GrpcItemCatalog(ChannelFactory make_channel,
                                 std::string dev_identity)
    : make_channel_(std::move(make_channel)),
      dev_identity_(std::move(dev_identity)) {}

v1::DepositService::Stub& GrpcItemCatalog::Stub() {
  std::call_once(
      once_, [this] { stub_ = v1::DepositService::NewStub(make_channel_()); });
  return *stub_;
}

std::optional<ItemInfo> GrpcItemCatalog::Find(const std::string& item_ref) {
  v1::GetItemRequest request;
  request.set_item_ref(item_ref);
  v1::Item item;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + kDeadline);
  if (!dev_identity_.empty()) {
    context.AddMetadata(kDevIdentityMetadata, dev_identity_);
  }
  grpc::Status status = Stub().GetItem(&context, request, &item);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) return std::nullopt;
  if (!status.ok()) {
    throw ErrorFromClientStatus(
        status, "DepositService could not describe item " + item_ref,
        InvalidArgumentFrom::kRelay);
  }
  ItemInfo info;
  info.item_ref = item_ref;  // our normalized form: loans compare by it
  info.is_box = item.kind() == v1::ITEM_KIND_BOX;
  info.deposit_id = item.deposit_id();
  info.organisation_number = item.organization_number();
  info.category = CategoryName(item.category()).value_or("other");
  info.special_category = item.special_category();
  info.box = item.box();
  info.shelf = item.shelf();
  info.record_ids.assign(item.record_ids().begin(), item.record_ids().end());
  if (!info.is_box && info.record_ids.empty()) {
    std::string problem;
    if (auto ref = ParseItemRef(item_ref, &problem)) {
      info.record_ids.push_back(ref->record_id);
    }
  }
  return info;
}

}  // namespace depot::readingroom
