#include "services/deposits/domain/transfers.h"

#include <gtest/gtest.h>

#include "services/common/error.h"
#include "services/deposits/domain/depositors.h"
#include "services/deposits/domain/deposits.h"
#include "services/deposits/domain/record_search.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fakes/fake_deposit_store.h"
#include "tests/support/synthetic_records.h"

namespace depot::deposits {
namespace {

Caller Archivist() { return Caller{"anna", Role::kArchivist, ""}; }
Caller Municipality(const std::string& org) {
  return Caller{"municipality-" + org, Role::kMunicipality, org};
}

RecordInput Input(const testing::SyntheticRecord& r) {
  return {r.position,
          r.source_record_id,
          r.person_name,
          r.national_id,
          "",
          r.opened_date,
          r.last_contact_date,
          0,
          r.box,
          r.shelf,
          {}};
}

std::vector<RecordInput> Inputs(int first, int count, const std::string& last) {
  std::vector<RecordInput> out;
  for (const auto& r : testing::MakeSyntheticRecords(first, count, last)) {
    out.push_back(Input(r));
  }
  return out;
}

class TransfersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Depositors(store_).Register(
        Archivist(), {"964338531", "Bergen", DepositorKind::kMunicipality});
    deposit_ = deposits_.Create(
        Archivist(),
        {"964338531", RegisterCategory::kChildWelfare, "", "2026-06-30"});
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
  Deposit deposit_;
};

TEST_F(TransfersTest, AcceptsEligibleRejectsYoungAndIgnoresRepeats) {
  transfers_.Begin(Archivist(), deposit_.id);
  auto old = Inputs(1, 40, "2010-01-01");
  auto young = Inputs(41, 3, "2020-01-01");
  old.insert(old.end(), young.begin(), young.end());
  BatchResult first = transfers_.StoreBatch(Archivist(), deposit_.id, old);
  EXPECT_EQ(first.outcome.accepted, 40);
  EXPECT_EQ(first.outcome.rejected, 3);
  EXPECT_EQ(first.next_position, 44);
  BatchResult again = transfers_.StoreBatch(Archivist(), deposit_.id, old);
  EXPECT_EQ(again.outcome.accepted, 0);
  EXPECT_EQ(again.outcome.rejected, 0);
  EXPECT_EQ(again.outcome.duplicates, 43);
  Deposit progress = transfers_.Progress(Archivist(), deposit_.id, "").deposit;
  EXPECT_EQ(progress.accepted_records, 40);
  EXPECT_EQ(progress.rejected_records, 3);
  EXPECT_EQ(progress.state, DepositState::kTransferring);
}

TEST_F(TransfersTest, StoredRecordsAreSealedAndEveryOneIsAudited) {
  transfers_.StoreBatch(Archivist(), deposit_.id, Inputs(1, 5, "2010-01-01"));
  int audited = 0;
  for (const auto& event : store_.state().audit) {
    if (event.action == "record.deposit") {
      ++audited;
      EXPECT_EQ(event.subject.size(), 64u);
    }
  }
  EXPECT_EQ(audited, 5);
  for (const auto& [id, row] : store_.state().records) {
    EXPECT_EQ(row.sealed.name_sealed.find("Test Person"), std::string::npos);
    EXPECT_FALSE(row.sealed.national_id_index.empty());
  }
}

TEST_F(TransfersTest, ExceptionAcceptsARejectedRecordWhenSentAgain) {
  auto young = Inputs(1, 1, "2024-01-01");
  transfers_.StoreBatch(Archivist(), deposit_.id, young);
  EXPECT_THROW(deposits_.GrantException(Archivist(), deposit_.id, "src-1", "x"),
               Error);  // reason too short
  deposits_.GrantException(Archivist(), deposit_.id, "src-1",
                           "Closed case; the family asked for deposit now");
  BatchResult result = transfers_.StoreBatch(Archivist(), deposit_.id, young);
  EXPECT_EQ(result.outcome.accepted, 1);
  Deposit progress = transfers_.Progress(Archivist(), deposit_.id, "").deposit;
  EXPECT_EQ(progress.rejected_records, 0);
  EXPECT_EQ(progress.accepted_records, 1);
}

TEST_F(TransfersTest, ReceivedAndCancelledDepositsTakeNoRecords) {
  deposits_.Close(Archivist(), deposit_.id);
  try {
    transfers_.StoreBatch(Archivist(), deposit_.id, Inputs(1, 1, "2010-01-01"));
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFailedPrecondition);
  }
  EXPECT_THROW(deposits_.Cancel(Archivist(), deposit_.id, "mistake"), Error);
}

TEST_F(TransfersTest, MunicipalityCannotTouchAnotherOrganisationsDeposit) {
  EXPECT_THROW(transfers_.Begin(Municipality("938587418"), deposit_.id), Error);
  EXPECT_THROW(
      deposits_.Create(Municipality("938587418"),
                       {"964338531", RegisterCategory::kPupilFiles, "", ""}),
      Error);
  EXPECT_NO_THROW(transfers_.Begin(Municipality("964338531"), deposit_.id));
}

TEST_F(TransfersTest, SearchFindsByIdentityNumberAndByNameAndBirthDate) {
  auto records = Inputs(1, 10, "2010-01-01");
  transfers_.StoreBatch(Archivist(), deposit_.id, records);
  SearchCommand by_id;
  by_id.national_id = records[3].national_id;
  RecordPage page = search_.Search(Archivist(), by_id);
  ASSERT_EQ(page.records.size(), 1u);
  EXPECT_EQ(page.records[0].person_name, records[3].person_name);
  EXPECT_EQ(page.records[0].national_id, records[3].national_id);

  SearchCommand by_name;
  by_name.person_name = "test  PERSON 4";  // folded like the index
  by_name.birth_date = page.records[0].birth_date;
  EXPECT_EQ(search_.Search(Archivist(), by_name).records.size(), 1u);

  SearchCommand nothing;
  EXPECT_THROW(search_.Search(Archivist(), nothing), Error);
}

TEST_F(TransfersTest, OneBadRecordNeverFailsItsBatch) {
  auto records = Inputs(1, 6, "2010-01-01");
  records[1].source_record_id = std::string("src-2\0", 6);
  records[3].box = std::string(3000, 'x');
  records[5].position = INT64_MAX;  // the next position must not overflow
  BatchResult result = transfers_.StoreBatch(Archivist(), deposit_.id, records);
  EXPECT_EQ(result.outcome.accepted, 3);
  EXPECT_EQ(result.outcome.rejected, 3);
  ASSERT_EQ(result.rejections.size(), 3u);
  EXPECT_EQ(result.rejections[0].field, "source_record_id");
  EXPECT_EQ(result.rejections[1].field, "box");
  EXPECT_EQ(result.rejections[2].field, "position");
  EXPECT_EQ(result.next_position, 6);
  EXPECT_EQ(store_.state().records.size(), 3u);
}

TEST_F(TransfersTest, APositionTwiceInABatchUnderAnotherIdIsRejected) {
  auto records = Inputs(1, 3, "2010-01-01");
  records[2].position = 1;  // another record at position 1
  auto again = records[0];  // the same record twice: a duplicate
  records.push_back(again);
  BatchResult result = transfers_.StoreBatch(Archivist(), deposit_.id, records);
  EXPECT_EQ(result.outcome.accepted, 2);
  EXPECT_EQ(result.outcome.rejected, 1);
  EXPECT_EQ(result.outcome.duplicates, 1);
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].field, "position");
  EXPECT_EQ(result.rejections[0].source_record_id, "src-3");
}

// Sources of one deposit number their records each from 1, so rejections
// share positions: a page ending at one must not skip the others there.
TEST_F(TransfersTest, RejectionsSharingAPositionAreAllListed) {
  for (const char* id : {"a-5", "b-5", "c-5"}) {
    auto young = Inputs(5, 1, "2024-01-01");
    young[0].source_record_id = id;
    transfers_.StoreBatch(Archivist(), deposit_.id, young);
  }
  std::vector<std::string> listed;
  std::string token;
  do {
    RejectionPage page =
        deposits_.Rejections(Archivist(), deposit_.id, 1, token);
    for (const Rejection& r : page.rejections) {
      listed.push_back(r.source_record_id);
    }
    token = page.next_page_token;
  } while (!token.empty() && listed.size() < 10);
  EXPECT_EQ(listed, (std::vector<std::string>{"a-5", "b-5", "c-5"}));
}

const std::string kDigestA(64, 'a');
const std::string kDigestB(64, 'b');

// A second source into a deposit used to resume where the first one ended
// (the deposit kept one position counter) and lost its first records.
TEST_F(TransfersTest, EachTransferHasItsOwnProgress) {
  OpenTransfer a =
      transfers_.Begin(Archivist(), {deposit_.id, "a.csv", kDigestA});
  EXPECT_EQ(a.next_position, 1);
  transfers_.StoreBatch(Archivist(), a, Inputs(1, 3, "2010-01-01"));

  OpenTransfer b =
      transfers_.Begin(Archivist(), {deposit_.id, "b.csv", kDigestB});
  EXPECT_EQ(b.next_position, 1) << "a new source starts at its first record";
  auto other = Inputs(101, 5, "2010-01-01");
  for (size_t i = 0; i < other.size(); ++i) other[i].position = i + 1;
  other.push_back(Inputs(2, 1, "2010-01-01")[0]);  // a's record again
  other.back().position = 6;
  BatchResult stored = transfers_.StoreBatch(Archivist(), b, other);
  EXPECT_EQ(stored.outcome.accepted, 5);
  EXPECT_EQ(stored.outcome.duplicates, 1);

  TransferReport of_a = transfers_.Progress(Archivist(), deposit_.id, "a.csv");
  ASSERT_TRUE(of_a.transfer);
  EXPECT_EQ(of_a.transfer->next_position, 4);
  EXPECT_EQ(of_a.transfer->received, 3);
  EXPECT_EQ(of_a.transfer->accepted, 3);
  EXPECT_EQ(of_a.transfer->source_sha256, kDigestA);
  EXPECT_EQ(of_a.transfer->started_by, "anna");
  TransferReport of_b = transfers_.Progress(Archivist(), deposit_.id, "b.csv");
  ASSERT_TRUE(of_b.transfer);
  EXPECT_EQ(of_b.transfer->next_position, 7);
  EXPECT_EQ(of_b.transfer->received, 6);
  EXPECT_EQ(of_b.transfer->duplicates, 1);
  EXPECT_EQ(of_b.deposit.accepted_records, 8);
  EXPECT_FALSE(transfers_.Progress(Archivist(), deposit_.id, "c.csv").transfer);

  // Resuming the same source continues where it stood.
  EXPECT_EQ(transfers_.Begin(Archivist(), {deposit_.id, "a.csv", kDigestA})
                .next_position,
            4);
}

TEST_F(TransfersTest, AKnownTransferWithAnotherDigestIsRefused) {
  OpenTransfer a =
      transfers_.Begin(Archivist(), {deposit_.id, "a.csv", kDigestA});
  transfers_.StoreBatch(Archivist(), a, Inputs(1, 3, "2010-01-01"));
  try {
    transfers_.Begin(Archivist(), {deposit_.id, "a.csv", kDigestB});
    FAIL() << "a changed source was taken for the one before";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFailedPrecondition);
    std::string message = error.what();
    EXPECT_NE(message.find(kDigestA), std::string::npos) << message;
    EXPECT_NE(message.find(kDigestB), std::string::npos) << message;
    EXPECT_NE(message.find("new transfer_id"), std::string::npos) << message;
  }
  // The digest's case does not matter.
  std::string upper(64, 'A');
  EXPECT_EQ(transfers_.Begin(Archivist(), {deposit_.id, "a.csv", upper})
                .next_position,
            4);
}

TEST_F(TransfersTest, ANamedTransferNeedsAWellFormedIdAndDigest) {
  auto refused = [&](const TransferSource& source) {
    try {
      transfers_.Begin(Archivist(), source);
      return false;
    } catch (const Error& error) {
      return error.code() == ErrorCode::kInvalidArgument;
    }
  };
  EXPECT_TRUE(refused({deposit_.id, "a.csv", ""}));
  EXPECT_TRUE(refused({deposit_.id, "a.csv", "abc"}));
  EXPECT_TRUE(refused({deposit_.id, "a.csv", std::string(64, 'g')}));
  EXPECT_TRUE(refused({deposit_.id, std::string("a\0b", 3), kDigestA}));
  EXPECT_TRUE(refused({deposit_.id, std::string(201, 'x'), kDigestA}));
  EXPECT_TRUE(store_.state().transfers.empty());
}

TEST_F(TransfersTest, AnAnonymousTransferAlwaysStartsAtTheFirstRecord) {
  OpenTransfer first = transfers_.Begin(Archivist(), deposit_.id);
  transfers_.StoreBatch(Archivist(), first, Inputs(1, 3, "2010-01-01"));
  EXPECT_EQ(transfers_.Begin(Archivist(), deposit_.id).next_position, 1);
  EXPECT_FALSE(transfers_.Progress(Archivist(), deposit_.id, "").transfer);
  EXPECT_TRUE(store_.state().transfers.empty());
}

TEST_F(TransfersTest, CancellingRemovesTheRecords) {
  transfers_.StoreBatch(Archivist(), deposit_.id, Inputs(1, 3, "2010-01-01"));
  Deposit cancelled = deposits_.Cancel(Archivist(), deposit_.id, "wrong box");
  EXPECT_EQ(cancelled.state, DepositState::kCancelled);
  EXPECT_TRUE(store_.state().records.empty());
}

}  // namespace
}  // namespace depot::deposits
