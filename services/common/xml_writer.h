#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace depot {

/// Receives a document's bytes as they are produced.
using ChunkSink = std::function<void(std::string_view chunk)>;

/// (qualified name, value) pairs: attributes and namespace declarations.
using XmlAttributes = std::vector<std::pair<std::string, std::string>>;

/// Writes one XML document through libxml2's xmlTextWriter (which escapes
/// all text), indented by two spaces, handing it to the sink in pieces of
/// about chunk_bytes: memory stays bounded however long the document is.
/// Failures throw std::runtime_error (an internal error for the caller).
class XmlWriter {
 public:
  XmlWriter(ChunkSink sink, size_t chunk_bytes);
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  /// The XML declaration and the root element in namespace ns, with more
  /// namespace declarations and attributes.
  void StartDocument(const char* root, const char* ns,
                     const XmlAttributes& attributes = {});
  void Open(const char* name, const XmlAttributes& attributes = {});
  /// Ends the innermost open element; hands what is buffered to the sink
  /// once it reaches chunk_bytes.
  void Close();
  /// An element holding text. C0 control characters other than tab, line
  /// feed and carriage return cannot appear in XML 1.0, not even escaped:
  /// each becomes a space.
  void Element(const char* name, std::string_view text);
  /// Only when text is not empty (optional Noark elements).
  void OptionalElement(const char* name, std::string_view text);
  /// Ends the document and hands the rest to the sink.
  void Finish();

 private:
  static int Write(void* context, const char* buffer, int length);
  void Check(int result, const char* what);
  void Attributes(const XmlAttributes& attributes);
  void FlushIfFull();
  void HandOver();

  ChunkSink sink_;
  size_t chunk_bytes_;
  std::string buffer_;
  void* writer_ = nullptr;  // xmlTextWriterPtr
};

/// libxml2's global set-up, for its readers and writers alike. Runs once
/// (later calls return at once); call it before threads use libxml2.
void InitLibxml();

}  // namespace depot
