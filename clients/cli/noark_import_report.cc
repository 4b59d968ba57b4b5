#include "clients/cli/noark_import_report.h"

#include <fstream>

#include "clients/cli/noark_import.h"

namespace depot::cli {
namespace {

namespace fs = std::filesystem;

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string Number(int64_t n) { return n > 0 ? std::to_string(n) : ""; }

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

// The deposit's rejection of the mappe sent at position, if any.
const v1::Rejection* RejectionOf(RejectionCursor& rejections, int64_t position,
                                 const std::string& id) {
  while (const v1::Rejection* r = rejections.Peek()) {
    if (r->position() > position) break;
    if (r->position() == position && r->source_record_id() == id) return r;
    rejections.Pop();
  }
  return nullptr;
}

}  // namespace

std::string ImportReportRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += CsvField(fields[i]);
  }
  return row + "\n";
}

ImportWorkFile::ImportWorkFile(const fs::path& path) : path_(path) {
  out_.open(path);
  if (!out_) {
    throw ExtractionError("cannot write " + path.string() + ": " +
                          out_.error());
  }
}

void ImportWorkFile::Row(const std::string& row) {
  out_ << 'R' << row.size() << '\n' << row;
}

void ImportWorkFile::Pending(int64_t position, const std::string& source_id) {
  out_ << 'P' << position << ' ' << source_id.size() << '\n' << source_id;
}

void ImportWorkFile::Deviation(int64_t position, const noark::Deviation& d) {
  Row(ImportReportRow(
      {Number(position), "", "deviation", "", d.what, "", Number(d.line)}));
  ++deviations_;
}

bool ImportWorkFile::Close() {
  out_.close();
  return static_cast<bool>(out_);
}

grpc::Status WriteImportReport(v1::DepositService::Stub& stub,
                               const ContextFactory& new_context,
                               int64_t deposit_id, const fs::path& work,
                               const fs::path& report,
                               ImportOutcomes* outcomes) {
  RejectionCursor rejections(stub, new_context, deposit_id);
  std::ifstream in(work, std::ios::binary);
  PrivateFile out(report);
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
    if (const v1::Rejection* match = RejectionOf(rejections, position, id)) {
      ++outcomes->rejected_by_server;
      out << ImportReportRow({std::to_string(position), id, "rejected",
                              match->field(), match->reason(),
                              match->eligible_from(), ""});
      rejections.Pop();
    } else {
      ++outcomes->accepted;
      out << ImportReportRow(
          {std::to_string(position), id, "accepted", "", "", "", ""});
    }
  }
  in.close();
  out.close();
  std::error_code error;
  fs::remove(work, error);
  if (!rejections.status().ok()) return rejections.status();
  if (!out) {
    return grpc::Status(grpc::StatusCode::UNKNOWN,
                        "cannot write the report " + report.string());
  }
  return grpc::Status::OK;
}

}  // namespace depot::cli
