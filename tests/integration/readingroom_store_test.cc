// PgReadingRoomStore on a real PostgreSQL: what goes in comes out, names
// are sealed at rest, units cannot go out twice, nothing is half-written.
#include <gtest/gtest.h>

#include "services/common/error.h"
#include "services/common/sha256.h"
#include "services/readingroom/domain/time_text.h"
#include "storage/readingroom/pg_readingroom_store.h"
#include "tests/support/postgres.h"

namespace depot::storage {
namespace {

using namespace readingroom;

TimePoint At(const std::string& text) { return *ParseRfc3339(text); }

class PgReadingRoomStoreTest : public ::testing::Test {
 protected:
  Visitor NewVisitor(ReadingRoomTransaction& tx, const std::string& name) {
    Visitor visitor;
    visitor.name = name;
    visitor.contact = "kari@example.org";
    visitor.id_document_kind = IdDocumentKind::kNationalIdCard;
    visitor.subject = "pseudonym-" + name;
    visitor.registered_at = At("2026-03-02T09:00:00Z");
    visitor.registered_by = "desk";
    return tx.InsertVisitor(visitor);
  }

  Declaration NewDeclaration(ReadingRoomTransaction& tx, int64_t visitor) {
    Declaration d;
    d.id = tx.ReserveDeclarationId();
    d.visitor_id = visitor;
    d.text_version = 1;
    d.text_sha256 = tx.FindText(1)->sha256;
    d.scope = {ScopeKind::kRecords, {"7", "11"}};
    d.valid_from = At("2026-03-02T09:00:00Z");
    d.valid_until = At("2029-03-02T09:00:00Z");
    d.signed_at = At("2026-03-02T09:01:02Z");
    d.witnessed_by = "desk";
    d.seal_key_id = "key";
    d.seal = "seal";
    tx.InsertDeclaration(d);
    return d;
  }

  static ItemInfo Record(int64_t id) {
    ItemInfo item;
    item.item_ref = "record:" + std::to_string(id);
    item.deposit_id = 3;
    item.organisation_number = "964338531";
    item.category = "pupil";
    item.box = "box-0";
    item.shelf = "A-1";
    item.record_ids = {id};
    return item;
  }

  static ItemInfo Box(std::vector<int64_t> ids) {
    ItemInfo item;
    item.item_ref = "box:3:box-0";
    item.is_box = true;
    item.deposit_id = 3;
    item.organisation_number = "964338531";
    item.category = "pupil";
    item.box = "box-0";
    item.record_ids = std::move(ids);
    return item;
  }

  Loan NewLoan(ReadingRoomTransaction& tx, int64_t visitor, int64_t visit,
               int64_t declaration, std::vector<ItemInfo> items,
               const std::string& at) {
    Loan loan;
    loan.visitor_id = visitor;
    loan.visit_id = visit;
    loan.declaration_id = declaration;
    for (auto& item : items) loan.items.push_back({item, {}, ""});
    loan.opened_at = At(at);
    loan.handed_out_by = "desk";
    return tx.InsertLoan(loan);
  }

  testing::TestDatabase db_;
  ConnectionPool pool_{db_.dsn(), 2};
  Keyring keyring_ = Keyring::Random();
  PgReadingRoomStore store_{pool_, keyring_};
};

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
  auto row = raw.exec1(
      "SELECT name_sealed, contact_sealed FROM readingroom.visitors WHERE id "
      "= " +
      std::to_string(id));
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
      raw.exec1("SELECT count(*) FROM readingroom.audit_events")[0].as<int>(),
      0);
  EXPECT_EQ(raw.exec1("SELECT count(*) FROM readingroom.visitors")[0].as<int>(),
            0);
}

}  // namespace
}  // namespace depot::storage
