#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/common/crypto/keyring.h"
#include "services/readingroom/domain/reading_room_store.h"
#include "services/readingroom/domain/time_text.h"

namespace depot::readingroom {

struct NewVisitor {
  std::string name;
  std::string contact;
  std::optional<IdDocumentKind> id_document_kind;
  /// Optional: lets a rights request find the visitor.
  std::string birth_date{};   ///< YYYY-MM-DD
  std::string national_id{};  ///< validated, stored encrypted
};

struct VisitorCorrection {
  int64_t visitor_id = 0;
  std::optional<std::string> name;
  std::optional<std::string> contact;
  std::optional<IdDocumentKind> id_document_kind;
  std::string reason;
  std::optional<std::string> birth_date{};
  std::optional<std::string> national_id{};
};

struct VisitorLog {
  Date date;
  std::vector<Visit> visits;
};

/// Visitors and their visits: registration, lookup, correction, check-in
/// and check-out, the day's visitor log. Every read or write is audited
/// under the visitor's pseudonym.
class Visitors {
 public:
  static constexpr int kDefaultLimit = 50;
  static constexpr int kMaxLimit = 1000;

  Visitors(ReadingRoomStore& store, const Keyring& keyring, Clock clock)
      : store_(store), keyring_(keyring), clock_(std::move(clock)) {}

  Visitor Register(const Caller& caller, const NewVisitor& request);
  /// NotFound when there is no such visitor.
  Visitor Get(const Caller& caller, int64_t visitor_id);
  /// By id (when visitor_id > 0) or by the words of a name.
  std::vector<Visitor> Find(const Caller& caller, const std::string& name,
                            int64_t visitor_id, int limit);
  Visitor Correct(const Caller& caller, const VisitorCorrection& correction);

  /// FailedPrecondition when the visitor is checked in already.
  Visit CheckIn(const Caller& caller, int64_t visitor_id);
  /// FailedPrecondition when not checked in, or with loans still out
  /// (listed in the message).
  Visit CheckOut(const Caller& caller, int64_t visitor_id);
  /// Visits that began on the local date (YYYY-MM-DD; empty: today).
  VisitorLog Log(const Caller& caller, const std::string& date);

 private:
  ReadingRoomStore& store_;
  const Keyring& keyring_;
  Clock clock_;
};

/// The subject key (subject_key.h) of a visitor: the identity number's,
/// else name + birth date's, else the name's.
std::string VisitorSubjectKey(const Visitor& visitor);

/// Loads the visitor or throws NotFound (no personal data in the message).
Visitor RequireVisitor(ReadingRoomTransaction& tx, int64_t visitor_id);
/// InvalidArgument unless id > 0.
void RequireId(int64_t id, const std::string& field);

}  // namespace depot::readingroom
