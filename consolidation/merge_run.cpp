#include "consolidation/merge_run.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "consolidation/cancellation.hpp"
#include "consolidation/merged_workbook.hpp"
#include "consolidation/read_input.hpp"
#include "consolidation/template_match.hpp"
#include "consolidation/unit_conversion.hpp"

namespace phuluc {
namespace {

constexpr std::size_t kMaxReadAhead = 64;  // inputs read but not yet consumed, at most
constexpr auto kCancelPoll = std::chrono::milliseconds(100);

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

// Inputs are read by worker threads in any order and consumed here strictly in input order, so the
// template, the refusals and the output never depend on the timing.
class InputQueue {
 public:
  InputQueue(const MergeOptions& options, const RowMatcher& matcher)
      : options_(options), matcher_(matcher), slots_(options.inputs.size()) {}

  void start() {
    const unsigned threads = std::max(1u, std::min<unsigned>(options_.threads, static_cast<unsigned>(slots_.size())));
    for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
  }

  // Waits for input `index`; throws MergeCancelled when the run is cancelled meanwhile.
  ParsedInput take(std::size_t index) {
    std::unique_lock lock(mutex_);
    while (!slots_[index]) {
      throw_if_cancelled(options_.cancel);
      ready_.wait_for(lock, kCancelPoll);
    }
    ParsedInput input = std::move(*slots_[index]);
    slots_[index].reset();
    consumed_ = index + 1;
    room_.notify_all();
    return input;
  }

  void template_chosen() { template_chosen_ = true; }

  ~InputQueue() {
    stop_ = true;
    room_.notify_all();
    workers_.clear();  // joins
  }

 private:
  void work() {
    while (true) {
      const std::size_t index = next_++;
      if (index >= slots_.size()) return;
      {
        std::unique_lock lock(mutex_);
        while (index >= consumed_ + kMaxReadAhead && !stop_ && !cancelled(options_.cancel)) room_.wait_for(lock, kCancelPoll);
      }
      if (stop_ || cancelled(options_.cancel)) return;
      ReadInputOptions read_options;
      read_options.fix = options_.fix;
      read_options.force = options_.force;
      read_options.want_layout = !template_chosen_;
      ParsedInput input = read_input(index, options_.inputs[index], matcher_, read_options);
      std::lock_guard lock(mutex_);
      slots_[index] = std::move(input);
      ready_.notify_all();
    }
  }

  const MergeOptions& options_;
  const RowMatcher& matcher_;
  std::vector<std::optional<ParsedInput>> slots_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::atomic<std::size_t> next_{0};
  std::size_t consumed_ = 0;
  std::atomic<bool> template_chosen_{false};
  std::atomic<bool> stop_{false};
  std::vector<std::jthread> workers_;
};

void refuse(InputSummary& summary, const char* reason, std::string detail) {
  summary.status = InputStatus::refused;
  summary.reason = reason;
  summary.detail = std::move(detail);
}

// Judges an accepted input against the template: kind, columns, period, then unit.
bool follows_template(InputSummary& summary, const Table& shape, const TemplateLayout& layout) {
  if (const auto difference = compare_with_template(layout.table, shape)) {
    refuse(summary, difference->reason.c_str(), difference->detail);
    summary.reason = difference->reason;
    summary.column = difference->column;
    summary.found = difference->found;
    summary.expected = difference->expected;
    return false;
  }
  const Unit ours = layout.table.unit;
  const Unit theirs = shape.unit;
  if (ours == theirs) return true;
  const auto shift = unit_shift(theirs, ours);
  if (!shift) {
    refuse(summary, refusal::kUnknownUnit, "unit line '" + shape.unit_text + "', the template's '" + layout.table.unit_text + "'");
    summary.found = shape.unit_text;
    summary.expected = layout.table.unit_text;
    return false;
  }
  summary.unit_shift = *shift;
  summary.converted_to = ours;
  return true;
}

}  // namespace

std::size_t MergeResult::merged() const {
  return static_cast<std::size_t>(
      std::count_if(inputs.begin(), inputs.end(), [](const InputSummary& input) { return input.accepted(); }));
}

std::size_t MergeResult::refused() const { return inputs.size() - merged(); }

MergeResult run_merge(const MergeOptions& options, const Catalogue& catalogue, const RowMatcher& matcher) {
  MergeResult result;
  const std::size_t total = options.inputs.size();
  std::map<std::string, std::string> seen_hashes;  // SHA-256 → the first input with it
  {
    InputQueue queue(options, matcher);
    queue.start();
    for (std::size_t index = 0; index < total; ++index) {
      ParsedInput input = queue.take(index);
      InputSummary& summary = input.summary;
      if (summary.accepted()) {
        const auto [first, added] = seen_hashes.emplace(summary.sha256, summary.path);
        if (!added) {
          refuse(summary, refusal::kDuplicateFile, "the same bytes as " + first->second);
          summary.found = first->second;
        }
      }
      if (summary.accepted() && !result.layout && !input.layout)
        refuse(summary, refusal::kUnreadable, "internal error: the template's layout was not kept");
      if (summary.accepted() && !result.layout) {
        result.layout = std::move(input.layout);
        result.consolidator = std::make_unique<Consolidator>(*result.layout, catalogue);
        queue.template_chosen();
      } else if (summary.accepted() && input.shape) {
        follows_template(summary, *input.shape, *result.layout);
      }
      if (summary.accepted()) summary.unmatched = result.consolidator->add(summary, std::move(input.data), input.decimals);
      result.inputs.push_back(std::move(summary));
      if (options.progress) options.progress({MergeProgress::Phase::reading, index + 1, total});
    }
  }
  throw_if_cancelled(options.cancel);
  if (!result.consolidator) return result;
  result.table = &result.consolidator->finish();
  if (options.output.empty()) return result;
  if (options.progress) options.progress({MergeProgress::Phase::writing, total, total});
  std::vector<std::filesystem::path> input_paths(options.inputs.begin(), options.inputs.end());
  write_merged_workbook(options.output, *result.layout, *result.table, *result.consolidator, result.inputs,
                        options.texts, input_paths, options.cancel);
  result.written = true;
  return result;
}

}  // namespace phuluc
