// How the SDK reaches backofficed and how it retries: ConnectionOptions,
// RetryPolicy, and the per-method overrides of both.
//
// @par Thread Safety
// These are plain value types.
#ifndef BACKOFFICE_OPTIONS_H_
#define BACKOFFICE_OPTIONS_H_

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace backoffice {

/// Whether a method may be sent again, unchanged, after a transient failure.
enum class Idempotency {
  /// Repeating the call cannot change the outcome: reads, and writes that
  /// carry an idempotency key (a sale's `sale_id`, a return's `return_id`,
  /// a void's or an adjustment's id), which the server answers with the
  /// original result.
  kIdempotent,
  /// Repeating the call could act twice or fail spuriously: catalog creates
  /// and updates, product imports, token creation and revocation, and
  /// VerifyLedger (a long reconciliation is not restarted behind the
  /// caller's back).
  kNonIdempotent,
};

/// How the SDK retries a call that is safe to repeat after a transient
/// failure: UNAVAILABLE, DEADLINE_EXCEEDED, or ABORTED (a conflict that the
/// server could not resolve itself). Each attempt sends the very same
/// request, so a retried sale can never count twice. Other errors, and any
/// error of a non-idempotent method, are returned at once.
struct RetryPolicy {
  /// Attempts in all, the first included; 1 (or less) disables retries.
  int max_attempts = 5;
  /// The backoff before retry n (n = 1, 2, ...) is a "full jitter" wait:
  /// uniformly random in [0, min(max_backoff, initial_backoff * 2^(n-1))],
  /// so that many tills failing together do not retry in step.
  std::chrono::milliseconds initial_backoff{100};
  std::chrono::milliseconds max_backoff{2000};
  /// The overall deadline of one call, across its attempts and the waits
  /// between them, counted from the call's start. Each attempt's deadline
  /// is the earlier of ConnectionOptions::timeout and what remains of this
  /// budget; no retry starts once the wait before it would reach it, and
  /// the last error is returned. A budget shorter than
  /// ConnectionOptions::timeout is raised to it, so that a single long call
  /// (such as VerifyLedger with a long timeout) is never cut short. Zero
  /// disables the overall deadline: only max_attempts bounds the retries.
  std::chrono::milliseconds total_timeout{30000};
};

/// Overrides for one method, named by its full protobuf name, such as
/// "backoffice.v1.SalesService.RecordSale". Unset fields keep the defaults.
struct MethodOptions {
  /// Replaces ConnectionOptions::retry for this method.
  std::optional<RetryPolicy> retry;
  /// Replaces DefaultIdempotency() for this method. Marking a method
  /// idempotent that is not can make a retry act twice: only do it when the
  /// request carries something that makes a repeat harmless.
  std::optional<Idempotency> idempotency;
};

struct ConnectionOptions {
  /// host:port of backofficed.
  std::string address = "127.0.0.1:50051";
  /// The bearer token's secret, sent as `authorization: Bearer <token>`.
  std::string token;
  /// A PEM file of CA certificates; setting it enables TLS.
  std::string ca_file;
  /// Use TLS with the system's CA certificates when ca_file is empty.
  bool use_tls = false;
  /// The deadline of each attempt of a call.
  std::chrono::milliseconds timeout{10000};
  /// Retries of idempotent calls, and the overall deadline of every call.
  RetryPolicy retry;
  /// Per-method overrides, keyed by full method name. MakeConnection
  /// refuses an unknown name (INVALID_ARGUMENT, reason UNKNOWN_METHOD).
  std::map<std::string, MethodOptions, std::less<>> methods;
};

/// The SDK's default idempotency of a method, by full name (see
/// Idempotency for the rule); nullopt for a name that is not a method of
/// the backoffice.v1 API.
std::optional<Idempotency> DefaultIdempotency(std::string_view method);

}  // namespace backoffice

#endif  // BACKOFFICE_OPTIONS_H_
