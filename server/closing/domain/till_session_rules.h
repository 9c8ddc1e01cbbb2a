// The pure rules of till sessions: validation, fingerprints, the expected
// cash, the count by denomination, the variance's judgement and who may
// accept it.
#ifndef BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSION_RULES_H_
#define BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSION_RULES_H_

#include <cstdint>
#include <string>

#include "closing/domain/till_session_model.h"
#include "core/domain/model.h"
#include "core/domain/status.h"

namespace backoffice::domain {

const char* TillSessionStateName(TillSessionState state);
TillSessionState TillSessionStateFromName(const std::string& name);
const char* CashMovementKindName(CashMovementKind kind);
CashMovementKind CashMovementKindFromName(const std::string& name);

// INVALID_ARGUMENT naming the field.
Status ValidateNewTillSession(const NewTillSession& session);
std::string TillSessionFingerprint(const NewTillSession& session);
// A payout needs its reason (REASON_REQUIRED).
Status ValidateNewCashMovement(const NewCashMovement& movement);
std::string CashMovementFingerprint(const NewCashMovement& movement);
// A total, or denominations (each value once) whose sum is the total when
// both are given (COUNT_MISMATCH).
Status ValidateTillCount(const TillCount& count);
std::string TillCountFingerprint(const TillCount& count);
// The counted cash: the total, or the denominations' sum.
std::int64_t CountedCash(const TillCount& count);

// float + cash sales - cash refunds + cash on account - payouts - drops.
std::int64_t ExpectedCash(std::int64_t opening_float_minor,
                          const TillCash& cash);

// The state a session closes in: CLOSED when |variance| is within the
// threshold, VARIANCE_PENDING above it.
TillSessionState StateAfterClose(std::int64_t variance_minor,
                                 std::int64_t threshold_minor);

// Who may accept a pending variance: a store manager or head office
// (ROLE_NOT_ALLOWED) who neither opened nor closed the session
// (SELF_APPROVAL_FORBIDDEN whatever the role); only a VARIANCE_PENDING
// session (FAILED_PRECONDITION, SESSION_STATE_CONFLICT).
Status CheckVarianceAccepter(const TillSession& session,
                             const Principal& principal);

// A till's own token reaches only its own sessions (PERMISSION_DENIED,
// TERMINAL_OUT_OF_SCOPE); store scope as elsewhere.
Status CheckTillScope(const Principal& principal, const std::string& store,
                      const std::string& terminal);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSION_RULES_H_
