// The storage contract of till sessions. closing/storage implements it
// over MariaDB.
//
// Each mutating method is one short transaction that locks the session's
// row first; closing then reads the till's sales, returns and payments on
// account of the session's window (plain reads: they are facts already
// recorded) and the session's own drops and payouts. Database failures are
// kUnavailable or kAborted. Safe for concurrent use.
#ifndef BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSION_REPOSITORY_H_
#define BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSION_REPOSITORY_H_

#include <functional>
#include <string>
#include <vector>

#include "closing/domain/till_session_model.h"
#include "core/domain/model.h"
#include "core/domain/status.h"

namespace backoffice::domain {

using SessionCheck = std::function<Status(const TillSession&)>;

class TillSessionRepository {
 public:
  virtual ~TillSessionRepository() = default;

  // NOT_FOUND (STORE_NOT_FOUND, TERMINAL_NOT_FOUND), FAILED_PRECONDITION
  // (SESSION_ALREADY_OPEN, CURRENCY_MISMATCH), ALREADY_EXISTS
  // (IDEMPOTENCY_KEY_REUSED). A replay returns the session.
  virtual StatusOr<TillSessionOutcome> OpenSession(
      const NewTillSession& session, const std::string& fingerprint,
      TimeMicros now, const RequestContext& ctx) = 0;
  // Once `check` accepts the locked session (open, in scope). NOT_FOUND
  // (SESSION_NOT_FOUND), ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED).
  virtual StatusOr<CashMovementOutcome> RecordMovement(
      const NewCashMovement& movement, const std::string& fingerprint,
      const SessionCheck& check, TimeMicros now, const RequestContext& ctx) = 0;
  // Computes and stores the expected cash and the variance, and the state
  // the store's threshold gives; a closed session with the same count
  // (`fingerprint`) is returned as is, another count is
  // FAILED_PRECONDITION (SESSION_ALREADY_CLOSED). NOT_FOUND
  // (SESSION_NOT_FOUND).
  virtual StatusOr<TillSession> CloseSession(const TillCount& count,
                                             const std::string& fingerprint,
                                             const SessionCheck& check,
                                             TimeMicros now,
                                             const RequestContext& ctx) = 0;
  // Accepts a pending variance once `check` accepts the locked session; an
  // accepted one is returned as is (after `check` on it as it stood).
  virtual StatusOr<TillSession> AcceptVariance(const std::string& store_code,
                                               const std::string& session_id,
                                               const std::string& reason,
                                               const SessionCheck& check,
                                               TimeMicros now,
                                               const RequestContext& ctx) = 0;
  // An open session with its till's cash as of `now`. NOT_FOUND
  // (SESSION_NOT_FOUND).
  virtual StatusOr<TillSessionDetail> GetSession(const std::string& store_code,
                                                 const std::string& session_id,
                                                 TimeMicros now) = 0;
  // Up to page.page_size + 1, newest first, below page.after_sequence.
  virtual StatusOr<std::vector<TillSession>> ListSessions(
      const std::string& store_code, TillSessionState state,
      const PageRequest& page) = 0;
  virtual StatusOr<ClosingSettings> GetSettings(
      const std::string& store_code) = 0;
  // FAILED_PRECONDITION (CURRENCY_MISMATCH).
  virtual StatusOr<ClosingSettings> UpdateSettings(
      const ClosingSettings& settings, const RequestContext& ctx) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSION_REPOSITORY_H_
