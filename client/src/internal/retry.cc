#include "internal/retry.h"

#include <thread>

namespace backoffice {
namespace internal {
namespace {

thread_local std::optional<SteadyTime> current_deadline;

}  // namespace

void RetryClock::SleepFor(std::chrono::milliseconds duration) {
  std::this_thread::sleep_for(duration);
}

DeadlineScope::DeadlineScope(std::optional<SteadyTime> deadline)
    : previous_(current_deadline) {
  current_deadline = deadline;
}

DeadlineScope::~DeadlineScope() { current_deadline = previous_; }

std::optional<SteadyTime> DeadlineScope::Current() { return current_deadline; }

bool IsTransient(const Status& status) {
  return status.code() == StatusCode::kUnavailable ||
         status.code() == StatusCode::kDeadlineExceeded ||
         status.code() == StatusCode::kAborted;
}

std::chrono::milliseconds FullJitterBackoff(const RetryPolicy& policy, int n,
                                            std::mt19937_64& random) {
  using std::chrono::milliseconds;
  const milliseconds cap = std::max(milliseconds(0), policy.max_backoff);
  milliseconds ceiling = std::max(milliseconds(0), policy.initial_backoff);
  // Doubling stops at the cap, so it never overflows.
  for (int i = 1; i < n && ceiling < cap; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, cap);
  std::uniform_int_distribution<milliseconds::rep> wait(0, ceiling.count());
  return milliseconds(wait(random));
}

Retrier::Retrier(const ConnectionOptions& options,
                 std::shared_ptr<RetryClock> clock)
    : attempt_timeout_(options.timeout),
      default_policy_(options.retry),
      methods_(options.methods),
      clock_(std::move(clock)) {}

Retrier::Plan Retrier::PlanFor(std::string_view method) const {
  Plan plan{default_policy_,
            DefaultIdempotency(method).value_or(Idempotency::kNonIdempotent)};
  auto it = methods_.find(method);
  if (it != methods_.end()) {
    if (it->second.retry) plan.policy = *it->second.retry;
    if (it->second.idempotency) plan.idempotency = *it->second.idempotency;
  }
  return plan;
}

std::mt19937_64& Retrier::Random() {
  thread_local std::mt19937_64 random(std::random_device{}());
  return random;
}

}  // namespace internal
}  // namespace backoffice
