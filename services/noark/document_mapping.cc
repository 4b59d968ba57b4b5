#include "services/noark/document_mapping.h"

#include <regex>

#include "services/noark/extraction_path.h"
#include "services/noark/file_hash.h"
#include "services/noark/noark5_text.h"

namespace depot::noark {
namespace {

// Characters of a value quoted in a deviation.
constexpr size_t kQuoted = 60;

bool IsHex64(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Lower(std::string text) {
  for (char& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

// filstoerrelse should be a number of bytes; older systems write "87 kB".
std::optional<int64_t> ParseSize(const std::string& text, bool* exact) {
  static const std::regex kBytes(R"(\s*([0-9]{1,18})\s*)");
  static const std::regex kUnit(
      R"(\s*([0-9]{1,12})(?:[.,]([0-9]{1,3}))?\s*([kKmMgG]i?)?[bB](?:ytes?)?\s*)");
  std::smatch match;
  if (std::regex_match(text, match, kBytes)) {
    *exact = true;
    return std::stoll(match[1]);
  }
  if (std::regex_match(text, match, kUnit)) {
    *exact = false;
    double value = std::stod(match[1].str() +
                             (match[2].matched ? "." + match[2].str() : ""));
    std::string unit = match[3].matched ? match[3].str() : "";
    bool binary = unit.size() == 2;
    double base = binary ? 1024 : 1000;
    char prefix = unit.empty() ? ' ' : static_cast<char>(std::tolower(unit[0]));
    if (prefix == 'k') value *= base;
    if (prefix == 'm') value *= base * base;
    if (prefix == 'g') value *= base * base * base;
    return static_cast<int64_t>(value);
  }
  return std::nullopt;
}

// What a dokumentobjekt states about its file.
struct StatedDocument {
  std::string where;          // " (dokumentobjekt at line N)", for rejections
  std::string sha256;         // the sjekksum, lower case
  bool sha256_given = false;  // a SHA-256 of 64 hex digits
  std::optional<int64_t> size;
  bool size_exact = false;  // a number of bytes, not "87 kB"
};

StatedDocument ReadStated(const DocumentObject& d, MappedRecord& out) {
  StatedDocument stated;
  stated.where = " (dokumentobjekt at line " + std::to_string(d.line) + ")";
  std::string algorithm = NormalizedAlgorithm(d.checksum_algorithm);
  stated.sha256 = Lower(d.checksum);
  stated.sha256_given = algorithm == "SHA256" && IsHex64(stated.sha256);
  if (algorithm == "SHA256" && !IsHex64(stated.sha256)) {
    out.deviations.push_back({d.line, "sjekksum " + Quote(d.checksum, kQuoted) +
                                          " is not a SHA-256 (64 hex digits)"});
  }
  stated.size = ParseSize(d.size_text, &stated.size_exact);
  return stated;
}

// The document's checksum and size from its file in the extraction; false
// (with out.rejection) when the file cannot be read or does not match.
bool FromFile(const DocumentObject& d, const std::filesystem::path& file,
              const StatedDocument& stated, DigitalDocument& ref,
              MappedRecord& out) {
  std::optional<std::string> actual = Sha256OfFile(file);
  if (!actual) {
    out.rejection =
        LocalRejection{"documents.sha256",
                       "document file " + Quote(d.file_reference, kQuoted) +
                           " cannot be read"};
    return false;
  }
  if (stated.sha256_given && *actual != stated.sha256) {
    out.rejection =
        LocalRejection{"documents.sha256",
                       "document file " + Quote(d.file_reference, kQuoted) +
                           " does not match its sjekksum (SHA-256 of the "
                           "file differs)" +
                           stated.where};
    return false;
  }
  if (!stated.sha256_given) {
    out.deviations.push_back(
        {d.line, "document " + Quote(d.file_reference, kQuoted) + " has a " +
                     (d.checksum_algorithm.empty()
                          ? std::string("missing")
                          : Quote(d.checksum_algorithm, kQuoted)) +
                     " checksum; its SHA-256 was computed from the file "
                     "(the given checksum is not verified)"});
  }
  ref.sha256 = *actual;
  std::error_code error;
  ref.size_bytes =
      static_cast<int64_t>(std::filesystem::file_size(file, error));
  if (stated.size && stated.size_exact && *stated.size != ref.size_bytes) {
    out.deviations.push_back(
        {d.line, "filstoerrelse " + Quote(d.size_text, kQuoted) + " of " +
                     Quote(d.file_reference, kQuoted) +
                     " differs from the file (" +
                     std::to_string(ref.size_bytes) + " bytes)"});
  }
  return true;
}

// The document's checksum and size as the dokumentobjekt states them, its
// file not being there; false (with out.rejection) without a SHA-256.
bool FromStatement(const DocumentObject& d, const StatedDocument& stated,
                   DigitalDocument& ref, MappedRecord& out) {
  if (!stated.sha256_given) {
    out.rejection = LocalRejection{
        "documents.sha256",
        "document " + Quote(d.file_reference, kQuoted) +
            " has no SHA-256 sjekksum and its file is not in the extraction, "
            "so its checksum cannot be established" +
            stated.where};
    return false;
  }
  ref.sha256 = stated.sha256;
  if (stated.size) ref.size_bytes = *stated.size;
  if (!stated.size || !stated.size_exact) {
    out.deviations.push_back(
        {d.line, "filstoerrelse " + Quote(d.size_text, kQuoted) +
                     " is not a number of bytes; taken as " +
                     std::to_string(ref.size_bytes)});
  }
  return true;
}

// One document of the record; nullopt (with out.rejection) when it cannot
// be taken.
std::optional<DigitalDocument> MapDocument(const DocumentObject& d,
                                           const MappingOptions& options,
                                           MappedRecord& out) {
  if (d.file_reference.empty()) {
    out.rejection = LocalRejection{
        "documents.file_name",
        "a document has no referanseDokumentfil (dokumentobjekt at line " +
            std::to_string(d.line) + ")"};
    return std::nullopt;
  }
  DigitalDocument ref;
  ref.file_name = d.file_reference;
  StatedDocument stated = ReadStated(d, out);
  bool look = options.verify_files && !options.extraction_dir.empty();
  std::optional<std::filesystem::path> file;
  bool present = false;
  if (look) {
    file = FileInExtraction(options.extraction_dir, d.file_reference);
    if (!file) {
      out.deviations.push_back(
          {d.line, "referanseDokumentfil " + Quote(d.file_reference, kQuoted) +
                       " points outside the extraction; not read"});
    } else {
      std::error_code error;
      present = std::filesystem::is_regular_file(*file, error);
    }
  }
  if (present) {
    if (!FromFile(d, *file, stated, ref, out)) return std::nullopt;
    return ref;
  }
  if (look && file) ++out.missing_files;
  if (!FromStatement(d, stated, ref, out)) return std::nullopt;
  return ref;
}

}  // namespace

void MapDocuments(const Mappe& m, const MappingOptions& options,
                  MappedRecord& out) {
  if (m.document_count > static_cast<int64_t>(m.documents.size())) {
    out.rejection = LocalRejection{
        "documents", "the mappe has " + std::to_string(m.document_count) +
                         " document objects, more than one record takes (" +
                         std::to_string(m.documents.size()) + ")"};
    return;
  }
  for (const DocumentObject& d : m.documents) {
    std::optional<DigitalDocument> ref = MapDocument(d, options, out);
    if (!ref) return;
    out.record.documents.push_back(std::move(*ref));
  }
}

}  // namespace depot::noark
