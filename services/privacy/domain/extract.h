#pragma once

#include <string>
#include <vector>

#include "services/privacy/domain/model.h"

namespace depot::privacy {

/// A compiled access extract: the machine-readable document (GDPR art. 15
/// and 20: a structured, commonly used format) and a summary for people.
struct Extract {
  std::string document_json;
  std::string summary;
  std::vector<SubjectItem> items;  ///< every service's, in service order
  std::vector<std::string> notes;  ///< "service: note"
};

/// Assembles the extract of one request from what each service returned
/// (including PrivacyService's own data as service "privacy").
Extract BuildExtract(const AccessRequest& request,
                     const SubjectIdentity& identity, TimePoint compiled_at,
                     const std::vector<SubjectData>& sources);

}  // namespace depot::privacy
