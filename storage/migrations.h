#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace depot::storage {

/// One file storage/migrations/NNN_description.sql.
struct Migration {
  int version = 0;
  std::string name;  ///< file name
  std::string sql;
  std::string checksum;  ///< SHA-256 hex of the file's bytes
};

/// Reads the NNN_*.sql files of a directory in version order. Throws
/// StartupError for a missing directory, a misnamed file or a version used
/// twice.
std::vector<Migration> ReadMigrations(const std::filesystem::path& dir);

/// Applies the migrations not yet applied, each in its own transaction
/// together with its row in depot_schema_migrations, holding an advisory
/// lock so that servers starting together do not race. Throws StartupError
/// when an applied migration's file has changed or is missing. Returns how
/// many were applied.
int ApplyMigrations(const std::string& connection_string,
                    const std::vector<Migration>& migrations);

}  // namespace depot::storage
