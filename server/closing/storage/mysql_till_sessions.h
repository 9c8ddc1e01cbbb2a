// Till sessions over MariaDB (see closing/domain/till_session_repository.h
// for the contract).
#ifndef BACKOFFICE_SERVER_CLOSING_STORAGE_MYSQL_TILL_SESSIONS_H_
#define BACKOFFICE_SERVER_CLOSING_STORAGE_MYSQL_TILL_SESSIONS_H_

#include <soci/soci.h>

#include "closing/domain/till_session_repository.h"
#include "core/storage/database.h"

namespace backoffice::storage {

// What a till took and gave from `from` (included) to `to` (excluded) by
// the time things happened at the till, among what the server recorded by
// now, left out what a session already counted: the sales (cash tendered
// minus change, voided ones left out), the voids of sales another session
// counted, returns refunded in cash and cash payments on account. With `session_pk` set,
// links each document to the session, so that it is counted once; the
// link is what verify checks. Shared with the benchmark's raw side.
domain::TillCash ReadTillCash(soci::session& s, long long terminal_id,
                              domain::TimeMicros from, domain::TimeMicros to,
                              long long session_pk_to_link);

class MySqlTillSessionRepository : public domain::TillSessionRepository {
 public:
  explicit MySqlTillSessionRepository(Database& db) : db_(db) {}

  StatusOr<domain::TillSessionOutcome> OpenSession(
      const domain::NewTillSession& session, const std::string& fingerprint,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::CashMovementOutcome> RecordMovement(
      const domain::NewCashMovement& movement, const std::string& fingerprint,
      const domain::SessionCheck& check, domain::TimeMicros now,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::TillSession> CloseSession(
      const domain::TillCount& count, const std::string& fingerprint,
      const domain::SessionCheck& check, domain::TimeMicros now,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::TillSession> AcceptVariance(
      const std::string& store_code, const std::string& session_id,
      const std::string& reason, const domain::SessionCheck& check,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::TillSessionDetail> GetSession(
      const std::string& store_code, const std::string& session_id,
      domain::TimeMicros now) override;
  StatusOr<std::vector<domain::TillSession>> ListSessions(
      const std::string& store_code, domain::TillSessionState state,
      const domain::PageRequest& page) override;
  StatusOr<domain::ClosingSettings> GetSettings(
      const std::string& store_code) override;
  StatusOr<domain::ClosingSettings> UpdateSettings(
      const domain::ClosingSettings& settings,
      const domain::RequestContext& ctx) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_CLOSING_STORAGE_MYSQL_TILL_SESSIONS_H_
