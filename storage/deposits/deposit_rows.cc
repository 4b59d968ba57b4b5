#include "storage/deposits/deposit_rows.h"

#include <stdexcept>
#include <string>

#include "services/common/date.h"
#include "storage/pg_time.h"

namespace depot::storage {

using deposits::RegisterCategory;

deposits::Depositor ToDepositor(const pqxx::row& row) {
  deposits::Depositor depositor;
  depositor.id = row["id"].as<int64_t>();
  depositor.organisation_number = row["organization_number"].as<std::string>();
  depositor.name = row["name"].as<std::string>();
  depositor.kind = deposits::ParseDepositorKind(row["kind"].as<std::string>())
                       .value_or(deposits::DepositorKind::kOther);
  depositor.registered_at = FromMicros(row["registered_us"].as<int64_t>());
  return depositor;
}

deposits::Deposit ToDeposit(const pqxx::row& row) {
  deposits::Deposit deposit;
  deposit.id = row["id"].as<int64_t>();
  deposit.organisation_number = row["organization_number"].as<std::string>();
  deposit.category = static_cast<RegisterCategory>(row["category"].as<int>());
  deposit.description = row["description"].as<std::string>();
  deposit.deposit_date = StoredDate(row["deposit_date"].as<std::string>());
  deposit.state = deposits::ParseDepositState(row["state"].as<std::string>());
  deposit.accepted_records = row["accepted_records"].as<int64_t>();
  deposit.rejected_records = row["rejected_records"].as<int64_t>();
  deposit.created_at = FromMicros(row["created_us"].as<int64_t>());
  deposit.created_by = row["created_by"].as<std::string>();
  deposit.cancel_reason = row["cancel_reason"].as<std::string>();
  return deposit;
}

deposits::DepositTransaction::StoredRecord ToStoredRecord(
    const pqxx::row& row) {
  // The columns a record may lack are NULL in the table; the domain holds
  // them as "" or 0.
  const std::string none;
  deposits::DepositTransaction::StoredRecord stored;
  stored.record_id = row["id"].as<int64_t>();
  stored.deposit_id = row["deposit_id"].as<int64_t>();
  stored.organisation_number = row["organization_number"].as<std::string>();
  stored.category = static_cast<RegisterCategory>(row["category"].as<int>());
  deposits::SealedRecord& s = stored.sealed;
  s.source_record_id = row["source_record_id"].as<std::string>();
  s.position = row["position"].as<int64_t>();
  s.name_sealed = row["name_sealed"].as<std::string>();
  s.national_id_sealed = row["national_id_sealed"].as<std::string>(none);
  s.national_id_kind = row["national_id_kind"].as<std::string>();
  s.national_id_index = row["national_id_index"].as<std::string>(none);
  s.person_index = row["person_index"].as<std::string>();
  s.birth_date_sealed = row["birth_date_sealed"].as<std::string>();
  s.opened_date = row["opened_date"].as<std::string>();
  s.last_contact_date = row["last_contact_date"].as<std::string>();
  s.death_year = row["death_year"].as<int>(0);
  s.box = row["box"].as<std::string>();
  s.shelf = row["shelf"].as<std::string>();
  s.documents_sealed = row["documents_sealed"].as<std::string>(none);
  s.noark_sealed = row["noark_sealed"].as<std::string>(none);
  s.subject = row["subject"].as<std::string>();
  s.exception_reason = row["exception_reason"].as<std::string>(none);
  return stored;
}

deposits::Rejection ToRejection(const pqxx::row& row) {
  return {row["position"].as<int64_t>(),
          row["source_record_id"].as<std::string>(),
          row["field"].as<std::string>(),
          row["reason"].as<std::string>(),
          row["eligible_from"].as<std::string>(),
          row["id"].as<int64_t>()};
}

pqxx::dbtransaction& Writable(pqxx::transaction_base& tx) {
  auto* transaction = dynamic_cast<pqxx::dbtransaction*>(&tx);
  if (!transaction) throw std::logic_error("a write inside a Read");
  return *transaction;
}

}  // namespace depot::storage
