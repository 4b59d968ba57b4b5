#include "clients/cli/noark_import_second_pass.h"

#include "services/common/request_rules.h"

namespace depot::cli {
namespace {

namespace fs = std::filesystem;
using noark::Deviation;

constexpr size_t kMaxListedRepeats = 100;

std::string Number(int64_t n) { return n > 0 ? std::to_string(n) : ""; }

v1::RecordData ToProto(const RecordInput& r) {
  v1::RecordData record;
  record.set_position(r.position);
  record.set_source_record_id(r.source_record_id);
  record.set_person_name(r.person_name);
  record.set_national_id(r.national_id);
  record.set_birth_date(r.birth_date);
  record.set_opened_date(r.opened_date);
  record.set_last_contact_date(r.last_contact_date);
  record.set_death_year(r.death_year);
  record.set_box(r.box);
  record.set_shelf(r.shelf);
  for (const DigitalDocument& d : r.documents) {
    auto* document = record.add_documents();
    document->set_file_name(d.file_name);
    document->set_size_bytes(d.size_bytes);
    document->set_sha256(d.sha256);
  }
  record.set_noark_metadata(r.noark_metadata);
  return record;
}

// A text the server would reject (over its length, say a systemID of more
// than 200 characters) is refused before sending, so that the report names
// the mappe by its own systemID rather than the server's shortened form.
std::optional<noark::LocalRejection> TextRejection(
    const v1::RecordData& record) {
  auto violation = FindViolation(record);
  if (!violation) return std::nullopt;
  return noark::LocalRejection{violation->field,
                               violation->field + " " + violation->reason};
}

}  // namespace

void Repeats::Seen(std::string_view id, std::string_view element,
                   int64_t line) {
  if (element == "mappe" && ids_.mappes.IsRepeat(id)) {
    repeated_mappes_.insert(std::string(id));
  } else if (ids_.all.IsRepeat(id)) {
    if (listed_.size() >= kMaxListedRepeats) {
      ++dropped_;
      return;
    }
    listed_.push_back({line, "systemID " + std::string(id) + " of " +
                                 std::string(element) +
                                 " occurs more than once (N5.47)"});
  }
}

void Repeats::Report(const noark::Mappe& mappe, ImportWorkFile& work) {
  for (const Deviation& d : listed_) work.Deviation(mappe.position, d);
  listed_.clear();
  if (dropped_ > 0) {
    work.Deviation(mappe.position,
                   {mappe.line, std::to_string(dropped_) +
                                    " more repeated systemIDs in this "
                                    "mappe (not listed)"});
    dropped_ = 0;
  }
}

bool Repeats::TakeRepeatedMappe(const std::string& system_id) {
  return repeated_mappes_.erase(system_id) > 0;
}

SecondPass::SecondPass(const NoarkImportOptions& options, ImportStart& start,
                       ImportWorkFile& work, RecordStream& stream,
                       NoarkImportSummary* summary)
    : structure_(start.structure),
      next_(start.next),
      repeats_(start.ids),
      work_(work),
      stream_(stream),
      summary_(summary) {
  mapping_.extraction_dir = options.dir;
  mapping_.verify_files = options.verify_files;
  mapping_.noark_version = summary->noark_version;
  mapping_.today = start.today;
  fs::path schema = options.xsd_dir / "arkivstruktur.xsd";
  std::error_code error;
  if (!options.xsd_dir.empty() && fs::is_regular_file(schema, error)) {
    reader_options_.xml.schema = schema;
  }
  reader_options_.on_system_id =
      [this](std::string_view id, std::string_view element, int64_t line) {
        repeats_.Seen(id, element, line);
      };
  reader_options_.xml.on_bytes = [this](std::string_view b) {
    hash_.Update(b);
  };
}

void SecondPass::Run(const ImportProgress& progress) {
  noark::Noark5Reader reader(structure_, reader_options_);
  noark::Mappe mappe;
  while (stream_.open() && reader.Next(&mappe)) {
    for (const Deviation& d : reader.TakeDeviations()) work_.Deviation(0, d);
    repeats_.Report(mappe, work_);
    Take(mappe);
    if (mappe.position >= next_) {
      ++processed_;
      if (progress.sent) progress.sent(processed_);
    }
  }
  for (const Deviation& d : reader.TakeDeviations()) work_.Deviation(0, d);
}

void SecondPass::Take(const noark::Mappe& mappe) {
  noark::MappedRecord mapped = noark::MapMappe(mappe, mapping_);
  summary_->missing_files += mapped.missing_files;
  for (const Deviation& d : mappe.deviations) {
    work_.Deviation(mappe.position, d);
  }
  for (const Deviation& d : mapped.deviations) {
    work_.Deviation(mappe.position, d);
  }
  if (!mapped.rejection && repeats_.TakeRepeatedMappe(mappe.system_id)) {
    mapped.rejection = noark::LocalRejection{
        "source_record_id",
        "systemID " + mappe.system_id +
            " occurs more than once; only its first mappe is imported"};
  }
  v1::RecordData record = ToProto(mapped.record);
  if (!mapped.rejection) mapped.rejection = TextRejection(record);
  const std::string& id = mapped.record.source_record_id;
  if (mapped.rejection) {
    ++summary_->rejected_here;
    work_.Row(
        ImportReportRow({std::to_string(mappe.position), id, "rejected",
                         mapped.rejection->field, mapped.rejection->reason, "",
                         Number(mappe.line)}));
    return;
  }
  work_.Pending(mappe.position, id);
  if (mappe.position >= next_) stream_.Add(&record);
}

}  // namespace depot::cli
