#include "closing/domain/till_sessions.h"

#include "closing/domain/till_session_rules.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "credit/domain/credit_rules.h"

namespace backoffice::domain {
namespace {

// The session must be open, and a till reaches only its own.
Status CheckOpenSession(const TillSession& s, const Principal& principal) {
  BO_RETURN_IF_ERROR(CheckTillScope(principal, s.store_code, s.terminal_code));
  if (s.state != TillSessionState::kOpen) {
    const char* state = TillSessionStateName(s.state);
    return FailedPrecondition("SESSION_NOT_OPEN",
                              "session " + s.session_id + " is " + state)
        .WithMetadata("state", state);
  }
  return Status();
}

}  // namespace

StatusOr<TillSessionOutcome> TillSessions::Open(const RequestContext& ctx,
                                                const NewTillSession& session) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewTillSession(session));
  BO_RETURN_IF_ERROR(
      CheckTillScope(ctx.principal, session.store_code, session.terminal_code));
  return repository_.OpenSession(session, TillSessionFingerprint(session),
                                 clock_(), ctx);
}

StatusOr<CashMovementOutcome> TillSessions::RecordMovement(
    const RequestContext& ctx, const NewCashMovement& movement) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewCashMovement(movement));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, movement.store_code));
  return repository_.RecordMovement(
      movement, CashMovementFingerprint(movement),
      [&](const TillSession& s) { return CheckOpenSession(s, ctx.principal); },
      clock_(), ctx);
}

StatusOr<TillSession> TillSessions::Close(const RequestContext& ctx,
                                          const TillCount& count) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateTillCount(count));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, count.store_code));
  return repository_.CloseSession(
      count, TillCountFingerprint(count),
      [&](const TillSession& s) { return CheckOpenSession(s, ctx.principal); },
      clock_(), ctx);
}

StatusOr<TillSession> TillSessions::AcceptVariance(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& session_id, const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("session_id", session_id));
  BO_RETURN_IF_ERROR(ValidateReason(reason));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.AcceptVariance(
      store_code, session_id, reason,
      [&](const TillSession& s) {
        return CheckVarianceAccepter(s, ctx.principal);
      },
      clock_(), ctx);
}

StatusOr<TillSessionDetail> TillSessions::Get(const RequestContext& ctx,
                                              const std::string& store_code,
                                              const std::string& session_id) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("session_id", session_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto detail = repository_.GetSession(store_code, session_id, clock_());
  if (!detail.ok()) return detail.status();
  BO_RETURN_IF_ERROR(
      CheckTillScope(ctx.principal, store_code, detail->session.terminal_code));
  return detail;
}

StatusOr<Page<TillSession>> TillSessions::List(const RequestContext& ctx,
                                               const std::string& store_code,
                                               TillSessionState state,
                                               int page_size,
                                               const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("till_sessions", PageKeyKind::kSequence)
                          .Add(store_code)
                          .Add(static_cast<std::int64_t>(state)));
  if (!request.ok()) return request.status();
  auto items = repository_.ListSessions(store_code, state, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const TillSession& s) {
    return std::to_string(s.sequence);
  });
}

StatusOr<ClosingSettings> TillSessions::GetSettings(
    const RequestContext& ctx, const std::string& store_code) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetSettings(store_code);
}

StatusOr<ClosingSettings> TillSessions::UpdateSettings(
    const RequestContext& ctx, const ClosingSettings& settings) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", settings.store_code));
  if (settings.till_variance_threshold_minor < 0 ||
      settings.till_variance_threshold_minor > 1'000'000'000'000'000) {
    return InvalidField("till_variance_threshold", "must be within 0-10^15");
  }
  if (!settings.currency_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCurrencyCode(
        "till_variance_threshold.currency_code", settings.currency_code));
  }
  return repository_.UpdateSettings(settings, ctx);
}

std::vector<MethodPolicy> ClosingMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // A till (its own sessions, domain) or store staff open, count and
    // close; managers accept a variance (never their own, domain).
    {"/backoffice.v1.ClosingService/OpenTillSession", {kPos, kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.ClosingService/RecordCashMovement", {kPos, kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.ClosingService/CloseTillSession", {kPos, kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.ClosingService/AcceptTillVariance", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.ClosingService/GetTillSession", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.ClosingService/ListTillSessions", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.ClosingService/GetClosingSettings", {kStaff, kManager, kHeadOffice, kAdmin}},
    // The threshold is head office's.
    {"/backoffice.v1.ClosingService/UpdateClosingSettings", {kHeadOffice, kAdmin}, true},
  };
  // clang-format on
}

}  // namespace backoffice::domain
