#pragma once

// The fixture of the PgReadingRoomStore tests on a real PostgreSQL: a fresh
// database, and helpers that store a visitor, a declaration and a loan.
#include <gtest/gtest.h>

#include "services/readingroom/domain/time_text.h"
#include "storage/readingroom/pg_readingroom_store.h"
#include "tests/support/postgres.h"

namespace depot::storage {

inline readingroom::TimePoint At(const std::string& text) {
  return *readingroom::ParseLenientRfc3339(text);
}

class PgReadingRoomStoreTest : public ::testing::Test {
 protected:
  using ReadingRoomTransaction = readingroom::ReadingRoomTransaction;

  static readingroom::Visitor NewVisitor(ReadingRoomTransaction& tx,
                                         const std::string& name) {
    readingroom::Visitor visitor;
    visitor.name = name;
    visitor.contact = "kari@example.org";
    visitor.id_document_kind = readingroom::IdDocumentKind::kNationalIdCard;
    visitor.subject = "pseudonym-" + name;
    visitor.registered_at = At("2026-03-02T09:00:00Z");
    visitor.registered_by = "desk";
    return tx.InsertVisitor(visitor);
  }

  static readingroom::Declaration NewDeclaration(ReadingRoomTransaction& tx,
                                                 int64_t visitor) {
    readingroom::Declaration d;
    d.id = tx.ReserveDeclarationId();
    d.visitor_id = visitor;
    d.text_version = 1;
    d.text_sha256 = tx.FindText(1)->sha256;
    d.scope = {readingroom::ScopeKind::kRecords, {"7", "11"}};
    d.valid_from = At("2026-03-02T09:00:00Z");
    d.valid_until = At("2029-03-02T09:00:00Z");
    d.signed_at = At("2026-03-02T09:01:02Z");
    d.witnessed_by = "desk";
    d.seal_key_id = "key";
    d.seal = "seal";
    tx.InsertDeclaration(d);
    return d;
  }

  static readingroom::ItemInfo Record(int64_t id) {
    readingroom::ItemInfo item;
    item.item_ref = "record:" + std::to_string(id);
    item.deposit_id = 3;
    item.organisation_number = "964338531";
    item.category = "pupil";
    item.box = "box-0";
    item.shelf = "A-1";
    item.record_ids = {id};
    return item;
  }

  static readingroom::ItemInfo Box(std::vector<int64_t> ids) {
    readingroom::ItemInfo item;
    item.item_ref = "box:3:box-0";
    item.is_box = true;
    item.deposit_id = 3;
    item.organisation_number = "964338531";
    item.category = "pupil";
    item.box = "box-0";
    item.record_ids = std::move(ids);
    return item;
  }

  static readingroom::Loan NewLoan(ReadingRoomTransaction& tx, int64_t visitor,
                                   int64_t visit, int64_t declaration,
                                   std::vector<readingroom::ItemInfo> items,
                                   const std::string& at) {
    readingroom::Loan loan;
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

}  // namespace depot::storage
