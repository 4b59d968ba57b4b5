#pragma once

#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "services/noark/mappe.h"
#include "services/noark/safe_xml_reader.h"

namespace depot::noark {

struct ReaderOptions {
  /// Text limit, schema for deviations (empty: none), byte observer.
  SafeXmlReader::Options xml;
  /// Kept per mappe; more are counted (and the mapping refuses the mappe).
  size_t max_documents_per_mappe = 2000;
  size_t max_parties_per_mappe = 100;
  size_t max_screenings_per_mappe = 100;
  size_t max_deviations_per_mappe = 100;
  /// Text kept per mappe; more marks it oversized (memory stays bounded
  /// however much one hostile mappe holds).
  size_t max_mappe_bytes = 4 << 20;
  /// Sees the systemID of every arkiv, arkivdel, klasse, mappe,
  /// registrering, dokumentbeskrivelse and dokumentobjekt, with the
  /// element's name and line (for finding duplicates).
  std::function<void(std::string_view system_id, std::string_view element,
                     int64_t line)>
      on_system_id;
};

/// Counts of what the document held, for checking against arkivuttrekk.xml.
struct ArkivstrukturCounts {
  int64_t mappe = 0;
  int64_t registrering = 0;
  int64_t journalpost = 0;
  int64_t dokumentbeskrivelse = 0;
  int64_t dokumentobjekt = 0;
};

/// Streams the mappes out of a Noark 5 arkivstruktur.xml (versions 3.1 to
/// 5.0 share one namespace), one at a time: memory stays bounded whatever
/// the file's size. What does not follow the schema is reported as
/// deviations (with the mappe it was found in, or through TakeDeviations);
/// what makes the document unreadable throws XmlError.
class Noark5Reader {
 public:
  Noark5Reader(const std::filesystem::path& file, ReaderOptions options);
  /// Over bytes in memory (tests, fuzzing); they must outlive the reader.
  Noark5Reader(std::string_view bytes, ReaderOptions options);
  ~Noark5Reader();

  /// The next mappe, complete; false after the last one.
  bool Next(Mappe* mappe);
  /// Deviations found outside every mappe since the last call.
  std::vector<Deviation> TakeDeviations();

  const ArkivstrukturCounts& counts() const { return counts_; }
  uint64_t bytes_read() const { return xml_->bytes_read(); }
  /// Schema validity errors seen so far (0 without a schema).
  int64_t invalid_count() const { return xml_->invalid_count(); }

 private:
  enum class Kind {
    kOther,
    kForeign,  // another namespace, outside virksomhetsspesifikkeMetadata
    kArkiv,
    kArkivdel,
    kKlasse,  // also klassifikasjonssystem
    kMappe,
    kRegistrering,
    kDokumentbeskrivelse,
    kDokumentobjekt,
    kParty,
    kSkjerming,
    kKassasjon,
    kIdentifier,        // nasjonalidentifikator, personidentifikator
    kBusinessMetadata,  // virksomhetsspesifikkeMetadata
    kDepotRecord,
  };
  struct Frame {
    Kind kind = Kind::kOther;
    std::string name;
    std::string system_id;
    // Screening and disposal of an arkivdel or klasse, inherited by the
    // mappes in it.
    std::vector<Screening> screening;
    std::vector<Disposal> disposal;
  };
  struct OpenMappe {
    Mappe mappe;
    int64_t deviations_dropped = 0;
    size_t kept_bytes = 0;
  };

  // An element's text as it is read into what holds it.
  struct Leaf {
    const std::string& name;
    const std::string& text;
    int64_t line;
  };

  void Step();

  // Elements (noark5_elements.cc): what each is, what it opens and closes.
  void OnStart();
  Kind StartKind(const std::string& name, std::string_view ns, int64_t line);
  Kind StartArkivstruktur(const std::string& name, int64_t line);
  void StartMappe(int64_t line);
  void StartRegistrering(int64_t line);
  void OnEnd();
  void EndMappe();
  void EndDocumentObject();
  /// Keeps a skjerming or kassasjon: in the innermost mappe, else in the
  /// arkivdel or klasse around it for the mappes it holds.
  template <typename T>
  void EndLevelMetadata(std::unique_ptr<T>& read,
                        std::vector<T> Mappe::*of_mappe,
                        std::vector<T> Frame::*of_level);

  // Values (noark5_leaves.cc): each element's text into its field.
  void OnLeaf(const std::string& name, const std::string& text, int64_t line);
  void LeafOfMappe(const Leaf& leaf);
  void LeafOfDocumentObject(const Leaf& leaf);
  void LeafOfParty(const Leaf& leaf);
  void LeafOfScreening(const Leaf& leaf);
  void LeafOfDisposal(const Leaf& leaf);
  void LeafOfDepotRecord(const Leaf& leaf);
  /// Identity numbers and birth dates wherever else they are.
  void LeafOfPerson(const Leaf& leaf);
  /// Stores the text in a field, or adds it to a list, within the budget.
  void Put(const Leaf& leaf, std::string& field);
  void Add(const Leaf& leaf, std::vector<std::string>& list);
  void NoteDate(const std::string& element, const std::string& text,
                int64_t line);
  void Deviate(int64_t line, std::string what);
  /// Counts text kept for the innermost mappe; false once it is oversized.
  bool Keep(size_t bytes, int64_t line);
  void TakeXmlDiagnostics();
  Frame* Enclosing(Kind kind);
  const Frame& Parent() const;

  std::unique_ptr<SafeXmlReader> xml_;
  ReaderOptions options_;
  bool root_seen_ = false;
  bool finished_ = false;
  std::vector<Frame> frames_;
  std::vector<OpenMappe> open_;
  std::deque<Mappe> ready_;
  int64_t yielded_ = 0;
  ArkivstrukturCounts counts_;

  std::string text_;
  int64_t text_line_ = 0;
  std::unique_ptr<Party> party_;
  std::unique_ptr<DocumentObject> document_;
  std::unique_ptr<Screening> screening_;
  std::unique_ptr<Disposal> disposal_;

  std::vector<Deviation> deviations_;
  int64_t deviations_dropped_ = 0;
  size_t kept_outside_bytes_ = 0;
  bool outside_oversized_ = false;
};

/// "YYYY-MM-DD" of an xs:date or xs:dateTime that names a real day, or "".
std::string DatePart(std::string_view text);

}  // namespace depot::noark
