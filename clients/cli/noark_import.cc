#include "clients/cli/noark_import.h"

#include <fstream>
#include <optional>
#include <set>

#include "clients/cli/private_file.h"
#include "services/common/date.h"
#include "services/common/request_rules.h"
#include "services/noark/addml.h"
#include "services/noark/duplicate_finder.h"
#include "services/noark/extraction_path.h"
#include "services/noark/file_hash.h"
#include "services/noark/noark5_reader.h"
#include "services/noark/record_mapping.h"

namespace depot::cli {
namespace {

namespace fs = std::filesystem;
using noark::Deviation;

// The server takes at most 10000 records per batch and, by gRPC's default,
// messages of at most 4 MiB.
constexpr int kMaxBatchRecords = 10000;
constexpr size_t kMaxBatchBytes = 3 << 20;
constexpr size_t kMaxListedRepeats = 100;

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += CsvField(fields[i]);
  }
  return row + "\n";
}

std::string Number(int64_t n) { return n > 0 ? std::to_string(n) : ""; }

// The report is first written to a work file of entries in document order:
// finished rows, and mappes sent whose outcome only the server knows. Each
// entry is length-prefixed, so no text in it can be mistaken for another.
class WorkFile {
 public:
  explicit WorkFile(const fs::path& path) : path_(path) {
    out_.open(path);
    if (!out_) {
      throw ExtractionError("cannot write " + path.string() + ": " +
                            out_.error());
    }
  }
  void Row(const std::string& row) { out_ << 'R' << row.size() << '\n' << row; }
  void Pending(int64_t position, const std::string& source_id) {
    out_ << 'P' << position << ' ' << source_id.size() << '\n' << source_id;
  }
  void Deviation(int64_t position, const noark::Deviation& d) {
    Row(CsvRow(
        {Number(position), "", "deviation", "", d.what, "", Number(d.line)}));
    ++deviations_;
  }
  int64_t deviations() const { return deviations_; }
  bool Close() {
    out_.close();
    return static_cast<bool>(out_);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  PrivateFile out_;
  int64_t deviations_ = 0;
};

// The deposit's rejections in position order, page by page.
class RejectionCursor {
 public:
  RejectionCursor(v1::DepositService::Stub& stub,
                  const ContextFactory& new_context, int64_t deposit_id)
      : stub_(stub), new_context_(new_context) {
    request_.set_deposit_id(deposit_id);
    request_.set_page_size(1000);
  }
  // The next rejection, or nullptr after the last.
  const v1::Rejection* Peek() {
    while (index_ >= page_.rejections_size()) {
      if (done_) return nullptr;
      v1::ListRejectionsResponse next;
      auto context = new_context_();
      status_ = stub_.ListRejections(context.get(), request_, &next);
      if (!status_.ok()) {
        done_ = true;
        return nullptr;
      }
      page_ = std::move(next);
      index_ = 0;
      request_.set_page_token(page_.next_page_token());
      done_ = page_.next_page_token().empty();
    }
    return &page_.rejections(index_);
  }
  void Pop() { ++index_; }
  const grpc::Status& status() const { return status_; }

 private:
  v1::DepositService::Stub& stub_;
  const ContextFactory& new_context_;
  v1::ListRejectionsRequest request_;
  v1::ListRejectionsResponse page_;
  int index_ = 0;
  bool done_ = false;
  grpc::Status status_;
};

v1::RecordData ToProto(const noark::RecordFields& r) {
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
  for (const noark::DocumentRef& d : r.documents) {
    auto* document = record.add_documents();
    document->set_file_name(d.file_name);
    document->set_size_bytes(d.size_bytes);
    document->set_sha256(d.sha256);
  }
  record.set_noark_metadata(r.noark_metadata);
  return record;
}

struct FirstPass {
  int64_t mappes = 0;
  std::string sha256;
  noark::ArkivstrukturCounts counts;
  uint64_t bytes = 0;
};

FirstPass ReadThrough(const fs::path& file, noark::DuplicateFinder& ids,
                      noark::DuplicateFinder& mappe_ids) {
  FirstPass pass;
  noark::Sha256Stream hash;
  noark::ReaderOptions options;
  options.xml.on_bytes = [&](std::string_view bytes) { hash.Update(bytes); };
  options.on_system_id = [&](std::string_view id, std::string_view element,
                             int64_t) {
    ids.FirstPass(id);
    if (element == "mappe") mappe_ids.FirstPass(id);
  };
  try {
    noark::Noark5Reader reader(file, options);
    noark::Mappe mappe;
    while (reader.Next(&mappe)) ++pass.mappes;
    pass.counts = reader.counts();
    pass.bytes = reader.bytes_read();
  } catch (const noark::XmlError& error) {
    throw ExtractionError("arkivstruktur.xml cannot be imported: " +
                          std::string(error.what()) + "; nothing was sent");
  }
  pass.sha256 = hash.HexDigest();
  return pass;
}

// What arkivuttrekk.xml says, checked against the first pass.
std::vector<Deviation> CheckAgainstAddml(
    const std::optional<noark::AddmlInfo>& addml, const FirstPass& pass,
    std::string* version) {
  std::vector<Deviation> deviations;
  if (!addml) {
    deviations.push_back(
        {0,
         "no arkivuttrekk.xml: the Noark 5 version is not known and "
         "arkivstruktur.xml's checksum is not checked"});
    return deviations;
  }
  *version = addml->noark_version;
  if (*version != "3.1" && *version != "4.0" && *version != "5.0") {
    deviations.push_back(
        {0, "arkivuttrekk.xml names Noark 5 version '" + *version +
                "'; depot reads 3.1 to 5.0 (one namespace) and read it "
                "as those"});
  }
  bool listed = false;
  for (const noark::AddmlFile& f : addml->files) {
    if (f.schema || f.name != "arkivstruktur.xml") continue;
    listed = true;
    std::string given = f.checksum;
    for (char& c : given) c = static_cast<char>(std::tolower(c));
    if (noark::NormalizedAlgorithm(f.algorithm) != "SHA256") {
      deviations.push_back({0, "arkivuttrekk.xml gives arkivstruktur.xml a '" +
                                   f.algorithm +
                                   "' checksum, not SHA-256: not checked"});
    } else if (given != pass.sha256) {
      deviations.push_back(
          {0,
           "arkivstruktur.xml does not match its SHA-256 in "
           "arkivuttrekk.xml: the file may have been changed"});
    }
  }
  if (!listed) {
    deviations.push_back(
        {0, "arkivuttrekk.xml does not list arkivstruktur.xml"});
  }
  for (const noark::AddmlCount& c : addml->counts) {
    if (c.file != "arkivstruktur.xml") continue;
    int64_t actual = -1;
    if (c.element == "mappe") actual = pass.counts.mappe;
    if (c.element == "registrering") actual = pass.counts.registrering;
    if (c.element == "dokumentobjekt") actual = pass.counts.dokumentobjekt;
    if (actual >= 0 && actual != c.count) {
      deviations.push_back({0, "arkivuttrekk.xml counts " +
                                   std::to_string(c.count) + " " + c.element +
                                   ", arkivstruktur.xml has " +
                                   std::to_string(actual)});
    }
  }
  return deviations;
}

// The transfer of the extraction: named after its directory unless the
// options name it, identified by arkivstruktur.xml's SHA-256.
TransferIdentity IdentityOf(const NoarkImportOptions& options,
                            const std::string& sha256) {
  TransferIdentity identity{options.deposit_id, options.transfer_id, sha256,
                            "arkivstruktur.xml of " + options.dir.string()};
  if (identity.transfer_id.empty()) {
    // "dir/" has an empty file name: name it after the directory itself.
    fs::path normal = fs::absolute(options.dir).lexically_normal();
    if (!normal.has_filename()) normal = normal.parent_path();
    identity.transfer_id = "noark5:" + normal.filename().string();
  }
  return identity;
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

grpc::Status ImportNoark5(v1::DepositService::Stub& stub,
                          const ContextFactory& new_context,
                          const NoarkImportOptions& options,
                          const ImportProgress& progress,
                          NoarkImportSummary* summary) {
  *summary = NoarkImportSummary{};
  // Both files are read only where they lie inside the extraction: a
  // symbolic link out of it is refused like a missing file.
  std::optional<fs::path> inside =
      noark::FileInExtraction(options.dir, "arkivstruktur.xml");
  std::error_code error;
  if (!inside || !fs::is_regular_file(*inside, error)) {
    throw ExtractionError("no arkivstruktur.xml in " + options.dir.string() +
                          " (a symbolic link out of the directory does not "
                          "count)");
  }
  fs::path structure = *inside;
  if (options.batch_size < 1 || options.batch_size > kMaxBatchRecords) {
    return grpc::Status(
        grpc::StatusCode::INVALID_ARGUMENT,
        "--batch-size must be 1 to " + std::to_string(kMaxBatchRecords));
  }
  summary->report = options.report.empty()
                        ? fs::path("noark5-import-" +
                                   std::to_string(options.deposit_id) + ".csv")
                        : options.report;
  std::string today = options.today.empty()
                          ? FormatDate(DateOf(std::chrono::system_clock::now()))
                          : options.today;

  std::optional<noark::AddmlInfo> addml;
  std::optional<fs::path> addml_file =
      noark::FileInExtraction(options.dir, "arkivuttrekk.xml");
  if (addml_file && fs::is_regular_file(*addml_file, error)) {
    try {
      addml = noark::ReadAddml(*addml_file);
    } catch (const noark::XmlError& e) {
      throw ExtractionError("arkivuttrekk.xml cannot be read: " +
                            std::string(e.what()) + "; nothing was sent");
    }
  }
  // Every systemID must be unique (N5.47): a repeat is a deviation. A
  // mappe's is its record's id in the deposit: a mappe repeating another
  // mappe's is rejected.
  noark::DuplicateFinder ids;
  noark::DuplicateFinder mappe_ids(8 << 20);
  FirstPass first = ReadThrough(structure, ids, mappe_ids);
  summary->mappes = first.mappes;
  summary->bytes = first.bytes;
  std::vector<Deviation> extraction_deviations =
      CheckAgainstAddml(addml, first, &summary->noark_version);

  TransferIdentity identity = IdentityOf(options, first.sha256);
  summary->transfer_id = identity.transfer_id;
  int64_t next = 1;
  // Asked also with --no-resume: a changed extraction is refused either way.
  grpc::Status resume = ResumePoint(stub, new_context, identity, &next);
  if (!resume.ok()) return resume;
  if (options.no_resume) next = 1;
  summary->resumed_at = next;

  WorkFile work(summary->report.string() + ".partial");
  work.Row(CsvRow({"position", "source_record_id", "outcome", "field", "reason",
                   "eligible_from", "line"}));
  for (const Deviation& d : extraction_deviations) work.Deviation(0, d);

  noark::MappingOptions mapping;
  mapping.extraction_dir = options.dir;
  mapping.verify_files = options.verify_files;
  mapping.noark_version = summary->noark_version;
  mapping.today = today;

  // Mappe systemIDs seen again in this pass (the first pass found that
  // they may repeat); other units' repeats are deviations.
  std::set<std::string> repeated_mappes;
  noark::ReaderOptions reader_options;
  fs::path schema = options.xsd_dir / "arkivstruktur.xsd";
  if (!options.xsd_dir.empty() && fs::is_regular_file(schema, error)) {
    reader_options.xml.schema = schema;
  }
  std::vector<Deviation> repeats;
  int64_t repeats_dropped = 0;
  reader_options.on_system_id = [&](std::string_view id,
                                    std::string_view element, int64_t line) {
    if (element == "mappe" && mappe_ids.IsRepeat(id)) {
      repeated_mappes.insert(std::string(id));
    } else if (ids.IsRepeat(id)) {
      // Listed up to a bound per mappe, so that memory stays bounded.
      if (repeats.size() >= kMaxListedRepeats) {
        ++repeats_dropped;
        return;
      }
      repeats.push_back({line, "systemID " + std::string(id) + " of " +
                                   std::string(element) +
                                   " occurs more than once (N5.47)"});
    }
  };
  noark::Sha256Stream hash;
  reader_options.xml.on_bytes = [&](std::string_view b) { hash.Update(b); };

  std::unique_ptr<grpc::ClientContext> context;
  std::unique_ptr<grpc::ClientWriter<v1::TransferRecordsRequest>> writer;
  bool open = true;
  v1::TransferRecordsRequest message;
  v1::RecordBatch* batch = message.mutable_batch();
  size_t batch_bytes = 0;
  auto flush = [&] {
    if (batch->records_size() == 0 || !open) return;
    if (!writer) {
      context = new_context();
      // --timeout bounds single requests; an import runs as long as the
      // server keeps taking batches.
      context->set_deadline(std::chrono::system_clock::time_point::max());
      writer = stub.TransferRecords(context.get(), &summary->transfer);
      open = writer->Write(StartMessage(identity));
    }
    if (open) open = writer->Write(message);
    if (open) summary->sent += batch->records_size();
    batch->Clear();
    batch_bytes = 0;
  };

  if (progress.start)
    progress.start(std::max<int64_t>(first.mappes - next + 1, 0));
  int64_t processed = 0;
  try {
    noark::Noark5Reader reader(structure, reader_options);
    noark::Mappe mappe;
    while (open && reader.Next(&mappe)) {
      for (const Deviation& d : reader.TakeDeviations()) work.Deviation(0, d);
      for (const Deviation& d : repeats) work.Deviation(mappe.position, d);
      repeats.clear();
      if (repeats_dropped > 0) {
        work.Deviation(mappe.position,
                       {mappe.line, std::to_string(repeats_dropped) +
                                        " more repeated systemIDs in this "
                                        "mappe (not listed)"});
        repeats_dropped = 0;
      }
      noark::MappedRecord mapped = noark::MapMappe(mappe, mapping);
      summary->missing_files += mapped.missing_files;
      for (const Deviation& d : mappe.deviations) {
        work.Deviation(mappe.position, d);
      }
      for (const Deviation& d : mapped.deviations) {
        work.Deviation(mappe.position, d);
      }
      if (!mapped.rejection && repeated_mappes.erase(mappe.system_id) > 0) {
        mapped.rejection = noark::LocalRejection{
            "source_record_id",
            "systemID " + mappe.system_id +
                " occurs more than once; only its first mappe is imported"};
      }
      v1::RecordData record = ToProto(mapped.record);
      if (!mapped.rejection) mapped.rejection = TextRejection(record);
      const std::string& id = mapped.record.source_record_id;
      if (mapped.rejection) {
        ++summary->rejected_here;
        work.Row(CsvRow({std::to_string(mappe.position), id, "rejected",
                         mapped.rejection->field, mapped.rejection->reason, "",
                         Number(mappe.line)}));
      } else {
        work.Pending(mappe.position, id);
        if (mappe.position >= next) {
          batch_bytes += record.ByteSizeLong();
          batch->add_records()->Swap(&record);
          if (batch->records_size() >= options.batch_size ||
              batch_bytes >= kMaxBatchBytes) {
            flush();
          }
        }
      }
      if (mappe.position >= next) {
        ++processed;
        if (progress.sent) progress.sent(processed);
      }
    }
    for (const Deviation& d : reader.TakeDeviations()) work.Deviation(0, d);
  } catch (const noark::XmlError& e) {
    // Read to the end once already: the file changed since.
    if (context) context->TryCancel();
    if (writer) writer->Finish();
    if (progress.finish) progress.finish();
    work.Close();
    fs::remove(work.path(), error);
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "arkivstruktur.xml changed during the import (" +
                            std::string(e.what()) +
                            "); the batches sent before are kept");
  }
  flush();
  if (writer) {
    if (open) {
      if (progress.waiting) progress.waiting(processed);
      writer->WritesDone();
    }
    grpc::Status status = writer->Finish();
    if (progress.finish) progress.finish();
    if (!status.ok()) {
      work.Close();
      fs::remove(work.path(), error);
      return status;
    }
  } else if (progress.finish) {
    progress.finish();
  }
  if (hash.HexDigest() != first.sha256) {
    work.Close();
    fs::remove(work.path(), error);
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "arkivstruktur.xml changed during the import; the "
                        "batches sent are kept: run the import again");
  }
  summary->deviations = work.deviations();
  if (!work.Close()) {
    return grpc::Status(grpc::StatusCode::UNKNOWN,
                        "cannot write " + work.path().string());
  }

  // The report: each mappe sent is accepted unless the deposit lists a
  // rejection of it (rejections come in position order, like the mappes).
  RejectionCursor rejections(stub, new_context, options.deposit_id);
  std::ifstream in(work.path(), std::ios::binary);
  PrivateFile out(summary->report);
  char tag = 0;
  while (in.get(tag)) {
    std::string header;
    std::getline(in, header);
    if (tag == 'R') {
      std::string row(std::stoul(header), '\0');
      in.read(row.data(), static_cast<std::streamsize>(row.size()));
      out << row;
      continue;
    }
    auto space = header.find(' ');
    int64_t position = std::stoll(header.substr(0, space));
    std::string id(std::stoul(header.substr(space + 1)), '\0');
    in.read(id.data(), static_cast<std::streamsize>(id.size()));
    const v1::Rejection* match = nullptr;
    while (const v1::Rejection* r = rejections.Peek()) {
      if (r->position() > position) break;
      if (r->position() == position && r->source_record_id() == id) {
        match = r;
        break;
      }
      rejections.Pop();
    }
    if (match) {
      ++summary->rejected_by_server;
      out << CsvRow({std::to_string(position), id, "rejected", match->field(),
                     match->reason(), match->eligible_from(), ""});
      rejections.Pop();
    } else {
      ++summary->accepted;
      out << CsvRow({std::to_string(position), id, "accepted", "", "", "", ""});
    }
  }
  in.close();
  out.close();
  fs::remove(work.path(), error);
  if (!rejections.status().ok()) return rejections.status();
  if (!out) {
    return grpc::Status(grpc::StatusCode::UNKNOWN,
                        "cannot write the report " + summary->report.string());
  }
  return grpc::Status::OK;
}

}  // namespace depot::cli
