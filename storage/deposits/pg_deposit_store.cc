#include "storage/deposits/pg_deposit_store.h"

#include "services/common/date.h"
#include "services/common/error.h"
#include "services/common/text_check.h"
#include "storage/audit_writer.h"
#include "storage/deposits/pg_batch_writer.h"
#include "storage/pg_time.h"
#include "storage/subject_audit.h"

namespace depot::storage {
namespace {

using deposits::Depositor;

constexpr char kInsertDepositor[] = "deposits_insert_depositor";
constexpr char kFindDepositor[] = "deposits_find_depositor";
constexpr char kListDepositors[] = "deposits_list_depositors";
constexpr char kFindDeposit[] = "deposits_find_deposit";
constexpr char kLockDeposit[] = "deposits_lock_deposit";
constexpr char kShareDeposit[] = "deposits_share_deposit";
constexpr char kFindRecord[] = "deposits_find_record";

constexpr char kDepositorColumns[] =
    "id, organization_number, name, kind, "
    "(extract(epoch FROM registered_at) * 1000000)::bigint AS registered_us";

Depositor ToDepositor(const pqxx::row& row) {
  Depositor depositor;
  depositor.id = row["id"].as<int64_t>();
  depositor.organisation_number = row["organization_number"].as<std::string>();
  depositor.name = row["name"].as<std::string>();
  depositor.kind = deposits::ParseDepositorKind(row["kind"].as<std::string>())
                       .value_or(deposits::DepositorKind::kOther);
  depositor.registered_at = FromMicros(row["registered_us"].as<int64_t>());
  return depositor;
}

using deposits::Deposit;
using deposits::DepositLock;
using deposits::DepositState;
using deposits::RegisterCategory;
using deposits::Rejection;
using deposits::SealedRecord;
using StoredRecord = deposits::DepositTransaction::StoredRecord;

constexpr char kSchema[] = "deposits";

constexpr char kDepositColumns[] =
    "d.id, dp.organization_number, d.category, d.description, "
    "d.deposit_date::text AS deposit_date, d.state, d.accepted_records, "
    "d.rejected_records, "
    "(extract(epoch FROM d.created_at) * 1000000)::bigint AS created_us, "
    "d.created_by, d.cancel_reason "
    "FROM deposits.deposits d JOIN deposits.depositors dp "
    "ON dp.id = d.depositor_id ";

constexpr char kRecordColumns[] =
    "r.id, r.deposit_id, dp.organization_number, d.category, "
    "r.source_record_id, r.position, r.name_sealed, "
    "coalesce(r.national_id_sealed, '') AS national_id_sealed, "
    "r.national_id_kind, coalesce(r.national_id_index, '') AS "
    "national_id_index, r.person_index, r.birth_date_sealed, "
    "r.opened_date::text AS opened_date, "
    "r.last_contact_date::text AS last_contact_date, "
    "coalesce(r.death_year, 0) AS death_year, r.box, r.shelf, "
    "coalesce(r.documents_sealed, '') AS documents_sealed, "
    "coalesce(r.noark_sealed, '') AS noark_sealed, r.subject, "
    "coalesce(x.reason, '') AS exception_reason "
    "FROM deposits.records r "
    "JOIN deposits.deposits d ON d.id = r.deposit_id "
    "JOIN deposits.depositors dp ON dp.id = d.depositor_id "
    "LEFT JOIN deposits.record_exceptions x "
    "ON x.deposit_id = r.deposit_id AND x.source_record_id = "
    "r.source_record_id ";

Deposit ToDeposit(const pqxx::row& row) {
  Deposit deposit;
  deposit.id = row["id"].as<int64_t>();
  deposit.organisation_number = row["organization_number"].as<std::string>();
  deposit.category = static_cast<RegisterCategory>(row["category"].as<int>());
  deposit.description = row["description"].as<std::string>();
  deposit.deposit_date = StoredDate(row["deposit_date"].as<std::string>());
  deposit.state = deposits::ParseDepositState(row["state"].as<std::string>());
  deposit.accepted_records = row["accepted_records"].as<int64_t>();
  deposit.rejected_records = row["rejected_records"].as<int64_t>();
  deposit.created_at = FromMicros(row["created_us"].as<int64_t>());
  deposit.created_by = row["created_by"].as<std::string>();
  deposit.cancel_reason = row["cancel_reason"].as<std::string>();
  return deposit;
}

StoredRecord ToStoredRecord(const pqxx::row& row) {
  StoredRecord stored;
  stored.record_id = row["id"].as<int64_t>();
  stored.deposit_id = row["deposit_id"].as<int64_t>();
  stored.organisation_number = row["organization_number"].as<std::string>();
  stored.category = static_cast<RegisterCategory>(row["category"].as<int>());
  SealedRecord& s = stored.sealed;
  s.source_record_id = row["source_record_id"].as<std::string>();
  s.position = row["position"].as<int64_t>();
  s.name_sealed = row["name_sealed"].as<std::string>();
  s.national_id_sealed = row["national_id_sealed"].as<std::string>();
  s.national_id_kind = row["national_id_kind"].as<std::string>();
  s.national_id_index = row["national_id_index"].as<std::string>();
  s.person_index = row["person_index"].as<std::string>();
  s.birth_date_sealed = row["birth_date_sealed"].as<std::string>();
  s.opened_date = row["opened_date"].as<std::string>();
  s.last_contact_date = row["last_contact_date"].as<std::string>();
  s.death_year = row["death_year"].as<int>();
  s.box = row["box"].as<std::string>();
  s.shelf = row["shelf"].as<std::string>();
  s.documents_sealed = row["documents_sealed"].as<std::string>();
  s.noark_sealed = row["noark_sealed"].as<std::string>();
  s.subject = row["subject"].as<std::string>();
  s.exception_reason = row["exception_reason"].as<std::string>();
  return stored;
}

Rejection ToRejection(const pqxx::row& row) {
  return {row["position"].as<int64_t>(),
          row["source_record_id"].as<std::string>(),
          row["field"].as<std::string>(),
          row["reason"].as<std::string>(),
          row["eligible_from"].as<std::string>(),
          row["id"].as<int64_t>()};
}

class PgDepositTransaction : public deposits::DepositTransaction {
 public:
  explicit PgDepositTransaction(pqxx::transaction_base& tx) : tx_(tx) {}

  Depositor InsertDepositor(const deposits::NewDepositor& d) override {
    try {
      pqxx::subtransaction guard(Writable(), "insert_depositor");
      auto result = guard.exec_prepared(kInsertDepositor, d.organisation_number,
                                        d.name, DepositorKindName(*d.kind));
      guard.commit();
      return ToDepositor(result[0]);
    } catch (const pqxx::unique_violation&) {
      throw AlreadyExists("a depositor with organisation number " +
                          d.organisation_number + " is already registered");
    }
  }

  std::optional<Depositor> FindDepositor(
      const std::string& organisation_number) override {
    auto result = tx_.exec_prepared(kFindDepositor, organisation_number);
    if (result.empty()) return std::nullopt;
    return ToDepositor(result[0]);
  }

  std::vector<Depositor> ListDepositors(
      int64_t after_id, int limit,
      const std::optional<std::string>& organisation_number) override {
    auto result = tx_.exec_prepared(
        kListDepositors, after_id, limit,
        organisation_number ? organisation_number->c_str() : nullptr);
    std::vector<Depositor> depositors;
    depositors.reserve(result.size());
    for (const auto& row : result) depositors.push_back(ToDepositor(row));
    return depositors;
  }

  Deposit InsertDeposit(const deposits::NewDeposit& d) override {
    auto row = tx_.exec_params1(
        "INSERT INTO deposits.deposits (depositor_id, category, description,"
        " deposit_date, created_by) SELECT id, $2, $3, $4::date, $5 FROM"
        " deposits.depositors WHERE organization_number = $1 RETURNING id",
        d.organisation_number, static_cast<int>(d.category), d.description,
        FormatDate(d.deposit_date), d.created_by);
    return *FindDeposit(row[0].as<int64_t>(), DepositLock::kNone);
  }

  std::optional<Deposit> FindDeposit(int64_t id, DepositLock lock) override {
    const char* statement = lock == DepositLock::kExclusive    ? kLockDeposit
                            : lock == DepositLock::kBatchWrite ? kShareDeposit
                                                               : kFindDeposit;
    auto result = tx_.exec_prepared(statement, id);
    if (result.empty()) return std::nullopt;
    return ToDeposit(result[0]);
  }

  std::vector<Deposit> ListDeposits(
      int64_t after_id, int limit,
      const std::optional<std::string>& organisation_number) override {
    auto result = tx_.exec_params(
        std::string("SELECT ") + kDepositColumns +
            "WHERE d.id > $1 AND ($3::text IS NULL OR "
            "dp.organization_number = $3) ORDER BY d.id LIMIT $2",
        after_id, limit,
        organisation_number ? organisation_number->c_str() : nullptr);
    std::vector<Deposit> deposits;
    for (const auto& row : result) deposits.push_back(ToDeposit(row));
    return deposits;
  }

  void SetDepositState(int64_t id, DepositState state,
                       const std::string& cancel_reason) override {
    tx_.exec_params(
        "UPDATE deposits.deposits SET state = $2, cancel_reason = $3 "
        "WHERE id = $1",
        id, deposits::DepositStateName(state), cancel_reason);
  }

  int64_t DeleteRecords(int64_t deposit_id) override {
    auto result = tx_.exec_params(
        "DELETE FROM deposits.records WHERE deposit_id = $1", deposit_id);
    tx_.exec_params(
        "UPDATE deposits.deposits SET accepted_records = 0 WHERE id = $1",
        deposit_id);
    return result.affected_rows();
  }

  deposits::BatchOutcome StoreBatch(int64_t deposit_id,
                                    const std::vector<SealedRecord>& accepted,
                                    const std::vector<Rejection>& rejected,
                                    const deposits::BatchSource& source,
                                    const AuditEvent& audit) override {
    return PgBatchWriter(tx_).StoreBatch(deposit_id, accepted, rejected, source,
                                         audit);
  }

  std::optional<deposits::TransferState> FindTransfer(
      int64_t deposit_id, const std::string& transfer_id) override {
    return PgBatchWriter(tx_).FindTransfer(deposit_id, transfer_id);
  }

  void InsertTransfer(int64_t deposit_id,
                      const deposits::TransferState& transfer) override {
    PgBatchWriter(tx_).InsertTransfer(deposit_id, transfer);
  }

  std::vector<std::string> ExceptionsAmong(
      int64_t deposit_id, const std::vector<std::string>& source_ids) override {
    return PgBatchWriter(tx_).ExceptionsAmong(deposit_id, source_ids);
  }

  std::optional<Rejection> FindRejection(
      int64_t deposit_id, const std::string& source_record_id) override {
    auto result = tx_.exec_params(
        "SELECT id, position, source_record_id, field, reason, "
        "coalesce(eligible_from::text, '') AS eligible_from "
        "FROM deposits.rejections WHERE deposit_id = $1 AND "
        "source_record_id = $2",
        deposit_id, source_record_id);
    if (result.empty()) return std::nullopt;
    return ToRejection(result[0]);
  }

  void InsertException(const deposits::RecordException& e) override {
    try {
      pqxx::subtransaction guard(Writable(), "insert_exception");
      guard.exec_params(
          "INSERT INTO deposits.record_exceptions (deposit_id, "
          "source_record_id, reason, granted_by) VALUES ($1, $2, $3, $4)",
          e.deposit_id, e.source_record_id, e.reason, e.granted_by);
      guard.commit();
    } catch (const pqxx::unique_violation&) {
      throw AlreadyExists("record " + QuoteInput(e.source_record_id) +
                          " already has an exception; send it again");
    }
  }

  std::vector<Rejection> ListRejections(int64_t deposit_id,
                                        int64_t after_position,
                                        int64_t after_id, int limit) override {
    auto result = tx_.exec_params(
        "SELECT id, position, source_record_id, field, reason, "
        "coalesce(eligible_from::text, '') AS eligible_from "
        "FROM deposits.rejections WHERE deposit_id = $1 AND "
        "(position, id) > ($2, $3) ORDER BY position, id LIMIT $4",
        deposit_id, after_position, after_id, limit);
    std::vector<Rejection> rejections;
    for (const auto& row : result) rejections.push_back(ToRejection(row));
    return rejections;
  }

  std::vector<StoredRecord> SearchRecords(const deposits::RecordQuery& q,
                                          int64_t after_id,
                                          int limit) override {
    // exec_params plans with the actual values, so the conditions of
    // criteria not given fold away and each search uses its own index.
    std::string sql = std::string("SELECT ") + kRecordColumns +
                      "WHERE r.id > $1 AND d.state <> 'cancelled'"
                      " AND ($2::text = '' OR r.national_id_index = $2)"
                      " AND ($3::text = '' OR r.person_index = $3)"
                      " AND ($4::text = '' OR dp.organization_number = $4)"
                      " AND ($5::int = 0 OR d.category = $5)"
                      " AND ($6::bigint = 0 OR r.deposit_id = $6)"
                      " AND ($7::text = '' OR r.box = $7)";
    sql += " ORDER BY r.id LIMIT $8";
    auto result = tx_.exec_params(sql, after_id, q.national_id_index,
                                  q.person_index, q.organisation_number,
                                  q.category, q.deposit_id, q.box, limit);
    std::vector<StoredRecord> records;
    for (const auto& row : result) records.push_back(ToStoredRecord(row));
    return records;
  }

  std::optional<StoredRecord> FindRecord(int64_t record_id) override {
    // Prepared: the reading room asks for every item it lends, and planning
    // this join each time cost more than running it.
    auto result = tx_.exec_prepared(kFindRecord, record_id);
    if (result.empty()) return std::nullopt;
    return ToStoredRecord(result[0]);
  }

  std::vector<StoredRecord> RecordsInBox(int64_t deposit_id,
                                         const std::string& box) override {
    auto result = tx_.exec_params(
        std::string("SELECT ") + kRecordColumns +
            "WHERE r.deposit_id = $1 AND r.box = $2 AND d.state <> "
            "'cancelled' ORDER BY r.id",
        deposit_id, box);
    std::vector<StoredRecord> records;
    for (const auto& row : result) records.push_back(ToStoredRecord(row));
    return records;
  }

  void Audit(const std::vector<AuditEvent>& events) override {
    AppendAuditEvents(tx_, kSchema, events);
  }

  void UpdateRecord(int64_t record_id, const SealedRecord& r) override {
    auto or_null = [](const std::string& v) -> const char* {
      return v.empty() ? nullptr : v.c_str();
    };
    tx_.exec_params(
        "UPDATE deposits.records SET name_sealed = $2, national_id_sealed = "
        "$3, national_id_kind = $4, national_id_index = $5, person_index = "
        "$6, birth_date_sealed = $7, opened_date = $8::date, "
        "last_contact_date = $9::date, death_year = $10, documents_sealed = "
        "$11, noark_sealed = $12, subject = $13 WHERE id = $1",
        record_id, r.name_sealed, or_null(r.national_id_sealed),
        r.national_id_kind, or_null(r.national_id_index), r.person_index,
        r.birth_date_sealed, r.opened_date, r.last_contact_date,
        r.death_year == 0 ? nullptr : &r.death_year,
        or_null(r.documents_sealed), or_null(r.noark_sealed), r.subject);
  }

  void InsertCorrection(int64_t record_id, const std::string& fields,
                        const std::string& reason,
                        const std::string& corrected_by) override {
    tx_.exec_params(
        "INSERT INTO deposits.record_corrections (record_id, fields, reason, "
        "corrected_by) VALUES ($1, $2, $3, $4)",
        record_id, fields, reason, corrected_by);
  }

  std::vector<StoredAuditEvent> AuditEventsAbout(
      const std::vector<std::string>& pseudonyms) override {
    return storage::AuditEventsAbout(tx_, kSchema, pseudonyms);
  }

 private:
  // The transaction to nest a savepoint in: writes never run in a Read.
  pqxx::dbtransaction& Writable() {
    auto* transaction = dynamic_cast<pqxx::dbtransaction*>(&tx_);
    if (!transaction) throw std::logic_error("a write inside a Read");
    return *transaction;
  }

  pqxx::transaction_base& tx_;
};

}  // namespace

PgDepositStore::PgDepositStore(ConnectionPool& pool) : pool_(pool) {
  std::string columns = kDepositorColumns;
  pool_.Prepare(kInsertDepositor,
                "INSERT INTO deposits.depositors (organization_number, name, "
                "kind) VALUES ($1, $2, $3) RETURNING " +
                    columns);
  pool_.Prepare(kFindDepositor, "SELECT " + columns +
                                    " FROM deposits.depositors WHERE "
                                    "organization_number = $1");
  pool_.Prepare(kListDepositors,
                "SELECT " + columns +
                    " FROM deposits.depositors WHERE id > $1 AND ($3::text IS "
                    "NULL OR organization_number = $3) ORDER BY id LIMIT $2");
  pool_.Prepare(kFindDeposit,
                std::string("SELECT ") + kDepositColumns + "WHERE d.id = $1");
  pool_.Prepare(kLockDeposit, std::string("SELECT ") + kDepositColumns +
                                  "WHERE d.id = $1 FOR UPDATE OF d");
  // KEY SHARE: what the records' foreign key takes anyway. It lets batches
  // write side by side and take turns only for the counters' UPDATE (FOR NO
  // KEY UPDATE), while FOR UPDATE (state changes) waits for all of them.
  pool_.Prepare(kShareDeposit, std::string("SELECT ") + kDepositColumns +
                                   "WHERE d.id = $1 FOR KEY SHARE OF d");
  pool_.Prepare(kFindRecord, std::string("SELECT ") + kRecordColumns +
                                 "WHERE r.id = $1 AND d.state <> 'cancelled'");
  PgBatchWriter::Prepare(pool_);
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
