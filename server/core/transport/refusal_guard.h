// Keeps callers without a valid token cheap: counts, per connection (the
// gRPC peer, "ipv4:host:port"), the calls refused as UNAUTHENTICATED within
// a fixed interval; a connection past its failure budget gets no token
// lookups until the interval ends (tokens verified before still pass). It
// also logs the refusals in aggregate: one line per interval with counts by
// reason, never a line per call and never a secret.
//
// Thread safety: safe for concurrent use.
#ifndef BACKOFFICE_SERVER_CORE_TRANSPORT_REFUSAL_GUARD_H_
#define BACKOFFICE_SERVER_CORE_TRANSPORT_REFUSAL_GUARD_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

namespace backoffice::transport {

struct RefusalGuardOptions {
  // Refused calls a connection may make per interval before its unknown
  // tokens are refused without a lookup; 0 disables the budget.
  int failures_per_peer = 20;
  std::chrono::seconds interval{10};
  // Connections tracked per interval; the ones beyond are not budgeted.
  std::size_t max_peers = 10000;
};

class RefusalGuard {
 public:
  explicit RefusalGuard(RefusalGuardOptions options = {});
  ~RefusalGuard();  // Logs what the current interval counted.
  RefusalGuard(const RefusalGuard&) = delete;
  RefusalGuard& operator=(const RefusalGuard&) = delete;

  // Whether `peer` has spent its failure budget in this interval.
  bool OverBudget(const std::string& peer);
  // Counts a call refused as UNAUTHENTICATED with `reason`; `cheap` when it
  // was refused without a lookup.
  void Refused(const std::string& peer, const std::string& reason, bool cheap);
  // Logs and resets the counts when the interval is over. Cheap when not.
  void Tick();

 private:
  void RollLocked(std::chrono::steady_clock::time_point now);

  const RefusalGuardOptions options_;
  std::atomic<std::int64_t> interval_end_ns_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point interval_start_;
  std::unordered_map<std::string, int> failures_;  // By peer.
  std::map<std::string, long> reasons_;
  long refused_ = 0;
  long cheap_ = 0;
  long untracked_ = 0;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_CORE_TRANSPORT_REFUSAL_GUARD_H_
