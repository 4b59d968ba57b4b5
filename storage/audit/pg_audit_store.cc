#include "storage/audit/pg_audit_store.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <exception>
#include <limits>
#include <thread>

#include "services/audit/domain/canonical.h"
#include "services/common/error.h"
#include "storage/audit_writer.h"

namespace depot::storage {
namespace {

using audit::SealedEvent;
using audit::SignedHead;

constexpr int64_t kBadTime = std::numeric_limits<int64_t>::min();

// Digits at text[at, at + n) as a number; -1 when not all digits.
int Digits(std::string_view text, size_t at, size_t n) {
  if (at + n > text.size()) return -1;
  int value = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// COPY text format: backslash escapes (\t, \n, \\, \NNN octal, ...).
void Unescape(std::string_view field, std::string* out) {
  if (field.find('\\') == std::string_view::npos) {
    out->assign(field);  // the usual case, one copy
    return;
  }
  out->clear();
  for (size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    if (c != '\\' || i + 1 == field.size()) {
      out->push_back(c);
      continue;
    }
    char e = field[++i];
    switch (e) {
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'v':
        out->push_back('\v');
        break;
      case 'x': {
        int value = 0, used = 0;
        while (used < 2 && i + 1 < field.size() &&
               std::isxdigit(static_cast<unsigned char>(field[i + 1]))) {
          char h = field[++i];
          value = value * 16 + (std::isdigit(static_cast<unsigned char>(h))
                                    ? h - '0'
                                    : (h | 0x20) - 'a' + 10);
          ++used;
        }
        out->push_back(static_cast<char>(value));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int value = e - '0', used = 1;
          while (used < 3 && i + 1 < field.size() && field[i + 1] >= '0' &&
                 field[i + 1] <= '7') {
            value = value * 8 + (field[++i] - '0');
            ++used;
          }
          out->push_back(static_cast<char>(value));
        } else {
          out->push_back(e);
        }
    }
  }
}

int64_t ParseInt64(std::string_view text) {
  int64_t value = 0;
  bool negative = !text.empty() && text[0] == '-';
  for (size_t i = negative ? 1 : 0; i < text.size(); ++i) {
    value = value * 10 + (text[i] - '0');
  }
  return negative ? -value : value;
}

std::string Bytes(const pqxx::field& field) {
  if (field.is_null()) return "";
  pqxx::binarystring bytes(field);
  return bytes.str();
}

// The occurred_at text of every query below is printed in UTC (see Begin).
constexpr char kEventColumns[] =
    "id, occurred_at, actor, actor_role, action, object, "
    "coalesce(subject, ''), detail";
// The same columns for COPY: ParseSealedRow reads a NULL subject as empty
// (so PostgreSQL need not evaluate coalesce a million times).
constexpr char kCopyEventColumns[] =
    "id, occurred_at, actor, actor_role, action, object, subject, detail";

// COPY of a query (pqxx 6 takes it in place of a table name) of the sealed
// events matching `where`, in seq order, in the columns ParseSealedRow reads;
// the first limit of them when limit > 0.
std::string SealedQuery(const std::string& table, const std::string& where,
                        size_t limit = 0) {
  return std::string("(SELECT seq, ") + kCopyEventColumns +
         ", chain_hash FROM " + table + " WHERE " + where + " ORDER BY seq" +
         (limit > 0 ? " LIMIT " + std::to_string(limit) : "") + ")";
}

// A bytea printed in hex (\\x0a1b... in COPY text: its backslash is
// escaped) as its bytes; empty when it is anything else (NULL is \N).
void ParseHexHash(std::string_view field, std::string* out) {
  // A table, not comparisons: hash digits are random, so branches on them
  // mispredict half the time, and this runs 64 times per event.
  static constexpr auto kNibble = [] {
    std::array<int8_t, 256> table{};
    table.fill(-1);
    for (int c = 0; c < 10; ++c) table['0' + c] = static_cast<int8_t>(c);
    for (int c = 0; c < 6; ++c) {
      table['a' + c] = table['A' + c] = static_cast<int8_t>(10 + c);
    }
    return table;
  }();
  out->clear();
  if (field.size() % 2 == 0 || field.substr(0, 3) != "\\\\x") return;
  out->resize((field.size() - 3) / 2);
  int bad = 0;
  for (size_t i = 0; i < out->size(); ++i) {
    int high = kNibble[static_cast<unsigned char>(field[3 + 2 * i])];
    int low = kNibble[static_cast<unsigned char>(field[4 + 2 * i])];
    bad |= high | low;  // negative when either is not a digit
    (*out)[i] = static_cast<char>((high & 0xf) << 4 | (low & 0xf));
  }
  if (bad < 0) out->clear();
}

// One COPY text row of SealedQuery into e (its strings reused, so a read
// allocates nothing per row once they have grown).
void ParseSealedRow(std::string_view line, SealedEvent* e, std::string* field) {
  std::string_view fields[10];
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  size_t n = 0;
  for (; n < 10; ++n) {
    size_t tab = line.find('\t');
    fields[n] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  if (n != 9) throw std::runtime_error("unexpected COPY row of audit_events");
  e->seq = ParseInt64(fields[0]);
  e->id = ParseInt64(fields[1]);
  Unescape(fields[2], field);
  e->occurred_at_us = ParseUtcTimestampMicros(*field);
  Unescape(fields[3], &e->actor);
  Unescape(fields[4], &e->actor_role);
  Unescape(fields[5], &e->action);
  Unescape(fields[6], &e->object);
  if (fields[7] == "\\N") {
    e->subject.clear();  // NULL: no subject
  } else {
    Unescape(fields[7], &e->subject);
  }
  Unescape(fields[8], &e->detail);
  ParseHexHash(fields[9], &e->chain_hash);
}

// Timestamps as text in UTC: parsed exactly to microseconds, and the same
// on every server whatever its TimeZone setting.
void PrintTimesInUtc(pqxx::transaction_base& tx) {
  tx.exec("SET LOCAL TimeZone TO 'UTC'");
  tx.exec("SET LOCAL DateStyle TO 'ISO, YMD'");
}

// Reads one range of sealed events on a connection of its own, in a
// transaction on the snapshot `snapshot` (exported by the caller's
// transaction, which stays open meanwhile), until visit returns false or
// stop is set.
void ReadRange(const std::string& connection_string,
               const std::string& snapshot, const std::string& table,
               const audit::SeqRange& range,
               const std::function<bool(const SealedEvent&)>& visit,
               const std::atomic<bool>& stop) {
  pqxx::connection connection(connection_string);
  pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(connection);
  // Before anything else of the transaction reads: it must see exactly
  // what the caller's transaction sees.
  tx.exec("SET TRANSACTION SNAPSHOT " + tx.quote(snapshot));
  PrintTimesInUtc(tx);
  pqxx::stream_from stream(
      tx, SealedQuery(table, "seq BETWEEN " + std::to_string(range.first) +
                                 " AND " + std::to_string(range.last)));
  std::string line, field;
  SealedEvent e;
  bool more = true;
  while (more && stream.get_raw_line(line)) {
    ParseSealedRow(line, &e, &field);
    more = !stop.load(std::memory_order_relaxed) && visit(e);
  }
  if (more) {
    stream.complete();
    return;
  }
  // Stopped early: the rest of the range is not wanted. Cancel the COPY
  // rather than read it to its end; the connection is closed right after.
  connection.cancel_query();
  try {
    stream.complete();
  } catch (const std::exception&) {
    // The cancellation itself.
  }
}

class PgAuditTransaction : public audit::AuditTransaction {
 public:
  PgAuditTransaction(pqxx::work& tx, const std::string& connection_string,
                     size_t readers)
      : tx_(tx), connection_string_(connection_string), readers_(readers) {
    PrintTimesInUtc(tx_);
  }

  bool LogPresent(const std::string& log) override {
    audit::RequireKnownLog(log);
    return tx_
        .exec_params1("SELECT to_regclass($1) IS NOT NULL",
                      log + ".audit_heads")[0]
        .as<bool>();
  }

  bool LockSealer(const std::string& log, bool wait) override {
    int64_t key = audit::SealerLockKey(log);
    if (wait) {
      tx_.exec_params("SELECT pg_advisory_xact_lock($1)", key);
      return true;
    }
    return tx_.exec_params1("SELECT pg_try_advisory_xact_lock($1)", key)[0]
        .as<bool>();
  }

  std::pair<int64_t, std::string> LastSealed(const std::string& log) override {
    pqxx::result rows =
        tx_.exec("SELECT seq, chain_hash FROM " + Table(log, "audit_events") +
                 " WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1");
    if (rows.empty()) return {0, audit::ZeroHash()};
    return {rows[0][0].as<int64_t>(), Bytes(rows[0][1])};
  }

  std::vector<SealedEvent> Unsealed(const std::string& log,
                                    int limit) override {
    pqxx::result rows =
        tx_.exec_params(std::string("SELECT ") + kEventColumns + " FROM " +
                            Table(log, "audit_events") +
                            " WHERE seq IS NULL ORDER BY id LIMIT $1",
                        limit);
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

  void Seal(const std::string& log,
            const std::vector<SealedEvent>& events) override {
    // One statement per batch: arrays of ids, seqs and hex hashes.
    std::string ids = "{", seqs = "{", hashes = "{";
    for (size_t i = 0; i < events.size(); ++i) {
      const char* comma = i == 0 ? "" : ",";
      ids += comma + std::to_string(events[i].id);
      seqs += comma + std::to_string(events[i].seq);
      hashes += comma + audit::ToHex(events[i].chain_hash);
    }
    ids += "}", seqs += "}", hashes += "}";
    pqxx::result done = tx_.exec_params(
        "UPDATE " + Table(log, "audit_events") +
            " AS e SET seq = u.seq, chain_hash = decode(u.hash, 'hex') "
            "FROM unnest($1::bigint[], $2::bigint[], $3::text[]) "
            "AS u(id, seq, hash) WHERE e.id = u.id AND e.seq IS NULL",
        ids, seqs, hashes);
    if (done.affected_rows() != events.size()) {
      // Someone sealed or removed them meanwhile (the lock prevents a
      // second sealer): nothing of this batch is kept.
      throw Conflict("audit events changed while being sealed; retry");
    }
  }

  int64_t CountUnsealed(const std::string& log) override {
    return tx_
        .exec("SELECT count(*) FROM " + Table(log, "audit_events") +
              " WHERE seq IS NULL")[0][0]
        .as<int64_t>();
  }

  std::optional<SignedHead> LatestHead(const std::string& log) override {
    auto heads = Heads(log, 1);
    if (heads.empty()) return std::nullopt;
    return heads.back();
  }

  std::vector<SignedHead> RecentHeads(const std::string& log,
                                      int limit) override {
    return Heads(log, limit);
  }

  void AddHead(const std::string& log, const SignedHead& head) override {
    tx_.exec_params(
        "INSERT INTO " + Table(log, "audit_heads") +
            " (size, root, signed_at, signature) VALUES ($1, decode($2, "
            "'hex'), to_timestamp($3::bigint / 1000000) + ($3::bigint % "
            "1000000) * interval '1 microsecond', decode($4, 'hex')) "
            "ON CONFLICT (size) DO NOTHING",
        head.size, audit::ToHex(head.root), head.signed_at_us,
        audit::ToHex(head.signature));
  }

  void ForEachSealed(
      const std::string& log,
      const std::function<bool(const SealedEvent&)>& visit) override {
    // COPY of a query (pqxx 6 takes it in place of a table name): one
    // round trip, rows parsed here without per-field allocations.
    pqxx::stream_from stream(
        tx_, SealedQuery(Table(log, "audit_events"), "seq IS NOT NULL"));
    std::string line, field;
    SealedEvent e;
    bool more = true;
    while (more && stream.get_raw_line(line)) {
      ParseSealedRow(line, &e, &field);
      more = visit(e);
    }
    stream.complete();
  }

  std::vector<SealedEvent> SealedPage(const std::string& log, int64_t after,
                                      int64_t last, size_t limit) override {
    pqxx::stream_from stream(
        tx_, SealedQuery(Table(log, "audit_events"),
                         "seq > " + std::to_string(after) +
                             " AND seq <= " + std::to_string(last),
                         limit));
    std::vector<SealedEvent> page;
    std::string line, field;
    SealedEvent e;
    while (stream.get_raw_line(line)) {
      ParseSealedRow(line, &e, &field);
      page.push_back(e);
    }
    stream.complete();
    return page;
  }

  int64_t CountSealed(const std::string& log, int64_t last) override {
    return tx_
        .exec_params1("SELECT count(*) FROM " + Table(log, "audit_events") +
                          " WHERE seq <= $1",
                      last)[0]
        .as<int64_t>();
  }

  std::pair<int64_t, int64_t> SealedSeqBounds(const std::string& log) override {
    pqxx::row bounds = tx_.exec1(
        "SELECT coalesce(min(seq), 0), "
        "coalesce(max(seq), 0) FROM " +
        Table(log, "audit_events"));
    return {bounds[0].as<int64_t>(), bounds[1].as<int64_t>()};
  }

  size_t ParallelReaders() const override { return readers_; }

  void ForEachSealedInRanges(
      const std::string& log, const std::vector<audit::SeqRange>& ranges,
      const std::function<bool(size_t, const SealedEvent&)>& visit) override {
    if (readers_ < 2 || ranges.size() < 2) {
      AuditTransaction::ForEachSealedInRanges(log, ranges, visit);
      return;
    }
    // Every range on its own connection and thread (PostgreSQL formats the
    // COPY rows in one process per connection: that is what limits one
    // reader), all on this transaction's snapshot. Ranges beyond readers_
    // wait for a free reader.
    const std::string table = Table(log, "audit_events");
    const std::string snapshot =
        tx_.exec1("SELECT pg_export_snapshot()")[0].as<std::string>();
    std::atomic<size_t> next{0};
    std::atomic<bool> stop{false};
    std::vector<std::exception_ptr> errors(ranges.size());
    auto reader = [&] {
      for (size_t i = next++; i < ranges.size(); i = next++) {
        try {
          ReadRange(
              connection_string_, snapshot, table, ranges[i],
              [&](const SealedEvent& e) { return visit(i, e); }, stop);
        } catch (...) {
          errors[i] = std::current_exception();
          stop = true;
        }
      }
    };
    std::vector<std::thread> threads;
    for (size_t t = 0; t < std::min(readers_, ranges.size()); ++t) {
      threads.emplace_back(reader);
    }
    for (std::thread& thread : threads) thread.join();
    for (const std::exception_ptr& error : errors) {
      if (error) std::rethrow_exception(error);
    }
  }

  void Audit(const std::string& log, const AuditEvent& event) override {
    audit::RequireKnownLog(log);
    AppendAuditEvent(tx_, log, event);
  }

 private:
  // Log names are checked against the fixed list: never caller text.
  std::string Table(const std::string& log, const char* table) {
    audit::RequireKnownLog(log);
    return tx_.quote_name(log) + "." + table;
  }

  std::vector<SignedHead> Heads(const std::string& log, int limit) {
    pqxx::result rows = tx_.exec_params(
        "SELECT size, root, (extract(epoch FROM signed_at) * 1000000)::bigint, "
        "signature FROM " +
            Table(log, "audit_heads") + " ORDER BY size DESC LIMIT $1",
        limit);
    std::vector<SignedHead> heads;
    for (auto row = rows.rbegin(); row != rows.rend(); ++row) {
      heads.push_back({(*row)[0].as<int64_t>(), Bytes((*row)[1]),
                       (*row)[2].as<int64_t>(), Bytes((*row)[3])});
    }
    return heads;
  }

  pqxx::work& tx_;
  const std::string& connection_string_;
  size_t readers_;
};

}  // namespace

int64_t ParseUtcTimestampMicros(std::string_view t) {
  // YYYY-MM-DD HH:MM:SS[.f{1,6}]+00
  int year = Digits(t, 0, 4), month = Digits(t, 5, 2), day = Digits(t, 8, 2);
  int hour = Digits(t, 11, 2), minute = Digits(t, 14, 2),
      second = Digits(t, 17, 2);
  if (t.size() < 22 || year < 0 || month < 0 || day < 0 || hour < 0 ||
      minute < 0 || second < 0 || t[4] != '-' || t[7] != '-' || t[10] != ' ' ||
      t[13] != ':' || t[16] != ':') {
    return kBadTime;
  }
  size_t at = 19;
  int64_t micros = 0;
  if (t[at] == '.') {
    int scale = 100000;
    for (++at; at < t.size() && t[at] >= '0' && t[at] <= '9'; ++at) {
      micros += (t[at] - '0') * scale;
      scale /= 10;
    }
  }
  if (t.substr(at) != "+00") return kBadTime;
  using namespace std::chrono;
  year_month_day date{std::chrono::year(year),
                      std::chrono::month(static_cast<unsigned>(month)),
                      std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return kBadTime;
  int64_t days_since = sys_days(date).time_since_epoch().count();
  return ((days_since * 24 + hour) * 60 + minute) * 60'000'000LL +
         second * 1'000'000LL + micros;
}

PgAuditStore::PgAuditStore(ConnectionPool& pool, size_t verify_readers)
    : pool_(pool), verify_readers_(std::max<size_t>(1, verify_readers)) {}

void PgAuditStore::Run(
    const std::function<void(audit::AuditTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    PgAuditTransaction transaction(tx, pool_.connection_string(),
                                   verify_readers_);
    work(transaction);
  });
}

void PgAuditStore::RunSnapshot(
    const std::function<void(audit::AuditTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    PgAuditTransaction transaction(tx, pool_.connection_string(),
                                   verify_readers_);
    work(transaction);
  });
}

}  // namespace depot::storage
