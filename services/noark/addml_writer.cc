#include "services/noark/addml_writer.h"

#include "services/noark/mappe.h"

namespace depot::noark {
namespace {

using Attributes = std::vector<std::pair<std::string, std::string>>;

void Property(XmlWriter& xml, const char* name, const std::string& value,
              const char* data_type = nullptr) {
  Attributes attributes;
  if (data_type) attributes.emplace_back("dataType", data_type);
  attributes.emplace_back("name", name);
  xml.Open("property", attributes);
  xml.Element("value", value);
  xml.Close();
}

void Additional(XmlWriter& xml, const char* name, const std::string& value) {
  xml.Open("additionalElement", {{"name", name}});
  xml.Element("value", value);
  xml.Close();
}

void Count(XmlWriter& xml, const char* element, int64_t count) {
  xml.Open("property", {{"name", "numberOfOccurrences"}});
  xml.Element("value", element);
  xml.Open("properties");
  Property(xml, "elementPath", std::string("//") + element);
  Property(xml, "value", std::to_string(count), "integer");
  xml.Close();
  xml.Close();
}

void XmlFormat(XmlWriter& xml) {
  xml.Open("property", {{"name", "format"}});
  xml.Element("value", "XML");
  xml.Open("properties");
  Property(xml, "version", "1.0");
  xml.Close();
  xml.Close();
}

void Schema(XmlWriter& xml, const char* file, bool main) {
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

// The context and content of the reference: who made the archive, and
// the period it covers.
void Reference(XmlWriter& xml, const ExtractionInfo& info,
               const ExportCounts& counts) {
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
}

// What the extraction is: Noark 5 v5.0, with or without screened data.
void ExtractionProperties(XmlWriter& xml, const ExportCounts& counts) {
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
}

// arkivstruktur.xml: its checksum, schemas and numbers of units.
void ArkivstrukturObject(XmlWriter& xml, const ExportCounts& counts,
                         const std::string& arkivstruktur_sha256) {
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
}

}  // namespace

void WriteAddml(ChunkSink sink, const ExtractionInfo& info,
                const ExportCounts& counts,
                const std::string& arkivstruktur_sha256) {
  XmlWriter xml(std::move(sink), 64 * 1024);
  xml.StartDocument("addml", kAddmlNamespace,
                    {{"name", "Noark 5-arkivuttrekk"}});
  xml.Open("dataset");
  xml.Element("description", "Noark 5-arkivuttrekk");
  Reference(xml, info, counts);
  xml.Open("dataObjects");
  xml.Open("dataObject", {{"name", "Noark 5 arkivuttrekk"}});
  ExtractionProperties(xml, counts);
  ArkivstrukturObject(xml, counts, arkivstruktur_sha256);
  xml.Close();  // dataObject
  xml.Close();  // dataObjects
  xml.Close();  // dataset
  xml.Finish();
}

}  // namespace depot::noark
