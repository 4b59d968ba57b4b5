// Dates and times outside 1800-01-01 to 2199-12-31 are refused with the
// range named. They used to wrap: 9999-12-31 became 1816, 2262-04-12
// became 1677, and passed the checks meant for them.
#include "tests/integration/depot_fixture.h"

namespace depot {
namespace {

constexpr char kRange[] = "1800-01-01T00:00:00Z to 2199-12-31T23:59:59Z";

class TimeInputTest : public testing::DepotFixture {
 protected:
  int Breaches() {
    v1::ListBreachesResponse listed;
    grpc::ClientContext context;
    EXPECT_TRUE(Privacy()
                    ->ListBreaches(&context, v1::ListBreachesRequest(), &listed)
                    .ok());
    return listed.breaches_size();
  }

  grpc::Status RegisterBreach(const std::string& became_aware_at,
                              v1::Breach* breach) {
    v1::RegisterBreachRequest request;
    request.set_became_aware_at(became_aware_at);
    request.set_nature("laptop lost");
    request.add_data_categories("names");
    request.add_people_categories("visitors");
    request.set_approximate_people(3);
    grpc::ClientContext context;
    return Privacy()->RegisterBreach(&context, request, breach);
  }
};

void ExpectRangeRefusal(const grpc::Status& status, const std::string& field,
                        const std::string& range = kRange) {
  EXPECT_EQ(status.error_code(), grpc::INVALID_ARGUMENT)
      << status.error_message();
  EXPECT_NE(status.error_message().find(field), std::string::npos)
      << status.error_message();
  EXPECT_NE(status.error_message().find(range), std::string::npos)
      << status.error_message();
}

TEST_F(TimeInputTest, ABreachAwareIn9999IsRefusedNotStoredAs1816) {
  v1::Breach breach;
  ExpectRangeRefusal(RegisterBreach("9999-12-31T00:00:00Z", &breach),
                     "became_aware_at");
  EXPECT_EQ(Breaches(), 0);
}

TEST_F(TimeInputTest, ANotificationIn9999IsRefusedWithTheRange) {
  v1::Breach breach;
  ASSERT_TRUE(RegisterBreach("2025-03-02T08:15:00Z", &breach).ok());
  v1::NotifyBreachRequest notify;
  notify.set_breach_id(breach.breach_id());
  notify.set_notified_at("9999-12-31T00:00:00Z");
  notify.set_late_reason("the DPO was away");
  v1::Breach notified;
  grpc::ClientContext context;
  ExpectRangeRefusal(Privacy()->NotifyBreach(&context, notify, &notified),
                     "notified_at");
}

TEST_F(TimeInputTest, ADeclarationValidFrom2262IsRefusedNotStoredAs1677) {
  v1::RegisterVisitorRequest visitor_request;
  visitor_request.set_name("Kari Nordmann");
  visitor_request.set_contact("+47 400 00 000");
  visitor_request.set_id_document_kind(v1::ID_DOCUMENT_KIND_PASSPORT);
  v1::Visitor visitor;
  grpc::ClientContext visitor_context;
  grpc::Status registered = ReadingRoom("desk")->RegisterVisitor(
      &visitor_context, visitor_request, &visitor);
  ASSERT_TRUE(registered.ok()) << registered.error_message();
  v1::SignDeclarationRequest request;
  request.set_visitor_id(visitor.visitor_id());
  request.mutable_scope()->set_kind(v1::SCOPE_KIND_ALL);
  request.set_valid_from("2262-04-12T00:00:00Z");
  v1::Declaration declaration;
  grpc::ClientContext context;
  ExpectRangeRefusal(
      ReadingRoom("desk")->SignDeclaration(&context, request, &declaration),
      "valid_from");

  v1::ListDeclarationsRequest list;
  list.set_visitor_id(visitor.visitor_id());
  v1::ListDeclarationsResponse listed;
  grpc::ClientContext list_context;
  ASSERT_TRUE(
      ReadingRoom("desk")->ListDeclarations(&list_context, list, &listed).ok());
  EXPECT_EQ(listed.declarations_size(), 0);
}

TEST_F(TimeInputTest, DatesOutsideTheRangeAreRefusedWithIt) {
  v1::OpenAccessRequestRequest request;
  request.set_name("Kari Nordmann");
  request.set_birth_date("1700-01-01");
  request.set_verified_by("id-document");
  v1::AccessRequest opened;
  grpc::ClientContext context;
  ExpectRangeRefusal(Privacy()->OpenAccessRequest(&context, request, &opened),
                     "birth_date", "from 1800-01-01 to 2199-12-31");
}

}  // namespace
}  // namespace depot
