#include "services/journal/domain/noark5_writer.h"

#include "services/journal/domain/codes.h"

namespace depot::journal {
namespace {

// The M502 text for skjermingMetadata. The journal schemas allow one
// skjermingMetadata per journalpost, so the first code stands for them all.
std::string FirstMetadataName(const std::vector<std::string>& codes) {
  for (const std::string& code : codes) {
    if (const char* name = ScreeningMetadataNoarkName(code)) return name;
  }
  return "";
}

void WriteHeader(XmlWriter& xml, const JournalHeader& header) {
  xml.Open("journalhode");
  xml.Element("journalStartDato", FormatDate(header.from));
  xml.Element("journalSluttDato", FormatDate(header.to));
  xml.Element("antallJournalposter", std::to_string(header.entry_count));
  xml.Open("arkivskaper");
  xml.Element("arkivskaperID", header.creator_id);
  xml.Element("arkivskaperNavn", header.creator_name);
  xml.Close();
  xml.Close();
}

void WriteCaseNumbers(XmlWriter& xml, int year, int sequence) {
  xml.Element("mappeID", std::to_string(year) + "/" + std::to_string(sequence));
  xml.Element("saksaar", std::to_string(year));
  xml.Element("sakssekvensnummer", std::to_string(sequence));
}

}  // namespace

OffentligJournalWriter::OffentligJournalWriter(ChunkSink sink,
                                               const JournalHeader& header,
                                               size_t chunk_bytes)
    : xml_(std::move(sink), chunk_bytes) {
  xml_.StartDocument("offentligJournal", kOffentligJournalNamespace);
  WriteHeader(xml_, header);
}

void OffentligJournalWriter::Add(const PublicEntry& e) {
  xml_.Open("journalregistrering");
  xml_.Open("saksmappe");
  WriteCaseNumbers(xml_, e.case_year, e.case_sequence);
  xml_.Element("offentligTittel", e.case_public_title);
  xml_.OptionalElement("administrativEnhet", e.administrative_unit);
  xml_.OptionalElement("saksansvarlig", e.case_officer);
  xml_.OptionalElement("tilgangsrestriksjon",
                       e.case_screening.access_restriction);
  xml_.OptionalElement("skjermingshjemmel", e.case_screening.authority);
  xml_.Close();

  xml_.Open("journalpost");
  xml_.Element("systemID", e.system_id);
  xml_.Element("registreringsID", e.RegistryId());
  xml_.Element("journalaar", std::to_string(e.year));
  xml_.Element("journalsekvensnummer", std::to_string(e.sequence));
  xml_.Element("journalpostnummer", std::to_string(e.number_in_case));
  xml_.Element("offentligTittel", e.public_title);
  xml_.OptionalElement("skjermingMetadata",
                       FirstMetadataName(e.screening.metadata));
  xml_.Element("journaldato", FormatDate(e.journal_date));
  if (e.document_date) {
    xml_.Element("dokumentetsDato", FormatDate(*e.document_date));
  }
  xml_.OptionalElement("tilgangsrestriksjon", e.screening.access_restriction);
  xml_.OptionalElement("skjermingshjemmel", e.screening.authority);
  for (const PublicCorrespondent& c : e.correspondents) {
    xml_.Open("korrespondansepart");
    xml_.Element("korrespondanseparttype", CorrespondentKindNoarkName(c.kind));
    xml_.Element("korrespondansepartNavn", c.name);
    xml_.Close();
  }
  xml_.Close();
  xml_.Close();
}

void OffentligJournalWriter::Finish() { xml_.Finish(); }

LoependeJournalWriter::LoependeJournalWriter(ChunkSink sink,
                                             const JournalHeader& header,
                                             size_t chunk_bytes)
    : xml_(std::move(sink), chunk_bytes) {
  xml_.StartDocument("loependeJournal", kLoependeJournalNamespace);
  WriteHeader(xml_, header);
}

void LoependeJournalWriter::Add(const InternalEntry& in) {
  const JournalEntry& e = in.entry;
  const JournalCase& c = in.journal_case;
  xml_.Open("journalregistrering");
  xml_.Open("saksmappe");
  WriteCaseNumbers(xml_, c.year, c.sequence);
  xml_.Element("tittel", c.title);
  xml_.Element("offentligTittel", in.public_view.case_public_title);
  if (in.case_screening) {
    xml_.OptionalElement("skjermingMetadata",
                         FirstMetadataName(in.case_screening->metadata));
  }
  xml_.OptionalElement("administrativEnhet", c.administrative_unit);
  xml_.OptionalElement("saksansvarlig", c.case_officer);
  xml_.Close();

  xml_.Open("journalpost");
  xml_.Element("systemID", e.system_id);
  xml_.Element("registreringsID", e.RegistryId());
  xml_.Element("journalaar", std::to_string(e.year));
  xml_.Element("journalsekvensnummer", std::to_string(e.sequence));
  xml_.Element("journalpostnummer", std::to_string(e.number_in_case));
  xml_.Element("tittel", e.title);
  xml_.Element("offentligTittel", in.public_view.public_title);
  xml_.OptionalElement("skjermingMetadata",
                       FirstMetadataName(in.public_view.screening.metadata));
  xml_.Element("journaldato", FormatDate(e.journal_date));
  if (e.document_date) {
    xml_.Element("dokumentetsDato", FormatDate(*e.document_date));
  }
  xml_.Element(
      "antallVedlegg",
      std::to_string(e.documents.empty() ? 0 : e.documents.size() - 1));
  xml_.OptionalElement("tilgangsrestriksjon",
                       in.public_view.screening.access_restriction);
  xml_.OptionalElement("skjermingshjemmel", in.public_view.screening.authority);
  for (size_t i = 0; i < e.correspondents.size(); ++i) {
    const Correspondent& k = e.correspondents[i];
    xml_.Open("korrespondansepart");
    xml_.Element("korrespondanseparttype", CorrespondentKindNoarkName(k.kind));
    xml_.Element("korrespondansepartNavn", k.name);
    if (i < in.correspondent_screening.size() &&
        in.correspondent_screening[i]) {
      std::string code = k.kind == CorrespondentKind::kSender
                             ? kScreenNameSender
                             : kScreenNameRecipient;
      xml_.Element("skjermingMetadata", ScreeningMetadataNoarkName(code));
    }
    xml_.Close();
  }
  xml_.Close();
  xml_.Close();
}

void LoependeJournalWriter::Finish() { xml_.Finish(); }

}  // namespace depot::journal
