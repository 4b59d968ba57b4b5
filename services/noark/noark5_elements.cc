// Noark5Reader's elements: what each start tag is and opens, what each end
// tag closes and where what was read goes.
#include "services/noark/noark5_reader.h"
#include "services/noark/noark5_text.h"

namespace depot::noark {

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
  frame.kind = StartKind(name, ns, line);
  frames_.push_back(std::move(frame));
}

Noark5Reader::Kind Noark5Reader::StartKind(const std::string& name,
                                           std::string_view ns, int64_t line) {
  Kind parent = Parent().kind;
  if (parent == Kind::kForeign) return Kind::kForeign;
  if (parent == Kind::kBusinessMetadata && ns == kDepotNamespace &&
      name == "record") {
    if (!open_.empty()) open_.back().mappe.depot.present = true;
    return Kind::kDepotRecord;
  }
  if (parent == Kind::kBusinessMetadata || parent == Kind::kDepotRecord) {
    // Business-specific metadata may be anything; only depot's own record
    // is read.
    return parent == Kind::kDepotRecord ? Kind::kOther : Kind::kForeign;
  }
  if (ns != kArkivstrukturNamespace) {
    Deviate(line, "element <" + name + "> in namespace '" + std::string(ns) +
                      "' is not Noark 5 arkivstruktur; ignored");
    return Kind::kForeign;
  }
  return StartArkivstruktur(name, line);
}

Noark5Reader::Kind Noark5Reader::StartArkivstruktur(const std::string& name,
                                                    int64_t line) {
  if (name == "arkiv") return Kind::kArkiv;
  if (name == "arkivdel") return Kind::kArkivdel;
  if (name == "klasse" || name == "klassifikasjonssystem") return Kind::kKlasse;
  if (name == "mappe") {
    StartMappe(line);
    return Kind::kMappe;
  }
  if (name == "registrering") {
    StartRegistrering(line);
    return Kind::kRegistrering;
  }
  if (name == "dokumentbeskrivelse") {
    ++counts_.dokumentbeskrivelse;
    return Kind::kDokumentbeskrivelse;
  }
  if (name == "dokumentobjekt" && !document_) {
    ++counts_.dokumentobjekt;
    document_ = std::make_unique<DocumentObject>();
    document_->line = line;
    return Kind::kDokumentobjekt;
  }
  if (IsOneOf(name, {"part", "sakspart", "korrespondansepart"}) && !party_) {
    party_ = std::make_unique<Party>();
    party_->kind = name;
    party_->line = line;
    party_->in_registrering = Enclosing(Kind::kRegistrering) != nullptr;
    return Kind::kParty;
  }
  if (name == "skjerming" && !screening_) {
    screening_ = std::make_unique<Screening>();
    screening_->level = Parent().name;
    screening_->level_system_id = Parent().system_id;
    return Kind::kSkjerming;
  }
  if (name == "kassasjon" && !disposal_) {
    disposal_ = std::make_unique<Disposal>();
    disposal_->level = Parent().name;
    disposal_->level_system_id = Parent().system_id;
    return Kind::kKassasjon;
  }
  if (name == "nasjonalidentifikator" || name == "personidentifikator") {
    return Kind::kIdentifier;
  }
  if (name == "virksomhetsspesifikkeMetadata") return Kind::kBusinessMetadata;
  return Kind::kOther;
}

void Noark5Reader::StartMappe(int64_t line) {
  ++counts_.mappe;
  if (!open_.empty()) ++open_.back().mappe.sub_mappe_count;
  OpenMappe open;
  open.mappe.line = line;
  open.mappe.type =
      WithoutPrefix(xml_->Attribute("type", kXsiNamespace).value_or(""));
  for (const Frame& f : frames_) {
    open.mappe.screening.insert(open.mappe.screening.end(), f.screening.begin(),
                                f.screening.end());
    open.mappe.disposal.insert(open.mappe.disposal.end(), f.disposal.begin(),
                               f.disposal.end());
  }
  open_.push_back(std::move(open));
}

void Noark5Reader::StartRegistrering(int64_t line) {
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
}

template <typename T>
void Noark5Reader::EndLevelMetadata(std::unique_ptr<T>& read,
                                    std::vector<T> Mappe::*of_mappe,
                                    std::vector<T> Frame::*of_level) {
  // The same limit applies to both, as to the screenings of a mappe.
  size_t limit = options_.max_screenings_per_mappe;
  if (!open_.empty()) {
    std::vector<T>& list = open_.back().mappe.*of_mappe;
    if (list.size() < limit) list.push_back(std::move(*read));
  } else if (!frames_.empty() && (frames_.back().*of_level).size() < limit) {
    (frames_.back().*of_level).push_back(std::move(*read));
  }
  read.reset();
}

void Noark5Reader::OnEnd() {
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  std::string text = Trim(text_);
  text_.clear();
  switch (frame.kind) {
    case Kind::kMappe:
      EndMappe();
      break;
    case Kind::kParty:
      if (!open_.empty() &&
          open_.back().mappe.parties.size() < options_.max_parties_per_mappe) {
        open_.back().mappe.parties.push_back(std::move(*party_));
      }
      party_.reset();
      break;
    case Kind::kDokumentobjekt:
      EndDocumentObject();
      break;
    case Kind::kSkjerming:
      EndLevelMetadata(screening_, &Mappe::screening, &Frame::screening);
      break;
    case Kind::kKassasjon:
      EndLevelMetadata(disposal_, &Mappe::disposal, &Frame::disposal);
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

void Noark5Reader::EndMappe() {
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
    m.deviations.push_back({m.line, std::to_string(open.deviations_dropped) +
                                        " more deviations in this mappe (not "
                                        "listed)"});
  }
  m.position = ++yielded_;
  ready_.push_back(std::move(m));
}

void Noark5Reader::EndDocumentObject() {
  if (!open_.empty()) {
    Mappe& m = open_.back().mappe;
    ++m.document_count;
    if (m.documents.size() < options_.max_documents_per_mappe) {
      m.documents.push_back(std::move(*document_));
    }
  }
  document_.reset();
}

}  // namespace depot::noark
