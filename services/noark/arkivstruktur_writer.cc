#include "services/noark/arkivstruktur_writer.h"

#include <cctype>

#include "services/noark/file_hash.h"
#include "services/noark/mappe.h"
#include "services/noark/noark5_reader.h"
#include "services/noark/noark_metadata.h"

namespace depot::noark {
namespace {

constexpr char kPartRole[] = "Person mappen gjelder";

std::string DateTime(const std::string& date) { return date + "T00:00:00"; }

bool AllDigits(const std::string& text) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsPlainDate(const std::string& text) {
  return text.size() == 10 && DatePart(text) == text;
}

std::string FormatOf(const std::string& file_name) {
  auto dot = file_name.rfind('.');
  if (dot == std::string::npos || dot + 1 == file_name.size() ||
      file_name.size() - dot > 8) {
    return "ukjent";
  }
  std::string format = file_name.substr(dot + 1);
  for (char& c : format) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return format;
}

std::string Location(const RecordInput& r) {
  if (r.box.empty()) return "hylle " + r.shelf;
  if (r.shelf.empty()) return "boks " + r.box;
  return "boks " + r.box + ", hylle " + r.shelf;
}

// What Noark 5 has no element for, in depot's namespace.
void WriteDepotRecord(XmlWriter& xml, const RecordInput& r) {
  xml.Open("virksomhetsspesifikkeMetadata");
  xml.Open("depot:record");
  xml.Element("depot:sourceRecordId", r.source_record_id);
  xml.OptionalElement("depot:birthDate", r.birth_date);
  if (r.death_year != 0) {
    xml.Element("depot:deathYear", std::to_string(r.death_year));
  }
  xml.OptionalElement("depot:box", r.box);
  xml.OptionalElement("depot:shelf", r.shelf);
  xml.OptionalElement("depot:noarkMetadata", r.noark_metadata);
  xml.Close();
  xml.Close();
}

// The person the mappe is about.
void WritePart(XmlWriter& xml, const RecordInput& r) {
  xml.Open("part");
  xml.OptionalElement("partID", r.national_id);
  xml.Element("partNavn", r.person_name);
  xml.Element("partRolle", kPartRole);
  xml.Close();
}

// The mappe's kassasjon, when it has every element the schema requires.
void WriteDisposal(XmlWriter& xml, const Disposal& d) {
  if (d.kassasjonsvedtak.empty() || !AllDigits(d.bevaringstid) ||
      !IsPlainDate(d.kassasjonsdato)) {
    return;
  }
  xml.Open("kassasjon");
  xml.Element("kassasjonsvedtak", d.kassasjonsvedtak);
  xml.OptionalElement("kassasjonshjemmel", d.kassasjonshjemmel);
  xml.Element("bevaringstid", d.bevaringstid);
  xml.Element("kassasjonsdato", d.kassasjonsdato);
  xml.Close();
}

// The mappe's skjerming, when it has every element the schema requires.
void WriteScreening(XmlWriter& xml, const Screening& s) {
  if (s.tilgangsrestriksjon.empty() || s.skjermingshjemmel.empty() ||
      s.skjerming_metadata.empty()) {
    return;
  }
  xml.Open("skjerming");
  xml.Element("tilgangsrestriksjon", s.tilgangsrestriksjon);
  xml.Element("skjermingshjemmel", s.skjermingshjemmel);
  for (const std::string& code : s.skjerming_metadata) {
    if (!code.empty()) xml.Element("skjermingMetadata", code);
  }
  xml.OptionalElement("skjermingDokument", s.skjerming_dokument);
  if (AllDigits(s.skjermingsvarighet)) {
    xml.Element("skjermingsvarighet", s.skjermingsvarighet);
  }
  if (IsPlainDate(s.skjerming_opphoerer_dato)) {
    xml.Element("skjermingOpphoererDato", s.skjerming_opphoerer_dato);
  }
  xml.Close();
}

}  // namespace

std::string DerivedUuid(std::string_view seed) {
  Sha256Stream hash;
  hash.Update("depot-noark5:");
  hash.Update(seed);
  std::string hex = hash.HexDigest().substr(0, 32);
  hex[12] = '5';  // version 5 style (name-based)
  static const char kVariant[] = "89ab";
  hex[16] = kVariant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) +
         "-" + hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

bool IsUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-'
             : !std::isxdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

ArkivstrukturWriter::ArkivstrukturWriter(ChunkSink sink, ExtractionInfo info,
                                         size_t chunk_bytes)
    : info_(std::move(info)), xml_(std::move(sink), chunk_bytes) {
  if (info_.created_by.empty()) info_.created_by = "depot";
  if (info_.exported_by.empty()) info_.exported_by = "depot";
  if (info_.record_title.empty()) info_.record_title = "Personmappe";
  std::string deposit = "deposit/" + std::to_string(info_.deposit_id);
  std::string title =
      info_.description.empty() ? info_.record_title : info_.description;
  xml_.StartDocument(
      "arkiv", kArkivstrukturNamespace,
      {{"xmlns:xsi", kXsiNamespace},
       {"xmlns:depot", kDepotNamespace},
       {"xsi:schemaLocation",
        std::string(kArkivstrukturNamespace) + " arkivstruktur.xsd"}});
  xml_.Element("systemID", DerivedUuid(deposit + "/arkiv"));
  xml_.Element("tittel",
               (info_.depositor_name.empty() ? info_.organisation_number
                                             : info_.depositor_name) +
                   ": " + title);
  xml_.Element("beskrivelse",
               "Avlevering " + std::to_string(info_.deposit_id) + " til depot");
  xml_.Element("arkivstatus", "Avsluttet");
  xml_.Element("dokumentmedium", "Elektronisk arkiv");
  xml_.Element("opprettetDato", info_.created_at);
  xml_.Element("opprettetAv", info_.created_by);
  xml_.Element("avsluttetDato", DateTime(info_.deposit_date));
  xml_.Element("avsluttetAv", info_.created_by);
  xml_.Open("arkivskaper");
  xml_.Element("arkivskaperID", info_.organisation_number);
  xml_.Element("arkivskaperNavn", info_.depositor_name.empty()
                                      ? info_.organisation_number
                                      : info_.depositor_name);
  xml_.Close();
  xml_.Open("arkivdel");
  xml_.Element("systemID", DerivedUuid(deposit + "/arkivdel"));
  xml_.Element("tittel", title);
  xml_.Element("arkivdelstatus", "Avsluttet periode");
  xml_.Element("dokumentmedium", "Elektronisk arkiv");
  xml_.Element("opprettetDato", info_.created_at);
  xml_.Element("opprettetAv", info_.created_by);
  xml_.Element("avsluttetDato", DateTime(info_.deposit_date));
  xml_.Element("avsluttetAv", info_.created_by);
}

void ArkivstrukturWriter::Add(const RecordInput& r) {
  std::string seed = "deposit/" + std::to_string(info_.deposit_id) +
                     "/record/" + r.source_record_id;
  NoarkMetadataView meta = ParseNoarkMetadata(r.noark_metadata);
  ++counts_.mappe;
  if (counts_.first_opened.empty() || r.opened_date < counts_.first_opened) {
    counts_.first_opened = r.opened_date;
  }
  if (r.last_contact_date > counts_.last_contact) {
    counts_.last_contact = r.last_contact_date;
  }
  counts_.any_screening = counts_.any_screening || meta.any_screening;

  xml_.Open("mappe");
  xml_.Element("systemID", IsUuid(r.source_record_id) ? r.source_record_id
                                                      : DerivedUuid(seed));
  xml_.Element("mappeID",
               meta.mappe_id.empty() ? r.source_record_id : meta.mappe_id);
  xml_.Element("tittel", meta.title.empty() ? info_.record_title : meta.title);
  xml_.OptionalElement("offentligTittel", meta.public_title);
  if (!r.box.empty() || !r.shelf.empty()) {
    xml_.Element("oppbevaringssted", Location(r));
  }
  xml_.Element("opprettetDato", DateTime(r.opened_date));
  xml_.Element("opprettetAv", info_.created_by);
  xml_.Element("avsluttetDato", DateTime(r.last_contact_date));
  xml_.Element("avsluttetAv", info_.created_by);
  WriteDepotRecord(xml_, r);
  WritePart(xml_, r);
  // Only what the v5.0 schema takes; the rest stays in noarkMetadata.
  if (meta.disposal) WriteDisposal(xml_, *meta.disposal);
  if (meta.screening) WriteScreening(xml_, *meta.screening);
  if (!r.documents.empty()) WriteDocuments(r, seed);
  xml_.Close();
}

void ArkivstrukturWriter::WriteDocuments(const RecordInput& r,
                                         const std::string& seed) {
  ++counts_.registrering;
  // Registered when the file was opened, so that the mappe's latest date
  // stays its last contact; archived at the deposit.
  xml_.Open("registrering");
  xml_.Element("systemID", DerivedUuid(seed + "/registrering"));
  xml_.Element("opprettetDato", DateTime(r.opened_date));
  xml_.Element("opprettetAv", info_.created_by);
  xml_.Element("arkivertDato", DateTime(info_.deposit_date));
  xml_.Element("arkivertAv", info_.created_by);
  int number = 0;
  for (const DigitalDocument& d : r.documents) {
    ++number;
    ++counts_.dokumentbeskrivelse;
    ++counts_.dokumentobjekt;
    std::string n = std::to_string(number);
    xml_.Open("dokumentbeskrivelse");
    xml_.Element("systemID", DerivedUuid(seed + "/dokument/" + n));
    xml_.Element("dokumenttype", "Ukjent");
    xml_.Element("dokumentstatus", "Dokumentet er ferdigstilt");
    xml_.Element("tittel", d.file_name);
    xml_.Element("opprettetDato", DateTime(r.opened_date));
    xml_.Element("opprettetAv", info_.created_by);
    xml_.Element("tilknyttetRegistreringSom",
                 number == 1 ? "Hoveddokument" : "Vedlegg");
    xml_.Element("dokumentnummer", n);
    xml_.Element("tilknyttetDato", DateTime(r.opened_date));
    xml_.Element("tilknyttetAv", info_.created_by);
    xml_.Open("dokumentobjekt");
    xml_.Element("systemID", DerivedUuid(seed + "/dokumentobjekt/" + n));
    xml_.Element("versjonsnummer", "1");
    xml_.Element("variantformat", "Arkivformat");
    xml_.Element("format", FormatOf(d.file_name));
    xml_.Element("opprettetDato", DateTime(r.opened_date));
    xml_.Element("opprettetAv", info_.created_by);
    xml_.Element("referanseDokumentfil", d.file_name);
    xml_.Element("sjekksum", d.sha256);
    xml_.Element("sjekksumAlgoritme", "SHA256");
    xml_.Element("filstoerrelse", std::to_string(d.size_bytes));
    xml_.Close();
    xml_.Close();
  }
  xml_.Element("tittel", "Dokumenter");
  xml_.Close();
}

void ArkivstrukturWriter::Finish() {
  xml_.Close();  // arkivdel
  xml_.Finish();
}

}  // namespace depot::noark
