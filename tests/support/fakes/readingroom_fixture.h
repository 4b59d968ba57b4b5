#pragma once

#include <gtest/gtest.h>

#include "services/common/crypto/keyring.h"
#include "services/common/error.h"
#include "services/common/sha256.h"
#include "services/readingroom/domain/copy_agreements.h"
#include "services/readingroom/domain/declarations.h"
#include "services/readingroom/domain/lending_log.h"
#include "services/readingroom/domain/loans.h"
#include "services/readingroom/domain/time_text.h"
#include "services/readingroom/domain/visitors.h"
#include "tests/support/error_of.h"
#include "tests/support/fakes/fake_readingroom_store.h"

namespace depot::readingroom {

inline Caller Desk() { return Caller{"desk-kari", Role::kDesk, ""}; }
inline Caller Archivist() {
  return Caller{"archivist-ola", Role::kArchivist, ""};
}

using depot::testing::ErrorOf;

/// The reading room's rules over the in-memory store, a fake catalog and a
/// hand-moved clock, with one text, one visitor and a few items.
class ReadingRoomFixture : public ::testing::Test {
 protected:
  static constexpr char kOrg[] = "964338531";
  static constexpr char kOtherOrg[] = "938587418";

  void SetUp() override {
    store_.Run([](ReadingRoomTransaction& tx) {
      DeclarationText text;
      text.text = "I will keep what I read confidential.";
      text.sha256 = Sha256Hex(text.text);
      text.created_by = "depot";
      tx.InsertText(text);
    });
    catalog_.AddRecord(11, kOrg, "pupil", false);
    catalog_.AddRecord(12, kOrg, "pupil", false);
    catalog_.AddRecord(13, kOtherOrg, "pupil", false);
    catalog_.AddRecord(21, kOrg, "child-welfare", true, 2, "B");
    catalog_.AddBox(1, "A", kOrg, "pupil", false, {11, 12});
  }

  int64_t AddVisitor(const std::string& name = "Kari Nordmann") {
    return visitors_
        .Register(Desk(), {name, "kari@example.org", IdDocumentKind::kPassport})
        .id;
  }

  Declaration SignAll(int64_t visitor_id) {
    SignRequest request;
    request.visitor_id = visitor_id;
    request.scope_kind = ScopeKind::kAll;
    return declarations_.Sign(Desk(), request);
  }

  /// A visitor who is checked in and has signed a declaration for all.
  int64_t ReadyVisitor(const std::string& name = "Kari Nordmann") {
    int64_t id = AddVisitor(name);
    visitors_.CheckIn(Desk(), id);
    SignAll(id);
    return id;
  }

  Loan Lend(int64_t visitor_id, std::vector<std::string> items,
            int64_t approval_id = 0) {
    return loans_.Open(Desk(), {visitor_id, std::move(items), 0, approval_id});
  }

  std::string RefusalOf(int64_t visitor_id, std::vector<std::string> items,
                        int64_t declaration_id = 0, int64_t approval_id = 0) {
    Error error = ErrorOf([&] {
      loans_.Open(Desk(),
                  {visitor_id, std::move(items), declaration_id, approval_id});
    });
    EXPECT_EQ(error.code(), ErrorCode::kFailedPrecondition) << error.what();
    return error.what();
  }

  FakeReadingRoomStore store_;
  FakeItemCatalog catalog_;
  // 2026-03-02 10:00 UTC, a Monday.
  FakeClock clock_{std::chrono::system_clock::from_time_t(1772445600)};
  Keyring keyring_ = Keyring::Random();
  std::unique_ptr<SealKey> seal_key_ = SealKey::Generate();
  Settings settings_;
  Visitors visitors_{store_, keyring_, clock_.clock()};
  Declarations declarations_{store_, *seal_key_, clock_.clock(), settings_};
  Loans loans_{store_, catalog_, seal_key_->verifier(), clock_.clock(),
               settings_};
  CopyAgreements copies_{store_, clock_.clock()};
  LendingLog lending_log_{store_, catalog_};
};

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace depot::readingroom
