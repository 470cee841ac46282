#include "writers/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "writers/write_error.hpp"

namespace phuluc {
namespace {

std::string errno_text(int error) { return std::generic_category().message(error); }

// Permission problems are the user's to fix; anything else is an I/O failure.
WriteErrorCode code_for_errno(int error) {
  switch (error) {
    case EACCES:
    case EPERM:
    case EROFS: return WriteErrorCode::not_writable;
    case ENOENT:
    case ENOTDIR: return WriteErrorCode::directory_missing;
    default: return WriteErrorCode::io_error;
  }
}

// The process umask without changing it (umask() would race with other threads): Linux shows it in
// /proc/self/status; assume the common 022 elsewhere.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (!line.starts_with("Umask:")) continue;
    std::string_view digits(line);
    digits.remove_prefix(6);
    while (!digits.empty() && (digits.front() == ' ' || digits.front() == '\t')) digits.remove_prefix(1);
    unsigned value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 8);
    if (error == std::errc{}) return static_cast<mode_t>(value);
  }
  return 022;
}

// The folder a target lives in ("." for a bare file name).
std::filesystem::path folder_of(const std::filesystem::path& target) {
  const auto parent = target.parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

// Flushes a file or folder to disk; false with errno set when it cannot.
bool fsync_path(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  errno = error;
  return result == 0;
}

}  // namespace

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code error;
  const bool same = std::filesystem::equivalent(a, b, error);
  return !error && same;
}

AtomicFile::AtomicFile(std::filesystem::path target, std::span<const std::filesystem::path> inputs)
    : target_(std::move(target)) {
  for (const auto& input : inputs)
    if (same_file(input, target_))
      throw WriteError(WriteErrorCode::same_as_input, target_, "the output is the input " + input.string());
  std::error_code error;
  if (std::filesystem::is_directory(target_, error))
    throw WriteError(WriteErrorCode::is_directory, target_, "the output is a folder");
  const auto folder = folder_of(target_);
  if (!std::filesystem::is_directory(folder, error))
    throw WriteError(WriteErrorCode::directory_missing, folder, "no such folder");

  std::string pattern = (folder / ".phuluc-XXXXXX").string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    const int mk_error = errno;
    throw WriteError(code_for_errno(mk_error), folder, "cannot create a temporary file: " + errno_text(mk_error));
  }
  ::close(fd);
  temp_ = std::filesystem::path(name.data());
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::commit() {
  if (committed_) return;
  struct stat old_target {};
  const mode_t mode = ::stat(target_.c_str(), &old_target) == 0 ? (old_target.st_mode & 07777)
                                                                 : (0666 & ~current_umask());
  if (::chmod(temp_.c_str(), mode) != 0)
    throw WriteError(WriteErrorCode::io_error, target_, "cannot set permissions: " + errno_text(errno));
  if (!fsync_path(temp_, O_RDONLY))
    throw WriteError(WriteErrorCode::io_error, target_, "cannot flush the temporary file: " + errno_text(errno));
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    const int error = errno;
    throw WriteError(code_for_errno(error), target_, "cannot rename the temporary file: " + errno_text(error));
  }
  committed_ = true;
  // The new file is whole already; syncing the folder only makes the rename itself durable, and some
  // file systems cannot sync a folder, so a failure here is not an error.
  fsync_path(folder_of(target_), O_RDONLY | O_DIRECTORY);
}

}  // namespace phuluc
