#include "services/common/xml_writer.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include <mutex>
#include <stdexcept>

namespace depot {
namespace {

xmlTextWriterPtr W(void* writer) {
  return static_cast<xmlTextWriterPtr>(writer);
}

const xmlChar* X(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}

}  // namespace

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

XmlWriter::XmlWriter(ChunkSink sink, size_t chunk_bytes)
    : sink_(std::move(sink)), chunk_bytes_(chunk_bytes) {
  InitLibxml();
  xmlOutputBufferPtr out =
      xmlOutputBufferCreateIO(&XmlWriter::Write, nullptr, this, nullptr);
  if (out == nullptr) throw std::runtime_error("cannot create an XML buffer");
  writer_ = xmlNewTextWriter(out);  // owns out from here
  if (writer_ == nullptr) {
    xmlOutputBufferClose(out);
    throw std::runtime_error("cannot create an XML writer");
  }
  xmlTextWriterSetIndent(W(writer_), 1);
  xmlTextWriterSetIndentString(W(writer_), X("  "));
}

XmlWriter::~XmlWriter() {
  if (writer_ != nullptr) xmlFreeTextWriter(W(writer_));
}

int XmlWriter::Write(void* context, const char* buffer, int length) {
  // Only appends: the sink runs outside libxml2, so no C++ exception ever
  // crosses its C frames.
  auto* self = static_cast<XmlWriter*>(context);
  try {
    self->buffer_.append(buffer, static_cast<size_t>(length));
  } catch (...) {
    return -1;
  }
  return length;
}

void XmlWriter::Check(int result, const char* what) {
  if (result < 0) {
    throw std::runtime_error(std::string("writing XML failed at ") + what);
  }
}

void XmlWriter::Attributes(const XmlAttributes& attributes) {
  for (const auto& [name, value] : attributes) {
    Check(xmlTextWriterWriteAttribute(W(writer_), X(name.c_str()),
                                      X(value.c_str())),
          name.c_str());
  }
}

void XmlWriter::StartDocument(const char* root, const char* ns,
                              const XmlAttributes& attributes) {
  Check(xmlTextWriterStartDocument(W(writer_), "1.0", "UTF-8", nullptr),
        "the XML declaration");
  Check(xmlTextWriterStartElementNS(W(writer_), nullptr, X(root), X(ns)), root);
  Attributes(attributes);
}

void XmlWriter::Open(const char* name, const XmlAttributes& attributes) {
  Check(xmlTextWriterStartElement(W(writer_), X(name)), name);
  Attributes(attributes);
}

void XmlWriter::Close() {
  Check(xmlTextWriterEndElement(W(writer_)), "an end tag");
  FlushIfFull();
}

void XmlWriter::Element(const char* name, std::string_view text) {
  std::string value(text);
  for (char& c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') c = ' ';
  }
  Check(xmlTextWriterWriteElement(W(writer_), X(name), X(value.c_str())), name);
}

void XmlWriter::OptionalElement(const char* name, std::string_view text) {
  if (!text.empty()) Element(name, text);
}

void XmlWriter::FlushIfFull() {
  // libxml2 keeps a few KB itself; hand them over so chunks are even.
  Check(xmlTextWriterFlush(W(writer_)), "flushing");
  if (buffer_.size() >= chunk_bytes_) HandOver();
}

void XmlWriter::HandOver() {
  std::string chunk;
  chunk.swap(buffer_);
  sink_(chunk);
}

void XmlWriter::Finish() {
  Check(xmlTextWriterEndDocument(W(writer_)), "the end of the document");
  Check(xmlTextWriterFlush(W(writer_)), "flushing");
  if (!buffer_.empty()) HandOver();
}

}  // namespace depot
