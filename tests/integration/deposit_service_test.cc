// DepositService on an in-process gRPC server: real mTLS, real PostgreSQL.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "depot/v1/deposit.grpc.pb.h"
#include "services/deposits/deposit_module.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"

namespace depot {
namespace {

using testing::ChannelAs;

class DepositServiceTest : public ::testing::Test {
 protected:
  std::unique_ptr<v1::DepositService::Stub> Stub(const std::string& as) {
    return v1::DepositService::NewStub(ChannelAs(server_.port(), as));
  }
  grpc::Status Register(const std::string& as, const std::string& org,
                        const std::string& name,
                        v1::DepositorKind kind = v1::DEPOSITOR_KIND_MUNICIPALITY) {
    v1::RegisterDepositorRequest request;
    request.set_organization_number(org);
    request.set_name(name);
    request.set_kind(kind);
    v1::Depositor response;
    grpc::ClientContext context;
    return Stub(as)->RegisterDepositor(&context, request, &response);
  }

  testing::TestDatabase db_;
  testing::InProcessServer server_{db_.dsn(), {deposits::MakeDepositModule}};
};

TEST_F(DepositServiceTest, RegisterGetAndList) {
  ASSERT_TRUE(Register("archivist", "964338531", "Bergen kommune").ok());
  ASSERT_TRUE(Register("archivist", "938587418", "Vestland fylkeskommune",
                       v1::DEPOSITOR_KIND_COUNTY)
                  .ok());

  v1::GetDepositorRequest get;
  get.set_organization_number("938587418");
  v1::Depositor depositor;
  grpc::ClientContext get_context;
  ASSERT_TRUE(Stub("dpo")->GetDepositor(&get_context, get, &depositor).ok());
  EXPECT_EQ(depositor.name(), "Vestland fylkeskommune");
  EXPECT_EQ(depositor.kind(), v1::DEPOSITOR_KIND_COUNTY);
  EXPECT_FALSE(depositor.registered_at().empty());

  v1::ListDepositorsRequest list;
  list.set_page_size(1);
  v1::ListDepositorsResponse page;
  grpc::ClientContext list_context;
  ASSERT_TRUE(Stub("archivist")->ListDepositors(&list_context, list, &page).ok());
  ASSERT_EQ(page.depositors_size(), 1);
  EXPECT_EQ(page.depositors(0).organization_number(), "964338531");
  EXPECT_FALSE(page.next_page_token().empty());
}

TEST_F(DepositServiceTest, BadOrganisationNumberIsInvalidArgument) {
  grpc::Status status = Register("archivist", "964338532", "Typo kommune");
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("check digit"), std::string::npos);
  status = Register("archivist", "12345", "Short");
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("9 digits"), std::string::npos);
  status = Register("archivist", "964338531", "No kind",
                    v1::DEPOSITOR_KIND_UNSPECIFIED);
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("kind"), std::string::npos);
}

TEST_F(DepositServiceTest, SecondDepositorWithSameNumberIsAlreadyExists) {
  ASSERT_TRUE(Register("archivist", "964338531", "Bergen kommune").ok());
  grpc::Status status = Register("archivist", "964338531", "Bergen igjen");
  EXPECT_EQ(status.error_code(), grpc::ALREADY_EXISTS);
  EXPECT_NE(status.error_message().find("964338531"), std::string::npos);
}

TEST_F(DepositServiceTest, UnknownDepositorIsNotFound) {
  v1::GetDepositorRequest get;
  get.set_organization_number("974760673");
  v1::Depositor depositor;
  grpc::ClientContext context;
  grpc::Status status = Stub("archivist")->GetDepositor(&context, get, &depositor);
  EXPECT_EQ(status.error_code(), grpc::NOT_FOUND);
}

TEST_F(DepositServiceTest, MunicipalityCannotRegisterOrReadAnotherOrganisation) {
  const std::string own = std::string("municipality-") + testing::kOwnMunicipality;
  grpc::Status other = Register(own, testing::kOtherMunicipality, "Not mine");
  EXPECT_EQ(other.error_code(), grpc::PERMISSION_DENIED);
  ASSERT_TRUE(Register(own, testing::kOwnMunicipality, "Mine").ok());
  ASSERT_TRUE(
      Register("archivist", testing::kOtherMunicipality, "Someone else").ok());

  v1::GetDepositorRequest get;
  get.set_organization_number(testing::kOtherMunicipality);
  v1::Depositor depositor;
  grpc::ClientContext context;
  EXPECT_EQ(Stub(own)->GetDepositor(&context, get, &depositor).error_code(),
            grpc::PERMISSION_DENIED);

  v1::ListDepositorsResponse page;
  grpc::ClientContext list_context;
  ASSERT_TRUE(Stub(own)
                  ->ListDepositors(&list_context, v1::ListDepositorsRequest(),
                                   &page)
                  .ok());
  ASSERT_EQ(page.depositors_size(), 1);
  EXPECT_EQ(page.depositors(0).organization_number(), testing::kOwnMunicipality);
}

}  // namespace
}  // namespace depot
