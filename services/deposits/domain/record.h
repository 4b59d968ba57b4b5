#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/common/date.h"
#include "services/common/record_input.h"
#include "services/deposits/domain/categories.h"

namespace depot::deposits {

/// Why a record was not accepted. Never carries personal data.
struct Rejection {
  int64_t position = 0;
  std::string source_record_id;
  std::string field;
  std::string reason;
  std::string eligible_from;  ///< YYYY-MM-DD for 10-year-rule rejections
  int64_t id = 0;  ///< the stored rejection's number (paging); 0 before
};

/// A record as it is stored: personal fields encrypted (AES-256-GCM),
/// identity number and name+birth date reachable only through keyed
/// indexes, the person named in audit events by a keyed pseudonym.
struct SealedRecord {
  int64_t position = 0;
  std::string source_record_id;
  std::string name_sealed;
  std::string national_id_sealed;  ///< empty when the person has none
  std::string national_id_kind;    ///< "no-fnr", ..., or "none"
  std::string national_id_index;   ///< HMAC, empty when none
  std::string person_index;        ///< HMAC of folded name | birth date
  std::string birth_date_sealed;
  std::string opened_date;
  std::string last_contact_date;
  int death_year = 0;
  std::string box;
  std::string shelf;
  std::string documents_sealed;  ///< JSON list, encrypted; empty when none
  std::string noark_sealed;      ///< Noark metadata, encrypted; "" when none
  std::string subject;           ///< pseudonym for audit events
  std::string exception_reason;  ///< set when accepted by exception
};

/// A stored record read back and decrypted, with where it came from.
struct RecordView {
  int64_t record_id = 0;
  int64_t deposit_id = 0;
  std::string organisation_number;
  RegisterCategory category = RegisterCategory::kOther;
  std::string source_record_id;
  std::string person_name;
  std::string national_id;
  std::string birth_date;
  std::string opened_date;
  std::string last_contact_date;
  int death_year = 0;
  std::string box;
  std::string shelf;
  std::vector<DigitalDocument> documents;
  std::string exception_reason;
  std::string subject;
  std::string noark_metadata;
};

}  // namespace depot::deposits
