#include "clients/cli/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <streambuf>
#include <vector>

namespace depot::cli {

namespace fs = std::filesystem;

// A streambuf over a file descriptor: write(2) in 64 KiB pieces.
class PrivateFile::Buffer : public std::streambuf {
 public:
  Buffer() : space_(64 * 1024) { ResetPut(); }
  ~Buffer() override { Close(); }

  bool Open(const fs::path& path) {
    Close();
    errno_ = 0;
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd_ < 0) return Failed();
    // A file that was there before keeps its mode through O_TRUNC: close
    // it to others now, while it is empty.
    struct stat info {};
    if (::fstat(fd_, &info) != 0) return Failed();
    if (S_ISREG(info.st_mode) && (info.st_mode & 0077) != 0 &&
        ::fchmod(fd_, 0600) != 0) {
      return Failed();
    }
    return true;
  }
  bool is_open() const { return fd_ >= 0; }
  bool Close() {
    if (fd_ < 0) return true;
    bool ok = Flush();
    if (::close(fd_) != 0 && ok) ok = Failed();
    fd_ = -1;
    return ok;
  }
  std::string error() const { return errno_ == 0 ? "" : std::strerror(errno_); }

 protected:
  int_type overflow(int_type c) override {
    if (!Flush()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) {
      return traits_type::not_eof(c);
    }
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
  }
  int sync() override { return Flush() ? 0 : -1; }

 private:
  void ResetPut() { setp(space_.data(), space_.data() + space_.size()); }
  bool Failed() {
    errno_ = errno;
    return false;
  }
  bool Flush() {
    if (fd_ < 0) return false;
    const char* at = pbase();
    while (at < pptr()) {
      ssize_t wrote = ::write(fd_, at, static_cast<size_t>(pptr() - at));
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote < 0) {
        ResetPut();
        return Failed();
      }
      at += wrote;
    }
    ResetPut();
    return true;
  }

  std::vector<char> space_;
  int fd_ = -1;
  int errno_ = 0;
};

PrivateFile::PrivateFile()
    : std::ostream(nullptr), buffer_(std::make_unique<Buffer>()) {
  rdbuf(buffer_.get());
}

PrivateFile::PrivateFile(const fs::path& path) : PrivateFile() { open(path); }

PrivateFile::~PrivateFile() { buffer_->Close(); }

void PrivateFile::open(const fs::path& path) {
  path_ = path;
  if (buffer_->Open(path)) {
    clear();
  } else {
    setstate(std::ios::failbit);
  }
}

bool PrivateFile::is_open() const { return buffer_->is_open(); }

void PrivateFile::close() {
  if (!buffer_->is_open()) return;
  if (!buffer_->Close()) setstate(std::ios::failbit);
}

void PrivateFile::Discard() {
  buffer_->Close();
  std::error_code error;
  if (!path_.empty() && fs::is_regular_file(fs::symlink_status(path_, error))) {
    fs::remove(path_, error);
  }
}

std::string PrivateFile::error() const { return buffer_->error(); }

std::error_code CreatePrivateDirectories(const fs::path& dir) {
  fs::path at;
  for (const fs::path& part : dir) {
    at /= part;
    if (part.empty() || part == "." || part == ".." || part == "/") continue;
    if (::mkdir(at.c_str(), 0700) == 0 || errno == EEXIST) continue;
    return {errno, std::generic_category()};
  }
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return error ? error : std::make_error_code(std::errc::not_a_directory);
  }
  return {};
}

}  // namespace depot::cli
