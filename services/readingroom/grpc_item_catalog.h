#pragma once

#include <grpcpp/channel.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "depot/v1/deposit.grpc.pb.h"
#include "services/readingroom/domain/item_catalog.h"

namespace depot::readingroom {

/// ItemCatalog over gRPC: DepositService.GetItem, called with the service
/// identity over mutual TLS. The channel is made on first use, because in
/// depotd it points at the server itself, which starts after the modules
/// are built; it is then reused by every call.
class GrpcItemCatalog : public ItemCatalog {
 public:
  using ChannelFactory = std::function<std::shared_ptr<grpc::Channel>()>;

  /// dev_identity: the caller name sent as metadata to a plaintext
  /// --insecure-dev server (empty with mutual TLS).
  GrpcItemCatalog(ChannelFactory make_channel, std::string dev_identity);

  std::optional<ItemInfo> Find(const std::string& item_ref) override;

 private:
  v1::DepositService::Stub& Stub();

  ChannelFactory make_channel_;
  std::string dev_identity_;
  std::once_flag once_;
  std::unique_ptr<v1::DepositService::Stub> stub_;
};

}  // namespace depot::readingroom
