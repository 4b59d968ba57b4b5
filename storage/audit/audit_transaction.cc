#include "storage/audit/audit_transaction.h"

#include "services/audit/domain/canonical.h"
#include "services/common/error.h"
#include "storage/audit/parallel_ranges.h"
#include "storage/audit/queries.h"
#include "storage/audit/sealed_copy.h"
#include "storage/audit_writer.h"

namespace depot::storage {
namespace {

namespace sql = audit_sql;
using audit::SealedEvent;
using audit::SignedHead;

std::string Bytes(const pqxx::field& field) {
  if (field.is_null()) return "";
  pqxx::binarystring bytes(field);
  return bytes.str();
}

}  // namespace

PgAuditTransaction::PgAuditTransaction(pqxx::work& tx,
                                       const std::string& connection_string,
                                       size_t readers)
    : tx_(tx), connection_string_(connection_string), readers_(readers) {
  // Event times are read as text: in UTC they parse exactly.
  tx_.exec_prepared(sql::kPrintTimesInUtc.name);
}

// Every method checks the log against the fixed list first: a log name is
// never caller text by the time it reaches a statement.

bool PgAuditTransaction::LogPresent(const std::string& log) {
  audit::RequireKnownLog(log);
  return tx_.exec_prepared1(sql::kLogPresent.name, log)[0].as<bool>();
}

bool PgAuditTransaction::LockSealer(const std::string& log, bool wait) {
  int64_t key = audit::SealerLockKey(log);
  if (wait) {
    tx_.exec_prepared(sql::kLockSealer.name, key);
    return true;
  }
  return tx_.exec_prepared1(sql::kTryLockSealer.name, key)[0].as<bool>();
}

std::pair<int64_t, std::string> PgAuditTransaction::LastSealed(
    const std::string& log) {
  audit::RequireKnownLog(log);
  pqxx::result rows = tx_.exec_prepared(sql::kLastSealed.name, log);
  if (rows.empty()) return {0, audit::ZeroHash()};
  return {rows[0][0].as<int64_t>(), Bytes(rows[0][1])};
}

std::vector<SealedEvent> PgAuditTransaction::Unsealed(const std::string& log,
                                                      int limit) {
  audit::RequireKnownLog(log);
  pqxx::result rows = tx_.exec_prepared(sql::kUnsealedEvents.name, log, limit);
  std::vector<SealedEvent> events;
  events.reserve(rows.size());
  for (const auto& row : rows) {
    SealedEvent e;
    e.id = row[0].as<int64_t>();
    e.occurred_at_us = ParseUtcTimestampMicros(row[1].c_str());
    e.actor = row[2].c_str();
    e.actor_role = row[3].c_str();
    e.action = row[4].c_str();
    e.object = row[5].c_str();
    e.subject = row[6].c_str();
    e.detail = row[7].c_str();
    events.push_back(std::move(e));
  }
  return events;
}

void PgAuditTransaction::Seal(const std::string& log,
                              const std::vector<SealedEvent>& events) {
  audit::RequireKnownLog(log);
  // One statement per batch: arrays of ids, seqs and hex hashes.
  std::string ids = "{", seqs = "{", hashes = "{";
  for (size_t i = 0; i < events.size(); ++i) {
    const char* comma = i == 0 ? "" : ",";
    ids += comma + std::to_string(events[i].id);
    seqs += comma + std::to_string(events[i].seq);
    hashes += comma + audit::ToHex(events[i].chain_hash);
  }
  ids += "}", seqs += "}", hashes += "}";
  int64_t sealed =
      tx_.exec_prepared1(sql::kSealEvents.name, log, ids, seqs, hashes)[0]
          .as<int64_t>();
  if (sealed != static_cast<int64_t>(events.size())) {
    // Someone sealed or removed them meanwhile (the lock prevents a
    // second sealer): nothing of this batch is kept.
    throw Conflict("audit events changed while being sealed; retry");
  }
}

int64_t PgAuditTransaction::CountUnsealed(const std::string& log) {
  audit::RequireKnownLog(log);
  return tx_.exec_prepared1(sql::kCountUnsealed.name, log)[0].as<int64_t>();
}

std::optional<SignedHead> PgAuditTransaction::LatestHead(
    const std::string& log) {
  auto heads = RecentHeads(log, 1);
  if (heads.empty()) return std::nullopt;
  return heads.back();
}

std::vector<SignedHead> PgAuditTransaction::RecentHeads(const std::string& log,
                                                        int limit) {
  audit::RequireKnownLog(log);
  pqxx::result rows = tx_.exec_prepared(sql::kRecentHeads.name, log, limit);
  std::vector<SignedHead> heads;
  for (auto row = rows.rbegin(); row != rows.rend(); ++row) {
    heads.push_back({(*row)[0].as<int64_t>(), Bytes((*row)[1]),
                     (*row)[2].as<int64_t>(), Bytes((*row)[3])});
  }
  return heads;
}

void PgAuditTransaction::AddHead(const std::string& log,
                                 const SignedHead& head) {
  audit::RequireKnownLog(log);
  tx_.exec_prepared(sql::kAddHead.name, log, head.size, audit::ToHex(head.root),
                    head.signed_at_us, audit::ToHex(head.signature));
}

void PgAuditTransaction::ForEachSealed(
    const std::string& log,
    const std::function<bool(const SealedEvent&)>& visit) {
  audit::RequireKnownLog(log);
  tx_.exec_prepared(sql::kChooseSealedEvents.name, log, 0, 0, 0);
  SealedCopy copy(tx_, sql::kSealedEvents);
  SealedEvent e;
  while (copy.Next(&e) && visit(e)) {
  }
  copy.Complete();
}

std::vector<SealedEvent> PgAuditTransaction::SealedPage(const std::string& log,
                                                        int64_t after,
                                                        int64_t last,
                                                        size_t limit) {
  audit::RequireKnownLog(log);
  tx_.exec_prepared(sql::kChooseSealedEvents.name, log, after, last,
                    static_cast<int64_t>(limit));
  SealedCopy copy(tx_, sql::kSealedEventsInRange);
  std::vector<SealedEvent> page;
  SealedEvent e;
  while (copy.Next(&e)) page.push_back(e);
  copy.Complete();
  return page;
}

int64_t PgAuditTransaction::CountSealed(const std::string& log, int64_t last) {
  audit::RequireKnownLog(log);
  return tx_.exec_prepared1(sql::kCountSealed.name, log, last)[0].as<int64_t>();
}

std::pair<int64_t, int64_t> PgAuditTransaction::SealedSeqBounds(
    const std::string& log) {
  audit::RequireKnownLog(log);
  pqxx::row bounds = tx_.exec_prepared1(sql::kSealedSeqBounds.name, log);
  return {bounds[0].as<int64_t>(), bounds[1].as<int64_t>()};
}

void PgAuditTransaction::ForEachSealedInRanges(
    const std::string& log, const std::vector<audit::SeqRange>& ranges,
    const std::function<bool(size_t, const SealedEvent&)>& visit) {
  if (readers_ < 2 || ranges.size() < 2) {
    AuditTransaction::ForEachSealedInRanges(log, ranges, visit);
    return;
  }
  audit::RequireKnownLog(log);
  const std::string snapshot =
      tx_.exec_prepared1(sql::kExportSnapshot.name)[0].as<std::string>();
  ReadRangesInParallel(connection_string_, snapshot, log, ranges, readers_,
                       visit);
}

void PgAuditTransaction::Audit(const std::string& log,
                               const AuditEvent& event) {
  audit::RequireKnownLog(log);
  AppendAuditEvent(tx_, log, event);
}

}  // namespace depot::storage
