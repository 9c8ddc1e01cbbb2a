#include "stockcontrol/transport/transfer_count_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {
namespace {

void SetMoney(const std::string& currency, std::int64_t minor, v1::Money* p) {
  ToProto(domain::Money{currency, minor}, p);
}

// The wire enums share the domain's numbering (UNSPECIFIED = 0, then in
// declaration order), checked in the transport tests; numbers the domain
// does not know are its zero.
template <typename Wire, typename Domain>
Wire WireOf(Domain value) {
  return static_cast<Wire>(static_cast<int>(value));
}
template <typename Domain>
Domain DomainOf(int wire, Domain last) {
  if (wire < 0 || wire > static_cast<int>(last)) return static_cast<Domain>(0);
  return static_cast<Domain>(wire);
}

}  // namespace

domain::NewStockTransfer FromProto(const v1::SendStockTransferRequest& r) {
  domain::NewStockTransfer out;
  out.from_store_code = r.from_store_code();
  out.transfer_id = r.transfer_id();
  out.to_store_code = r.to_store_code();
  out.note = r.note();
  for (const auto& l : r.lines()) {
    out.lines.push_back(
        {l.sku(), l.quantity_milli(), l.lot_code(), l.expiry_date()});
  }
  return out;
}

domain::TransferReceipt FromProto(const v1::ReceiveStockTransferRequest& r) {
  domain::TransferReceipt out;
  out.to_store_code = r.to_store_code();
  out.from_store_code = r.from_store_code();
  out.transfer_id = r.transfer_id();
  for (const auto& l : r.lines()) {
    out.lines.push_back(
        {l.line_number(), l.received_milli(), l.damaged_milli()});
  }
  return out;
}

domain::TransferResolution FromProto(v1::TransferResolution resolution) {
  return DomainOf(resolution, domain::TransferResolution::kAccept);
}
domain::TransferDirection FromProto(v1::TransferDirection direction) {
  return DomainOf(direction, domain::TransferDirection::kIncoming);
}
domain::TransferState FromProto(v1::StockTransferState state) {
  return DomainOf(state, domain::TransferState::kResolved);
}

void ToProto(const domain::StockTransfer& t, v1::StockTransfer* p) {
  p->set_from_store_code(t.from_store_code);
  p->set_transfer_id(t.transfer_id);
  p->set_to_store_code(t.to_store_code);
  p->set_state(WireOf<v1::StockTransferState>(t.state));
  p->set_note(t.note);
  for (const auto& l : t.lines) {
    auto* out = p->add_lines();
    out->set_line_number(l.line_number);
    out->set_sku(l.sku);
    out->set_quantity_milli(l.quantity_milli);
    SetMoney(t.currency_code, l.unit_cost_minor, out->mutable_unit_cost());
    SetMoney(t.currency_code, l.line_cost_minor, out->mutable_line_cost());
    for (const auto& lot : l.lots) {
      auto* o = out->add_lots();
      o->set_lot_code(lot.lot_code);
      o->set_expiry_date(lot.expiry_date);
      o->set_quantity_milli(lot.quantity_milli);
    }
    out->set_received_milli(l.received_milli);
    out->set_damaged_milli(l.damaged_milli);
    out->set_in_transit_milli(l.in_transit_milli);
  }
  SetMoney(t.currency_code, t.total_cost_minor, p->mutable_total_cost());
  SetMoney(t.currency_code, t.difference_cost_minor,
           p->mutable_difference_cost());
  p->set_sent_by(t.sent_by);
  SetTimestamp(t.send_time, p->mutable_send_time());
  p->set_received_by(t.received_by);
  if (t.receive_time != 0) {
    SetTimestamp(t.receive_time, p->mutable_receive_time());
  }
  p->set_resolved_by(t.resolved_by);
  if (t.resolve_time != 0) {
    SetTimestamp(t.resolve_time, p->mutable_resolve_time());
  }
  p->set_resolution(WireOf<v1::TransferResolution>(t.resolution));
  p->set_resolution_reason(t.resolution_reason);
}

domain::NewStockCount FromProto(const v1::OpenStockCountRequest& r) {
  domain::NewStockCount out;
  out.store_code = r.store_code();
  out.count_id = r.count_id();
  out.note = r.note();
  out.skus.assign(r.skus().begin(), r.skus().end());
  return out;
}

domain::CountEntry FromProto(const v1::EnterStockCountRequest& r) {
  domain::CountEntry out;
  out.store_code = r.store_code();
  out.count_id = r.count_id();
  out.entry_id = r.entry_id();
  for (const auto& l : r.lines()) {
    out.lines.push_back({l.sku(), l.counted_milli()});
  }
  return out;
}

domain::CountState FromProto(v1::StockCountState state) {
  return DomainOf(state, domain::CountState::kCancelled);
}

void ToProto(const std::string& currency_code, const domain::CountLine& l,
             v1::StockCountLine* p) {
  p->set_line_number(l.line_number);
  p->set_sku(l.sku);
  p->set_frozen_milli(l.frozen_milli);
  p->set_counted(l.counted);
  p->set_counted_milli(l.counted_milli);
  p->set_moved_since_open_milli(l.moved_since_open_milli);
  p->set_variance_milli(l.variance_milli);
  SetMoney(currency_code, l.unit_cost_minor, p->mutable_unit_cost());
  SetMoney(currency_code, l.variance_value_minor, p->mutable_variance_value());
  p->set_counted_by(l.counted_by);
  p->set_entries(l.entries);
  if (l.count_time != 0) SetTimestamp(l.count_time, p->mutable_count_time());
}

void ToProto(const domain::StockCount& c, v1::StockCount* p) {
  p->set_store_code(c.store_code);
  p->set_count_id(c.count_id);
  p->set_state(WireOf<v1::StockCountState>(c.state));
  p->set_whole_store(c.whole_store);
  p->set_note(c.note);
  for (const auto& l : c.lines) ToProto(c.currency_code, l, p->add_lines());
  p->set_line_count(c.line_count);
  p->set_counted_count(c.counted_count);
  SetMoney(c.currency_code, c.variance_value_minor,
           p->mutable_variance_value());
  SetMoney(c.currency_code, c.net_variance_value_minor,
           p->mutable_net_variance_value());
  p->set_approval_level(WireOf<v1::CountApprovalLevel>(c.approval_level));
  for (const auto& who : c.counted_by) p->add_counted_by(who);
  p->set_opened_by(c.opened_by);
  SetTimestamp(c.open_time, p->mutable_open_time());
  p->set_post_requested_by(c.post_requested_by);
  p->set_decided_by(c.decided_by);
  p->set_decision_reason(c.decision_reason);
  if (c.post_time != 0) SetTimestamp(c.post_time, p->mutable_post_time());
}

}  // namespace backoffice::transport
