#pragma once

#include <grpcpp/channel.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "depot/v1/deposit.grpc.pb.h"
#include "depot/v1/journal.grpc.pb.h"
#include "depot/v1/readingroom.grpc.pb.h"
#include "services/privacy/domain/subject_sources.h"

namespace depot::privacy {

/// SubjectSources over gRPC: SubjectData / EraseSubjectData of
/// DepositService, ReadingRoomService and JournalService, and the reading
/// room's ApplyRetention, called with the service identity over mutual
/// TLS. Channels are made on first use (in depotd they point at the server
/// itself, which starts after the modules are built).
class GrpcSubjectSources : public SubjectSources {
 public:
  using ChannelFactory = std::function<std::shared_ptr<grpc::Channel>()>;
  struct Channels {
    ChannelFactory deposits;
    ChannelFactory readingroom;
    ChannelFactory journal;
  };

  /// dev_identity: the caller name sent as metadata to a plaintext
  /// --insecure-dev server (empty with mutual TLS).
  GrpcSubjectSources(Channels channels, std::string dev_identity);

  std::vector<SubjectData> Collect(const SubjectIdentity& identity,
                                   const std::string& purpose) override;
  std::vector<ErasureOutcome> Erase(const SubjectIdentity& identity,
                                    const std::string& purpose) override;
  std::vector<RetentionCount> ApplyRetention(bool dry_run) override;

 private:
  struct Stubs {
    std::unique_ptr<v1::DepositService::Stub> deposits;
    std::unique_ptr<v1::ReadingRoomService::Stub> readingroom;
    std::unique_ptr<v1::JournalService::Stub> journal;
  };
  Stubs& stubs();
  std::unique_ptr<grpc::ClientContext> NewContext() const;

  Channels channels_;
  std::string dev_identity_;
  std::once_flag once_;
  Stubs stubs_;
};

}  // namespace depot::privacy
