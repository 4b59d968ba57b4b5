// The reading room's rights requests and retention over the
// in-memory store with a hand-moved clock.
#include <nlohmann/json.hpp>

#include "services/readingroom/domain/retention.h"
#include "services/readingroom/domain/subject_visitors.h"
#include "tests/support/fakes/readingroom_fixture.h"

namespace depot::readingroom {
namespace {

Caller Service() { return Caller{"privacy", Role::kService, ""}; }

class SubjectReadingRoomTest : public ReadingRoomFixture {
 protected:
  void SetUp() override {
    ReadingRoomFixture::SetUp();
    store_.set_index(
        [this](const std::string& text) { return keyring_.BlindIndex(text); });
  }
  int64_t Person(const std::string& name, const std::string& birth_date) {
    return visitors_
        .Register(Desk(), {name, "kari@example.org", IdDocumentKind::kPassport,
                           birth_date, ""})
        .id;
  }
  int Count(const SubjectData& data, const std::string& kind) {
    int n = 0;
    for (const auto& item : data.items) n += item.kind == kind;
    return n;
  }
  SubjectVisitors subject_{store_, keyring_, nullptr, clock_.clock()};
  Retention retention_{store_, nullptr, clock_.clock(), settings_};
};

TEST_F(SubjectReadingRoomTest, FindsOnlyThePersonWithThatBirthDate) {
  int64_t first = Person("Kari Nordmann", "1950-03-01");
  int64_t second = Person("Kari Nordmann", "1950-11-12");
  AddVisitor("Kari Nordmann");  // name only: never matched
  visitors_.CheckIn(Desk(), first);
  SignAll(first);
  Loan loan = Lend(first, {"record:11"});
  loans_.Return(Desk(), loan.id, {});
  visitors_.CheckIn(Desk(), second);

  SubjectData data = subject_.Data(
      Service(), {"", "Kari Nordmann", "1950-03-01", "access-request/1"});
  EXPECT_EQ(Count(data, "visitor"), 1);
  EXPECT_EQ(Count(data, "visit"), 1);
  EXPECT_EQ(Count(data, "loan"), 1);
  EXPECT_EQ(Count(data, "declaration"), 1);
  EXPECT_GT(Count(data, "audit_event"), 0);
  for (const auto& item : data.items) {
    EXPECT_EQ(item.data_json.find("1950-11-12"), std::string::npos);
    EXPECT_EQ(item.id.find("visitor/" + std::to_string(second)),
              std::string::npos)
        << item.id;
  }
}

TEST_F(SubjectReadingRoomTest, ErasureKeepsAVisitorWithMaterialOut) {
  int64_t id = Person("Kari Nordmann", "1950-03-01");
  visitors_.CheckIn(Desk(), id);
  SignAll(id);
  Loan loan = Lend(id, {"record:11"});
  auto outcomes = subject_.Erase(
      Service(), {"", "Kari Nordmann", "1950-03-01", "erasure/1"});
  bool visitor_kept = false;
  for (const auto& o : outcomes) {
    if (o.kind == "visitor") {
      visitor_kept = !o.erased && !o.legal_reason.empty();
    }
  }
  EXPECT_TRUE(visitor_kept);
  EXPECT_TRUE(store_.state().visitors.contains(id));

  loans_.Return(Desk(), loan.id, {});
  outcomes = subject_.Erase(Service(),
                            {"", "Kari Nordmann", "1950-03-01", "erasure/2"});
  int erased = 0;
  for (const auto& o : outcomes) erased += o.erased;
  EXPECT_GE(erased, 4);  // visitor, visit, loan, declaration
  EXPECT_FALSE(store_.state().visitors.contains(id));
  EXPECT_TRUE(store_.state().loans.empty());
  // Nothing erasable is left.
  SubjectData after = subject_.Data(
      Service(), {"", "Kari Nordmann", "1950-03-01", "access-request/2"});
  EXPECT_EQ(Count(after, "visitor"), 0);
  EXPECT_EQ(Count(after, "loan"), 0);
}

TEST_F(SubjectReadingRoomTest, RetentionDeletesWhatIsPastItsPeriodOnce) {
  settings_.visit_retention_months = 12;
  settings_.loan_retention_months = 24;
  settings_.declaration_retention_months = 12;
  int64_t old = Person("Ola Nordmann", "1960-01-01");
  visitors_.CheckIn(Desk(), old);
  visitors_.CheckOut(Desk(), old);  // a visit without loans
  visitors_.CheckIn(Desk(), old);
  SignAll(old);
  Loan loan = Lend(old, {"record:11"});
  loans_.Return(Desk(), loan.id, {});
  visitors_.CheckOut(Desk(), old);

  clock_.Advance(std::chrono::hours(24 * 400));  // 13 months on
  RetentionResult dry = retention_.Apply(Service(), true);
  auto count = [](const RetentionResult& r, const std::string& kind) {
    for (const auto& c : r.counts) {
      if (c.kind == kind) return c.count;
    }
    return int64_t{-1};
  };
  EXPECT_EQ(count(dry, "visits"), 1);  // the one the loan does not hold
  EXPECT_EQ(count(dry, "loans"), 0);   // 24 months
  EXPECT_EQ(store_.state().visits.size(), 2u) << "a dry run deleted";

  RetentionResult real = retention_.Apply(Service(), false);
  EXPECT_EQ(count(real, "visits"), 1);
  EXPECT_EQ(store_.state().visits.size(), 1u);
  EXPECT_EQ(count(retention_.Apply(Service(), false), "visits"), 0);

  clock_.Advance(std::chrono::hours(24 * 366));  // 25 months on
  RetentionResult later = retention_.Apply(Service(), false);
  EXPECT_EQ(count(later, "loans"), 1);
  EXPECT_EQ(count(later, "visits"), 1);
  EXPECT_EQ(count(later, "expired_declarations"), 0);  // valid 3 years
  EXPECT_EQ(count(later, "visitors"), 0);  // the declaration holds them
  RetentionResult again = retention_.Apply(Service(), false);
  for (const auto& c : again.counts) EXPECT_EQ(c.count, 0) << c.kind;
  // Counts are audited, never names.
  for (const auto& e : store_.state().audit) {
    EXPECT_EQ(e.detail.find("Nordmann"), std::string::npos);
  }
}

TEST(MonthsBeforeTest, ClampsToTheMonthEnd) {
  using namespace std::chrono;
  TimePoint may31 = sys_days(year(2026) / 5 / 31) + hours(10);
  EXPECT_EQ(MonthsBefore(may31, 3), sys_days(year(2026) / 2 / 28) + hours(10));
  EXPECT_EQ(MonthsBefore(may31, 12), sys_days(year(2025) / 5 / 31) + hours(10));
}

}  // namespace
}  // namespace depot::readingroom
