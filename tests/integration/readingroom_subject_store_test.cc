// PgReadingRoomStore's statements for rights requests, audit and retention
// on a real PostgreSQL: a visitor found by keyed identity only, erased with
// everything of theirs, their audit trail, and retention deleting exactly
// what ended before the cutoff.
#include <gtest/gtest.h>

#include "services/common/crypto/subject_keystore.h"
#include "services/common/subject_key.h"
#include "tests/integration/readingroom_store_fixture.h"
#include "tests/support/process.h"

namespace depot::storage {
namespace {

using namespace readingroom;

// Only through the store: the foreign keys guarantee that no item, unit or
// agreement outlives its loan.
class PgReadingRoomSubjectTest : public PgReadingRoomStoreTest {};

TEST_F(PgReadingRoomSubjectTest, VisitorsAreFoundByKeyedIdentityOnly) {
  store_.Run([&](ReadingRoomTransaction& tx) {
    Visitor kari;
    kari.name = "Kari Nordmann";
    kari.contact = "kari@example.org";
    kari.subject = "p-kari";
    kari.birth_date = "1950-03-01";
    kari.national_id = "01035012345";
    kari.registered_at = At("2026-03-02T09:00:00Z");
    kari.registered_by = "desk";
    int64_t kari_id = tx.InsertVisitor(kari).id;
    NewVisitor(tx, "Kari Nordmann");  // same name, no identity
    std::string by_number = keyring_.BlindIndex("01035012345");
    std::string by_person =
        PersonIndex(keyring_, "Kari Nordmann", "1950-03-01");

    auto found = tx.FindVisitorsByIdentity(by_number, "");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].id, kari_id);
    EXPECT_EQ(found[0].national_id, "01035012345");
    EXPECT_EQ(found[0].birth_date, "1950-03-01");
    ASSERT_EQ(tx.FindVisitorsByIdentity("", by_person).size(), 1u);
    EXPECT_EQ(tx.FindVisitorsByIdentity("other", by_person).size(), 1u);
    EXPECT_TRUE(tx.FindVisitorsByIdentity("", "").empty())
        << "an empty index matched the visitor without one";
    EXPECT_TRUE(tx.FindVisitorsByIdentity(
                      "", PersonIndex(keyring_, "Kari Nordmann", "1950-03-02"))
                    .empty());
  });
}

TEST_F(PgReadingRoomSubjectTest, DeletingAVisitorTakesEverythingOfTheirs) {
  int64_t kari = 0, ola = 0, approval_id = 0, declaration = 0, loan_id = 0;
  store_.Run([&](ReadingRoomTransaction& tx) {
    kari = NewVisitor(tx, "Kari").id;
    ola = NewVisitor(tx, "Ola").id;
    int64_t visit = tx.InsertVisit(kari, At("2026-03-02T09:00:00Z"), "d").id;
    declaration = NewDeclaration(tx, kari).id;
    SpecialApproval approval;
    approval.visitor_id = kari;
    approval.item_refs = {"record:7"};
    approval.reason = "research";
    approval.approved_by = "archivist";
    approval.approved_at = At("2026-03-02T09:00:00Z");
    approval.valid_until = At("2026-03-03T00:00:00Z");
    approval_id = tx.InsertApproval(approval).id;
    Loan loan;
    loan.visitor_id = kari;
    loan.visit_id = visit;
    loan.declaration_id = declaration;
    loan.approval_id = approval_id;
    loan.approved_by = "archivist";
    loan.items.push_back({Record(7), {}, ""});
    loan.opened_at = At("2026-03-02T10:00:00Z");
    loan.handed_out_by = "desk";
    loan_id = tx.InsertLoan(loan).id;
    EXPECT_EQ(tx.FindLoan(loan_id)->approval_id, approval_id);
    CopyAgreement agreement;
    agreement.loan_id = loan_id;
    agreement.item_refs = {"record:7"};
    agreement.purpose = "a thesis";
    agreement.approved_by = "archivist";
    agreement.approved_at = At("2026-03-02T10:01:00Z");
    tx.InsertCopyAgreement(agreement);
    NewDeclaration(tx, ola);
  });
  store_.Run([&](ReadingRoomTransaction& tx) { tx.DeleteVisitor(kari); });
  store_.Run([&](ReadingRoomTransaction& tx) {
    EXPECT_FALSE(tx.FindVisitor(kari));
    EXPECT_TRUE(tx.FindVisitorsByName("kari", 10).empty());
    EXPECT_TRUE(tx.VisitsOf(kari).empty());
    EXPECT_FALSE(tx.FindDeclaration(declaration));
    EXPECT_FALSE(tx.FindApproval(approval_id));
    EXPECT_FALSE(tx.FindLoan(loan_id));
    EXPECT_TRUE(tx.CopyAgreementsOfLoan(loan_id).empty());
    EXPECT_TRUE(tx.LendingLog({"record:7"}).empty());
    EXPECT_TRUE(tx.FindVisitor(ola));
    EXPECT_EQ(tx.FindVisitorsByName("ola", 10).size(), 1u);
    EXPECT_EQ(tx.DeclarationsOf(ola, false).size(), 1u);
  });
}

TEST_F(PgReadingRoomSubjectTest, AuditEventsAreReadBackByPseudonym) {
  store_.Run([&](ReadingRoomTransaction& tx) {
    tx.Audit({"desk-kari", "desk", "visitor.get", "visitor/1", "p1", "x"});
    tx.Audit({"desk-kari", "desk", "visit.log", "visits", "", "3 visits"});
    tx.Audit({"desk-ola", "desk", "visitor.get", "visitor/2", "p2", ""});
  });
  store_.Run([&](ReadingRoomTransaction& tx) {
    auto events = tx.AuditEventsAbout({"p1"});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].actor, "desk-kari");
    EXPECT_EQ(events[0].actor_role, "desk");
    EXPECT_EQ(events[0].action, "visitor.get");
    EXPECT_EQ(events[0].object, "visitor/1");
    EXPECT_EQ(events[0].detail, "x");
    EXPECT_EQ(tx.AuditEventsAbout({"p2", "p1"}).size(), 2u);
    EXPECT_TRUE(tx.AuditEventsAbout({""}).empty()) << "no subject is NULL";
  });
}

TEST_F(PgReadingRoomSubjectTest, RetentionDeletesExactlyWhatEndedBefore) {
  testing::TempDir dir;
  SubjectKeyStore keys(dir.path() / "keys");
  PgReadingRoomStore keyed(pool_, keyring_, &keys);
  Visitor idle, corrected, late;
  int64_t kari = 0, kept = 0, revoked = 0, lent = 0;
  keyed.Run([&](ReadingRoomTransaction& tx) {
    idle = NewVisitor(tx, "Idle");
    corrected = NewVisitor(tx, "Corrected");
    corrected.corrected_at = At("2026-06-01T00:00:00.000001Z");
    corrected.corrected_by = "desk";
    tx.UpdateVisitor(corrected);
    late.name = "Late";
    late.subject = "p-late";
    late.registered_at = At("2026-06-01T00:00:00Z");
    late.registered_by = "desk";
    late = tx.InsertVisitor(late);

    kari = NewVisitor(tx, "Kari").id;
    kept = NewDeclaration(tx, kari).id;  // valid until 2029
    revoked = NewDeclaration(tx, kari).id;
    tx.RevokeDeclaration(revoked, At("2026-03-05T00:00:00Z"), "desk", "asked");
    lent = NewDeclaration(tx, kari).id;
    tx.RevokeDeclaration(lent, At("2026-03-06T00:00:00Z"), "desk", "asked");
    int64_t first = tx.InsertVisit(kari, At("2026-03-02T09:00:00Z"), "d").id;
    int64_t returned =
        NewLoan(tx, kari, first, kept, {Record(7)}, "2026-03-02T10:00:00Z").id;
    tx.ReturnItems(returned, {"record:7"}, At("2026-03-02T10:30:00Z"), "d",
                   true);
    tx.CloseVisit(first, At("2026-03-02T11:00:00Z"), "d");
    int64_t second = tx.InsertVisit(kari, At("2026-03-04T09:00:00Z"), "d").id;
    tx.CloseVisit(second, At("2026-03-04T11:00:00Z"), "d");
    int64_t open = tx.InsertVisit(kari, At("2026-03-05T09:00:00Z"), "d").id;
    NewLoan(tx, kari, open, lent, {Record(8)}, "2026-03-05T10:00:00Z");
  });
  TimePoint cutoff = At("2026-06-01T00:00:00Z");
  keyed.Run([&](ReadingRoomTransaction& tx) {
    EXPECT_EQ(tx.DeleteLoansReturnedBefore(cutoff), 1);
    EXPECT_EQ(tx.DeleteDeclarationsEndedBefore(cutoff), 1)
        << "only the revoked one no loan refers to";
    EXPECT_EQ(tx.DeleteVisitsEndedBefore(cutoff), 2)
        << "the closed visits, once their loan is gone";
    EXPECT_EQ(tx.DeleteIdleVisitors(cutoff),
              std::vector<std::string>{idle.key_id});
  });
  keyed.Run([&](ReadingRoomTransaction& tx) {
    EXPECT_FALSE(tx.FindVisitor(idle.id));
    EXPECT_TRUE(tx.FindVisitor(corrected.id)) << "corrected after the cutoff";
    EXPECT_TRUE(tx.FindVisitor(late.id)) << "registered at the cutoff";
    EXPECT_TRUE(tx.FindDeclaration(kept));
    EXPECT_FALSE(tx.FindDeclaration(revoked));
    EXPECT_TRUE(tx.FindDeclaration(lent)) << "an open loan refers to it";
    EXPECT_EQ(tx.VisitsOf(kari).size(), 1u) << "the open visit";
    ASSERT_EQ(tx.LoansOf(kari).size(), 1u);
    EXPECT_FALSE(tx.LoansOf(kari)[0].returned_at);
    EXPECT_TRUE(tx.LendingLog({"record:7"}).empty());

    EXPECT_EQ(tx.DeleteLoansReturnedBefore(cutoff), 0);
    EXPECT_EQ(tx.DeleteDeclarationsEndedBefore(cutoff), 0);
    EXPECT_EQ(tx.DeleteVisitsEndedBefore(cutoff), 0);
    EXPECT_TRUE(tx.DeleteIdleVisitors(cutoff).empty());
  });
}

}  // namespace
}  // namespace depot::storage
