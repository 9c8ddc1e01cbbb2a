// Till sessions as the domain sees them. Money is in the minor unit of the
// store's currency.
#ifndef BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSION_MODEL_H_
#define BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSION_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/clock.h"

namespace backoffice::domain {

enum class TillSessionState {
  kUnspecified,
  kOpen,
  kClosed,
  kVariancePending,
  kAccepted
};
enum class CashMovementKind { kUnspecified, kDrop, kPayout };

struct DenominationCount {
  std::int64_t value_minor = 0;
  std::int64_t count = 0;
};

// What a till took and gave during a session, as the server recorded it.
struct TillCash {
  std::int64_t cash_sales_minor = 0;  // Cash tendered minus change.
  std::int64_t cash_refunds_minor = 0;
  std::int64_t cash_on_account_minor = 0;
  std::int64_t payouts_minor = 0;
  std::int64_t drops_minor = 0;
  int sale_count = 0;
};

struct TillSession {
  std::string store_code;
  std::string session_id;
  std::string terminal_code;
  std::string cashier;
  std::string currency_code;
  TillSessionState state = TillSessionState::kUnspecified;
  std::int64_t opening_float_minor = 0;
  TillCash cash;
  std::int64_t expected_minor = 0;
  std::int64_t counted_minor = 0;
  std::int64_t variance_minor = 0;
  std::vector<DenominationCount> denominations;
  std::string opened_by;
  TimeMicros open_time = 0;
  std::string closed_by;
  TimeMicros close_time = 0;
  std::string accepted_by;
  std::string acceptance_reason;
  std::int64_t sequence = 0;  // The paging key.
};

struct CashMovement {
  std::string movement_id;
  CashMovementKind kind = CashMovementKind::kUnspecified;
  std::int64_t amount_minor = 0;
  std::string reason;
  std::string recorded_by;
  TimeMicros record_time = 0;
};

struct NewTillSession {
  std::string store_code;
  std::string terminal_code;
  std::string session_id;
  std::string cashier;
  std::string currency_code;  // Empty: the store's.
  std::int64_t opening_float_minor = 0;
};

struct NewCashMovement {
  std::string store_code;
  std::string session_id;
  std::string movement_id;
  CashMovementKind kind = CashMovementKind::kUnspecified;
  std::string currency_code;
  std::int64_t amount_minor = 0;
  std::string reason;
};

struct TillCount {
  std::string store_code;
  std::string session_id;
  std::string currency_code;
  bool has_total = false;
  std::int64_t counted_minor = 0;
  std::vector<DenominationCount> denominations;
};

struct TillSessionOutcome {
  TillSession session;
  bool replayed = false;
};

struct CashMovementOutcome {
  CashMovement movement;
  bool replayed = false;
};

struct TillSessionDetail {
  TillSession session;
  std::vector<CashMovement> movements;
};

struct ClosingSettings {
  std::string store_code;
  std::string currency_code;
  std::int64_t till_variance_threshold_minor = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CLOSING_DOMAIN_TILL_SESSION_MODEL_H_
