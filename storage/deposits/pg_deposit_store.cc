#include "storage/deposits/pg_deposit_store.h"

#include "storage/audit_writer.h"
#include "storage/deposits/pg_batch_writer.h"
#include "storage/deposits/pg_depositors.h"
#include "storage/deposits/pg_deposits.h"
#include "storage/deposits/pg_records.h"
#include "storage/deposits/pg_rejections.h"
#include "storage/deposits/queries.h"
#include "storage/subject_audit.h"

namespace depot::storage {
namespace {

using namespace depot::deposits;

constexpr char kSchema[] = "deposits";

// One transaction (or Read) of the deposits: each aggregate's methods are
// in its own class (pg_deposits.h, pg_records.h, ...), this one hands each
// call to its class.
class PgDepositTransaction : public DepositTransaction {
 public:
  explicit PgDepositTransaction(pqxx::transaction_base& tx)
      : tx_(tx),
        depositors_(tx),
        deposits_(tx),
        rejections_(tx),
        records_(tx),
        batches_(tx) {}

  Depositor InsertDepositor(const NewDepositor& depositor) override {
    return depositors_.Insert(depositor);
  }
  std::optional<Depositor> FindDepositor(
      const std::string& organisation_number) override {
    return depositors_.Find(organisation_number);
  }
  std::vector<Depositor> ListDepositors(
      int64_t after_id, int limit,
      const std::optional<std::string>& organisation_number) override {
    return depositors_.List(after_id, limit, organisation_number);
  }

  Deposit InsertDeposit(const NewDeposit& deposit) override {
    return deposits_.Insert(deposit);
  }
  std::optional<Deposit> FindDeposit(int64_t id, DepositLock lock) override {
    return deposits_.Find(id, lock);
  }
  std::vector<Deposit> ListDeposits(
      int64_t after_id, int limit,
      const std::optional<std::string>& organisation_number) override {
    return deposits_.List(after_id, limit, organisation_number);
  }
  void SetDepositState(int64_t id, DepositState state,
                       const std::string& cancel_reason) override {
    deposits_.SetState(id, state, cancel_reason);
  }
  int64_t DeleteRecords(int64_t deposit_id) override {
    return deposits_.DeleteRecords(deposit_id);
  }

  BatchOutcome StoreBatch(int64_t deposit_id,
                          const std::vector<SealedRecord>& accepted,
                          const std::vector<Rejection>& rejected,
                          const BatchSource& source,
                          const AuditEvent& audit) override {
    return batches_.StoreBatch(deposit_id, accepted, rejected, source, audit);
  }
  std::optional<TransferState> FindTransfer(
      int64_t deposit_id, const std::string& transfer_id) override {
    return batches_.FindTransfer(deposit_id, transfer_id);
  }
  void InsertTransfer(int64_t deposit_id,
                      const TransferState& transfer) override {
    batches_.InsertTransfer(deposit_id, transfer);
  }

  std::vector<std::string> ExceptionsAmong(
      int64_t deposit_id, const std::vector<std::string>& source_ids) override {
    return rejections_.ExceptionsAmong(deposit_id, source_ids);
  }
  std::optional<Rejection> FindRejection(
      int64_t deposit_id, const std::string& source_record_id) override {
    return rejections_.Find(deposit_id, source_record_id);
  }
  void InsertException(const RecordException& exception) override {
    rejections_.InsertException(exception);
  }
  std::vector<Rejection> ListRejections(int64_t deposit_id,
                                        int64_t after_position,
                                        int64_t after_id, int limit) override {
    return rejections_.List(deposit_id, after_position, after_id, limit);
  }

  std::vector<StoredRecord> SearchRecords(const RecordQuery& query,
                                          int64_t after_id,
                                          int limit) override {
    return records_.Search(query, after_id, limit);
  }
  std::optional<StoredRecord> FindRecord(int64_t record_id) override {
    return records_.Find(record_id);
  }
  std::vector<StoredRecord> RecordsInBox(int64_t deposit_id,
                                         const std::string& box) override {
    return records_.InBox(deposit_id, box);
  }
  void UpdateRecord(int64_t record_id, const SealedRecord& sealed) override {
    records_.Update(record_id, sealed);
  }
  void InsertCorrection(int64_t record_id, const std::string& fields,
                        const std::string& reason,
                        const std::string& corrected_by) override {
    records_.InsertCorrection(record_id, fields, reason, corrected_by);
  }

  void Audit(const std::vector<AuditEvent>& events) override {
    AppendAuditEvents(tx_, kSchema, events);
  }
  std::vector<StoredAuditEvent> AuditEventsAbout(
      const std::vector<std::string>& pseudonyms) override {
    return storage::AuditEventsAbout(tx_, kSchema, pseudonyms);
  }

 private:
  pqxx::transaction_base& tx_;
  PgDepositors depositors_;
  PgDeposits deposits_;
  PgRejections rejections_;
  PgRecords records_;
  PgBatchWriter batches_;
};

}  // namespace

PgDepositStore::PgDepositStore(ConnectionPool& pool) : pool_(pool) {
  pool_.Prepare(deposits_sql::kAllQueries);
}

void PgDepositStore::Run(
    const std::function<void(deposits::DepositTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    PgDepositTransaction transaction(tx);
    work(transaction);
  });
}

void PgDepositStore::Read(
    const std::function<void(deposits::DepositTransaction&)>& work) {
  pool_.Read([&](pqxx::nontransaction& tx) {
    PgDepositTransaction transaction(tx);
    work(transaction);
  });
}

}  // namespace depot::storage
