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

std::string Location(const RecordFields& r) {
  if (r.box.empty()) return "hylle " + r.shelf;
  if (r.shelf.empty()) return "boks " + r.box;
  return "boks " + r.box + ", hylle " + r.shelf;
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

void ArkivstrukturWriter::Add(const RecordFields& r) {
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

  xml_.Open("virksomhetsspesifikkeMetadata");
  xml_.Open("depot:record");
  xml_.Element("depot:sourceRecordId", r.source_record_id);
  xml_.OptionalElement("depot:birthDate", r.birth_date);
  if (r.death_year != 0) {
    xml_.Element("depot:deathYear", std::to_string(r.death_year));
  }
  xml_.OptionalElement("depot:box", r.box);
  xml_.OptionalElement("depot:shelf", r.shelf);
  xml_.OptionalElement("depot:noarkMetadata", r.noark_metadata);
  xml_.Close();
  xml_.Close();

  xml_.Open("part");
  xml_.OptionalElement("partID", r.national_id);
  xml_.Element("partNavn", r.person_name);
  xml_.Element("partRolle", kPartRole);
  xml_.Close();

  // Only what the v5.0 schema takes; the rest stays in noarkMetadata.
  if (meta.disposal && !meta.disposal->kassasjonsvedtak.empty() &&
      AllDigits(meta.disposal->bevaringstid) &&
      IsPlainDate(meta.disposal->kassasjonsdato)) {
    xml_.Open("kassasjon");
    xml_.Element("kassasjonsvedtak", meta.disposal->kassasjonsvedtak);
    xml_.OptionalElement("kassasjonshjemmel", meta.disposal->kassasjonshjemmel);
    xml_.Element("bevaringstid", meta.disposal->bevaringstid);
    xml_.Element("kassasjonsdato", meta.disposal->kassasjonsdato);
    xml_.Close();
  }
  if (meta.screening && !meta.screening->tilgangsrestriksjon.empty() &&
      !meta.screening->skjermingshjemmel.empty() &&
      !meta.screening->skjerming_metadata.empty()) {
    const Screening& s = *meta.screening;
    xml_.Open("skjerming");
    xml_.Element("tilgangsrestriksjon", s.tilgangsrestriksjon);
    xml_.Element("skjermingshjemmel", s.skjermingshjemmel);
    for (const std::string& code : s.skjerming_metadata) {
      if (!code.empty()) xml_.Element("skjermingMetadata", code);
    }
    xml_.OptionalElement("skjermingDokument", s.skjerming_dokument);
    if (AllDigits(s.skjermingsvarighet)) {
      xml_.Element("skjermingsvarighet", s.skjermingsvarighet);
    }
    if (IsPlainDate(s.skjerming_opphoerer_dato)) {
      xml_.Element("skjermingOpphoererDato", s.skjerming_opphoerer_dato);
    }
    xml_.Close();
  }
  if (!r.documents.empty()) WriteDocuments(r, seed);
  xml_.Close();
}

void ArkivstrukturWriter::WriteDocuments(const RecordFields& r,
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
  for (const DocumentRef& d : r.documents) {
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

namespace {

using Attributes = std::vector<std::pair<std::string, std::string>>;

void Property(XmlStream& xml, const char* name, const std::string& value,
              const char* data_type = nullptr) {
  Attributes attributes;
  if (data_type) attributes.emplace_back("dataType", data_type);
  attributes.emplace_back("name", name);
  xml.Open("property", attributes);
  xml.Element("value", value);
  xml.Close();
}

void Additional(XmlStream& xml, const char* name, const std::string& value) {
  xml.Open("additionalElement", {{"name", name}});
  xml.Element("value", value);
  xml.Close();
}

void Count(XmlStream& xml, const char* element, int64_t count) {
  xml.Open("property", {{"name", "numberOfOccurrences"}});
  xml.Element("value", element);
  xml.Open("properties");
  Property(xml, "elementPath", std::string("//") + element);
  Property(xml, "value", std::to_string(count), "integer");
  xml.Close();
  xml.Close();
}

void XmlFormat(XmlStream& xml) {
  xml.Open("property", {{"name", "format"}});
  xml.Element("value", "XML");
  xml.Open("properties");
  Property(xml, "version", "1.0");
  xml.Close();
  xml.Close();
}

void Schema(XmlStream& xml, const char* file, bool main) {
  xml.Open("property", {{"name", "schema"}});
  if (main) xml.Element("value", "main");
  xml.Open("properties");
  xml.Open("property", {{"name", "file"}});
  xml.Open("properties");
  Property(xml, "name", file);
  xml.Close();
  xml.Close();
  xml.Open("property", {{"name", "type"}});
  xml.Element("value", "XML Schema");
  xml.Open("properties");
  Property(xml, "version", "1.0");
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Close();
}

}  // namespace

void WriteAddml(ChunkSink sink, const ExtractionInfo& info,
                const ExportCounts& counts,
                const std::string& arkivstruktur_sha256) {
  XmlStream xml(std::move(sink), 64 * 1024);
  xml.StartDocument("addml", kAddmlNamespace,
                    {{"name", "Noark 5-arkivuttrekk"}});
  xml.Open("dataset");
  xml.Element("description", "Noark 5-arkivuttrekk");
  xml.Open("reference");
  xml.Open("context");
  xml.Open("additionalElements");
  xml.Open("additionalElement", {{"name", "recordCreators"}});
  xml.Open("additionalElements");
  Additional(xml, "recordCreator",
             info.depositor_name.empty() ? info.organisation_number
                                         : info.depositor_name);
  xml.Close();
  xml.Close();
  Additional(xml, "systemType", "Noark 5");
  Additional(xml, "systemName", "depot");
  Additional(xml, "archive",
             info.description.empty() ? info.record_title : info.description);
  xml.Close();
  xml.Close();
  xml.Open("content");
  xml.Open("additionalElements");
  xml.Open("additionalElement", {{"name", "archivalPeriod"}});
  xml.Open("properties");
  Property(
      xml, "startDate",
      counts.first_opened.empty() ? info.deposit_date : counts.first_opened);
  Property(
      xml, "endDate",
      counts.last_contact.empty() ? info.deposit_date : counts.last_contact);
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Close();  // reference

  xml.Open("dataObjects");
  xml.Open("dataObject", {{"name", "Noark 5 arkivuttrekk"}});
  xml.Open("properties");
  xml.Open("property", {{"name", "info"}});
  xml.Open("properties");
  xml.Open("property", {{"name", "type"}});
  xml.Element("value", "Noark 5");
  xml.Open("properties");
  Property(xml, "version", "5.0");
  xml.Close();
  xml.Close();
  xml.Open("property", {{"name", "additionalInfo"}});
  xml.Open("properties");
  Property(xml, "inneholderSkjermetInformasjon",
           counts.any_screening ? "true" : "false", "boolean");
  Property(xml, "omfatterDokumenterSomErKassert", "false", "boolean");
  Property(xml, "inneholderDokumenterSomSkalKasseres", "false", "boolean");
  Property(xml, "inneholderVirksomhetsspesifikkeMetadata", "true", "boolean");
  // depot holds the documents' metadata and checksums, not their files.
  Property(xml, "antallDokumentfiler", "0", "integer");
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Close();  // properties

  xml.Open("dataObjects");
  xml.Open("dataObject", {{"name", "arkivstruktur"}});
  xml.Open("properties");
  xml.Open("property", {{"name", "file"}});
  xml.Open("properties");
  Property(xml, "name", "arkivstruktur.xml");
  XmlFormat(xml);
  xml.Open("property", {{"name", "checksum"}});
  xml.Open("properties");
  Property(xml, "algorithm", "SHA256");
  Property(xml, "value", arkivstruktur_sha256);
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Close();
  Schema(xml, "arkivstruktur.xsd", true);
  Schema(xml, "metadatakatalog.xsd", false);
  xml.Open("property", {{"name", "info"}});
  xml.Open("properties");
  Count(xml, "mappe", counts.mappe);
  Count(xml, "registrering", counts.registrering);
  Count(xml, "dokumentbeskrivelse", counts.dokumentbeskrivelse);
  Count(xml, "dokumentobjekt", counts.dokumentobjekt);
  xml.Close();
  xml.Close();
  xml.Close();  // properties
  xml.Close();  // dataObject arkivstruktur
  xml.Close();  // dataObjects
  xml.Close();  // dataObject
  xml.Close();  // dataObjects
  xml.Close();  // dataset
  xml.Finish();
}

}  // namespace depot::noark
