// Text that breaks its field's rule is refused through the service with
// INVALID_ARGUMENT naming the field, and nothing is stored; messages that
// quote input quote only a short prefix of it.
#include "tests/integration/depot_fixture.h"
#include "tests/support/records.h"

namespace depot {
namespace {

using namespace std::string_literals;

class TextInputTest : public testing::DepotFixture {};

TEST_F(TextInputTest, NulInADepositDescriptionIsRefusedAndNothingStored) {
  testing::CreateDeposit(ChannelFor("archivist"), testing::kOwnMunicipality,
                         v1::REGISTER_CATEGORY_PUPIL_FILES, "");
  v1::CreateDepositRequest request;
  request.set_organization_number(testing::kOwnMunicipality);
  request.set_category(v1::REGISTER_CATEGORY_PUPIL_FILES);
  request.set_description("a\0b"s);
  v1::Deposit deposit;
  grpc::ClientContext context;
  grpc::Status status = Deposits()->CreateDeposit(&context, request, &deposit);
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT)
      << status.error_message();
  EXPECT_NE(status.error_message().find("description"), std::string::npos)
      << status.error_message();
  EXPECT_NE(status.error_message().find("NUL"), std::string::npos)
      << status.error_message();

  v1::ListDepositsResponse listed;
  grpc::ClientContext list_context;
  ASSERT_TRUE(
      Deposits()
          ->ListDeposits(&list_context, v1::ListDepositsRequest(), &listed)
          .ok());
  EXPECT_EQ(listed.deposits_size(), 1) << "only the deposit made above";
}

TEST_F(TextInputTest, NulInABreachsNatureIsRefusedAndNothingStored) {
  v1::RegisterBreachRequest request;
  request.set_became_aware_at("2025-03-02T08:15:00Z");
  request.set_nature("laptop\0 lost"s);
  request.add_data_categories("names");
  request.add_people_categories("visitors");
  request.set_approximate_people(3);
  v1::Breach breach;
  grpc::ClientContext context;
  grpc::Status status = Privacy()->RegisterBreach(&context, request, &breach);
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT)
      << status.error_message();
  EXPECT_NE(status.error_message().find("nature"), std::string::npos)
      << status.error_message();

  v1::ListBreachesResponse listed;
  grpc::ClientContext list_context;
  ASSERT_TRUE(
      Privacy()
          ->ListBreaches(&list_context, v1::ListBreachesRequest(), &listed)
          .ok());
  EXPECT_EQ(listed.breaches_size(), 0);
}

// Messages quote input through QuoteInput: a short, escaped prefix.
void ExpectShortQuote(const grpc::Status& status, const std::string& input) {
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.error_message().find(input), std::string::npos)
      << status.error_message();
  EXPECT_NE(status.error_message().find(input.substr(0, 20)), std::string::npos)
      << status.error_message();
  EXPECT_LT(status.error_message().size(), 200u) << status.error_message();
}

TEST_F(TextInputTest, AnUnknownItemIsQuotedShort) {
  std::string ref = "box:1:" + std::string(190, 'x');
  v1::GetItemRequest request;
  request.set_item_ref(ref);
  v1::Item item;
  grpc::ClientContext context;
  grpc::Status status = Deposits("desk")->GetItem(&context, request, &item);
  EXPECT_EQ(status.error_code(), grpc::NOT_FOUND) << status.error_message();
  ExpectShortQuote(status, ref);
}

TEST_F(TextInputTest, AMalformedItemReferenceIsQuotedShort) {
  std::string ref = "shelf:" + std::string(190, 'y');
  v1::ItemLendingLogRequest request;
  request.set_item_ref(ref);
  v1::ItemLendingLogResponse log;
  grpc::ClientContext context;
  grpc::Status status =
      ReadingRoom("archivist")->ItemLendingLog(&context, request, &log);
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT)
      << status.error_message();
  ExpectShortQuote(status, ref);
}

}  // namespace
}  // namespace depot
