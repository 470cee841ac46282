#pragma once
// Running the built phuluc as a child we can watch: its peak memory (getrusage through wait4), and
// killing it at a chosen moment. process_support.hpp's run_program goes through the shell, which
// hides both.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace phuluc::test {

/// A child running a program with stdout and stderr thrown away; killed and reaped if still running
/// when the object goes.
class ChildProcess {
 public:
  ChildProcess(const std::string& program, const std::vector<std::string>& args) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
      execv(program.c_str(), argv.data());
      _exit(127);
    }
  }
  ~ChildProcess() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// True while the child has not ended (it is not reaped by asking).
  bool running() const {
    siginfo_t info{};
    info.si_pid = 0;
    return waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == 0;
  }

  void send(int signal_number) const { kill(pid_, signal_number); }

  /// Waits for the end; returns the exit code, or 128 + the signal that ended it.
  int wait() {
    int status = 0;
    rusage usage{};
    if (wait4(pid_, &status, 0, &usage) != pid_) throw std::runtime_error("wait4 failed");
    reaped_ = true;
    peak_rss_kib_ = usage.ru_maxrss;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
  }

  /// The child's peak resident memory in KiB, known after wait().
  long peak_rss_kib() const { return peak_rss_kib_; }

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  long peak_rss_kib_ = 0;
};

}  // namespace phuluc::test
