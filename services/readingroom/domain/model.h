#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace depot::readingroom {

using TimePoint = std::chrono::system_clock::time_point;

/// The kind of identity document the desk checked; its number is never
/// recorded. Stored and displayed by these names.
enum class IdDocumentKind {
  kPassport,
  kNationalIdCard,
  kDrivingLicence,
  kResidenceCard,
  kOther
};
const char* IdDocumentKindName(IdDocumentKind kind);
std::optional<IdDocumentKind> ParseIdDocumentKind(const std::string& name);

struct Visitor {
  int64_t id = 0;
  std::string name;
  std::string contact;
  IdDocumentKind id_document_kind = IdDocumentKind::kOther;
  /// Keyring pseudonym of the person, for audit events.
  std::string subject;
  TimePoint registered_at;
  std::string registered_by;
  std::optional<TimePoint> corrected_at;
  std::string corrected_by;
  int64_t open_visit_id = 0;  ///< 0 when not checked in
  // Identity for rights requests: optional, encrypted like the
  // name; matched through keyed indexes only.
  std::string birth_date;   ///< YYYY-MM-DD or empty
  std::string national_id;  ///< normalized digits or empty
  /// The visitor's own key in the subject key store (crypto-shredding);
  /// empty for visitors sealed with the server keyring (registered before
  /// visitors had keys of their own).
  std::string key_id;
  /// Read back after the key was destroyed: the personal fields are gone
  /// for good (name, contact, birth date, identity number are empty).
  bool erased = false;
};

struct Visit {
  int64_t id = 0;
  int64_t visitor_id = 0;
  std::string visitor_name;     ///< filled by listings
  std::string visitor_subject;  ///< filled by listings (audit pseudonym)
  TimePoint checked_in_at;
  std::string checked_in_by;
  std::optional<TimePoint> checked_out_at;
  std::string checked_out_by;
};

struct DeclarationText {
  int version = 0;
  std::string text;
  std::string sha256;  ///< lower-case hex of the UTF-8 text
  TimePoint created_at;
  std::string created_by;
};

enum class ScopeKind { kAll, kDepositor, kCategory, kRecords };
const char* ScopeKindName(ScopeKind kind);
std::optional<ScopeKind> ParseScopeKind(const std::string& name);

/// What a declaration covers. values: organisation numbers (kDepositor),
/// register category names such as "child-welfare" (kCategory), record ids
/// in decimal (kRecords); empty for kAll. Kept sorted and unique.
struct Scope {
  ScopeKind kind = ScopeKind::kAll;
  std::vector<std::string> values;
};

/// A signed confidentiality declaration as stored. The fields up to seal
/// are what the seal covers (see declaration_seal.h).
struct Declaration {
  int64_t id = 0;
  int64_t visitor_id = 0;
  int text_version = 0;
  std::string text_sha256;
  Scope scope;
  TimePoint valid_from;
  TimePoint valid_until;
  TimePoint signed_at;
  std::string witnessed_by;
  std::string signature_scan_sha256;
  std::string seal_key_id;
  std::string seal;  ///< Ed25519 signature, lower-case hex
  std::optional<TimePoint> revoked_at;
  std::string revoked_by;
  std::string revoke_reason;
  /// The text as stored now (verification hashes it again); may be empty
  /// where a listing leaves it out.
  std::string text;
};

/// What a lendable item is, as DepositService describes it (no personal
/// data).
struct ItemInfo {
  std::string item_ref;
  bool is_box = false;
  int64_t deposit_id = 0;
  std::string organisation_number;
  std::string category;  ///< "pupil", "child-welfare", ... (see categories.h)
  bool special_category = false;
  std::string box;
  std::string shelf;
  std::vector<int64_t> record_ids;  ///< a record: itself; a box: its records
};

struct SpecialApproval {
  int64_t id = 0;
  int64_t visitor_id = 0;
  std::vector<std::string> item_refs;
  std::string reason;
  std::string approved_by;
  TimePoint approved_at;
  TimePoint valid_until;
};

struct LoanItem {
  ItemInfo item;
  std::optional<TimePoint> returned_at;
  std::string taken_back_by;
};

enum class CopyMethod { kPhoto, kScan, kPhotocopy };
const char* CopyMethodName(CopyMethod method);
std::optional<CopyMethod> ParseCopyMethod(const std::string& name);

struct CopyAgreement {
  int64_t id = 0;
  int64_t loan_id = 0;
  std::vector<std::string> item_refs;
  CopyMethod method = CopyMethod::kPhoto;
  std::string purpose;
  std::string approved_by;
  TimePoint approved_at;
};

struct Loan {
  int64_t id = 0;
  int64_t visitor_id = 0;
  std::string visitor_name;     ///< filled by listings
  std::string visitor_subject;  ///< audit pseudonym of the borrower
  int64_t visit_id = 0;
  int64_t declaration_id = 0;
  std::vector<LoanItem> items;
  TimePoint opened_at;
  std::string handed_out_by;
  std::optional<TimePoint> returned_at;
  int64_t approval_id = 0;
  std::string approved_by;
  std::vector<CopyAgreement> copy_agreements;  ///< filled where shown
};

/// One line of the lending log.
struct LendingLogEntry {
  int64_t loan_id = 0;
  std::string item_ref;
  int64_t visitor_id = 0;
  std::string visitor_name;
  std::string visitor_subject;
  TimePoint opened_at;
  std::string handed_out_by;
  std::optional<TimePoint> returned_at;
  std::string taken_back_by;
};

}  // namespace depot::readingroom
