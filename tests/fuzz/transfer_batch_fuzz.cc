// libFuzzer target: any bytes as a batch of records through the transfer
// batch check (CheckBatch, services/deposits/domain/record_rules.cc), the
// one gate between a sender's records and PostgreSQL. It must never crash
// or hang; it gives one verdict per record; an accepted record keeps every
// rule; and a rejection is always safe to store and to send back (its
// texts keep the rules every text of a request keeps).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "services/deposits/domain/record_rules.h"

namespace {

using depot::RecordInput;
using depot::TextLimit;
using depot::TextProblem;

void Require(bool condition) {
  if (!condition) __builtin_trap();
}

// Each value is either a valid one or any text, so that the fuzzer reaches
// accepted records as well as every rejection.
std::string Text(FuzzedDataProvider& in) {
  // Mostly short, sometimes over every limit.
  return in.ConsumeRandomLengthString(in.ConsumeBool() ? 24 : 4000);
}

RecordInput Record(FuzzedDataProvider& in) {
  RecordInput r;
  r.position = in.ConsumeBool() ? in.ConsumeIntegralInRange<int64_t>(-2, 20)
                                : in.ConsumeIntegral<int64_t>();
  r.source_record_id = Text(in);
  r.person_name = Text(in);
  r.national_id = in.ConsumeBool() ? "01019010046" : Text(in);
  r.birth_date = in.ConsumeBool() ? "" : Text(in);
  r.opened_date = in.ConsumeBool() ? "1996-01-10" : Text(in);
  r.last_contact_date = in.ConsumeBool() ? "2001-02-03" : Text(in);
  r.death_year = in.ConsumeBool() ? 0 : in.ConsumeIntegral<int>();
  r.box = Text(in);
  r.shelf = Text(in);
  size_t documents = in.ConsumeIntegralInRange<size_t>(0, 3);
  for (size_t i = 0; i < documents; ++i) {
    r.documents.push_back({Text(in), in.ConsumeIntegral<int64_t>(),
                           in.ConsumeBool() ? std::string(64, 'a') : Text(in)});
  }
  r.noark_metadata = in.ConsumeBool() ? "" : Text(in);
  return r;
}

void CheckAccepted(const RecordInput& r) {
  const auto& rules = depot::deposits::RecordTextRules();
  auto keeps = [&](const std::string& text, const char* rule) {
    Require(!TextProblem(text, rules.find(rule)->second));
  };
  keeps(r.source_record_id, "source_record_id");
  keeps(r.person_name, "person_name");
  keeps(r.box, "box");
  keeps(r.shelf, "shelf");
  keeps(r.noark_metadata, "noark_metadata");
  for (const auto& d : r.documents) {
    keeps(d.file_name, "documents.file_name");
    Require(d.size_bytes >= 0 && d.sha256.size() == 64);
  }
  Require(r.position >= 1 && r.position <= depot::deposits::kMaxPosition);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  std::vector<RecordInput> batch;
  size_t count = in.ConsumeIntegralInRange<size_t>(1, 6);
  for (size_t i = 0; i < count && in.remaining_bytes() > 0; ++i) {
    batch.push_back(Record(in));
  }
  static const depot::deposits::CategoryRules rules;
  const auto& rule = rules.For(depot::deposits::RegisterCategory::kPupilFiles);
  depot::Date deposit_date = *depot::ParseDate("2026-06-30");
  depot::Date today = *depot::ParseDate("2026-11-24");
  auto verdicts =
      depot::deposits::CheckBatch(batch, rule, deposit_date, today, {});
  Require(verdicts.size() == batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    const auto& verdict = verdicts[i];
    Require(verdict.accepted.has_value() != verdict.rejection.has_value());
    if (verdict.accepted) {
      CheckAccepted(batch[i]);
      continue;
    }
    const auto& rejection = *verdict.rejection;
    Require(!rejection.field.empty());
    Require(!TextProblem(rejection.source_record_id, TextLimit{200, false}));
    Require(!TextProblem(rejection.field, TextLimit{200, false}));
    Require(!TextProblem(rejection.reason, TextLimit{4000, true}));
    Require(rejection.eligible_from.empty() ||
            depot::ParseDate(rejection.eligible_from).has_value());
  }
  return 0;
}
