// Visitors and visits: registration, search, correction, check-in and
// check-out, the day's visitor log, and what each leaves in the audit trail.
#include "services/common/subject_key.h"
#include "tests/support/fakes/readingroom_fixture.h"

namespace depot::readingroom {
namespace {

class VisitorsTest : public ReadingRoomFixture {
 protected:
  std::vector<AuditEvent> Events(const std::string& action) {
    std::vector<AuditEvent> found;
    for (const AuditEvent& event : store_.state().audit) {
      if (event.action == action) found.push_back(event);
    }
    return found;
  }
};

TEST_F(VisitorsTest, RegistersWithDocumentKindOnlyAndAudits) {
  Visitor visitor =
      visitors_.Register(Desk(), {"  Kari  Nordmann ", "+47 55 00 00 00",
                                  IdDocumentKind::kDrivingLicence});
  EXPECT_EQ(visitor.name, "Kari  Nordmann");
  EXPECT_EQ(visitor.id_document_kind, IdDocumentKind::kDrivingLicence);
  EXPECT_EQ(visitor.registered_by, "desk-kari");
  auto events = Events("visitor.register");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].subject,
            keyring_.Pseudonym(SubjectKeyFromName("kari nordmann")));
  EXPECT_EQ(events[0].actor, "desk-kari");
  EXPECT_EQ(events[0].actor_role, "desk");
}

TEST_F(VisitorsTest, RegistrationNeedsNameContactAndDocumentKind) {
  auto code = [&](NewVisitor request) {
    return ErrorOf([&] { visitors_.Register(Desk(), request); }).code();
  };
  EXPECT_EQ(code({" ", "x", IdDocumentKind::kPassport}),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(code({"Kari", "", IdDocumentKind::kPassport}),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(code({"Kari", "x", std::nullopt}), ErrorCode::kInvalidArgument);
  EXPECT_EQ(code({std::string(201, 'k'), "x", IdDocumentKind::kPassport}),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_.state().visitors.empty());
}

TEST_F(VisitorsTest, FindsByAnyWordsOfTheNameOrById) {
  int64_t kari = AddVisitor("Kari Nordmann");
  AddVisitor("Ola Nordmann");
  AddVisitor("Åse Ørsta");
  EXPECT_EQ(visitors_.Find(Desk(), "nordmann", 0, 0).size(), 2u);
  auto found = visitors_.Find(Desk(), "NORDMANN  kari", 0, 0);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, kari);
  EXPECT_EQ(visitors_.Find(Desk(), "åse", 0, 0).size(), 1u);
  EXPECT_EQ(visitors_.Find(Desk(), "", kari, 0).size(), 1u);
  EXPECT_TRUE(visitors_.Find(Desk(), "Per", 0, 0).empty());
  EXPECT_EQ(visitors_.Find(Desk(), "nordmann", 0, 1).size(), 1u);
  EXPECT_EQ(ErrorOf([&] { visitors_.Find(Desk(), " ", 0, 0); }).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(Events("visitor.find").size(), 6u);  // one per visitor shown
}

TEST_F(VisitorsTest, CorrectionChangesWhatIsGivenAndAuditsBothNames) {
  int64_t id = AddVisitor("Kari Nordman");
  Visitor corrected =
      visitors_.Correct(Desk(), {id, "Kari Nordmann", std::nullopt,
                                 IdDocumentKind::kPassport, "typo in surname"});
  EXPECT_EQ(corrected.name, "Kari Nordmann");
  EXPECT_EQ(corrected.contact, "kari@example.org");
  EXPECT_TRUE(corrected.corrected_at);
  EXPECT_EQ(visitors_.Find(Desk(), "nordmann", 0, 0).size(), 1u);
  auto events = Events("visitor.correct");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_NE(events[0].subject, events[1].subject);
  EXPECT_TRUE(Contains(events[0].detail, "typo in surname"));
  EXPECT_FALSE(Contains(events[0].detail, "Kari"));
  EXPECT_EQ(
      ErrorOf([&] {
        visitors_.Correct(Desk(), {id, "X", std::nullopt, std::nullopt, ""});
      }).code(),
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(ErrorOf([&] {
              visitors_.Correct(
                  Desk(), {id + 9, "X", std::nullopt, std::nullopt, "why"});
            }).code(),
            ErrorCode::kNotFound);
}

TEST_F(VisitorsTest, OneOpenVisitPerVisitor) {
  int64_t id = AddVisitor();
  Visit visit = visitors_.CheckIn(Desk(), id);
  EXPECT_EQ(visit.checked_in_by, "desk-kari");
  Error again = ErrorOf([&] { visitors_.CheckIn(Desk(), id); });
  EXPECT_EQ(again.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(again.what(), "checked in already"));
  EXPECT_EQ(visitors_.Get(Desk(), id).open_visit_id, visit.id);
  clock_.Advance(std::chrono::hours(2));
  Visit out = visitors_.CheckOut(Archivist(), id);
  EXPECT_EQ(out.id, visit.id);
  EXPECT_EQ(*out.checked_out_at - out.checked_in_at, std::chrono::hours(2));
  EXPECT_EQ(out.checked_out_by, "archivist-ola");
  EXPECT_EQ(ErrorOf([&] { visitors_.CheckOut(Desk(), id); }).code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(visitors_.Get(Desk(), id).open_visit_id, 0);
  visitors_.CheckIn(Desk(), id);  // a new visit later the same day
}

TEST_F(VisitorsTest, DayLogListsTheVisitsThatBeganThatDay) {
  Date today = LocalDay(clock_.now);
  clock_.now = LocalTimeOn(today, 9 * 60);
  int64_t kari = AddVisitor("Kari Nordmann");
  int64_t ola = AddVisitor("Ola Hansen");
  visitors_.CheckIn(Desk(), kari);
  clock_.now = LocalTimeOn(today, 11 * 60);
  visitors_.CheckIn(Desk(), ola);
  visitors_.CheckOut(Desk(), kari);
  clock_.now = LocalEndOfDay(today) + std::chrono::hours(9);
  visitors_.CheckIn(Desk(), kari);

  VisitorLog log = visitors_.Log(Desk(), FormatDate(today));
  ASSERT_EQ(log.visits.size(), 2u);
  EXPECT_EQ(log.visits[0].visitor_name, "Kari Nordmann");
  EXPECT_TRUE(log.visits[0].checked_out_at);
  EXPECT_EQ(log.visits[1].visitor_name, "Ola Hansen");
  EXPECT_EQ(visitors_.Log(Desk(), "").visits.size(),
            1u);  // today: the next day
  EXPECT_EQ(ErrorOf([&] { visitors_.Log(Desk(), "yesterday"); }).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(Events("visit.log").size(), 3u);
}

TEST(TimeText, ParsesWhatTheApiAccepts) {
  auto time = ParseLenientRfc3339("2026-03-02T10:00:00Z");
  ASSERT_TRUE(time);
  EXPECT_EQ(std::chrono::system_clock::to_time_t(*time), 1772445600);
  EXPECT_EQ(ParseLenientRfc3339("2026-03-02T11:00:00+01:00"), time);
  EXPECT_EQ(ParseLenientRfc3339("2026-03-02T10:00:00.250Z"),
            *time + std::chrono::milliseconds(250));
  EXPECT_FALSE(ParseLenientRfc3339("2026-03-02 10:00"));
  EXPECT_FALSE(ParseLenientRfc3339("2026-02-30T10:00:00Z"));
  EXPECT_TRUE(ParseDate("2028-02-29"));
  EXPECT_FALSE(ParseDate("2027-02-29"));
  EXPECT_EQ(ParseClockTime("15:30"), 930);
  EXPECT_FALSE(ParseClockTime("24:00"));
  EXPECT_FALSE(ParseClockTime("3:30"));
  EXPECT_EQ(AddYears(*ParseLenientRfc3339("2028-02-29T12:00:00Z"), 1),
            *ParseLenientRfc3339("2029-03-01T12:00:00Z"));
}

}  // namespace
}  // namespace depot::readingroom
