#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/readingroom/domain/reading_room_store.h"

namespace depot::readingroom {

struct CopyAgreementRequest {
  int64_t loan_id = 0;
  std::vector<std::string> item_refs;  ///< empty: every item of the loan
  std::optional<CopyMethod> method;
  std::string purpose;
};

/// Copying or photographing deposited material only by agreement: the
/// approving archivist records items, method and purpose on the loan.
class CopyAgreements {
 public:
  CopyAgreements(ReadingRoomStore& store, Clock clock)
      : store_(store), clock_(std::move(clock)) {}

  /// On an open loan, for items of that loan; approved by the caller.
  CopyAgreement Record(const Caller& caller,
                       const CopyAgreementRequest& request);
  /// Of one loan (loan_id > 0) or of every loan of a visitor.
  std::vector<CopyAgreement> List(const Caller& caller, int64_t loan_id,
                                  int64_t visitor_id);

 private:
  ReadingRoomStore& store_;
  Clock clock_;
};

}  // namespace depot::readingroom
