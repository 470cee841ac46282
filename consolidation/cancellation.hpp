#pragma once
// Stopping a long merge cleanly (Ctrl-C): the caller sets a flag; the merge checks it between
// steps and unwinds with MergeCancelled, so temporary files are removed and no output appears.
#include <atomic>
#include <exception>

namespace phuluc {

/// Thrown when the cancel flag was set; nothing was written.
class MergeCancelled : public std::exception {
 public:
  const char* what() const noexcept override { return "merge cancelled"; }
};

/// Throws MergeCancelled when `cancel` is set (a null flag never is).
///   throw_if_cancelled(options.cancel);
inline void throw_if_cancelled(const std::atomic<bool>* cancel) {
  if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) throw MergeCancelled();
}

}  // namespace phuluc
