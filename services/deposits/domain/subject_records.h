#pragma once

#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/subject_data.h"
#include "services/deposits/domain/deposit_context.h"

namespace depot::deposits {

/// Rights requests against deposited records (GDPR access and erasure): what
/// the depot holds about one person, and the answer to an erasure request
/// (refused: deposited archives are kept under archive law). Records are found
/// only through the keyed indexes of the identity number or of name + birth
/// date; every record shown or refused is audited under the person's pseudonym.
class SubjectRecords {
 public:
  explicit SubjectRecords(DepositContext& context) : context_(context) {}

  SubjectData Data(const Caller& caller, const SubjectQuery& query);
  std::vector<ErasureOutcome> Erase(const Caller& caller,
                                    const SubjectQuery& query);

 private:
  struct Match {
    std::vector<DepositTransaction::StoredRecord> records;
    std::vector<std::string> notes;
  };
  Match Find(DepositTransaction& tx, const CheckedSubject& subject);

  DepositContext& context_;
};

}  // namespace depot::deposits
