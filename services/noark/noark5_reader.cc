#include "services/noark/noark5_reader.h"

#include <chrono>
#include <utility>

#include "services/noark/noark5_text.h"

namespace depot::noark {
namespace {

// Deviations kept outside mappes between two TakeDeviations calls.
constexpr size_t kMaxGlobalDeviations = 1000;

}  // namespace

std::string DatePart(std::string_view raw) {
  std::string text = Trim(raw);
  if (text.size() < 10) return "";
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return "";
  }
  if (text[4] != '-' || text[7] != '-') return "";
  if (text.size() > 10 && text[10] != 'T' && text[10] != 'Z' &&
      text[10] != '+' && text[10] != '-') {
    return "";
  }
  int year = std::stoi(text.substr(0, 4));
  unsigned month = std::stoul(text.substr(5, 2));
  unsigned day = std::stoul(text.substr(8, 2));
  std::chrono::year_month_day date{std::chrono::year(year),
                                   std::chrono::month(month),
                                   std::chrono::day(day)};
  if (year < 1 || !date.ok()) return "";
  return text.substr(0, 10);
}

Noark5Reader::Noark5Reader(const std::filesystem::path& file,
                           ReaderOptions options)
    : options_(std::move(options)) {
  xml_ = std::make_unique<SafeXmlReader>(file, options_.xml);
}

Noark5Reader::Noark5Reader(std::string_view bytes, ReaderOptions options)
    : options_(std::move(options)) {
  xml_ = std::make_unique<SafeXmlReader>(bytes, options_.xml);
}

Noark5Reader::~Noark5Reader() = default;

bool Noark5Reader::Next(Mappe* mappe) {
  while (ready_.empty() && !finished_) Step();
  if (ready_.empty()) return false;
  *mappe = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

std::vector<Deviation> Noark5Reader::TakeDeviations() {
  std::vector<Deviation> taken;
  taken.swap(deviations_);
  if (deviations_dropped_ > 0) {
    taken.push_back({0, std::to_string(deviations_dropped_) +
                            " more deviations outside mappes (not listed)"});
    deviations_dropped_ = 0;
  }
  return taken;
}

void Noark5Reader::Step() {
  switch (xml_->Next()) {
    case SafeXmlReader::Event::kStart:
      OnStart();
      break;
    case SafeXmlReader::Event::kEnd:
      OnEnd();
      break;
    case SafeXmlReader::Event::kText:
      // Text split into several nodes (around comments, CDATA) is one
      // value; its total stays under the text limit too.
      if (text_.size() + xml_->text().size() > options_.xml.max_text_bytes) {
        throw XmlError("text node longer than the limit at line " +
                           std::to_string(xml_->line()),
                       xml_->line());
      }
      text_ += xml_->text();
      break;
    case SafeXmlReader::Event::kEndOfDocument:
      finished_ = true;
      if (counts_.mappe == 0) {
        Deviate(0, "the extraction has no mappe: nothing to import");
      }
      break;
  }
  TakeXmlDiagnostics();
}

void Noark5Reader::TakeXmlDiagnostics() {
  for (Deviation& d : xml_->TakeDiagnostics()) {
    Deviate(d.line, std::move(d.what));
  }
}

void Noark5Reader::Deviate(int64_t line, std::string what) {
  if (!open_.empty()) {
    OpenMappe& open = open_.back();
    if (open.mappe.deviations.size() < options_.max_deviations_per_mappe) {
      open.mappe.deviations.push_back({line, std::move(what)});
    } else {
      ++open.deviations_dropped;
    }
    return;
  }
  if (deviations_.size() < kMaxGlobalDeviations) {
    deviations_.push_back({line, std::move(what)});
  } else {
    ++deviations_dropped_;
  }
}

bool Noark5Reader::Keep(size_t bytes, int64_t line) {
  if (open_.empty()) {
    // Screening and disposal of arkivdeler and klasser, kept for the
    // mappes in them.
    if (outside_oversized_) return false;
    kept_outside_bytes_ += bytes;
    if (kept_outside_bytes_ <= options_.max_mappe_bytes) return true;
    outside_oversized_ = true;
    Deviate(line, "more than " +
                      std::to_string(options_.max_mappe_bytes >> 20) +
                      " MiB of skjerming and kassasjon outside mappes; the "
                      "rest of it is not read");
    return false;
  }
  OpenMappe& open = open_.back();
  if (open.mappe.oversized) return false;
  open.kept_bytes += bytes;
  if (open.kept_bytes <= options_.max_mappe_bytes) return true;
  open.mappe.oversized = true;
  Deviate(line, "the mappe holds more than " +
                    std::to_string(options_.max_mappe_bytes >> 20) +
                    " MiB of metadata; the rest of it is not read");
  return false;
}

Noark5Reader::Frame* Noark5Reader::Enclosing(Kind kind) {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (it->kind == kind) return &*it;
  }
  return nullptr;
}

const Noark5Reader::Frame& Noark5Reader::Parent() const {
  static const Frame kNone;
  return frames_.empty() ? kNone : frames_.back();
}

}  // namespace depot::noark
