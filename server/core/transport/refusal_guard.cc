#include "core/transport/refusal_guard.h"

#include <spdlog/spdlog.h>

namespace backoffice::transport {
namespace {

std::int64_t Nanos(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             t.time_since_epoch())
      .count();
}

}  // namespace

RefusalGuard::RefusalGuard(RefusalGuardOptions options)
    : options_(options),
      interval_end_ns_(
          Nanos(std::chrono::steady_clock::now() + options.interval)),
      interval_start_(std::chrono::steady_clock::now()) {}

RefusalGuard::~RefusalGuard() {
  std::lock_guard<std::mutex> lock(mutex_);
  RollLocked(std::chrono::steady_clock::now());
}

bool RefusalGuard::OverBudget(const std::string& peer) {
  if (options_.failures_per_peer <= 0) return false;
  Tick();
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = failures_.find(peer);
  return it != failures_.end() && it->second >= options_.failures_per_peer;
}

void RefusalGuard::Refused(const std::string& peer, const std::string& reason,
                           bool cheap) {
  Tick();
  std::lock_guard<std::mutex> lock(mutex_);
  ++refused_;
  if (cheap) ++cheap_;
  ++reasons_[reason];
  auto it = failures_.find(peer);
  if (it != failures_.end()) {
    ++it->second;
  } else if (failures_.size() < options_.max_peers) {
    failures_.emplace(peer, 1);
  } else {
    ++untracked_;
  }
}

void RefusalGuard::Tick() {
  const auto now = std::chrono::steady_clock::now();
  if (Nanos(now) < interval_end_ns_.load(std::memory_order_relaxed)) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (Nanos(now) < interval_end_ns_.load(std::memory_order_relaxed)) return;
  RollLocked(now);
}

void RefusalGuard::RollLocked(std::chrono::steady_clock::time_point now) {
  if (refused_ > 0) {
    std::string by_reason;
    for (const auto& [reason, count] : reasons_) {
      by_reason +=
          (by_reason.empty() ? "" : " ") + reason + "=" + std::to_string(count);
    }
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(now - interval_start_)
            .count();
    spdlog::warn(
        "refused {} calls without a valid token in the last {} s from {} "
        "connections ({} answered without a lookup{}): {}",
        refused_, seconds, failures_.size(), cheap_,
        untracked_ > 0
            ? ", " + std::to_string(untracked_) + " from untracked connections"
            : std::string(),
        by_reason);
  }
  failures_.clear();
  reasons_.clear();
  refused_ = 0;
  cheap_ = 0;
  untracked_ = 0;
  interval_start_ = now;
  interval_end_ns_.store(Nanos(now + options_.interval),
                         std::memory_order_relaxed);
}

}  // namespace backoffice::transport
