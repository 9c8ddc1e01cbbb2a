#include "closing/transport/closing_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {
namespace {

void SetMoney(const std::string& currency, std::int64_t minor, v1::Money* p) {
  ToProto(domain::Money{currency, minor}, p);
}

}  // namespace

domain::NewTillSession FromProto(const v1::OpenTillSessionRequest& r) {
  domain::NewTillSession out;
  out.store_code = r.store_code();
  out.terminal_code = r.terminal_code();
  out.session_id = r.session_id();
  out.cashier = r.cashier();
  out.currency_code = r.opening_float().currency_code();
  out.opening_float_minor = r.opening_float().minor_units();
  return out;
}

domain::NewCashMovement FromProto(const v1::RecordCashMovementRequest& r) {
  domain::NewCashMovement out;
  out.store_code = r.store_code();
  out.session_id = r.session_id();
  out.movement_id = r.movement_id();
  switch (r.kind()) {
    case v1::CASH_MOVEMENT_KIND_DROP:
      out.kind = domain::CashMovementKind::kDrop;
      break;
    case v1::CASH_MOVEMENT_KIND_PAYOUT:
      out.kind = domain::CashMovementKind::kPayout;
      break;
    default:
      out.kind = domain::CashMovementKind::kUnspecified;
  }
  out.currency_code = r.amount().currency_code();
  out.amount_minor = r.amount().minor_units();
  out.reason = r.reason();
  return out;
}

domain::TillCount FromProto(const v1::CloseTillSessionRequest& r) {
  domain::TillCount out;
  out.store_code = r.store_code();
  out.session_id = r.session_id();
  out.has_total = r.has_counted_cash();
  out.currency_code = r.counted_cash().currency_code();
  out.counted_minor = r.counted_cash().minor_units();
  for (const auto& d : r.denominations()) {
    out.denominations.push_back({d.value_minor(), d.count()});
  }
  return out;
}

domain::TillSessionState FromProto(v1::TillSessionState state) {
  switch (state) {
    case v1::TILL_SESSION_STATE_OPEN:
      return domain::TillSessionState::kOpen;
    case v1::TILL_SESSION_STATE_CLOSED:
      return domain::TillSessionState::kClosed;
    case v1::TILL_SESSION_STATE_VARIANCE_PENDING:
      return domain::TillSessionState::kVariancePending;
    case v1::TILL_SESSION_STATE_ACCEPTED:
      return domain::TillSessionState::kAccepted;
    default:
      return domain::TillSessionState::kUnspecified;
  }
}

domain::ClosingSettings FromProto(const v1::ClosingSettings& p) {
  domain::ClosingSettings out;
  out.store_code = p.store_code();
  out.currency_code = p.till_variance_threshold().currency_code();
  out.till_variance_threshold_minor = p.till_variance_threshold().minor_units();
  return out;
}

void ToProto(const domain::TillSession& s, v1::TillSession* p) {
  const std::string& c = s.currency_code;
  p->set_store_code(s.store_code);
  p->set_session_id(s.session_id);
  p->set_terminal_code(s.terminal_code);
  p->set_cashier(s.cashier);
  // The domain numbers its states as the wire does (checked by a test).
  p->set_state(static_cast<v1::TillSessionState>(static_cast<int>(s.state)));
  SetMoney(c, s.opening_float_minor, p->mutable_opening_float());
  SetMoney(c, s.cash.cash_sales_minor, p->mutable_cash_sales());
  SetMoney(c, s.cash.cash_refunds_minor, p->mutable_cash_refunds());
  SetMoney(c, s.cash.cash_on_account_minor, p->mutable_cash_on_account());
  SetMoney(c, s.cash.payouts_minor, p->mutable_payouts());
  SetMoney(c, s.cash.drops_minor, p->mutable_drops());
  SetMoney(c, s.expected_minor, p->mutable_expected_cash());
  if (s.state != domain::TillSessionState::kOpen) {
    SetMoney(c, s.counted_minor, p->mutable_counted_cash());
    SetMoney(c, s.variance_minor, p->mutable_variance());
  }
  for (const auto& d : s.denominations) {
    auto* out = p->add_denominations();
    out->set_value_minor(d.value_minor);
    out->set_count(d.count);
  }
  p->set_sale_count(s.cash.sale_count);
  p->set_opened_by(s.opened_by);
  SetTimestamp(s.open_time, p->mutable_open_time());
  p->set_closed_by(s.closed_by);
  if (s.close_time != 0) SetTimestamp(s.close_time, p->mutable_close_time());
  p->set_accepted_by(s.accepted_by);
  p->set_acceptance_reason(s.acceptance_reason);
}

void ToProto(const std::string& currency_code, const domain::CashMovement& m,
             v1::CashMovement* p) {
  p->set_movement_id(m.movement_id);
  p->set_kind(static_cast<v1::CashMovementKind>(static_cast<int>(m.kind)));
  SetMoney(currency_code, m.amount_minor, p->mutable_amount());
  p->set_reason(m.reason);
  p->set_recorded_by(m.recorded_by);
  SetTimestamp(m.record_time, p->mutable_record_time());
}

void ToProto(const domain::ClosingSettings& s, v1::ClosingSettings* p) {
  p->set_store_code(s.store_code);
  SetMoney(s.currency_code, s.till_variance_threshold_minor,
           p->mutable_till_variance_threshold());
}

}  // namespace backoffice::transport
