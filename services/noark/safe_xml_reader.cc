#include "services/noark/safe_xml_reader.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <cstdio>
#include <cstring>

#include "services/common/xml_writer.h"

namespace depot::noark {
namespace {

// What the parser may do: no network, nothing else. In particular no
// XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR,
// XML_PARSE_DTDVALID, XML_PARSE_XINCLUDE or XML_PARSE_HUGE.
constexpr int kParseOptions = XML_PARSE_NONET;

// Diagnostics kept between two TakeDiagnostics calls: a document that
// deviates everywhere must not fill memory with reports.
constexpr size_t kMaxKeptDiagnostics = 1000;

xmlTextReaderPtr R(void* reader) {
  return static_cast<xmlTextReaderPtr>(reader);
}

std::string Trimmed(const char* message) {
  std::string text = message == nullptr ? "" : message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

// libxml2 names elements {namespace}name; Noark's two namespaces are
// implied in every report, so they are left out.
std::string ShortNames(std::string text) {
  for (const char* ns :
       {"{http://www.arkivverket.no/standarder/noark5/arkivstruktur}",
        "{http://www.arkivverket.no/standarder/addml}"}) {
    size_t length = std::strlen(ns);
    for (size_t at = text.find(ns); at != std::string::npos;
         at = text.find(ns, at)) {
      text.erase(at, length);
    }
  }
  return text;
}

std::string MiB(size_t bytes) {
  if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

struct SafeXmlReader::Source {
  std::FILE* file = nullptr;
  std::string_view memory;
  size_t offset = 0;
  SafeXmlReader* owner = nullptr;
  ~Source() {
    if (file != nullptr) std::fclose(file);
  }
};

SafeXmlReader::SafeXmlReader(const std::filesystem::path& file, Options options)
    : source_(std::make_unique<Source>()) {
  source_->file = std::fopen(file.c_str(), "rb");
  if (source_->file == nullptr) {
    throw XmlError("cannot open " + file.string() + ": " + std::strerror(errno),
                   0);
  }
  Open(std::move(options), file.filename().string());
}

SafeXmlReader::SafeXmlReader(std::string_view bytes, Options options)
    : source_(std::make_unique<Source>()) {
  source_->memory = bytes;
  Open(std::move(options), "memory.xml");
}

SafeXmlReader::~SafeXmlReader() {
  if (reader_ != nullptr) xmlFreeTextReader(R(reader_));
}

void SafeXmlReader::Open(Options options, const std::string& url) {
  InitLibxml();
  xmlResetLastError();
  max_text_bytes_ = options.max_text_bytes;
  on_bytes_ = std::move(options.on_bytes);
  source_->owner = this;
  reader_ = xmlReaderForIO(&SafeXmlReader::ReadCallback, nullptr, source_.get(),
                           url.c_str(), nullptr, kParseOptions);
  if (reader_ == nullptr) {
    throw XmlError("cannot start the XML parser (empty or unreadable input)",
                   0);
  }
  xmlTextReaderSetStructuredErrorHandler(
      R(reader_),
      [](void* context, xmlErrorPtr error) {
        SafeXmlReader::ErrorCallback(context, error);
      },
      this);
  if (!options.schema.empty()) {
    if (xmlTextReaderSchemaValidate(R(reader_), options.schema.c_str()) != 0) {
      throw std::runtime_error("cannot load the XML schema " +
                               options.schema.string());
    }
  }
}

int SafeXmlReader::ReadCallback(void* context, char* buffer, int length) {
  auto* source = static_cast<Source*>(context);
  size_t got = 0;
  if (source->file != nullptr) {
    got = std::fread(buffer, 1, static_cast<size_t>(length), source->file);
    if (got == 0 && std::ferror(source->file)) return -1;
  } else {
    got = std::min(static_cast<size_t>(length),
                   source->memory.size() - source->offset);
    std::memcpy(buffer, source->memory.data() + source->offset, got);
    source->offset += got;
  }
  SafeXmlReader* owner = source->owner;
  if (!owner->element_seen_ && got > 0) {
    // A DOCTYPE can only come before the first element; look for it in the
    // prolog, across chunk boundaries.
    std::string window = owner->prolog_tail_ + std::string(buffer, got);
    if (window.find("<!DOCTYPE") != std::string::npos)
      owner->doctype_seen_ = true;
    owner->prolog_tail_ =
        window.substr(window.size() > 8 ? window.size() - 8 : 0);
  }
  owner->bytes_read_ += got;
  if (owner->on_bytes_ && got > 0) owner->on_bytes_({buffer, got});
  return static_cast<int>(got);
}

void SafeXmlReader::ErrorCallback(void* context, void* raw) {
  auto* self = static_cast<SafeXmlReader*>(context);
  auto* error = static_cast<xmlErrorPtr>(raw);
  if (error == nullptr) return;
  std::string message = ShortNames(Trimmed(error->message));
  int64_t line = error->line;
  bool validity =
      error->domain == XML_FROM_SCHEMASV || error->domain == XML_FROM_VALID;
  if (validity) ++self->invalid_count_;
  if (error->level == XML_ERR_FATAL && !validity) {
    if (self->fatal_message_.empty()) {
      self->fatal_message_ = message;
      self->fatal_line_ = line;
      self->fatal_code_ = error->code;
    }
    return;
  }
  if (self->diagnostics_.size() >= kMaxKeptDiagnostics) {
    ++self->dropped_diagnostics_;
    return;
  }
  self->diagnostics_.push_back({line, message});
}

int64_t SafeXmlReader::CurrentLine() const {
  xmlNodePtr node = xmlTextReaderCurrentNode(R(reader_));
  long line = node != nullptr ? xmlGetLineNo(node) : -1;
  if (line <= 0) line = xmlTextReaderGetParserLineNumber(R(reader_));
  return line;
}

void SafeXmlReader::Fail() {
  std::string message = fatal_message_;
  int64_t line = fatal_line_;
  if (message.empty()) {
    // Some limits (libxml2's buffers) report through the thread's last
    // error, not through the reader's handler.
    xmlErrorPtr last = xmlGetLastError();
    if (last != nullptr && last->code != XML_ERR_OK) {
      message = Trimmed(last->message);
      if (line <= 0) line = last->line;
    }
  }
  if (line <= 0) line = xmlTextReaderGetParserLineNumber(R(reader_));
  if (doctype_seen_ && !element_seen_) {
    // The DTD was refused while it was parsed (an entity loop, a parameter
    // entity): say what the document did wrong, not what libxml2 tripped on.
    throw XmlError(
        "a DOCTYPE: DTDs and entity declarations are not allowed "
        "(entities could expand without bound or read local "
        "files); the parser stopped at line " +
            std::to_string(line) + " (" + message + ")",
        line);
  }
  if (message.find("huge text node") != std::string::npos ||
      message.find("text too long") != std::string::npos) {
    // libxml2's own limit (10 MB without XML_PARSE_HUGE) stopped it before
    // the node was complete; it is over ours all the same.
    throw XmlError("text node longer than " + MiB(max_text_bytes_) +
                       " at line " + std::to_string(line),
                   line);
  }
  if (fatal_code_ == XML_ERR_DOCUMENT_END ||
      fatal_code_ == XML_ERR_DOCUMENT_EMPTY) {
    // libxml2 says "Extra content at the end" whenever the input ends
    // before the document does.
    if (!element_seen_) {
      throw XmlError("the document is empty or has no root element", line);
    }
    if (open_elements_ > 0) {
      throw XmlError("the document breaks off at line " + std::to_string(line) +
                         " with " + std::to_string(open_elements_) +
                         " elements still open (truncated?)",
                     line);
    }
  }
  if (message.empty()) message = "the XML is not well-formed";
  throw XmlError(message + " at line " + std::to_string(line), line);
}

SafeXmlReader::Event SafeXmlReader::Next() {
  if (pending_end_) {
    pending_end_ = false;
    return Event::kEnd;
  }
  while (true) {
    int result = xmlTextReaderRead(R(reader_));
    if (result < 0 || !fatal_message_.empty()) Fail();
    if (result == 0) {
      if (xmlTextReaderReadState(R(reader_)) == XML_TEXTREADER_MODE_ERROR) {
        Fail();
      }
      return Event::kEndOfDocument;
    }
    int type = xmlTextReaderNodeType(R(reader_));
    switch (type) {
      case XML_READER_TYPE_ELEMENT:
      case XML_READER_TYPE_END_ELEMENT: {
        const xmlChar* name = xmlTextReaderConstLocalName(R(reader_));
        const xmlChar* ns = xmlTextReaderConstNamespaceUri(R(reader_));
        local_name_.assign(name ? reinterpret_cast<const char*>(name) : "");
        namespace_uri_.assign(ns ? reinterpret_cast<const char*>(ns) : "");
        line_ = CurrentLine();
        element_seen_ = true;
        if (type == XML_READER_TYPE_END_ELEMENT) {
          --open_elements_;
          return Event::kEnd;
        }
        pending_end_ = xmlTextReaderIsEmptyElement(R(reader_)) == 1;
        if (!pending_end_) ++open_elements_;
        return Event::kStart;
      }
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA: {
        const xmlChar* value = xmlTextReaderConstValue(R(reader_));
        text_ = value ? std::string_view(reinterpret_cast<const char*>(value))
                      : std::string_view();
        line_ = CurrentLine();
        if (text_.size() > max_text_bytes_) {
          throw XmlError("text node longer than " + MiB(max_text_bytes_) +
                             " at line " + std::to_string(line_),
                         line_);
        }
        return Event::kText;
      }
      case XML_READER_TYPE_DOCUMENT_TYPE:
        line_ = CurrentLine();
        throw XmlError(
            "a DOCTYPE at line " + std::to_string(line_) +
                ": DTDs and entity declarations are not allowed (entities "
                "could expand without bound or read local files)",
            line_);
      case XML_READER_TYPE_ENTITY_REFERENCE: {
        line_ = CurrentLine();
        const xmlChar* name = xmlTextReaderConstName(R(reader_));
        throw XmlError(
            "entity reference &" +
                std::string(name ? reinterpret_cast<const char*>(name) : "") +
                "; at line " + std::to_string(line_) +
                ": entities are not allowed",
            line_);
      }
      default:
        // Whitespace, comments, processing instructions: nothing to read.
        continue;
    }
  }
}

std::optional<std::string> SafeXmlReader::Attribute(
    const char* local_name, const char* namespace_uri) const {
  xmlChar* value = xmlTextReaderGetAttributeNs(
      R(reader_), reinterpret_cast<const xmlChar*>(local_name),
      reinterpret_cast<const xmlChar*>(namespace_uri));
  if (value == nullptr) return std::nullopt;
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

std::vector<Deviation> SafeXmlReader::TakeDiagnostics() {
  std::vector<Deviation> taken;
  taken.swap(diagnostics_);
  return taken;
}

}  // namespace depot::noark
