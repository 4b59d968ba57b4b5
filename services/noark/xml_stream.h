#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace depot::noark {

/// Receives a file's bytes as they are produced.
using ChunkSink = std::function<void(std::string_view chunk)>;

/// Writes one XML document through libxml2's xmlTextWriter (which escapes
/// all text), handing it to the sink in pieces of about chunk_bytes:
/// memory stays bounded however long the document is.
class XmlStream {
 public:
  XmlStream(ChunkSink sink, size_t chunk_bytes);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  /// The root element in namespace ns, with more namespace declarations
  /// and attributes as (qualified name, value) pairs.
  void StartDocument(
      const char* root, const char* ns,
      const std::vector<std::pair<std::string, std::string>>& attributes);
  void Open(const char* name);
  void Open(const char* name,
            const std::vector<std::pair<std::string, std::string>>& attributes);
  void Close();
  void Element(const char* name, std::string_view text);
  /// Only when text is not empty.
  void OptionalElement(const char* name, std::string_view text);
  /// Ends the document and hands the rest to the sink.
  void Finish();

 private:
  static int Write(void* context, const char* buffer, int length);
  void Check(int result, const char* what);
  void FlushIfFull();

  ChunkSink sink_;
  size_t chunk_bytes_;
  std::string buffer_;
  void* writer_ = nullptr;  // xmlTextWriterPtr
};

}  // namespace depot::noark
