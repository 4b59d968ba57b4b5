#include "services/journal/domain/noark5_writer.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include <mutex>
#include <stdexcept>

#include "services/journal/domain/codes.h"

namespace depot::journal {
namespace {

xmlTextWriterPtr W(void* writer) {
  return static_cast<xmlTextWriterPtr>(writer);
}

const xmlChar* X(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}

// The M502 text for skjermingMetadata. The journal schemas allow one
// skjermingMetadata per journalpost, so the first code stands for them all.
std::string FirstMetadataName(const std::vector<std::string>& codes) {
  for (const std::string& code : codes) {
    if (const char* name = ScreeningMetadataNoarkName(code)) return name;
  }
  return "";
}

void WriteHeader(XmlJournalStream& xml, const JournalHeader& header) {
  xml.Open("journalhode");
  xml.Element("journalStartDato", FormatDay(header.from));
  xml.Element("journalSluttDato", FormatDay(header.to));
  xml.Element("antallJournalposter", std::to_string(header.entry_count));
  xml.Open("arkivskaper");
  xml.Element("arkivskaperID", header.creator_id);
  xml.Element("arkivskaperNavn", header.creator_name);
  xml.Close();
  xml.Close();
}

void WriteCaseNumbers(XmlJournalStream& xml, int year, int sequence) {
  xml.Element("mappeID", std::to_string(year) + "/" + std::to_string(sequence));
  xml.Element("saksaar", std::to_string(year));
  xml.Element("sakssekvensnummer", std::to_string(sequence));
}

}  // namespace

void InitXml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

XmlJournalStream::XmlJournalStream(ChunkSink sink, size_t chunk_bytes)
    : sink_(std::move(sink)), chunk_bytes_(chunk_bytes) {
  InitXml();
  xmlOutputBufferPtr out =
      xmlOutputBufferCreateIO(&XmlJournalStream::Write, nullptr, this, nullptr);
  if (out == nullptr) throw std::runtime_error("cannot create an XML buffer");
  writer_ = xmlNewTextWriter(out);  // owns out from here
  if (writer_ == nullptr) {
    xmlOutputBufferClose(out);
    throw std::runtime_error("cannot create an XML writer");
  }
  xmlTextWriterSetIndent(W(writer_), 1);
  xmlTextWriterSetIndentString(W(writer_), X("  "));
}

XmlJournalStream::~XmlJournalStream() {
  if (writer_ != nullptr) xmlFreeTextWriter(W(writer_));
}

int XmlJournalStream::Write(void* context, const char* buffer, int length) {
  // Only appends: the sink runs outside libxml2, so no C++ exception ever
  // crosses its C frames.
  auto* self = static_cast<XmlJournalStream*>(context);
  try {
    self->buffer_.append(buffer, static_cast<size_t>(length));
  } catch (...) {
    return -1;
  }
  return length;
}

void XmlJournalStream::Check(int result, const char* what) {
  if (result < 0) {
    throw std::runtime_error(std::string("writing XML failed at ") + what);
  }
}

void XmlJournalStream::StartDocument(const char* root, const char* ns) {
  Check(xmlTextWriterStartDocument(W(writer_), nullptr, "UTF-8", nullptr),
        "the XML declaration");
  Check(xmlTextWriterStartElementNS(W(writer_), nullptr, X(root), X(ns)), root);
}

void XmlJournalStream::Open(const char* name) {
  Check(xmlTextWriterStartElement(W(writer_), X(name)), name);
}

void XmlJournalStream::Close() {
  Check(xmlTextWriterEndElement(W(writer_)), "an end tag");
}

void XmlJournalStream::Element(const char* name, std::string_view text) {
  std::string value(text);
  Check(xmlTextWriterWriteElement(W(writer_), X(name), X(value.c_str())), name);
}

void XmlJournalStream::OptionalElement(const char* name,
                                       std::string_view text) {
  if (!text.empty()) Element(name, text);
}

void XmlJournalStream::FlushIfFull() {
  // libxml2 keeps a few KB itself; hand them over so chunks are even.
  Check(xmlTextWriterFlush(W(writer_)), "flushing");
  if (buffer_.size() < chunk_bytes_) return;
  std::string chunk;
  chunk.swap(buffer_);
  sink_(chunk);
}

void XmlJournalStream::Finish() {
  Check(xmlTextWriterEndDocument(W(writer_)), "the end of the document");
  Check(xmlTextWriterFlush(W(writer_)), "flushing");
  if (!buffer_.empty()) {
    std::string chunk;
    chunk.swap(buffer_);
    sink_(chunk);
  }
}

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
  xml_.Element("journaldato", FormatDay(e.journal_date));
  if (e.document_date) {
    xml_.Element("dokumentetsDato", FormatDay(*e.document_date));
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
  xml_.FlushIfFull();
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
  xml_.Element("journaldato", FormatDay(e.journal_date));
  if (e.document_date) {
    xml_.Element("dokumentetsDato", FormatDay(*e.document_date));
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
  xml_.FlushIfFull();
}

void LoependeJournalWriter::Finish() { xml_.Finish(); }

}  // namespace depot::journal
