#include "services/noark/noark5_reader.h"

#include <chrono>
#include <utility>

namespace depot::noark {
namespace {

// Deviations kept outside mappes between two TakeDeviations calls.
constexpr size_t kMaxGlobalDeviations = 1000;
constexpr size_t kMaxKeptSystemId = 200;

std::string Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// A value quoted in a deviation: short, since it may be anything.
std::string Quote(std::string_view text) {
  if (text.size() > 40) return "'" + std::string(text.substr(0, 40)) + "...'";
  return "'" + std::string(text) + "'";
}

std::string WithoutPrefix(const std::string& qualified) {
  auto colon = qualified.find(':');
  return colon == std::string::npos ? qualified : qualified.substr(colon + 1);
}

bool IsOneOf(const std::string& name,
             std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

bool IsPersonIdElement(const std::string& name) {
  return IsOneOf(
      name, {"foedselsnummer", "dNummer", "personID", "personidentifikator"});
}

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

void Noark5Reader::OnStart() {
  std::string name(xml_->local_name());
  std::string_view ns = xml_->namespace_uri();
  int64_t line = xml_->line();
  text_.clear();
  text_line_ = line;
  if (!root_seen_) {
    root_seen_ = true;
    if (ns != kArkivstrukturNamespace || name != "arkiv") {
      throw XmlError("not a Noark 5 arkivstruktur: the root element is <" +
                         name + "> in namespace '" + std::string(ns) +
                         "'; expected <arkiv> in " + kArkivstrukturNamespace,
                     line);
    }
  }
  Frame frame;
  frame.name = name;
  Kind parent = Parent().kind;
  if (parent == Kind::kForeign) {
    frame.kind = Kind::kForeign;
  } else if (parent == Kind::kBusinessMetadata && ns == kDepotNamespace &&
             name == "record") {
    frame.kind = Kind::kDepotRecord;
    if (!open_.empty()) open_.back().mappe.depot.present = true;
  } else if (parent == Kind::kBusinessMetadata ||
             parent == Kind::kDepotRecord) {
    // Business-specific metadata may be anything; only depot's own record
    // is read.
    frame.kind = parent == Kind::kDepotRecord ? Kind::kOther : Kind::kForeign;
  } else if (ns != kArkivstrukturNamespace) {
    frame.kind = Kind::kForeign;
    Deviate(line, "element <" + name + "> in namespace '" + std::string(ns) +
                      "' is not Noark 5 arkivstruktur; ignored");
  } else if (name == "arkiv") {
    frame.kind = Kind::kArkiv;
  } else if (name == "arkivdel") {
    frame.kind = Kind::kArkivdel;
  } else if (name == "klasse" || name == "klassifikasjonssystem") {
    frame.kind = Kind::kKlasse;
  } else if (name == "mappe") {
    frame.kind = Kind::kMappe;
    ++counts_.mappe;
    if (!open_.empty()) ++open_.back().mappe.sub_mappe_count;
    OpenMappe open;
    open.mappe.line = line;
    open.mappe.type =
        WithoutPrefix(xml_->Attribute("type", kXsiNamespace).value_or(""));
    for (const Frame& f : frames_) {
      open.mappe.screening.insert(open.mappe.screening.end(),
                                  f.screening.begin(), f.screening.end());
      open.mappe.disposal.insert(open.mappe.disposal.end(), f.disposal.begin(),
                                 f.disposal.end());
    }
    open_.push_back(std::move(open));
  } else if (name == "registrering") {
    frame.kind = Kind::kRegistrering;
    ++counts_.registrering;
    if (WithoutPrefix(xml_->Attribute("type", kXsiNamespace).value_or("")) ==
        "journalpost") {
      ++counts_.journalpost;
    }
    if (open_.empty()) {
      Deviate(line,
              "registrering outside any mappe: not imported (a record is a "
              "mappe)");
    } else {
      ++open_.back().mappe.registrering_count;
    }
  } else if (name == "dokumentbeskrivelse") {
    frame.kind = Kind::kDokumentbeskrivelse;
    ++counts_.dokumentbeskrivelse;
  } else if (name == "dokumentobjekt" && !document_) {
    frame.kind = Kind::kDokumentobjekt;
    ++counts_.dokumentobjekt;
    document_ = std::make_unique<DocumentObject>();
    document_->line = line;
  } else if (IsOneOf(name, {"part", "sakspart", "korrespondansepart"}) &&
             !party_) {
    frame.kind = Kind::kParty;
    party_ = std::make_unique<Party>();
    party_->kind = name;
    party_->line = line;
    party_->in_registrering = Enclosing(Kind::kRegistrering) != nullptr;
  } else if (name == "skjerming" && !screening_) {
    frame.kind = Kind::kSkjerming;
    screening_ = std::make_unique<Screening>();
    screening_->level = Parent().name;
    screening_->level_system_id = Parent().system_id;
  } else if (name == "kassasjon" && !disposal_) {
    frame.kind = Kind::kKassasjon;
    disposal_ = std::make_unique<Disposal>();
    disposal_->level = Parent().name;
    disposal_->level_system_id = Parent().system_id;
  } else if (name == "nasjonalidentifikator" || name == "personidentifikator") {
    frame.kind = Kind::kIdentifier;
  } else if (name == "virksomhetsspesifikkeMetadata") {
    frame.kind = Kind::kBusinessMetadata;
  }
  frames_.push_back(std::move(frame));
}

void Noark5Reader::OnEnd() {
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  std::string text = Trim(text_);
  text_.clear();
  switch (frame.kind) {
    case Kind::kMappe: {
      OpenMappe open = std::move(open_.back());
      open_.pop_back();
      Mappe& m = open.mappe;
      if (m.sub_mappe_count > 0) {
        m.deviations.push_back(
            {m.line, "the mappe holds " + std::to_string(m.sub_mappe_count) +
                         " sub-mappes; each is imported as a record of its "
                         "own"});
      }
      if (open.deviations_dropped > 0) {
        m.deviations.push_back(
            {m.line, std::to_string(open.deviations_dropped) +
                         " more deviations in this mappe (not listed)"});
      }
      m.position = ++yielded_;
      ready_.push_back(std::move(m));
      break;
    }
    case Kind::kParty:
      if (!open_.empty() &&
          open_.back().mappe.parties.size() < options_.max_parties_per_mappe) {
        open_.back().mappe.parties.push_back(std::move(*party_));
      }
      party_.reset();
      break;
    case Kind::kDokumentobjekt:
      if (!open_.empty()) {
        Mappe& m = open_.back().mappe;
        ++m.document_count;
        if (m.documents.size() < options_.max_documents_per_mappe) {
          m.documents.push_back(std::move(*document_));
        }
      }
      document_.reset();
      break;
    case Kind::kSkjerming:
      if (!open_.empty()) {
        auto& list = open_.back().mappe.screening;
        if (list.size() < options_.max_screenings_per_mappe) {
          list.push_back(std::move(*screening_));
        }
      } else if (!frames_.empty() && frames_.back().screening.size() <
                                         options_.max_screenings_per_mappe) {
        frames_.back().screening.push_back(std::move(*screening_));
      }
      screening_.reset();
      break;
    case Kind::kKassasjon:
      if (!open_.empty()) {
        auto& list = open_.back().mappe.disposal;
        if (list.size() < options_.max_screenings_per_mappe) {
          list.push_back(std::move(*disposal_));
        }
      } else if (!frames_.empty() && frames_.back().disposal.size() <
                                         options_.max_screenings_per_mappe) {
        frames_.back().disposal.push_back(std::move(*disposal_));
      }
      disposal_.reset();
      break;
    case Kind::kIdentifier:
      // Some systems write the number as the element's own text.
      if (!text.empty()) OnLeaf("foedselsnummer", text, text_line_);
      break;
    case Kind::kOther:
      OnLeaf(frame.name, text, text_line_);
      break;
    default:
      break;
  }
}

void Noark5Reader::NoteDate(const std::string& element, const std::string& text,
                            int64_t line) {
  if (open_.empty()) return;
  Mappe& m = open_.back().mappe;
  std::string date = DatePart(text);
  if (date.empty()) {
    Deviate(line, element + " " + Quote(text) + " is not a date; ignored");
    return;
  }
  if (element == "opprettetDato" && Parent().kind == Kind::kMappe &&
      m.opened_date.empty()) {
    m.opened_date = date;
  }
  if (date > m.latest_date) {
    m.latest_date = date;
    m.latest_date_element = element;
  }
}

void Noark5Reader::OnLeaf(const std::string& name, const std::string& text,
                          int64_t line) {
  if (frames_.empty()) return;
  Frame& parent = frames_.back();
  if (name == "systemID" && parent.kind != Kind::kOther &&
      parent.kind != Kind::kDepotRecord) {
    // A systemID is a UUID; a longer one is kept only in part (it names
    // the unit in screening metadata, nothing more).
    parent.system_id = text.substr(0, kMaxKeptSystemId);
    if (options_.on_system_id) options_.on_system_id(text, parent.name, line);
  }
  if (text.empty()) return;
  // Stores text in a field of what is being read, within the budget.
  auto put = [&](std::string& field) {
    if (Keep(text.size(), line)) field = text;
  };
  auto add = [&](std::vector<std::string>& list) {
    if (Keep(text.size(), line)) list.push_back(text);
  };
  switch (parent.kind) {
    case Kind::kMappe: {
      Mappe& m = open_.back().mappe;
      if (name == "systemID") put(m.system_id);
      if (name == "mappeID") put(m.mappe_id);
      if (name == "tittel") put(m.title);
      if (name == "offentligTittel") put(m.public_title);
      if (IsOneOf(name, {"opprettetDato", "avsluttetDato", "saksdato",
                         "moetedato"})) {
        NoteDate(name, text, line);
      }
      if (IsPersonIdElement(name)) add(m.national_ids);
      if (name == "foedselsdato") add(m.birth_dates);
      return;
    }
    case Kind::kRegistrering:
      if (IsOneOf(name, {"opprettetDato", "journaldato", "dokumentetsDato",
                         "mottattDato", "sendtDato"})) {
        NoteDate(name, text, line);
      }
      return;
    case Kind::kDokumentobjekt:
      if (name == "systemID") put(document_->system_id);
      if (name == "referanseDokumentfil") put(document_->file_reference);
      if (name == "sjekksum") put(document_->checksum);
      if (name == "sjekksumAlgoritme") put(document_->checksum_algorithm);
      if (name == "filstoerrelse") put(document_->size_text);
      if (name == "format") put(document_->format);
      return;
    case Kind::kParty:
      if (IsOneOf(name, {"partNavn", "sakspartNavn", "korrespondansepartNavn",
                         "navn"})) {
        if (party_->name.empty()) put(party_->name);
      } else if (IsOneOf(name, {"partID", "sakspartID"})) {
        put(party_->id);
      } else if (IsOneOf(name, {"partRolle", "sakspartRolle",
                                "korrespondanseparttype"})) {
        put(party_->role);
      } else if (IsPersonIdElement(name)) {
        if (party_->person_id.empty()) put(party_->person_id);
      } else if (name == "foedselsdato") {
        put(party_->birth_date);
      }
      return;
    case Kind::kSkjerming:
      if (name == "tilgangsrestriksjon") put(screening_->tilgangsrestriksjon);
      if (name == "skjermingshjemmel") put(screening_->skjermingshjemmel);
      if (name == "skjermingMetadata") add(screening_->skjerming_metadata);
      if (name == "skjermingDokument") put(screening_->skjerming_dokument);
      if (name == "skjermingsvarighet") put(screening_->skjermingsvarighet);
      if (name == "skjermingOpphoererDato") {
        put(screening_->skjerming_opphoerer_dato);
      }
      return;
    case Kind::kKassasjon:
      if (name == "kassasjonsvedtak") put(disposal_->kassasjonsvedtak);
      if (name == "kassasjonshjemmel") put(disposal_->kassasjonshjemmel);
      if (name == "bevaringstid") put(disposal_->bevaringstid);
      if (name == "kassasjonsdato") put(disposal_->kassasjonsdato);
      return;
    case Kind::kDepotRecord: {
      if (open_.empty()) return;
      DepotExtension& depot = open_.back().mappe.depot;
      if (name == "sourceRecordId") put(depot.source_record_id);
      if (name == "birthDate") put(depot.birth_date);
      if (name == "deathYear") put(depot.death_year);
      if (name == "box") put(depot.box);
      if (name == "shelf") put(depot.shelf);
      if (name == "noarkMetadata") put(depot.noark_metadata);
      return;
    }
    default:
      break;
  }
  // Identity numbers and birth dates wherever they are (nasjonalidentifikator
  // of Noark 5.5, personidentifikator, personID of a part).
  if (open_.empty()) return;
  if (IsPersonIdElement(name)) {
    if (!party_) {
      add(open_.back().mappe.national_ids);
    } else if (party_->person_id.empty()) {
      put(party_->person_id);
    }
  } else if (name == "foedselsdato") {
    if (party_) {
      put(party_->birth_date);
    } else {
      add(open_.back().mappe.birth_dates);
    }
  }
}

}  // namespace depot::noark
