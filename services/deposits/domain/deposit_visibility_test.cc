// The deposits domain answers a municipal system's lookup of another
// organisation's deposit exactly as that of one that does not exist.
#include <gtest/gtest.h>

#include <functional>

#include "services/common/error.h"
#include "services/deposits/domain/depositors.h"
#include "services/deposits/domain/deposits.h"
#include "services/deposits/domain/record_search.h"
#include "services/deposits/domain/transfers.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fakes/fake_deposit_store.h"

namespace depot::deposits {
namespace {

Caller Archivist() { return Caller{"anna", Role::kArchivist, ""}; }
Caller Stranger() {
  return Caller{"municipality-938587418", Role::kMunicipality, "938587418"};
}

// The code and message a lookup ends with, the deposit's number as "N".
std::string Refusal(const std::function<void()>& call, int64_t id) {
  try {
    call();
  } catch (const Error& error) {
    std::string message = error.what();
    std::string number = std::to_string(id);
    for (size_t at; (at = message.find(number)) != std::string::npos;) {
      message.replace(at, number.size(), "N");
    }
    return std::to_string(static_cast<int>(error.code())) + " " + message;
  }
  return "no error";
}

class DepositVisibilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Depositors(store_).Register(
        Archivist(), {"964338531", "Bergen", DepositorKind::kMunicipality});
    own_ = deposits_
               .Create(Archivist(), {"964338531", RegisterCategory::kPupilFiles,
                                     "", "2026-06-30"})
               .id;
  }

  std::vector<std::function<void(int64_t)>> Lookups() {
    return {
        [&](int64_t id) { deposits_.Get(Stranger(), id); },
        [&](int64_t id) { deposits_.Close(Stranger(), id); },
        [&](int64_t id) { deposits_.Cancel(Stranger(), id, "wrong depot"); },
        [&](int64_t id) { deposits_.Rejections(Stranger(), id, 0, ""); },
        [&](int64_t id) { transfers_.Begin(Stranger(), id); },
        [&](int64_t id) { transfers_.Progress(Stranger(), id, "t-1"); },
        [&](int64_t id) {
          SearchCommand command;
          command.deposit_id = id;
          search_.Search(Stranger(), command);
        },
    };
  }

  FakeDepositStore store_;
  Keyring keyring_ = Keyring::Random();
  CategoryRules rules_;
  testing::FakeClock clock_{
      std::chrono::sys_days(std::chrono::year(2026) / 11 / 24)};
  DepositContext context_{store_, keyring_, rules_, clock_.clock()};
  Deposits deposits_{context_};
  Transfers transfers_{context_};
  RecordSearch search_{context_};
  int64_t own_ = 0;
};

TEST_F(DepositVisibilityTest, AnotherOrganisationsDepositIsNotFound) {
  int64_t missing = own_ + 100;
  for (const auto& lookup : Lookups()) {
    std::string others = Refusal([&] { lookup(own_); }, own_);
    std::string absent = Refusal([&] { lookup(missing); }, missing);
    EXPECT_EQ(others, absent);
    EXPECT_EQ(absent.substr(0, absent.find(' ')),
              std::to_string(static_cast<int>(ErrorCode::kNotFound)))
        << absent;
  }
  EXPECT_EQ(deposits_.Get(Archivist(), own_).state, DepositState::kOpen);
}

}  // namespace
}  // namespace depot::deposits
