#pragma once
// Outputs appear whole or not at all: write to a temporary file beside the target, then rename it over.
#include <filesystem>
#include <span>

namespace phuluc {

/// True when both paths name the same existing file (hard links and symlinks included);
/// false when either does not exist.
///   if (same_file(input, output)) refuse();
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

/// A temporary file in the target's own folder (".phuluc-XXXXXX"), renamed over the target by
/// commit(). Without commit() (an exception, an early return) the destructor removes it, so the
/// target is either the old file or the complete new one, never a half-written one.
/// Throws WriteError: directory_missing, is_directory, not_writable, same_as_input, io_error.
///   AtomicFile file("out/report.xlsx", inputs);
///   write_something_to(file.temp_path());
///   file.commit();
class AtomicFile {
 public:
  /// Creates the temporary file. `inputs` are files the target must not be (checked with same_file).
  explicit AtomicFile(std::filesystem::path target, std::span<const std::filesystem::path> inputs = {});
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Where to write. The file exists (empty) until commit(); writers may truncate and rewrite it.
  const std::filesystem::path& temp_path() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }

  /// Flushes the temporary file to disk and renames it over the target (replacing a symlink itself,
  /// not the file it points to). The new file gets the old target's permissions, or 0666 minus the
  /// umask for a new one. Throws WriteError(io_error) and leaves the target untouched on failure.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool committed_ = false;
};

}  // namespace phuluc
