#pragma once
// Proof that no process opened a file for writing: a Linux read lease (fcntl F_SETLEASE) is broken
// by the kernel the moment anyone opens the file with O_WRONLY, O_RDWR or O_TRUNC. We hold one on
// each input while phuluc runs and ask afterwards whether it still stands.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace phuluc::test {

class ReadLease {
 public:
  explicit ReadLease(const std::filesystem::path& path) {
    // The kernel signals a lease break with SIGIO, whose default action ends the process.
    signal(SIGIO, SIG_IGN);
    fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0 || fcntl(fd_, F_SETLEASE, F_RDLCK) != 0)
      throw std::runtime_error("cannot take a read lease on " + path.string());
    watcher_ = std::thread([this] { watch(); });
  }
  ~ReadLease() {
    stop_ = true;
    watcher_.join();
    close(fd_);
  }
  ReadLease(const ReadLease&) = delete;
  ReadLease& operator=(const ReadLease&) = delete;

  /// True once someone opened the file for writing (or truncated it) since the lease was taken.
  bool broken() const { return broken_; }

 private:
  // A writer blocks until the lease goes (up to /proc/sys/fs/lease-break-time); we give it up as
  // soon as the break shows, so a failing test fails at once instead of waiting 45 s.
  void watch() {
    while (!stop_) {
      if (fcntl(fd_, F_GETLEASE) != F_RDLCK) {
        broken_ = true;
        fcntl(fd_, F_SETLEASE, F_UNLCK);
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  int fd_ = -1;
  std::atomic<bool> stop_{false};
  std::atomic<bool> broken_{false};
  std::thread watcher_;
};

}  // namespace phuluc::test
