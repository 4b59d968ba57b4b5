#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "depot/v1/audit.grpc.pb.h"
#include "depot/v1/deposit.grpc.pb.h"
#include "depot/v1/journal.grpc.pb.h"
#include "depot/v1/privacy.grpc.pb.h"
#include "depot/v1/readingroom.grpc.pb.h"
#include "services/depotd/depotd_modules.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"

namespace depot::testing {

/// Every service depotd hosts, in process over real mTLS and a fresh
/// database, with a stub per service for any certificate of TestPki.
class DepotFixture : public ::testing::Test {
 protected:
  std::shared_ptr<grpc::Channel> ChannelFor(const std::string& as) {
    return ChannelAs(server_.port(), as);
  }
  std::unique_ptr<v1::DepositService::Stub> Deposits(
      const std::string& as = "archivist") {
    return v1::DepositService::NewStub(ChannelFor(as));
  }
  std::unique_ptr<v1::ReadingRoomService::Stub> ReadingRoom(
      const std::string& as = "archivist") {
    return v1::ReadingRoomService::NewStub(ChannelFor(as));
  }
  std::unique_ptr<v1::JournalService::Stub> Journal(
      const std::string& as = "archivist") {
    return v1::JournalService::NewStub(ChannelFor(as));
  }
  std::unique_ptr<v1::PrivacyService::Stub> Privacy(
      const std::string& as = "dpo") {
    return v1::PrivacyService::NewStub(ChannelFor(as));
  }
  std::unique_ptr<v1::AuditService::Stub> Audit(
      const std::string& as = "auditor") {
    return v1::AuditService::NewStub(ChannelFor(as));
  }

  TestDatabase db_;
  InProcessServer server_{db_.dsn(), DepotdModules()};
};

/// The certificate of the own municipality's system.
inline std::string OwnMunicipality() {
  return std::string("municipality-") + kOwnMunicipality;
}

}  // namespace depot::testing
