// An authenticator that remembers, briefly, which token hashes are valid and
// which are not, so that neither a till nor a caller with a bad token costs
// a token lookup on every call, while a revocation still takes effect on
// the very next call.
//
// - A verified token is reused for `positive_ttl`, and only while the
//   revocation generation (a counter bumped in the transaction of every
//   revocation, by any server process) is the one read before it was
//   verified. Every call reads the generation: one primary-key read, shared
//   by the calls that arrive while a read is under way (a call only uses a
//   read that began after it arrived, so it sees every revocation committed
//   before it).
// - An unknown or revoked hash is refused without a lookup for
//   `negative_ttl`. A new token cannot be in this cache: its secret is 256
//   fresh random bits, so its hash was never refused before.
// - AuthenticateWithoutLookup refuses, without a round trip, every hash not
//   seen valid within `known_ttl`.
//
// Thread safety: safe for concurrent use.
#ifndef BACKOFFICE_SERVER_ACCESS_DOMAIN_CACHING_AUTHENTICATOR_H_
#define BACKOFFICE_SERVER_ACCESS_DOMAIN_CACHING_AUTHENTICATOR_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "access/domain/access_repository.h"
#include "core/domain/authenticator.h"

namespace backoffice::domain {

struct AuthCacheOptions {
  std::chrono::milliseconds positive_ttl{5000};
  std::chrono::milliseconds negative_ttl{5000};
  // How long a hash seen valid still earns a lookup from a caller over its
  // failure budget.
  std::chrono::milliseconds known_ttl{600000};
  // Bounds each cache; past it, expired entries go, then the oldest half.
  std::size_t max_entries = 100000;
};

class CachingAuthenticator final : public Authenticator {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // `lookups` finds tokens; `generations` reads the revocation generation
  // (give it connections of its own, so that a flood of lookups cannot
  // delay the tills' revocation checks).
  CachingAuthenticator(AccessRepository& lookups, AccessRepository& generations,
                       AuthCacheOptions options = {}, Clock clock = nullptr);

  StatusOr<Principal> Authenticate(const std::string& secret) override;
  StatusOr<Principal> AuthenticateWithoutLookup(
      const std::string& secret) override;

 private:
  struct Known {
    Principal principal;
    std::int64_t generation = 0;
    std::chrono::steady_clock::time_point verified;
  };

  StatusOr<Principal> Run(const std::string& secret, bool allow_lookup);
  // The revocation generation, from a read that began after this call.
  StatusOr<std::int64_t> CurrentGeneration();
  void PruneLocked(std::chrono::steady_clock::time_point now);

  AccessRepository& lookups_;
  AccessRepository& generations_;
  const AuthCacheOptions options_;
  const Clock clock_;

  std::mutex mutex_;
  std::unordered_map<std::string, Known> known_;  // By token hash.
  std::unordered_map<std::string, std::chrono::steady_clock::time_point>
      refused_;  // Token hash -> when refused.

  std::mutex generation_mutex_;
  std::condition_variable generation_read_;
  std::uint64_t reads_started_ = 0;
  std::uint64_t reads_completed_ = 0;
  bool read_in_flight_ = false;
  StatusOr<std::int64_t> last_read_{
      Status(StatusCode::kUnavailable, "NOT_READ", "not read yet")};
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_ACCESS_DOMAIN_CACHING_AUTHENTICATOR_H_
