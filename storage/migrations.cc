#include "storage/migrations.h"

#include <map>
#include <pqxx/pqxx>
#include <regex>

#include "services/common/error.h"
#include "services/common/sha256.h"
#include "services/common/key_value_file.h"

namespace depot::storage {
namespace {

// Arbitrary, fixed: identifies depot's migration lock among advisory locks.
constexpr long long kMigrationLockKey = 7443001;

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
  pqxx::nontransaction session(connection);
  session.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) +
               ")");
  session.exec(
      "CREATE TABLE IF NOT EXISTS public.depot_schema_migrations ("
      " version integer PRIMARY KEY,"
      " name text NOT NULL,"
      " checksum text NOT NULL,"
      " applied_at timestamptz NOT NULL DEFAULT now())");
  std::map<int, std::pair<std::string, std::string>> applied;
  for (const auto& row : session.exec(
           "SELECT version, name, checksum FROM "
           "public.depot_schema_migrations")) {
    applied[row[0].as<int>()] = {row[1].as<std::string>(),
                                 row[2].as<std::string>()};
  }
  session.commit();

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
    transaction.exec_params(
        "INSERT INTO public.depot_schema_migrations (version, name, checksum) "
        "VALUES ($1, $2, $3)",
        migration.version, migration.name, migration.checksum);
    transaction.commit();
    ++count;
  }
  pqxx::nontransaction unlock(connection);
  unlock.exec("SELECT pg_advisory_unlock(" +
              std::to_string(kMigrationLockKey) + ")");
  return count;
}

}  // namespace depot::storage
