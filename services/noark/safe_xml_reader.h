#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace depot::noark {

/// Something in a document that does not follow the schema or the rules
/// but does not stop the reading: reported, never silently dropped.
struct Deviation {
  int64_t line = 0;  ///< 0 when it concerns no particular line
  std::string what;
};

/// The document cannot be read on (malformed, truncated, a DTD or entity, a
/// text over the limit): the whole document is refused.
class XmlError : public std::runtime_error {
 public:
  XmlError(const std::string& message, int64_t line)
      : std::runtime_error(message), line_(line) {}
  int64_t line() const { return line_; }

 private:
  int64_t line_;
};

/// A pull reader over libxml2's xmlTextReader that is safe on hostile input
/// and keeps memory bounded whatever the document's size:
/// - no network (XML_PARSE_NONET), no DTD loading, no entity substitution:
///   a DOCTYPE or an entity reference is an error, so billion-laughs bombs
///   and external entities (XXE) can neither expand nor read files;
/// - XML_PARSE_HUGE stays off (libxml2's own limits on names, depth and
///   text hold), and a text node longer than max_text_bytes is an error;
/// - optional streaming XML Schema validation whose findings are
///   diagnostics (deviations), not errors.
class SafeXmlReader {
 public:
  struct Options {
    size_t max_text_bytes = 1 << 20;
    /// An .xsd to validate against while reading; empty: no validation.
    std::filesystem::path schema;
    /// Sees every byte read from the source, in order (for checksums).
    std::function<void(std::string_view)> on_bytes;
  };

  enum class Event { kStart, kEnd, kText, kEndOfDocument };

  /// Reads a file. Throws XmlError when it cannot be opened.
  SafeXmlReader(const std::filesystem::path& file, Options options);
  /// Reads bytes in memory (tests, fuzzing); they must outlive the reader.
  SafeXmlReader(std::string_view bytes, Options options);
  ~SafeXmlReader();
  SafeXmlReader(const SafeXmlReader&) = delete;
  SafeXmlReader& operator=(const SafeXmlReader&) = delete;

  /// The next start tag, end tag or text. An empty element gives a start
  /// and an end. Throws XmlError when the document cannot be read on.
  Event Next();

  /// Of the current start or end tag.
  std::string_view local_name() const { return local_name_; }
  std::string_view namespace_uri() const { return namespace_uri_; }
  /// Of the current text.
  std::string_view text() const { return text_; }
  /// Line of the current node (or the parser's line when unknown).
  int64_t line() const { return line_; }
  /// An attribute of the current start tag.
  std::optional<std::string> Attribute(const char* local_name,
                                       const char* namespace_uri) const;

  /// Schema validity errors, warnings and recoverable namespace errors
  /// since the last call (at most max_kept; the rest are only counted).
  std::vector<Deviation> TakeDiagnostics();
  int64_t dropped_diagnostics() const { return dropped_diagnostics_; }
  /// Whether schema validation found the document valid so far.
  bool valid() const { return invalid_count_ == 0; }
  int64_t invalid_count() const { return invalid_count_; }

  uint64_t bytes_read() const { return bytes_read_; }

 private:
  struct Source;
  static int ReadCallback(void* context, char* buffer, int length);
  static void ErrorCallback(void* context, void* error);
  void Open(Options options, const std::string& url);
  [[noreturn]] void Fail();
  int64_t CurrentLine() const;

  std::unique_ptr<Source> source_;
  void* reader_ = nullptr;  // xmlTextReaderPtr
  size_t max_text_bytes_ = 0;
  std::function<void(std::string_view)> on_bytes_;
  uint64_t bytes_read_ = 0;

  bool element_seen_ = false;
  int64_t open_elements_ = 0;
  int fatal_code_ = 0;
  bool doctype_seen_ = false;
  std::string prolog_tail_;
  bool pending_end_ = false;
  std::string local_name_;
  std::string namespace_uri_;
  std::string_view text_;
  int64_t line_ = 0;

  std::string fatal_message_;
  int64_t fatal_line_ = 0;
  std::vector<Deviation> diagnostics_;
  int64_t dropped_diagnostics_ = 0;
  int64_t invalid_count_ = 0;
};

}  // namespace depot::noark
