#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <system_error>

namespace depot::cli {

/// A file the CLI writes: reports, extracts, exports, keys. They may hold
/// personal data, so one the CLI creates is its owner's alone (mode 0600)
/// from the moment it exists, whatever the umask; one it overwrites is
/// closed to others before anything new goes into it. Every command that
/// writes a file writes it through this class, as it would an ofstream.
class PrivateFile : public std::ostream {
 public:
  PrivateFile();
  /// Opens (creates or truncates) path; see open().
  explicit PrivateFile(const std::filesystem::path& path);
  ~PrivateFile() override;
  PrivateFile(const PrivateFile&) = delete;
  PrivateFile& operator=(const PrivateFile&) = delete;

  /// Creates or truncates path for writing (following symbolic links, so
  /// that /dev/stdout works). Sets failbit when it cannot; error() says why.
  void open(const std::filesystem::path& path);
  bool is_open() const;
  /// Writes what is buffered and closes; sets failbit when a write or the
  /// close failed. Nothing happens when no file is open.
  void close();
  /// Closes and removes the file, for output that did not come through
  /// whole: no half-written file is left to be taken for a whole one. Only
  /// a regular file is removed, never what a symbolic link (/dev/stdout)
  /// leads to.
  void Discard();
  /// Why the last open, write or close failed ("" when none did).
  std::string error() const;

 private:
  class Buffer;
  std::unique_ptr<Buffer> buffer_;
  std::filesystem::path path_;
};

/// Creates dir and any missing parents, each with mode 0700 (whatever the
/// umask lets through is never more). Directories that exist are left as
/// they are.
std::error_code CreatePrivateDirectories(const std::filesystem::path& dir);

}  // namespace depot::cli
