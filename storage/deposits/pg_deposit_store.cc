#include "storage/deposits/pg_deposit_store.h"

#include "services/common/error.h"

namespace depot::storage {
namespace {

using deposits::Depositor;

constexpr char kInsertDepositor[] = "deposits_insert_depositor";
constexpr char kFindDepositor[] = "deposits_find_depositor";
constexpr char kListDepositors[] = "deposits_list_depositors";

constexpr char kDepositorColumns[] =
    "id, organization_number, name, kind, "
    "(extract(epoch FROM registered_at) * 1000000)::bigint AS registered_us";

Depositor ToDepositor(const pqxx::row& row) {
  Depositor depositor;
  depositor.id = row["id"].as<int64_t>();
  depositor.organisation_number = row["organization_number"].as<std::string>();
  depositor.name = row["name"].as<std::string>();
  depositor.kind = deposits::ParseDepositorKind(row["kind"].as<std::string>())
                       .value_or(deposits::DepositorKind::kOther);
  depositor.registered_at = std::chrono::system_clock::time_point(
      std::chrono::microseconds(row["registered_us"].as<int64_t>()));
  return depositor;
}

class PgDepositTransaction : public deposits::DepositTransaction {
 public:
  explicit PgDepositTransaction(pqxx::work& tx) : tx_(tx) {}

  Depositor InsertDepositor(const deposits::NewDepositor& d) override {
    try {
      pqxx::subtransaction guard(tx_, "insert_depositor");
      auto result = guard.exec_prepared(kInsertDepositor, d.organisation_number,
                                        d.name, DepositorKindName(*d.kind));
      guard.commit();
      return ToDepositor(result[0]);
    } catch (const pqxx::unique_violation&) {
      throw AlreadyExists("a depositor with organisation number " +
                          d.organisation_number + " is already registered");
    }
  }

  std::optional<Depositor> FindDepositor(
      const std::string& organisation_number) override {
    auto result = tx_.exec_prepared(kFindDepositor, organisation_number);
    if (result.empty()) return std::nullopt;
    return ToDepositor(result[0]);
  }

  std::vector<Depositor> ListDepositors(
      int64_t after_id, int limit,
      const std::optional<std::string>& organisation_number) override {
    auto result =
        tx_.exec_prepared(kListDepositors, after_id, limit,
                          organisation_number ? organisation_number->c_str()
                                              : nullptr);
    std::vector<Depositor> depositors;
    depositors.reserve(result.size());
    for (const auto& row : result) depositors.push_back(ToDepositor(row));
    return depositors;
  }

 private:
  pqxx::work& tx_;
};

}  // namespace

PgDepositStore::PgDepositStore(ConnectionPool& pool) : pool_(pool) {
  std::string columns = kDepositorColumns;
  pool_.Prepare(kInsertDepositor,
                "INSERT INTO deposits.depositors (organization_number, name, "
                "kind) VALUES ($1, $2, $3) RETURNING " +
                    columns);
  pool_.Prepare(kFindDepositor, "SELECT " + columns +
                                    " FROM deposits.depositors WHERE "
                                    "organization_number = $1");
  pool_.Prepare(kListDepositors,
                "SELECT " + columns +
                    " FROM deposits.depositors WHERE id > $1 AND ($3::text IS "
                    "NULL OR organization_number = $3) ORDER BY id LIMIT $2");
}

void PgDepositStore::Run(
    const std::function<void(deposits::DepositTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    PgDepositTransaction transaction(tx);
    work(transaction);
  });
}

}  // namespace depot::storage
