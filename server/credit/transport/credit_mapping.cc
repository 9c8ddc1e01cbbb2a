#include "credit/transport/credit_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {
namespace {

void SetMoney(const std::string& currency, std::int64_t minor, v1::Money* p) {
  ToProto(domain::Money{currency, minor}, p);
}

v1::PartyKind ToProto(domain::PartyKind kind) {
  switch (kind) {
    case domain::PartyKind::kCustomer:
      return v1::PARTY_KIND_CUSTOMER;
    case domain::PartyKind::kSupplier:
      return v1::PARTY_KIND_SUPPLIER;
    default:
      return v1::PARTY_KIND_UNSPECIFIED;
  }
}

void ToProto(const domain::PartyRef& party, v1::Party* p) {
  p->set_kind(ToProto(party.kind));
  p->set_code(party.code);
}

domain::PaymentMethod FromProto(v1::PaymentMethod m) {
  switch (m) {
    case v1::PAYMENT_METHOD_CASH:
      return domain::PaymentMethod::kCash;
    case v1::PAYMENT_METHOD_BANK_TRANSFER:
      return domain::PaymentMethod::kBankTransfer;
    case v1::PAYMENT_METHOD_QRIS:
      return domain::PaymentMethod::kQris;
    case v1::PAYMENT_METHOD_CARD:
      return domain::PaymentMethod::kCard;
    case v1::PAYMENT_METHOD_CHEQUE:
      return domain::PaymentMethod::kCheque;
    default:
      return domain::PaymentMethod::kUnspecified;
  }
}

v1::PaymentMethod ToProto(domain::PaymentMethod m) {
  switch (m) {
    case domain::PaymentMethod::kCash:
      return v1::PAYMENT_METHOD_CASH;
    case domain::PaymentMethod::kBankTransfer:
      return v1::PAYMENT_METHOD_BANK_TRANSFER;
    case domain::PaymentMethod::kQris:
      return v1::PAYMENT_METHOD_QRIS;
    case domain::PaymentMethod::kCard:
      return v1::PAYMENT_METHOD_CARD;
    case domain::PaymentMethod::kCheque:
      return v1::PAYMENT_METHOD_CHEQUE;
    default:
      return v1::PAYMENT_METHOD_UNSPECIFIED;
  }
}

v1::PartyDocumentType ToProto(domain::PartyDocumentType t) {
  switch (t) {
    case domain::PartyDocumentType::kCharge:
      return v1::PARTY_DOCUMENT_TYPE_CHARGE;
    case domain::PartyDocumentType::kPayment:
      return v1::PARTY_DOCUMENT_TYPE_PAYMENT;
    case domain::PartyDocumentType::kCreditNote:
      return v1::PARTY_DOCUMENT_TYPE_CREDIT_NOTE;
    case domain::PartyDocumentType::kWriteOff:
      return v1::PARTY_DOCUMENT_TYPE_WRITE_OFF;
    case domain::PartyDocumentType::kReversal:
      return v1::PARTY_DOCUMENT_TYPE_REVERSAL;
    default:
      return v1::PARTY_DOCUMENT_TYPE_UNSPECIFIED;
  }
}

v1::CreditAuthorizationState ToProto(domain::AuthorizationState s) {
  switch (s) {
    case domain::AuthorizationState::kHeld:
      return v1::CREDIT_AUTHORIZATION_STATE_HELD;
    case domain::AuthorizationState::kOverLimit:
      return v1::CREDIT_AUTHORIZATION_STATE_OVER_LIMIT;
    case domain::AuthorizationState::kConsumed:
      return v1::CREDIT_AUTHORIZATION_STATE_CONSUMED;
    case domain::AuthorizationState::kReleased:
      return v1::CREDIT_AUTHORIZATION_STATE_RELEASED;
    case domain::AuthorizationState::kExpired:
      return v1::CREDIT_AUTHORIZATION_STATE_EXPIRED;
    default:
      return v1::CREDIT_AUTHORIZATION_STATE_UNSPECIFIED;
  }
}

void ToProto(const std::string& currency, const domain::AgeingBuckets& b,
             v1::AgeingBuckets* p) {
  SetMoney(currency, b.current_minor, p->mutable_current());
  SetMoney(currency, b.days_1_30_minor, p->mutable_days_1_30());
  SetMoney(currency, b.days_31_60_minor, p->mutable_days_31_60());
  SetMoney(currency, b.days_61_90_minor, p->mutable_days_61_90());
  SetMoney(currency, b.over_90_minor, p->mutable_over_90());
  SetMoney(currency, b.unallocated_credit_minor,
           p->mutable_unallocated_credit());
  SetMoney(currency, b.total_minor(), p->mutable_total());
}

}  // namespace

domain::PartyKind FromProto(v1::PartyKind kind) {
  switch (kind) {
    case v1::PARTY_KIND_CUSTOMER:
      return domain::PartyKind::kCustomer;
    case v1::PARTY_KIND_SUPPLIER:
      return domain::PartyKind::kSupplier;
    default:
      return domain::PartyKind::kUnspecified;
  }
}

domain::PartyRef FromProto(const v1::Party& p) {
  return domain::PartyRef{FromProto(p.kind()), p.code()};
}

domain::NewAuthorization FromProto(const v1::AuthorizeCreditRequest& r) {
  domain::NewAuthorization a;
  a.store_code = r.store_code();
  a.authorization_id = r.authorization_id();
  a.customer_code = r.customer_code();
  a.terminal_code = r.terminal_code();
  a.amount = FromProto(r.amount());
  return a;
}

domain::NewPayment FromProto(const v1::RecordPaymentRequest& r) {
  domain::NewPayment p;
  p.store_code = r.store_code();
  p.payment_id = r.payment_id();
  p.party = FromProto(r.party());
  p.amount = FromProto(r.amount());
  p.method = FromProto(r.method());
  p.reference = r.reference();
  p.terminal_code = r.terminal_code();
  for (const auto& a : r.allocations()) {
    p.allocations.push_back({a.document_number(), a.amount().minor_units()});
  }
  p.note = r.note();
  return p;
}

void ToProto(const domain::CreditAuthorization& a, v1::CreditAuthorization* p) {
  p->set_store_code(a.store_code);
  p->set_authorization_id(a.authorization_id);
  p->set_customer_code(a.customer_code);
  p->set_terminal_code(a.terminal_code);
  SetMoney(a.currency_code, a.amount_minor, p->mutable_amount());
  p->set_state(ToProto(a.state));
  SetTimestamp(a.expire_time, p->mutable_expire_time());
  SetMoney(a.currency_code, a.balance_minor, p->mutable_balance());
  SetMoney(a.currency_code, a.open_holds_minor, p->mutable_open_holds());
  SetMoney(a.currency_code, a.credit_limit_minor, p->mutable_credit_limit());
  p->set_requested_by(a.requested_by);
  p->set_overridden_by(a.overridden_by);
  p->set_sale_id(a.sale_id);
  SetTimestamp(a.create_time, p->mutable_create_time());
}

void ToProto(const domain::PartyDocument& d, v1::PartyDocument* p) {
  p->set_store_code(d.store_code);
  ToProto(d.party, p->mutable_party());
  p->set_document_number(d.document_number);
  p->set_type(ToProto(d.type));
  p->set_direction(d.direction == domain::Direction::kDebit
                       ? v1::PARTY_DOCUMENT_DIRECTION_DEBIT
                       : v1::PARTY_DOCUMENT_DIRECTION_CREDIT);
  p->set_source_type(d.source_type);
  p->set_source_id(d.source_id);
  SetMoney(d.currency_code, d.amount_minor, p->mutable_amount());
  SetMoney(d.currency_code, d.open_minor, p->mutable_open_amount());
  p->set_document_day(d.document_day);
  p->set_due_day(d.due_day);
  p->set_payment_method(ToProto(d.payment_method));
  p->set_reference(d.reference);
  p->set_terminal_code(d.terminal_code);
  p->set_reverses_document_number(d.reverses_document_number);
  p->set_note(d.note);
  p->set_recorded_by(d.recorded_by);
  SetTimestamp(d.create_time, p->mutable_create_time());
}

void ToProto(const domain::Allocation& a, v1::Allocation* p) {
  p->set_debit_document_number(a.debit_document_number);
  p->set_credit_document_number(a.credit_document_number);
  SetMoney(a.currency_code, a.amount_minor, p->mutable_amount());
  p->set_allocation_day(a.allocation_day);
  SetTimestamp(a.create_time, p->mutable_create_time());
}

void ToProto(const domain::Account& a, v1::Account* p) {
  p->set_store_code(a.store_code);
  ToProto(a.party, p->mutable_party());
  SetMoney(a.currency_code, a.balance_minor, p->mutable_balance());
  SetMoney(a.currency_code, a.open_debits_minor, p->mutable_open_debits());
  SetMoney(a.currency_code, a.open_credits_minor, p->mutable_open_credits());
  if (a.party.kind == domain::PartyKind::kCustomer) {
    SetMoney(a.currency_code, a.open_holds_minor, p->mutable_open_holds());
    SetMoney(a.currency_code, a.credit_limit_minor, p->mutable_credit_limit());
    SetMoney(a.currency_code, a.available_minor(), p->mutable_available());
  }
}

void ToProto(const domain::Statement& s, v1::GetStatementResponse* p) {
  SetMoney(s.currency_code, s.opening_balance_minor,
           p->mutable_opening_balance());
  for (const auto& line : s.lines) {
    auto* out = p->add_lines();
    ToProto(line.document, out->mutable_document());
    SetMoney(s.currency_code, line.running_balance_minor,
             out->mutable_running_balance());
  }
  for (const auto& a : s.allocations) ToProto(a, p->add_allocations());
  SetMoney(s.currency_code, s.closing_balance_minor,
           p->mutable_closing_balance());
  p->set_truncated(s.truncated);
}

void ToProto(const domain::AgeingRow& r, v1::AgeingRow* p) {
  p->set_store_code(r.store_code);
  if (!r.party.code.empty()) ToProto(r.party, p->mutable_party());
  p->set_display_name(r.display_name);
  ToProto(r.currency_code, r.buckets, p->mutable_buckets());
}

void ToProto(const domain::CreditException& e, v1::CreditException* p) {
  p->set_store_code(e.store_code);
  p->set_sale_id(e.sale_id);
  p->set_terminal_code(e.terminal_code);
  p->set_customer_code(e.customer_code);
  SetMoney(e.currency_code, e.amount_minor, p->mutable_amount());
  p->set_kind(e.kind);
  p->set_authorization_id(e.authorization_id);
  p->set_business_day(e.business_day);
  SetTimestamp(e.sale_time, p->mutable_sale_time());
}

namespace {

v1::LedgerRequestType ToProto(domain::LedgerRequestType t) {
  switch (t) {
    case domain::LedgerRequestType::kSupplierPayment:
      return v1::LEDGER_REQUEST_TYPE_SUPPLIER_PAYMENT;
    case domain::LedgerRequestType::kWriteOff:
      return v1::LEDGER_REQUEST_TYPE_WRITE_OFF;
    default:
      return v1::LEDGER_REQUEST_TYPE_UNSPECIFIED;
  }
}

v1::LedgerRequestState ToProto(domain::LedgerRequestState s) {
  switch (s) {
    case domain::LedgerRequestState::kPendingApproval:
      return v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL;
    case domain::LedgerRequestState::kPosted:
      return v1::LEDGER_REQUEST_STATE_POSTED;
    case domain::LedgerRequestState::kRejected:
      return v1::LEDGER_REQUEST_STATE_REJECTED;
    default:
      return v1::LEDGER_REQUEST_STATE_UNSPECIFIED;
  }
}

}  // namespace

domain::LedgerRequestType FromProto(v1::LedgerRequestType type) {
  switch (type) {
    case v1::LEDGER_REQUEST_TYPE_SUPPLIER_PAYMENT:
      return domain::LedgerRequestType::kSupplierPayment;
    case v1::LEDGER_REQUEST_TYPE_WRITE_OFF:
      return domain::LedgerRequestType::kWriteOff;
    default:
      return domain::LedgerRequestType::kUnspecified;
  }
}

domain::LedgerRequestState FromProto(v1::LedgerRequestState state) {
  switch (state) {
    case v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL:
      return domain::LedgerRequestState::kPendingApproval;
    case v1::LEDGER_REQUEST_STATE_POSTED:
      return domain::LedgerRequestState::kPosted;
    case v1::LEDGER_REQUEST_STATE_REJECTED:
      return domain::LedgerRequestState::kRejected;
    default:
      return domain::LedgerRequestState::kUnspecified;
  }
}

domain::NewWriteOff FromProto(const v1::RequestWriteOffRequest& r) {
  domain::NewWriteOff w;
  w.store_code = r.store_code();
  w.write_off_id = r.write_off_id();
  w.customer_code = r.customer_code();
  w.amount = FromProto(r.amount());
  for (const auto& a : r.allocations()) {
    w.allocations.push_back({a.document_number(), a.amount().minor_units()});
  }
  w.reason = r.reason();
  return w;
}

domain::CreditSettings FromProto(const v1::CreditSettings& c) {
  domain::CreditSettings d;
  d.store_code = c.store_code();
  d.currency_code = c.supplier_payment_approval_limit().currency_code();
  d.supplier_payment_approval_limit_minor =
      c.supplier_payment_approval_limit().minor_units();
  d.write_off_head_office_limit_minor =
      c.write_off_head_office_limit().minor_units();
  d.invoice_match_tolerance_minor = c.invoice_match_tolerance().minor_units();
  d.payment_run_head_office_limit_minor =
      c.payment_run_head_office_limit().minor_units();
  return d;
}

void ToProto(const domain::LedgerRequest& r, v1::LedgerRequest* p) {
  p->set_store_code(r.store_code);
  p->set_ledger_request_id(r.ledger_request_id);
  p->set_type(ToProto(r.type));
  ToProto(r.party, p->mutable_party());
  SetMoney(r.currency_code, r.amount_minor, p->mutable_amount());
  p->set_method(ToProto(r.method));
  p->set_reference(r.reference);
  for (const auto& a : r.allocations) {
    auto* out = p->add_allocations();
    out->set_document_number(a.document_number);
    SetMoney(r.currency_code, a.amount_minor, out->mutable_amount());
  }
  p->set_note(r.note);
  p->set_state(ToProto(r.state));
  p->set_needs_head_office(r.needs_head_office);
  p->set_requested_by(r.requested_by);
  p->set_decided_by(r.decided_by);
  p->set_decision_reason(r.decision_reason);
  p->set_document_number(r.document_number);
  SetTimestamp(r.create_time, p->mutable_create_time());
  if (r.decide_time != 0) SetTimestamp(r.decide_time, p->mutable_decide_time());
}

void ToProto(const domain::PayableDue& d, v1::PayableDue* p) {
  p->set_store_code(d.store_code);
  p->set_supplier_code(d.supplier_code);
  p->set_display_name(d.display_name);
  SetMoney(d.currency_code, d.amount_due_minor, p->mutable_amount_due());
  p->set_document_count(static_cast<std::int32_t>(d.document_count));
  p->set_oldest_due_day(d.oldest_due_day);
  SetMoney(d.currency_code, d.overdue_minor, p->mutable_overdue());
}

void ToProto(const domain::CreditSettings& c, v1::CreditSettings* p) {
  p->set_store_code(c.store_code);
  SetMoney(c.currency_code, c.supplier_payment_approval_limit_minor,
           p->mutable_supplier_payment_approval_limit());
  SetMoney(c.currency_code, c.write_off_head_office_limit_minor,
           p->mutable_write_off_head_office_limit());
  SetMoney(c.currency_code, c.invoice_match_tolerance_minor,
           p->mutable_invoice_match_tolerance());
  SetMoney(c.currency_code, c.payment_run_head_office_limit_minor,
           p->mutable_payment_run_head_office_limit());
}

domain::NewPaymentRun FromProto(const v1::PreparePaymentRunRequest& r) {
  domain::NewPaymentRun run;
  run.store_code = r.store_code();
  run.payment_run_id = r.payment_run_id();
  run.due_by_day = r.due_by_day();
  run.method = FromProto(r.method());
  run.supplier_codes.assign(r.supplier_codes().begin(),
                            r.supplier_codes().end());
  run.reference = r.reference();
  run.note = r.note();
  return run;
}

v1::PaymentRunState ToPaymentRunState(domain::LedgerRequestState state) {
  switch (state) {
    case domain::LedgerRequestState::kPendingApproval:
      return v1::PAYMENT_RUN_STATE_PENDING_APPROVAL;
    case domain::LedgerRequestState::kPosted:
      return v1::PAYMENT_RUN_STATE_POSTED;
    case domain::LedgerRequestState::kRejected:
      return v1::PAYMENT_RUN_STATE_REJECTED;
    default:
      return v1::PAYMENT_RUN_STATE_UNSPECIFIED;
  }
}

domain::LedgerRequestState FromProto(v1::PaymentRunState state) {
  switch (state) {
    case v1::PAYMENT_RUN_STATE_PENDING_APPROVAL:
      return domain::LedgerRequestState::kPendingApproval;
    case v1::PAYMENT_RUN_STATE_POSTED:
      return domain::LedgerRequestState::kPosted;
    case v1::PAYMENT_RUN_STATE_REJECTED:
      return domain::LedgerRequestState::kRejected;
    default:
      return domain::LedgerRequestState::kUnspecified;
  }
}

void ToProto(const domain::PaymentRun& r, v1::PaymentRun* p) {
  const std::string& currency = r.currency_code;
  auto items =
      [&](const std::vector<domain::PaymentRunItem>& in,
          google::protobuf::RepeatedPtrField<v1::PaymentRunItem>* out) {
        for (const auto& item : in) {
          auto* o = out->Add();
          o->set_document_number(item.document_number);
          o->set_due_day(item.due_day);
          SetMoney(currency, item.amount_minor, o->mutable_amount());
        }
      };
  p->set_store_code(r.store_code);
  p->set_payment_run_id(r.payment_run_id);
  p->set_due_by_day(r.due_by_day);
  p->set_method(ToProto(r.method));
  p->set_reference(r.reference);
  p->set_note(r.note);
  for (const auto& line : r.lines) {
    auto* l = p->add_lines();
    l->set_line_number(line.line_number);
    l->set_supplier_code(line.supplier_code);
    l->set_display_name(line.display_name);
    items(line.payables, l->mutable_payables());
    items(line.credits, l->mutable_credits());
    SetMoney(currency, line.gross_minor, l->mutable_gross());
    SetMoney(currency, line.credits_minor, l->mutable_credits_used());
    SetMoney(currency, line.amount_minor, l->mutable_amount());
    l->set_payment_id(line.payment_id);
    l->set_document_number(line.document_number);
  }
  SetMoney(currency, r.total_minor, p->mutable_total());
  p->set_state(ToPaymentRunState(r.state));
  p->set_needs_head_office(r.needs_head_office);
  p->set_prepared_by(r.prepared_by);
  p->set_decided_by(r.decided_by);
  p->set_decision_reason(r.decision_reason);
  SetTimestamp(r.create_time, p->mutable_create_time());
  if (r.decide_time != 0) SetTimestamp(r.decide_time, p->mutable_decide_time());
}

domain::NewSupplierInvoice FromProto(const v1::MatchSupplierInvoiceRequest& r) {
  domain::NewSupplierInvoice i;
  i.store_code = r.store_code();
  i.invoice_id = r.invoice_id();
  i.supplier_code = r.supplier_code();
  i.supplier_document = r.supplier_document();
  i.receipt_ids.assign(r.receipt_ids().begin(), r.receipt_ids().end());
  i.amount = FromProto(r.invoice_amount());
  return i;
}

void ToProto(const domain::SupplierInvoice& i, v1::SupplierInvoice* p) {
  p->set_store_code(i.store_code);
  p->set_invoice_id(i.invoice_id);
  p->set_supplier_code(i.supplier_code);
  p->set_supplier_document(i.supplier_document);
  for (const auto& id : i.receipt_ids) p->add_receipt_ids(id);
  SetMoney(i.currency_code, i.invoice_amount_minor,
           p->mutable_invoice_amount());
  SetMoney(i.currency_code, i.expected_amount_minor,
           p->mutable_expected_amount());
  SetMoney(i.currency_code, i.receipts_amount_minor,
           p->mutable_receipts_amount());
  SetMoney(i.currency_code, i.difference_minor(), p->mutable_difference());
  SetMoney(i.currency_code, i.tolerance_minor, p->mutable_tolerance());
  switch (i.state) {
    case domain::SupplierInvoiceState::kMatched:
      p->set_state(v1::SUPPLIER_INVOICE_STATE_MATCHED);
      break;
    case domain::SupplierInvoiceState::kBlocked:
      p->set_state(v1::SUPPLIER_INVOICE_STATE_BLOCKED);
      break;
    case domain::SupplierInvoiceState::kAccepted:
      p->set_state(v1::SUPPLIER_INVOICE_STATE_ACCEPTED);
      break;
    default:
      p->set_state(v1::SUPPLIER_INVOICE_STATE_UNSPECIFIED);
  }
  p->set_recorded_by(i.recorded_by);
  p->set_accepted_by(i.accepted_by);
  p->set_accept_reason(i.accept_reason);
  p->set_adjustment_document_number(i.adjustment_document_number);
  SetTimestamp(i.create_time, p->mutable_create_time());
}

}  // namespace backoffice::transport
