// PgReadingRoomStore on a real PostgreSQL: what goes in comes out, names
// are sealed at rest, units cannot go out twice, nothing is half-written.
#include <gtest/gtest.h>

#include "services/common/error.h"
#include "services/common/sha256.h"
#include "tests/integration/readingroom_store_fixture.h"
#include "tests/support/sql.h"

namespace depot::storage {
namespace {

using namespace readingroom;

TEST_F(PgReadingRoomStoreTest, VisitorsAreSealedAtRestAndFoundByWords) {
  int64_t id = 0;
  store_.Run([&](ReadingRoomTransaction& tx) {
    id = NewVisitor(tx, "Åse Marit Ørsta").id;
    NewVisitor(tx, "Marit Hansen");
  });
  store_.Run([&](ReadingRoomTransaction& tx) {
    auto found = tx.FindVisitor(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Åse Marit Ørsta");
    EXPECT_EQ(found->contact, "kari@example.org");
    EXPECT_EQ(found->id_document_kind, IdDocumentKind::kNationalIdCard);
    EXPECT_EQ(found->registered_at, At("2026-03-02T09:00:00Z"));
    EXPECT_EQ(tx.FindVisitorsByName("marit", 10).size(), 2u);
    EXPECT_EQ(tx.FindVisitorsByName("ØRSTA  åse", 10).size(), 1u);
    EXPECT_TRUE(tx.FindVisitorsByName("hansen ørsta", 10).empty());
    Visitor corrected = *found;
    corrected.name = "Åse Ørstad";
    corrected.corrected_at = At("2026-03-03T09:00:00Z");
    corrected.corrected_by = "desk";
    tx.UpdateVisitor(corrected);
    EXPECT_EQ(tx.FindVisitorsByName("ørstad", 10).size(), 1u);
    EXPECT_TRUE(tx.FindVisitorsByName("ørsta", 10).empty());
  });
  pqxx::connection connection(db_.dsn());
  pqxx::work raw(connection);
  auto row = raw.exec_params1(testing::sql::kFindSealedVisitor.text, id);
  EXPECT_EQ(row[0].as<std::string>().find("rsta"), std::string::npos);
  EXPECT_EQ(row[1].as<std::string>().find("example"), std::string::npos);
}

TEST_F(PgReadingRoomStoreTest, OneOpenVisitAndTheDayLog) {
  store_.Run([&](ReadingRoomTransaction& tx) {
    int64_t id = NewVisitor(tx, "Kari Nordmann").id;
    Visit visit = tx.InsertVisit(id, At("2026-03-02T09:30:00Z"), "desk");
    EXPECT_EQ(tx.FindVisitor(id)->open_visit_id, visit.id);
    Visit closed = tx.CloseVisit(visit.id, At("2026-03-02T11:00:00Z"), "desk2");
    EXPECT_EQ(closed.checked_in_at, At("2026-03-02T09:30:00Z"));
    EXPECT_EQ(*closed.checked_out_at, At("2026-03-02T11:00:00Z"));
    tx.InsertVisit(id, At("2026-03-03T09:30:00Z"), "desk");
    auto day = tx.VisitsBetween(At("2026-03-02T00:00:00Z"),
                                At("2026-03-03T00:00:00Z"));
    ASSERT_EQ(day.size(), 1u);
    EXPECT_EQ(day[0].visitor_name, "Kari Nordmann");
    EXPECT_EQ(day[0].checked_out_by, "desk2");
    EXPECT_EQ(tx.VisitsOf(id).size(), 2u);
  });
  try {
    store_.Run([&](ReadingRoomTransaction& tx) {
      int64_t id = tx.FindVisitorsByName("kari", 1).at(0).id;
      tx.InsertVisit(id, At("2026-03-03T10:00:00Z"), "desk");
    });
    FAIL() << "a second open visit";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFailedPrecondition);
  }
}

TEST_F(PgReadingRoomStoreTest, DeclarationsRoundTripExactly) {
  store_.Run([&](ReadingRoomTransaction& tx) {
    auto text = tx.FindText(0);
    ASSERT_TRUE(text);
    EXPECT_EQ(text->version, 1);
    EXPECT_EQ(text->sha256, Sha256Hex(text->text)) << "the seeded text";
    DeclarationText second;
    second.text = "Version two.";
    second.sha256 = Sha256Hex(second.text);
    second.created_at = At("2026-03-02T08:00:00Z");
    second.created_by = "archivist";
    EXPECT_EQ(tx.InsertText(second).version, 2);
    EXPECT_EQ(tx.FindText(0)->version, 2);
    EXPECT_TRUE(tx.ListTexts(false)[0].text.empty());

    int64_t visitor = NewVisitor(tx, "Kari").id;
    Declaration stored = NewDeclaration(tx, visitor);
    auto found = tx.FindDeclaration(stored.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->scope.kind, ScopeKind::kRecords);
    EXPECT_EQ(found->scope.values, stored.scope.values);
    EXPECT_EQ(found->valid_from, stored.valid_from);
    EXPECT_EQ(found->valid_until, stored.valid_until);
    EXPECT_EQ(found->signed_at, stored.signed_at);
    EXPECT_EQ(found->text, tx.FindText(1)->text);
    EXPECT_FALSE(found->revoked_at);
    tx.RevokeDeclaration(stored.id, At("2026-04-01T10:00:00Z"), "desk",
                         "asked");
    found = tx.FindDeclaration(stored.id);
    EXPECT_EQ(*found->revoked_at, At("2026-04-01T10:00:00Z"));
    EXPECT_EQ(found->revoke_reason, "asked");
    EXPECT_EQ(tx.DeclarationsOf(visitor, false).size(), 1u);
    EXPECT_TRUE(tx.DeclarationsOf(visitor, false)[0].text.empty());
  });
}

TEST_F(PgReadingRoomStoreTest, AUnitGoesOutOnceAndComesBack) {
  int64_t visitor = 0, visit = 0, declaration = 0, loan_id = 0;
  store_.Run([&](ReadingRoomTransaction& tx) {
    visitor = NewVisitor(tx, "Kari").id;
    visit = tx.InsertVisit(visitor, At("2026-03-02T09:00:00Z"), "desk").id;
    declaration = NewDeclaration(tx, visitor).id;
    Loan loan = NewLoan(tx, visitor, visit, declaration, {Record(7), Record(8)},
                        "2026-03-02T10:00:00Z");
    loan_id = loan.id;
    LoanCheckData check =
        tx.LoadLoanCheck(visitor, 0, {"record:7", "box:3:box-0", "record:9"});
    ASSERT_TRUE(check.visitor);
    EXPECT_EQ(check.visitor->open_visit_id, visit);
    ASSERT_EQ(check.declarations.size(), 1u);
    EXPECT_EQ(check.declarations[0].scope.values,
              (std::vector<std::string>{"7", "11"}));
    EXPECT_EQ(check.declarations[0].signed_at, At("2026-03-02T09:01:02Z"));
    EXPECT_EQ(check.declarations[0].text, tx.FindText(1)->text);
    EXPECT_FALSE(check.declarations[0].revoked_at);
    EXPECT_EQ(
        tx.LoadLoanCheck(visitor, declaration + 99, {}).declarations.size(),
        0u);
    EXPECT_FALSE(tx.LoadLoanCheck(visitor + 99, 0, {}).visitor);
    auto& out = check.units_out;
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].loan_id, loan.id);
    EXPECT_EQ(out[0].item_ref, "record:7");
  });
  // The box holds record 7: it cannot go out, and nothing is half-written.
  try {
    store_.Run([&](ReadingRoomTransaction& tx) {
      NewLoan(tx, visitor, visit, declaration, {Box({6, 7})},
              "2026-03-02T10:05:00Z");
    });
    FAIL() << "record 7 went out twice";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFailedPrecondition);
  }
  store_.Run([&](ReadingRoomTransaction& tx) {
    EXPECT_EQ(tx.OpenLoans().size(), 1u);
    auto loan = tx.FindLoan(loan_id);
    ASSERT_TRUE(loan);
    ASSERT_EQ(loan->items.size(), 2u);
    EXPECT_EQ(loan->items[0].item.shelf, "A-1");
    EXPECT_EQ(loan->items[0].item.record_ids, std::vector<int64_t>{7});
    EXPECT_EQ(loan->visitor_subject, "pseudonym-Kari");
    tx.ReturnItems(loan_id, {"record:7"}, At("2026-03-02T12:00:00Z"), "desk2",
                   false);
  });
  store_.Run([&](ReadingRoomTransaction& tx) {
    auto loan = tx.FindLoan(loan_id);
    EXPECT_FALSE(loan->returned_at);
    EXPECT_EQ(loan->items[0].taken_back_by, "desk2");
    EXPECT_FALSE(loan->items[1].returned_at);
    EXPECT_TRUE(tx.LoadLoanCheck(visitor, 0, {"record:7"}).units_out.empty());
    EXPECT_EQ(tx.LoadLoanCheck(visitor, 0, {"record:8"}).units_out.size(), 1u);
    Loan box = NewLoan(tx, visitor, visit, declaration, {Box({6, 7})},
                       "2026-03-02T13:00:00Z");
    tx.ReturnItems(loan_id, {"record:8"}, At("2026-03-02T14:00:00Z"), "desk",
                   true);
    EXPECT_TRUE(tx.FindLoan(loan_id)->returned_at);
    EXPECT_EQ(tx.OpenLoansOf(visitor).size(), 1u);
    EXPECT_EQ(tx.LoansOf(visitor).size(), 2u);

    auto log = tx.LendingLog({"record:7"});
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].loan_id, loan_id);
    EXPECT_EQ(log[0].visitor_name, "Kari");
    EXPECT_EQ(log[1].loan_id, box.id);
    EXPECT_EQ(log[1].item_ref, "box:3:box-0");
  });
}

TEST_F(PgReadingRoomStoreTest, CopyAgreementsBelongToTheirLoan) {
  store_.Run([&](ReadingRoomTransaction& tx) {
    int64_t kari = NewVisitor(tx, "Kari").id;
    int64_t ola = NewVisitor(tx, "Ola").id;
    int64_t visit = tx.InsertVisit(kari, At("2026-03-02T09:00:00Z"), "d").id;
    int64_t declaration = NewDeclaration(tx, kari).id;
    int64_t first = NewLoan(tx, kari, visit, declaration, {Record(7)},
                            "2026-03-02T10:00:00Z")
                        .id;
    int64_t second = NewLoan(tx, kari, visit, declaration, {Record(8)},
                             "2026-03-02T10:05:00Z")
                         .id;
    CopyAgreement agreement;
    agreement.loan_id = second;
    agreement.item_refs = {"record:8"};
    agreement.method = CopyMethod::kScan;
    agreement.purpose = "a thesis";
    agreement.approved_by = "archivist";
    agreement.approved_at = At("2026-03-02T10:06:00.000001Z");
    int64_t id = tx.InsertCopyAgreement(agreement).id;
    EXPECT_GT(id, 0);
    EXPECT_TRUE(tx.CopyAgreementsOfLoan(first).empty());
    auto of_loan = tx.CopyAgreementsOfLoan(second);
    ASSERT_EQ(of_loan.size(), 1u);
    EXPECT_EQ(of_loan[0].id, id);
    EXPECT_EQ(of_loan[0].item_refs, agreement.item_refs);
    EXPECT_EQ(of_loan[0].method, CopyMethod::kScan);
    EXPECT_EQ(of_loan[0].purpose, "a thesis");
    EXPECT_EQ(of_loan[0].approved_by, "archivist");
    EXPECT_EQ(of_loan[0].approved_at, agreement.approved_at);
    ASSERT_EQ(tx.CopyAgreementsOfVisitor(kari).size(), 1u);
    EXPECT_EQ(tx.CopyAgreementsOfVisitor(kari)[0].loan_id, second);
    EXPECT_TRUE(tx.CopyAgreementsOfVisitor(ola).empty());
  });
}

TEST_F(PgReadingRoomStoreTest, ALoanCheckOfOneDeclarationReadsOnlyThatOne) {
  store_.Run([&](ReadingRoomTransaction& tx) {
    int64_t kari = NewVisitor(tx, "Kari").id;
    int64_t ola = NewVisitor(tx, "Ola").id;
    NewDeclaration(tx, kari);
    Declaration olas = NewDeclaration(tx, ola);
    // Whoever's it is: the domain, not the store, refuses another's.
    LoanCheckData check = tx.LoadLoanCheck(kari, olas.id, {"record:7"});
    ASSERT_TRUE(check.visitor);
    EXPECT_EQ(check.visitor->id, kari);
    EXPECT_EQ(check.visitor->name, "Kari");
    ASSERT_EQ(check.declarations.size(), 1u);
    EXPECT_EQ(check.declarations[0].id, olas.id);
    EXPECT_EQ(check.declarations[0].visitor_id, ola);
    EXPECT_EQ(check.declarations[0].valid_until, olas.valid_until);
    EXPECT_EQ(check.declarations[0].seal, "seal");
    EXPECT_EQ(check.declarations[0].text, tx.FindText(1)->text);
    EXPECT_TRUE(check.units_out.empty());
    EXPECT_EQ(tx.LoadLoanCheck(kari, 0, {}).declarations.size(), 1u);
  });
}

TEST_F(PgReadingRoomStoreTest, ListingsCarryTextsOnlyWhenAsked) {
  store_.Run([&](ReadingRoomTransaction& tx) {
    int64_t kari = NewVisitor(tx, "Kari").id;
    int64_t older = NewDeclaration(tx, kari).id;
    int64_t newer = NewDeclaration(tx, kari).id;
    auto with_text = tx.DeclarationsOf(kari, true);
    ASSERT_EQ(with_text.size(), 2u);
    EXPECT_EQ(with_text[0].id, newer) << "newest first";
    EXPECT_EQ(with_text[1].id, older);
    EXPECT_EQ(with_text[0].text, tx.FindText(1)->text);
    auto texts = tx.ListTexts(true);
    ASSERT_EQ(texts.size(), 1u);
    EXPECT_EQ(texts[0].text, tx.FindText(1)->text);
    EXPECT_EQ(texts[0].created_by, "depot");
    EXPECT_FALSE(tx.FindText(2));
  });
}

TEST_F(PgReadingRoomStoreTest,
       AgreementsApprovalsAndAuditInTheSameTransaction) {
  try {
    store_.Run([&](ReadingRoomTransaction& tx) {
      int64_t visitor = NewVisitor(tx, "Kari").id;
      tx.Audit({"desk", "desk", "visitor.register", "visitor/1", "p", ""});
      SpecialApproval approval;
      approval.visitor_id = visitor;
      approval.item_refs = {"record:7", "box:3:a \"quoted\" box"};
      approval.reason = "research";
      approval.approved_by = "archivist";
      approval.approved_at = At("2026-03-02T09:00:00Z");
      approval.valid_until = At("2026-03-03T00:00:00Z");
      auto stored = tx.FindApproval(tx.InsertApproval(approval).id);
      ASSERT_TRUE(stored);
      EXPECT_EQ(stored->item_refs, approval.item_refs);
      throw FailedPrecondition("changed my mind");
    });
  } catch (const Error&) {
  }
  pqxx::connection connection(db_.dsn());
  pqxx::work raw(connection);
  EXPECT_EQ(
      raw.exec1(testing::sql::kCountReadingroomAuditEvents.text)[0].as<int>(),
      0);
  EXPECT_EQ(raw.exec1(testing::sql::kCountVisitors.text)[0].as<int>(), 0);
}

}  // namespace
}  // namespace depot::storage
