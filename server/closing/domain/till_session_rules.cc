#include "closing/domain/till_session_rules.h"

#include <cstdlib>
#include <set>

#include "core/domain/authorization.h"
#include "core/domain/enum_names.h"
#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"
#include "credit/domain/credit_rules.h"

namespace backoffice::domain {
namespace {

constexpr NamePair kStates[] = {
    {static_cast<int>(TillSessionState::kOpen), "OPEN"},
    {static_cast<int>(TillSessionState::kClosed), "CLOSED"},
    {static_cast<int>(TillSessionState::kVariancePending), "VARIANCE_PENDING"},
    {static_cast<int>(TillSessionState::kAccepted), "ACCEPTED"}};
constexpr NamePair kKinds[] = {
    {static_cast<int>(CashMovementKind::kDrop), "DROP"},
    {static_cast<int>(CashMovementKind::kPayout), "PAYOUT"}};

constexpr std::int64_t kMaxCashMinor = 1'000'000'000'000'000;

// Exact sums of counts times values (each at most 10^6 x 10^9).
__extension__ typedef __int128 Int128;

Status ValidateAmount(const std::string& field, std::int64_t minor,
                      bool zero_allowed) {
  if (minor < (zero_allowed ? 0 : 1) || minor > kMaxCashMinor) {
    return InvalidField(field, zero_allowed ? "must be 0 to 10^15"
                                            : "must be above 0, at most 10^15");
  }
  return Status();
}

Status ValidateCurrencyIfSet(const std::string& field,
                             const std::string& code) {
  if (code.empty()) return Status();
  return ValidateCurrencyCode(field, code);
}

}  // namespace

const char* TillSessionStateName(TillSessionState state) {
  return NameOf(state, kStates);
}
TillSessionState TillSessionStateFromName(const std::string& name) {
  return ValueOf<TillSessionState>(name, kStates);
}
const char* CashMovementKindName(CashMovementKind kind) {
  return NameOf(kind, kKinds);
}
CashMovementKind CashMovementKindFromName(const std::string& name) {
  return ValueOf<CashMovementKind>(name, kKinds);
}

Status ValidateNewTillSession(const NewTillSession& s) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", s.store_code));
  BO_RETURN_IF_ERROR(ValidateCode("terminal_code", s.terminal_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("session_id", s.session_id));
  BO_RETURN_IF_ERROR(ValidateName("cashier", s.cashier, 64));
  BO_RETURN_IF_ERROR(
      ValidateCurrencyIfSet("opening_float.currency_code", s.currency_code));
  return ValidateAmount("opening_float", s.opening_float_minor, true);
}

std::string TillSessionFingerprint(const NewTillSession& s) {
  FingerprintBuilder f("till_session/v1");
  f.Add(s.store_code)
      .Add(s.terminal_code)
      .Add(s.cashier)
      .Add(s.opening_float_minor);
  return f.Finish();
}

Status ValidateNewCashMovement(const NewCashMovement& m) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", m.store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("session_id", m.session_id));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("movement_id", m.movement_id));
  if (m.kind == CashMovementKind::kUnspecified) {
    return InvalidField("kind", "a drop or a payout");
  }
  BO_RETURN_IF_ERROR(
      ValidateCurrencyIfSet("amount.currency_code", m.currency_code));
  BO_RETURN_IF_ERROR(ValidateAmount("amount", m.amount_minor, false));
  BO_RETURN_IF_ERROR(ValidateOptionalText("reason", m.reason, 500));
  if (m.kind == CashMovementKind::kPayout) {
    BO_RETURN_IF_ERROR(ValidateReason(m.reason));
  }
  return Status();
}

std::string CashMovementFingerprint(const NewCashMovement& m) {
  FingerprintBuilder f("till_cash_movement/v1");
  f.Add(m.store_code)
      .Add(m.session_id)
      .Add(static_cast<std::int64_t>(m.kind))
      .Add(m.amount_minor)
      .Add(m.reason);
  return f.Finish();
}

Status ValidateTillCount(const TillCount& c) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", c.store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("session_id", c.session_id));
  BO_RETURN_IF_ERROR(
      ValidateCurrencyIfSet("counted_cash.currency_code", c.currency_code));
  if (!c.has_total && c.denominations.empty()) {
    return InvalidField("counted_cash",
                        "give the counted total or the denominations");
  }
  if (c.has_total) {
    BO_RETURN_IF_ERROR(ValidateAmount("counted_cash", c.counted_minor, true));
  }
  if (c.denominations.size() > 50) {
    return InvalidField("denominations", "at most 50 values");
  }
  std::set<std::int64_t> seen;
  Int128 sum = 0;
  for (const auto& d : c.denominations) {
    if (d.value_minor <= 0 || d.value_minor > 1'000'000'000 || d.count < 0 ||
        d.count > 1'000'000) {
      return InvalidField("denominations", "values 1-10^9 and counts 0-10^6");
    }
    if (!seen.insert(d.value_minor).second) {
      return InvalidField("denominations",
                          "names " + std::to_string(d.value_minor) + " twice");
    }
    sum += static_cast<Int128>(d.value_minor) * d.count;
  }
  if (c.has_total && !c.denominations.empty() &&
      sum != static_cast<Int128>(c.counted_minor)) {
    return FailedPrecondition("COUNT_MISMATCH",
                              "the denominations add up to " +
                                  std::to_string(static_cast<long long>(sum)) +
                                  ", not the counted " +
                                  std::to_string(c.counted_minor));
  }
  return Status();
}

std::int64_t CountedCash(const TillCount& c) {
  if (c.denominations.empty()) return c.counted_minor;
  std::int64_t sum = 0;
  for (const auto& d : c.denominations) sum += d.value_minor * d.count;
  return sum;
}

std::string TillCountFingerprint(const TillCount& c) {
  FingerprintBuilder f("till_count/v1");
  f.Add(c.store_code).Add(c.session_id).Add(CountedCash(c));
  std::set<std::pair<std::int64_t, std::int64_t>> sorted;
  for (const auto& d : c.denominations) sorted.insert({d.value_minor, d.count});
  f.Add(static_cast<std::int64_t>(sorted.size()));
  for (const auto& [value, count] : sorted) f.Add(value).Add(count);
  return f.Finish();
}

std::int64_t ExpectedCash(std::int64_t opening_float_minor,
                          const TillCash& cash) {
  return opening_float_minor + cash.cash_sales_minor - cash.cash_refunds_minor +
         cash.cash_on_account_minor - cash.payouts_minor - cash.drops_minor;
}

TillSessionState StateAfterClose(std::int64_t variance_minor,
                                 std::int64_t threshold_minor) {
  return std::llabs(variance_minor) > threshold_minor
             ? TillSessionState::kVariancePending
             : TillSessionState::kClosed;
}

Status CheckVarianceAccepter(const TillSession& s, const Principal& principal) {
  if (s.state != TillSessionState::kVariancePending) {
    const char* state = TillSessionStateName(s.state);
    return FailedPrecondition("SESSION_STATE_CONFLICT",
                              "session " + s.session_id + " is " + state +
                                  "; only a pending variance is accepted")
        .WithMetadata("state", state);
  }
  if (!IsManagerOrAbove(principal.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "a store manager or head office accepts");
  }
  const std::string me = FormatTokenId(principal.token_id);
  if (s.opened_by == me || s.closed_by == me) {
    return PermissionDenied(
        "SELF_APPROVAL_FORBIDDEN",
        "a second person accepts: who opened or closed the till may not");
  }
  return Status();
}

Status CheckTillScope(const Principal& principal, const std::string& store,
                      const std::string& terminal) {
  BO_RETURN_IF_ERROR(CheckStoreScope(principal, store));
  if (principal.role == Role::kPosTerminal &&
      principal.terminal_code != terminal) {
    return PermissionDenied("TERMINAL_OUT_OF_SCOPE",
                            "a till reaches only its own sessions");
  }
  return Status();
}

}  // namespace backoffice::domain
