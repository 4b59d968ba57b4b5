#include "storage/migrations.h"

#include <map>
#include <pqxx/pqxx>
#include <regex>

#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/sha256.h"
#include "storage/queries.h"

namespace depot::storage {
namespace {

// Arbitrary, fixed: identifies depot's migration lock among advisory locks.
constexpr long long kMigrationLockKey = 7443001;

// Throws when an applied migration's file is missing or has changed since.
void RequireAppliedUnchanged(
    const std::map<int, std::pair<std::string, std::string>>& applied,
    const std::vector<Migration>& migrations) {
  std::map<int, const Migration*> known;
  for (const Migration& migration : migrations) {
    known[migration.version] = &migration;
  }
  for (const auto& [version, name_and_sum] : applied) {
    auto found = known.find(version);
    if (found == known.end()) {
      throw StartupError("the database has migration " + name_and_sum.first +
                         " applied but its file is missing: this depotd is "
                         "older than the database");
    }
    if (found->second->checksum != name_and_sum.second) {
      throw StartupError(
          "migration " + found->second->name +
          " was changed after it was applied to this database; restore the "
          "file as it was and put the change in a new migration");
    }
  }
}

}  // namespace

std::vector<Migration> ReadMigrations(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) {
    throw StartupError("migrations directory " + dir.string() +
                       " does not exist; set migrations_dir");
  }
  static const std::regex kName(R"(([0-9]{3})_[a-z0-9_]+\.sql)");
  std::map<int, Migration> by_version;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (!name.ends_with(".sql")) continue;
    std::smatch match;
    if (!std::regex_match(name, match, kName)) {
      throw StartupError("migration file " + name +
                         " is not named NNN_description.sql");
    }
    Migration migration;
    migration.version = std::stoi(match[1]);
    migration.name = name;
    migration.sql = ReadWholeFile(entry.path());
    migration.checksum = Sha256Hex(migration.sql);
    if (by_version.contains(migration.version)) {
      throw StartupError("migrations " + by_version[migration.version].name +
                         " and " + name + " share version " +
                         std::to_string(migration.version));
    }
    by_version[migration.version] = std::move(migration);
  }
  std::vector<Migration> ordered;
  for (auto& [version, migration] : by_version) {
    ordered.push_back(std::move(migration));
  }
  return ordered;
}

int ApplyMigrations(const std::string& connection_string,
                    const std::vector<Migration>& migrations) {
  pqxx::connection connection(connection_string);
  for (const SqlQuery& query : common_sql::kAllQueries) {
    connection.prepare(query.name, query.text);
  }
  pqxx::nontransaction session(connection);
  session.exec_prepared(common_sql::kLockMigrations.name, kMigrationLockKey);
  session.exec_prepared(common_sql::kCreateMigrationsTable.name);
  std::map<int, std::pair<std::string, std::string>> applied;
  for (const auto& row :
       session.exec_prepared(common_sql::kAppliedMigrations.name)) {
    applied[row[0].as<int>()] = {row[1].as<std::string>(),
                                 row[2].as<std::string>()};
  }
  session.commit();
  RequireAppliedUnchanged(applied, migrations);

  int count = 0;
  for (const Migration& migration : migrations) {
    if (applied.contains(migration.version)) continue;
    pqxx::work transaction(connection);
    try {
      transaction.exec(migration.sql);
    } catch (const pqxx::sql_error& error) {
      std::string message = error.what();
      throw StartupError("migration " + migration.name +
                         " failed: " + message.substr(0, message.find('\n')));
    }
    transaction.exec_prepared(common_sql::kRecordMigration.name,
                              migration.version, migration.name,
                              migration.checksum);
    transaction.commit();
    ++count;
  }
  pqxx::nontransaction unlock(connection);
  unlock.exec_prepared(common_sql::kUnlockMigrations.name, kMigrationLockKey);
  return count;
}

}  // namespace depot::storage
