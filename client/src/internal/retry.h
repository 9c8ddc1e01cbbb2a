// The retry loop shared by every service's retrying connection, and the
// overall deadline that it hands down to the attempt running on a thread.
#ifndef BACKOFFICE_CLIENT_INTERNAL_RETRY_H_
#define BACKOFFICE_CLIENT_INTERNAL_RETRY_H_

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "backoffice/options.h"
#include "backoffice/status.h"

namespace backoffice {
namespace internal {

using SteadyTime = std::chrono::steady_clock::time_point;

// Time as the retry loop sees it; tests put a fake in its place so that
// waits cost nothing and deadlines are exact.
class RetryClock {
 public:
  virtual ~RetryClock() = default;
  virtual SteadyTime Now() { return std::chrono::steady_clock::now(); }
  virtual void SleepFor(std::chrono::milliseconds duration);
};

// The overall deadline of the call running on this thread, set by the retry
// loop around each attempt; the gRPC connection clips the attempt's own
// deadline to it. Calls are synchronous, so a thread runs one at a time.
class DeadlineScope {
 public:
  explicit DeadlineScope(std::optional<SteadyTime> deadline);
  ~DeadlineScope();
  DeadlineScope(const DeadlineScope&) = delete;
  DeadlineScope& operator=(const DeadlineScope&) = delete;

  static std::optional<SteadyTime> Current();

 private:
  std::optional<SteadyTime> previous_;
};

// What is worth sending again unchanged: the server or the network was
// away, the attempt ran out of time, or the server met a conflict that it
// could not resolve itself (ABORTED).
bool IsTransient(const Status& status);

// Full jitter: uniform in [0, min(max_backoff, initial_backoff * 2^(n-1))]
// before retry n (n >= 1).
std::chrono::milliseconds FullJitterBackoff(const RetryPolicy& policy, int n,
                                            std::mt19937_64& random);

// The retry policy and idempotency of every method, resolved once from the
// options, and the loop that applies them. Thread-safe: const after
// construction; each thread draws its jitter from its own generator.
class Retrier {
 public:
  struct Plan {
    RetryPolicy policy;
    Idempotency idempotency;
  };

  Retrier(const ConnectionOptions& options,
          std::shared_ptr<RetryClock> clock = std::make_shared<RetryClock>());

  // The policy for a full method name such as
  // "backoffice.v1.SalesService.RecordSale".
  Plan PlanFor(std::string_view method) const;

  // Runs `attempt` until it succeeds, fails for good, the plan allows no
  // more attempts, or the overall deadline would pass during the wait
  // before the next one. Returns the last attempt's result.
  template <typename Response, typename Attempt>
  StatusOr<Response> Run(std::string_view method, Attempt&& attempt) const {
    const Plan plan = PlanFor(method);
    const int max_attempts = plan.idempotency == Idempotency::kIdempotent
                                 ? std::max(1, plan.policy.max_attempts)
                                 : 1;
    std::optional<SteadyTime> deadline;
    if (plan.policy.total_timeout.count() > 0) {
      deadline =
          clock_->Now() + std::max(plan.policy.total_timeout, attempt_timeout_);
    }
    for (int n = 1;; ++n) {
      StatusOr<Response> result = [&] {
        DeadlineScope scope(deadline);
        return attempt();
      }();
      if (result.ok() || !IsTransient(result.status()) || n >= max_attempts) {
        return result;
      }
      const auto wait = FullJitterBackoff(plan.policy, n, Random());
      if (deadline && clock_->Now() + wait >= *deadline) return result;
      clock_->SleepFor(wait);
    }
  }

 private:
  static std::mt19937_64& Random();

  std::chrono::milliseconds attempt_timeout_;
  RetryPolicy default_policy_;
  std::map<std::string, MethodOptions, std::less<>> methods_;
  std::shared_ptr<RetryClock> clock_;
};

}  // namespace internal
}  // namespace backoffice

#endif  // BACKOFFICE_CLIENT_INTERNAL_RETRY_H_
