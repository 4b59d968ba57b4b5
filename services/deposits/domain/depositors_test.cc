#include "services/deposits/domain/depositors.h"

#include <gtest/gtest.h>

#include "services/common/error.h"
#include "tests/support/error_of.h"
#include "tests/support/fakes/fake_deposit_store.h"

namespace depot::deposits {
namespace {

Caller Archivist() { return Caller{"anna", Role::kArchivist, ""}; }
Caller Municipality(const std::string& org) {
  return Caller{"municipality-" + org, Role::kMunicipality, org};
}

using depot::testing::CodeOf;

class DepositorsTest : public ::testing::Test {
 protected:
  FakeDepositStore store_;
  Depositors depositors_{store_};
};

TEST_F(DepositorsTest, RegistersAndFinds) {
  depositors_.Register(Archivist(), {"964338531", "  Bergen kommune ",
                                     DepositorKind::kMunicipality});
  Depositor found = depositors_.Get(Archivist(), "964338531");
  EXPECT_EQ(found.name, "Bergen kommune");
  EXPECT_EQ(found.kind, DepositorKind::kMunicipality);
}

TEST_F(DepositorsTest, BadInputIsRejectedAndNothingStored) {
  EXPECT_EQ(CodeOf([&] {
              depositors_.Register(Archivist(),
                                   {"964338532", "X", DepositorKind::kCounty});
            }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] {
              depositors_.Register(Archivist(),
                                   {"964338531", "   ", DepositorKind::kOther});
            }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] {
              depositors_.Register(Archivist(),
                                   {"964338531", "Bergen", std::nullopt});
            }),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_.state().depositors.empty());
}

TEST_F(DepositorsTest, NameLimitCountsCharactersNotBytes) {
  // 200 characters, 400 bytes: within the field's rule (deposit.proto).
  std::string name;
  for (int i = 0; i < 200; ++i) name += "ø";
  depositors_.Register(Archivist(),
                       {"964338531", name, DepositorKind::kMunicipality});
  EXPECT_EQ(depositors_.Get(Archivist(), "964338531").name, name);
  EXPECT_EQ(CodeOf([&] {
              depositors_.Register(Archivist(), {"938587418", name + "ø",
                                                 DepositorKind::kCounty});
            }),
            ErrorCode::kInvalidArgument);
}

TEST_F(DepositorsTest, SecondRegistrationOfANumberIsAlreadyExists) {
  depositors_.Register(Archivist(),
                       {"964338531", "Bergen", DepositorKind::kMunicipality});
  EXPECT_EQ(CodeOf([&] {
              depositors_.Register(Archivist(), {"964338531", "Again",
                                                 DepositorKind::kMunicipality});
            }),
            ErrorCode::kAlreadyExists);
}

TEST_F(DepositorsTest, MissingDepositorIsNotFound) {
  EXPECT_EQ(CodeOf([&] { depositors_.Get(Archivist(), "964338531"); }),
            ErrorCode::kNotFound);
}

TEST_F(DepositorsTest, MunicipalityActsOnlyForItself) {
  EXPECT_EQ(CodeOf([&] {
              depositors_.Register(
                  Municipality("964338531"),
                  {"938587418", "Other", DepositorKind::kMunicipality});
            }),
            ErrorCode::kPermissionDenied);
  depositors_.Register(Municipality("964338531"),
                       {"964338531", "Own", DepositorKind::kMunicipality});
  depositors_.Register(Archivist(),
                       {"938587418", "Other", DepositorKind::kMunicipality});
  EXPECT_EQ(
      CodeOf([&] { depositors_.Get(Municipality("964338531"), "938587418"); }),
      ErrorCode::kPermissionDenied);
  DepositorPage page = depositors_.List(Municipality("964338531"), 0, "");
  ASSERT_EQ(page.depositors.size(), 1u);
  EXPECT_EQ(page.depositors[0].organisation_number, "964338531");
}

TEST_F(DepositorsTest, ListsPageByPage) {
  for (const char* number :
       {"964338531", "938587418", "974760673", "923609016", "940101808"}) {
    depositors_.Register(Archivist(),
                         {number, "D", DepositorKind::kMunicipality});
  }
  DepositorPage first = depositors_.List(Archivist(), 2, "");
  ASSERT_EQ(first.depositors.size(), 2u);
  ASSERT_FALSE(first.next_page_token.empty());
  DepositorPage second =
      depositors_.List(Archivist(), 2, first.next_page_token);
  DepositorPage third =
      depositors_.List(Archivist(), 2, second.next_page_token);
  EXPECT_EQ(second.depositors.size(), 2u);
  EXPECT_EQ(third.depositors.size(), 1u);
  EXPECT_TRUE(third.next_page_token.empty());
  EXPECT_EQ(CodeOf([&] { depositors_.List(Archivist(), 2, "garbage"); }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] { depositors_.List(Archivist(), 5000, ""); }),
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace depot::deposits
