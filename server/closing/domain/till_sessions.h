// Till sessions as the transport layer sees them: validation, store and
// till scope, the pure rules, then the repository.
//
// Thread safety: stateless beyond its repository and clock; safe for
// concurrent use.
#ifndef BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSIONS_H_
#define BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSIONS_H_

#include <string>
#include <vector>

#include "closing/domain/till_session_model.h"
#include "closing/domain/till_session_repository.h"
#include "core/domain/authorization.h"
#include "core/domain/clock.h"
#include "core/domain/model.h"
#include "core/domain/status.h"

namespace backoffice::domain {

class TillSessions {
 public:
  TillSessions(TillSessionRepository& repository, Clock clock)
      : repository_(repository), clock_(std::move(clock)) {}

  StatusOr<TillSessionOutcome> Open(const RequestContext& ctx,
                                    const NewTillSession& session);
  StatusOr<CashMovementOutcome> RecordMovement(const RequestContext& ctx,
                                               const NewCashMovement& movement);
  StatusOr<TillSession> Close(const RequestContext& ctx,
                              const TillCount& count);
  StatusOr<TillSession> AcceptVariance(const RequestContext& ctx,
                                       const std::string& store_code,
                                       const std::string& session_id,
                                       const std::string& reason);
  StatusOr<TillSessionDetail> Get(const RequestContext& ctx,
                                  const std::string& store_code,
                                  const std::string& session_id);
  StatusOr<Page<TillSession>> List(const RequestContext& ctx,
                                   const std::string& store_code,
                                   TillSessionState state, int page_size,
                                   const std::string& page_token);
  StatusOr<ClosingSettings> GetSettings(const RequestContext& ctx,
                                        const std::string& store_code);
  StatusOr<ClosingSettings> UpdateSettings(const RequestContext& ctx,
                                           const ClosingSettings& settings);

 private:
  TillSessionRepository& repository_;
  Clock clock_;
};

std::vector<MethodPolicy> ClosingMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSIONS_H_
