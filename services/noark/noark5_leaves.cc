// Noark5Reader's values: the text of each element into the field of what
// is being read, within the mappe's budget.
#include "services/noark/noark5_reader.h"
#include "services/noark/noark5_text.h"

namespace depot::noark {
namespace {

constexpr size_t kMaxKeptSystemId = 200;

}  // namespace

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
  Leaf leaf{name, text, line};
  switch (parent.kind) {
    case Kind::kMappe:
      return LeafOfMappe(leaf);
    case Kind::kRegistrering:
      if (IsOneOf(name, {"opprettetDato", "journaldato", "dokumentetsDato",
                         "mottattDato", "sendtDato"})) {
        NoteDate(name, text, line);
      }
      return;
    case Kind::kDokumentobjekt:
      return LeafOfDocumentObject(leaf);
    case Kind::kParty:
      return LeafOfParty(leaf);
    case Kind::kSkjerming:
      return LeafOfScreening(leaf);
    case Kind::kKassasjon:
      return LeafOfDisposal(leaf);
    case Kind::kDepotRecord:
      return LeafOfDepotRecord(leaf);
    default:
      return LeafOfPerson(leaf);
  }
}

void Noark5Reader::Put(const Leaf& leaf, std::string& field) {
  if (Keep(leaf.text.size(), leaf.line)) field = leaf.text;
}

void Noark5Reader::Add(const Leaf& leaf, std::vector<std::string>& list) {
  if (Keep(leaf.text.size(), leaf.line)) list.push_back(leaf.text);
}

void Noark5Reader::LeafOfMappe(const Leaf& leaf) {
  Mappe& m = open_.back().mappe;
  const std::string& name = leaf.name;
  if (name == "systemID") Put(leaf, m.system_id);
  if (name == "mappeID") Put(leaf, m.mappe_id);
  if (name == "tittel") Put(leaf, m.title);
  if (name == "offentligTittel") Put(leaf, m.public_title);
  if (IsOneOf(name,
              {"opprettetDato", "avsluttetDato", "saksdato", "moetedato"})) {
    NoteDate(name, leaf.text, leaf.line);
  }
  if (IsPersonIdElement(name)) Add(leaf, m.national_ids);
  if (name == "foedselsdato") Add(leaf, m.birth_dates);
}

void Noark5Reader::LeafOfDocumentObject(const Leaf& leaf) {
  const std::string& name = leaf.name;
  if (name == "systemID") Put(leaf, document_->system_id);
  if (name == "referanseDokumentfil") Put(leaf, document_->file_reference);
  if (name == "sjekksum") Put(leaf, document_->checksum);
  if (name == "sjekksumAlgoritme") Put(leaf, document_->checksum_algorithm);
  if (name == "filstoerrelse") Put(leaf, document_->size_text);
  if (name == "format") Put(leaf, document_->format);
}

void Noark5Reader::LeafOfParty(const Leaf& leaf) {
  const std::string& name = leaf.name;
  if (IsOneOf(name,
              {"partNavn", "sakspartNavn", "korrespondansepartNavn", "navn"})) {
    if (party_->name.empty()) Put(leaf, party_->name);
  } else if (IsOneOf(name, {"partID", "sakspartID"})) {
    Put(leaf, party_->id);
  } else if (IsOneOf(name, {"partRolle", "sakspartRolle",
                            "korrespondanseparttype"})) {
    Put(leaf, party_->role);
  } else if (IsPersonIdElement(name)) {
    if (party_->person_id.empty()) Put(leaf, party_->person_id);
  } else if (name == "foedselsdato") {
    Put(leaf, party_->birth_date);
  }
}

void Noark5Reader::LeafOfScreening(const Leaf& leaf) {
  const std::string& name = leaf.name;
  if (name == "tilgangsrestriksjon") Put(leaf, screening_->tilgangsrestriksjon);
  if (name == "skjermingshjemmel") Put(leaf, screening_->skjermingshjemmel);
  if (name == "skjermingMetadata") Add(leaf, screening_->skjerming_metadata);
  if (name == "skjermingDokument") Put(leaf, screening_->skjerming_dokument);
  if (name == "skjermingsvarighet") Put(leaf, screening_->skjermingsvarighet);
  if (name == "skjermingOpphoererDato") {
    Put(leaf, screening_->skjerming_opphoerer_dato);
  }
}

void Noark5Reader::LeafOfDisposal(const Leaf& leaf) {
  const std::string& name = leaf.name;
  if (name == "kassasjonsvedtak") Put(leaf, disposal_->kassasjonsvedtak);
  if (name == "kassasjonshjemmel") Put(leaf, disposal_->kassasjonshjemmel);
  if (name == "bevaringstid") Put(leaf, disposal_->bevaringstid);
  if (name == "kassasjonsdato") Put(leaf, disposal_->kassasjonsdato);
}

void Noark5Reader::LeafOfDepotRecord(const Leaf& leaf) {
  if (open_.empty()) return;
  DepotExtension& depot = open_.back().mappe.depot;
  const std::string& name = leaf.name;
  if (name == "sourceRecordId") Put(leaf, depot.source_record_id);
  if (name == "birthDate") Put(leaf, depot.birth_date);
  if (name == "deathYear") Put(leaf, depot.death_year);
  if (name == "box") Put(leaf, depot.box);
  if (name == "shelf") Put(leaf, depot.shelf);
  if (name == "noarkMetadata") Put(leaf, depot.noark_metadata);
}

void Noark5Reader::LeafOfPerson(const Leaf& leaf) {
  // Identity numbers and birth dates wherever they are (nasjonalidentifikator
  // of Noark 5.5, personidentifikator, personID of a part).
  if (open_.empty()) return;
  if (IsPersonIdElement(leaf.name)) {
    if (!party_) {
      Add(leaf, open_.back().mappe.national_ids);
    } else if (party_->person_id.empty()) {
      Put(leaf, party_->person_id);
    }
  } else if (leaf.name == "foedselsdato") {
    if (party_) {
      Put(leaf, party_->birth_date);
    } else {
      Add(leaf, open_.back().mappe.birth_dates);
    }
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

}  // namespace depot::noark
