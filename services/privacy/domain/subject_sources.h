#pragma once

#include <string>
#include <vector>

#include "services/privacy/domain/model.h"

namespace depot::privacy {

/// The other services' data about a person, reached over gRPC
/// (SubjectData, EraseSubjectData, ApplyRetention) with the service
/// identity. An interface so that domain tests use a fake.
class SubjectSources {
 public:
  virtual ~SubjectSources() = default;
  /// One entry per service asked (deposits, readingroom, journal). Throws
  /// depot::Error (Unavailable, ...) when a service does not answer: an
  /// extract missing a service must not look complete.
  virtual std::vector<SubjectData> Collect(const SubjectIdentity& identity,
                                           const std::string& purpose) = 0;
  /// Every service's outcomes; throws like Collect.
  virtual std::vector<ErasureOutcome> Erase(const SubjectIdentity& identity,
                                            const std::string& purpose) = 0;
  /// The reading room's retention (visits, loans, expired declarations).
  virtual std::vector<RetentionCount> ApplyRetention(bool dry_run) = 0;
};

}  // namespace depot::privacy
