#include "storage/deposits/pg_batch_writer.h"

#include <pqxx/stream_to>
#include <set>

#include "services/deposits/domain/deposit_store.h"
#include "storage/copy_field.h"
#include "storage/deposits/queries.h"
#include "storage/pg_time.h"
#include "storage/text_array.h"

namespace depot::storage {
namespace {

using namespace depot::storage::deposits_sql;
using deposits::Rejection;
using deposits::SealedRecord;

// The COPYs below (stream_to) name their table and columns here, not in a
// file of queries/: pqxx::stream_to takes no SQL text, it writes the COPY
// statement itself from the table and columns it is given.

void WriteRecords(pqxx::stream_to& stream, int64_t deposit_id,
                  const std::vector<const SealedRecord*>& records) {
  for (const SealedRecord* r : records) {
    stream << std::make_tuple(
        deposit_id, r->source_record_id, r->position, r->name_sealed,
        TextOrNull(r->national_id_sealed), r->national_id_kind,
        TextOrNull(r->national_id_index), r->person_index, r->birth_date_sealed,
        r->opened_date, r->last_contact_date, NumberOrNull(r->death_year),
        r->box, r->shelf, TextOrNull(r->documents_sealed), r->subject,
        TextOrNull(r->noark_sealed));
  }
  stream.complete();
}

}  // namespace

deposits::BatchOutcome PgBatchWriter::StoreBatch(
    int64_t deposit_id, const std::vector<SealedRecord>& accepted,
    const std::vector<Rejection>& rejected, const deposits::BatchSource& source,
    const AuditEvent& audit) {
  deposits::BatchOutcome outcome;
  int64_t cleared = 0;
  if (!accepted.empty()) {
    Records fresh = NotYetStored(deposit_id, accepted);
    if (!fresh.empty()) {
      CopyRecords(deposit_id, fresh);
      CopyAuditEvents(fresh, audit);
      cleared = ClearRejections(deposit_id, fresh);
    }
    outcome.accepted = static_cast<int64_t>(fresh.size());
  }
  if (!rejected.empty())
    outcome.rejected = CopyRejections(deposit_id, rejected);
  outcome.duplicates = static_cast<int64_t>(accepted.size() + rejected.size()) -
                       outcome.accepted - outcome.rejected;
  tx_.exec_prepared(kAddBatchCounts.name, deposit_id, outcome.accepted,
                    outcome.rejected, cleared);
  if (!source.transfer_id.empty()) {
    tx_.exec_prepared(kAdvanceTransfer.name, deposit_id, source.transfer_id,
                      source.next_position, source.received, outcome.accepted,
                      outcome.rejected, outcome.duplicates);
  }
  return outcome;
}

std::optional<deposits::TransferState> PgBatchWriter::FindTransfer(
    int64_t deposit_id, const std::string& transfer_id) {
  auto result = tx_.exec_prepared(kFindTransfer.name, deposit_id, transfer_id);
  if (result.empty()) return std::nullopt;
  const pqxx::row& row = result[0];
  deposits::TransferState t;
  t.transfer_id = row["transfer_id"].as<std::string>();
  t.source_sha256 = row["source_sha256"].as<std::string>();
  t.next_position = row["next_position"].as<int64_t>();
  t.received = row["received"].as<int64_t>();
  t.accepted = row["accepted"].as<int64_t>();
  t.rejected = row["rejected"].as<int64_t>();
  t.duplicates = row["duplicates"].as<int64_t>();
  t.started_by = row["started_by"].as<std::string>();
  t.started_at = FromMicros(row["started_us"].as<int64_t>());
  t.updated_at = FromMicros(row["updated_us"].as<int64_t>());
  return t;
}

void PgBatchWriter::InsertTransfer(int64_t deposit_id,
                                   const deposits::TransferState& transfer) {
  tx_.exec_prepared(kInsertTransfer.name, deposit_id, transfer.transfer_id,
                    transfer.source_sha256, transfer.started_by);
}

// The records of a batch not stored yet, first occurrence of each source
// id. The rows then go in by plain COPY, without ON CONFLICT: a parallel
// batch (DepositLock::kBatchWrite) that stores one of the same ids first
// makes the COPY fail on the unique key, and CopyRecords says so with
// ConcurrentBatch; under kExclusive no other batch writes meanwhile.
PgBatchWriter::Records PgBatchWriter::NotYetStored(
    int64_t deposit_id, const std::vector<SealedRecord>& batch) {
  std::vector<std::string> ids;
  ids.reserve(batch.size());
  for (const SealedRecord& r : batch) ids.push_back(r.source_record_id);
  std::set<std::string> taken;
  for (const auto& row : tx_.exec_prepared(kStoredAmong.name, deposit_id,
                                           TextArrayLiteral(ids))) {
    taken.insert(row[0].as<std::string>());
  }
  Records fresh;
  fresh.reserve(batch.size());
  for (const SealedRecord& r : batch) {
    if (taken.insert(r.source_record_id).second) fresh.push_back(&r);
  }
  return fresh;
}

void PgBatchWriter::CopyRecords(int64_t deposit_id, const Records& records) {
  pqxx::stream_to stream(
      tx_, "deposits.records",
      std::vector<std::string>{
          "deposit_id", "source_record_id", "position", "name_sealed",
          "national_id_sealed", "national_id_kind", "national_id_index",
          "person_index", "birth_date_sealed", "opened_date",
          "last_contact_date", "death_year", "box", "shelf", "documents_sealed",
          "subject", "noark_sealed"});
  try {
    WriteRecords(stream, deposit_id, records);
  } catch (const pqxx::unique_violation&) {
    throw deposits::ConcurrentBatch(
        "records of deposit " + std::to_string(deposit_id) +
        " were stored by a parallel batch meanwhile");
  }
}

// One event per stored record: the person's pseudonym is the subject.
void PgBatchWriter::CopyAuditEvents(const Records& records,
                                    const AuditEvent& audit) {
  pqxx::stream_to stream(
      tx_, "deposits.audit_events",
      std::vector<std::string>{"actor", "actor_role", "action", "object",
                               "subject", "detail"});
  for (const SealedRecord* r : records) {
    stream << std::make_tuple(audit.actor, audit.actor_role, audit.action,
                              audit.object, TextOrNull(r->subject),
                              audit.detail);
  }
  stream.complete();
}

// An accepted record replaces an earlier rejection of the same source id.
int64_t PgBatchWriter::ClearRejections(int64_t deposit_id,
                                       const Records& records) {
  std::vector<std::string> ids;
  ids.reserve(records.size());
  for (const SealedRecord* r : records) ids.push_back(r->source_record_id);
  return tx_
      .exec_prepared(kClearRejections.name, deposit_id, TextArrayLiteral(ids))
      .affected_rows();
}

// The rejections go through a staging table, so that those of records the
// deposit has, or has rejected before, are skipped in one statement.
int64_t PgBatchWriter::CopyRejections(int64_t deposit_id,
                                      const std::vector<Rejection>& rejected) {
  tx_.exec_prepared(kCreateStagingRejections.name);
  pqxx::stream_to stream(
      tx_, "staging_rejections",
      std::vector<std::string>{"source_record_id", "position", "field",
                               "reason", "eligible_from"});
  for (const Rejection& r : rejected) {
    stream << std::make_tuple(r.source_record_id, r.position, r.field, r.reason,
                              r.eligible_from);
  }
  stream.complete();
  // Not prepared: planned for each batch, whose size the planner sees in the
  // staging table's; a prepared statement would soon run one generic plan.
  return tx_.exec_params1(kMoveStagedRejections.text, deposit_id)[0]
      .as<int64_t>();
}

}  // namespace depot::storage
