#include "services/noark/xml_stream.h"

#include <libxml/xmlwriter.h>

#include <stdexcept>
#include <vector>

#include "services/noark/safe_xml_reader.h"

namespace depot::noark {
namespace {

xmlTextWriterPtr W(void* writer) {
  return static_cast<xmlTextWriterPtr>(writer);
}

const xmlChar* X(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}

}  // namespace

XmlStream::XmlStream(ChunkSink sink, size_t chunk_bytes)
    : sink_(std::move(sink)), chunk_bytes_(chunk_bytes) {
  InitLibxml();
  xmlOutputBufferPtr out =
      xmlOutputBufferCreateIO(&XmlStream::Write, nullptr, this, nullptr);
  if (out == nullptr) throw std::runtime_error("cannot create an XML buffer");
  writer_ = xmlNewTextWriter(out);  // owns out from here
  if (writer_ == nullptr) {
    xmlOutputBufferClose(out);
    throw std::runtime_error("cannot create an XML writer");
  }
  xmlTextWriterSetIndent(W(writer_), 1);
  xmlTextWriterSetIndentString(W(writer_), X("  "));
}

XmlStream::~XmlStream() {
  if (writer_ != nullptr) xmlFreeTextWriter(W(writer_));
}

int XmlStream::Write(void* context, const char* buffer, int length) {
  static_cast<XmlStream*>(context)->buffer_.append(buffer, length);
  return length;
}

void XmlStream::Check(int result, const char* what) {
  if (result < 0) throw std::runtime_error(std::string("XML writer: ") + what);
}

void XmlStream::FlushIfFull() {
  if (buffer_.size() < chunk_bytes_) return;
  std::string chunk;
  chunk.swap(buffer_);
  sink_(chunk);
}

void XmlStream::StartDocument(
    const char* root, const char* ns,
    const std::vector<std::pair<std::string, std::string>>& attributes) {
  Check(xmlTextWriterStartDocument(W(writer_), "1.0", "UTF-8", nullptr),
        "start");
  Check(xmlTextWriterStartElementNS(W(writer_), nullptr, X(root), X(ns)), root);
  for (const auto& [name, value] : attributes) {
    Check(xmlTextWriterWriteAttribute(W(writer_), X(name.c_str()),
                                      X(value.c_str())),
          name.c_str());
  }
}

void XmlStream::Open(const char* name) {
  Check(xmlTextWriterStartElement(W(writer_), X(name)), name);
}

void XmlStream::Open(
    const char* name,
    const std::vector<std::pair<std::string, std::string>>& attributes) {
  Open(name);
  for (const auto& [attribute, value] : attributes) {
    Check(xmlTextWriterWriteAttribute(W(writer_), X(attribute.c_str()),
                                      X(value.c_str())),
          attribute.c_str());
  }
}

void XmlStream::Close() {
  Check(xmlTextWriterEndElement(W(writer_)), "end element");
  FlushIfFull();
}

void XmlStream::Element(const char* name, std::string_view text) {
  // Control characters cannot appear in XML 1.0, not even escaped.
  std::string value(text);
  for (char& c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') c = ' ';
  }
  Check(xmlTextWriterWriteElement(W(writer_), X(name), X(value.c_str())), name);
}

void XmlStream::OptionalElement(const char* name, std::string_view text) {
  if (!text.empty()) Element(name, text);
}

void XmlStream::Finish() {
  Check(xmlTextWriterEndDocument(W(writer_)), "end document");
  Check(xmlTextWriterFlush(W(writer_)), "flush");
  if (!buffer_.empty()) {
    std::string chunk;
    chunk.swap(buffer_);
    sink_(chunk);
  }
}

}  // namespace depot::noark
