#include "access/domain/caching_authenticator.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "access/domain/access.h"
#include "core/domain/errors.h"
#include "core/domain/token_secret.h"

namespace backoffice::domain {

CachingAuthenticator::CachingAuthenticator(AccessRepository& lookups,
                                           AccessRepository& generations,
                                           AuthCacheOptions options,
                                           Clock clock)
    : lookups_(lookups),
      generations_(generations),
      options_(options),
      clock_(clock ? std::move(clock)
                   : Clock(&std::chrono::steady_clock::now)) {}

StatusOr<Principal> CachingAuthenticator::Authenticate(
    const std::string& secret) {
  return Run(secret, true);
}

StatusOr<Principal> CachingAuthenticator::AuthenticateWithoutLookup(
    const std::string& secret) {
  return Run(secret, false);
}

StatusOr<Principal> CachingAuthenticator::Run(const std::string& secret,
                                              bool allow_lookup) {
  if (Status s = CheckTokenSecretFormat(secret); !s.ok()) return s;
  const std::string hash = HashTokenSecret(secret);
  const auto now = clock_();
  std::optional<Known> cached;
  bool seen_valid = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = known_.find(hash); it != known_.end()) {
      if (now - it->second.verified < options_.positive_ttl) {
        cached = it->second;
      }
      seen_valid = now - it->second.verified < options_.known_ttl;
    } else if (auto r = refused_.find(hash);
               r != refused_.end() && now - r->second < options_.negative_ttl) {
      return Unauthenticated("INVALID_TOKEN",
                             "the token is unknown or revoked");
    }
  }
  if (!allow_lookup && !seen_valid) {
    return Unauthenticated("TOO_MANY_INVALID_TOKENS",
                           "too many calls with invalid tokens from this "
                           "connection; retry later with a valid token");
  }
  // Read before any lookup: a token verified now is cached with a
  // generation no later than the one its lookup saw.
  auto generation = CurrentGeneration();
  if (!generation.ok()) return generation.status();
  if (cached && cached->generation == *generation) return cached->principal;
  auto principal = lookups_.FindPrincipalByTokenHash(hash);
  const auto verified = clock_();
  std::lock_guard<std::mutex> lock(mutex_);
  if (principal.ok()) {
    refused_.erase(hash);
    known_[hash] = Known{*principal, *generation, verified};
  } else if (principal.status().code() == StatusCode::kUnauthenticated) {
    known_.erase(hash);
    refused_[hash] = verified;
  }
  if (known_.size() > options_.max_entries ||
      refused_.size() > options_.max_entries) {
    PruneLocked(verified);
  }
  return principal;
}

StatusOr<std::int64_t> CachingAuthenticator::CurrentGeneration() {
  std::unique_lock<std::mutex> lock(generation_mutex_);
  // A read already under way may have begun before a revocation that
  // committed before this call arrived: only a later read will do.
  const std::uint64_t needed = reads_started_ + 1;
  while (reads_completed_ < needed) {
    if (!read_in_flight_) {
      read_in_flight_ = true;
      const std::uint64_t mine = ++reads_started_;
      lock.unlock();
      StatusOr<std::int64_t> result = generations_.ReadRevocationGeneration();
      lock.lock();
      read_in_flight_ = false;
      reads_completed_ = mine;
      last_read_ = result;
      generation_read_.notify_all();
      return result;
    }
    generation_read_.wait(lock);
  }
  return last_read_;
}

void CachingAuthenticator::PruneLocked(
    std::chrono::steady_clock::time_point now) {
  for (auto it = known_.begin(); it != known_.end();) {
    it = now - it->second.verified >= options_.known_ttl ? known_.erase(it)
                                                         : std::next(it);
  }
  for (auto it = refused_.begin(); it != refused_.end();) {
    it = now - it->second >= options_.negative_ttl ? refused_.erase(it)
                                                   : std::next(it);
  }
  // Still too many: drop the older half (a flood of fresh hashes).
  auto halve = [](auto& map, auto time_of) {
    if (map.size() <= 1) return;
    std::vector<std::chrono::steady_clock::time_point> times;
    times.reserve(map.size());
    for (const auto& entry : map) times.push_back(time_of(entry.second));
    auto middle = times.begin() + times.size() / 2;
    std::nth_element(times.begin(), middle, times.end());
    const auto cut = *middle;
    for (auto it = map.begin(); it != map.end();) {
      it = time_of(it->second) < cut ? map.erase(it) : std::next(it);
    }
  };
  if (known_.size() > options_.max_entries) {
    halve(known_, [](const Known& k) { return k.verified; });
  }
  if (refused_.size() > options_.max_entries) {
    halve(refused_, [](std::chrono::steady_clock::time_point t) { return t; });
  }
}

}  // namespace backoffice::domain
