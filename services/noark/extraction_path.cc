#include "services/noark/extraction_path.h"

#include <algorithm>

namespace depot::noark {
namespace {

namespace fs = std::filesystem;

bool Within(const fs::path& root, const fs::path& path) {
  auto [end, unused] =
      std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return end == root.end();
}

}  // namespace

std::optional<fs::path> FileInExtraction(const fs::path& dir,
                                         std::string reference) {
  for (char& c : reference) {
    if (c == '\\') c = '/';
  }
  fs::path relative(reference);
  if (relative.empty() || relative.has_root_path()) return std::nullopt;
  for (const auto& part : relative) {
    if (part == "..") return std::nullopt;
  }
  std::error_code error;
  fs::path root = fs::canonical(dir, error);
  if (error) return std::nullopt;
  // One part at a time: a symbolic link anywhere on the way (not only the
  // last part) must lead to something that exists inside the extraction.
  fs::path at = root;
  auto part = relative.begin();
  for (; part != relative.end(); ++part) {
    if (part->empty() || *part == ".") continue;
    fs::path next = at / *part;
    fs::file_status link = fs::symlink_status(next, error);
    if (link.type() == fs::file_type::not_found) break;
    if (error) return std::nullopt;
    if (fs::is_symlink(link)) {
      next = fs::canonical(next, error);
      if (error || !Within(root, next)) return std::nullopt;
    }
    at = next;
  }
  for (; part != relative.end(); ++part) at /= *part;  // not there (yet)
  return at;
}

}  // namespace depot::noark
