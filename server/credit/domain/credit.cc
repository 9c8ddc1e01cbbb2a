#include "credit/domain/credit.h"

#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "credit/domain/credit_rules.h"
#include "credit/domain/payment_run_rules.h"

namespace backoffice::domain {
namespace {

Status ValidateAuthorizationKey(const std::string& store_code,
                                const std::string& authorization_id) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  return ValidateIdempotencyKey("authorization_id", authorization_id);
}

// A till acts only for its own terminal.
Status CheckTillScope(const Principal& principal, const std::string& store_code,
                      const std::string& terminal_code) {
  if (principal.role == Role::kPosTerminal &&
      (principal.store_code != store_code ||
       principal.terminal_code != terminal_code)) {
    return PermissionDenied("TERMINAL_MISMATCH",
                            "a till token acts only for its own terminal " +
                                principal.store_code + "/" +
                                principal.terminal_code);
  }
  return CheckStoreScope(principal, store_code);
}

Status OverLimit(const CreditAuthorization& a) {
  return FailedPrecondition(
             "CREDIT_LIMIT_EXCEEDED",
             "customer " + a.customer_code + " would owe " +
                 std::to_string(a.balance_minor + a.open_holds_minor +
                                a.amount_minor) +
                 " over a limit of " + std::to_string(a.credit_limit_minor) +
                 "; a manager may override authorization " + a.authorization_id)
      .WithMetadata("authorization_id", a.authorization_id)
      .WithMetadata("balance_minor", std::to_string(a.balance_minor))
      .WithMetadata("open_holds_minor", std::to_string(a.open_holds_minor))
      .WithMetadata("credit_limit_minor", std::to_string(a.credit_limit_minor))
      .WithMetadata("available_minor",
                    std::to_string(a.credit_limit_minor - a.balance_minor -
                                   a.open_holds_minor));
}

}  // namespace

StatusOr<AuthorizationOutcome> Credit::Authorize(
    const RequestContext& ctx, const NewAuthorization& request) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewAuthorization(request));
  BO_RETURN_IF_ERROR(
      CheckTillScope(ctx.principal, request.store_code, request.terminal_code));
  auto outcome = repository_.Authorize(
      request, AuthorizationFingerprint(request), clock_(), ctx);
  if (!outcome.ok()) return outcome.status();
  if (outcome->authorization.state == AuthorizationState::kOverLimit) {
    return OverLimit(outcome->authorization);
  }
  return outcome;
}

StatusOr<CreditAuthorization> Credit::Override(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& authorization_id, const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateAuthorizationKey(store_code, authorization_id));
  BO_RETURN_IF_ERROR(ValidateReason(reason));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.Override(
      store_code, authorization_id, reason, clock_(),
      [&](const CreditAuthorization& a) {
        return CheckOverrider(a, ctx.principal);
      },
      ctx);
}

StatusOr<CreditAuthorization> Credit::Release(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& authorization_id) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateAuthorizationKey(store_code, authorization_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.Release(
      store_code, authorization_id, clock_(),
      [&](const CreditAuthorization& a) {
        return CheckTillScope(ctx.principal, store_code, a.terminal_code);
      },
      ctx);
}

StatusOr<CreditAuthorization> Credit::GetAuthorization(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& authorization_id) {
  BO_RETURN_IF_ERROR(ValidateAuthorizationKey(store_code, authorization_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto found = repository_.GetAuthorization(store_code, authorization_id);
  if (!found.ok()) return found.status();
  BO_RETURN_IF_ERROR(
      CheckTillScope(ctx.principal, store_code, found->terminal_code));
  found->state = EffectiveState(*found, clock_());
  return found;
}

StatusOr<PaymentOutcome> Credit::RecordPayment(const RequestContext& ctx,
                                               const NewPayment& payment) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewPayment(payment));
  if (ctx.principal.role == Role::kPosTerminal) {
    // A till takes money on account at itself, in what a till takes: cash,
    // QRIS or a card; transfers and cheques are the back office's to check.
    BO_RETURN_IF_ERROR(CheckTillScope(ctx.principal, payment.store_code,
                                      payment.terminal_code));
    if (payment.method != PaymentMethod::kCash &&
        payment.method != PaymentMethod::kQris &&
        payment.method != PaymentMethod::kCard) {
      return PermissionDenied("METHOD_NOT_AT_TILL",
                              "a till takes cash, QRIS or cards on account");
    }
  } else {
    BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, payment.store_code));
  }
  if (payment.party.kind == PartyKind::kSupplier &&
      ctx.principal.role == Role::kPosTerminal) {
    return PermissionDenied("ROLE_NOT_ALLOWED", "a till pays no supplier");
  }
  return repository_.RecordPayment(payment, PaymentFingerprint(payment),
                                   clock_(), ctx);
}

StatusOr<ReversalOutcome> Credit::ReversePayment(const RequestContext& ctx,
                                                 const std::string& store_code,
                                                 const std::string& payment_id,
                                                 const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  // A run line's payment ("<run id>.<n>") is reversed like any other.
  if (!IsRunLinePaymentId(payment_id)) {
    BO_RETURN_IF_ERROR(ValidateIdempotencyKey("payment_id", payment_id));
  }
  BO_RETURN_IF_ERROR(ValidateReason(reason));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.ReversePayment(store_code, payment_id, reason, clock_(),
                                    ctx);
}

StatusOr<Account> Credit::GetAccount(const RequestContext& ctx,
                                     const std::string& store_code,
                                     const PartyRef& party) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateParty(party));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetAccount(store_code, party, clock_());
}

StatusOr<Page<PartyDocument>> Credit::ListOpenItems(
    const RequestContext& ctx, const std::string& store_code,
    const PartyRef& party, int page_size, const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateParty(party));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request = MakePageRequest(page_size, page_token,
                                 PageScope("open_items", PageKeyKind::kText)
                                     .Add(store_code)
                                     .Add(static_cast<std::int64_t>(party.kind))
                                     .Add(party.code));
  if (!request.ok()) return request.status();
  auto items = repository_.ListOpenItems(store_code, party, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const PartyDocument& d) {
    return d.due_day + "/" + std::to_string(d.document_number);
  });
}

StatusOr<Statement> Credit::GetStatement(const RequestContext& ctx,
                                         const std::string& store_code,
                                         const PartyRef& party,
                                         const std::string& from_day,
                                         const std::string& to_day) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateParty(party));
  BO_RETURN_IF_ERROR(ValidateDay("from_day", from_day));
  BO_RETURN_IF_ERROR(ValidateDay("to_day", to_day));
  if (to_day < from_day || AddDays(from_day, 366) < to_day) {
    return InvalidArgument("INVALID_PERIOD",
                           "to_day must be within 366 days after from_day");
  }
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetStatement(store_code, party, from_day, to_day);
}

StatusOr<Ageing> Credit::GetAgeing(const RequestContext& ctx,
                                   const AgeingQuery& query, int page_size,
                                   const std::string& page_token) {
  if (query.store_code.empty()) {
    if (!IsChainWide(ctx.principal.role)) {
      return PermissionDenied("STORE_OUT_OF_SCOPE",
                              "only head office ages every store at once");
    }
  } else {
    BO_RETURN_IF_ERROR(ValidateCode("store_code", query.store_code));
    BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, query.store_code));
  }
  if (query.party_kind == PartyKind::kUnspecified) {
    return InvalidField("party_kind", "must be CUSTOMER or SUPPLIER");
  }
  if (!query.as_of_day.empty()) {
    BO_RETURN_IF_ERROR(ValidateDay("as_of_day", query.as_of_day));
  }
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("ageing", PageKeyKind::kText)
                          .Add(query.store_code)
                          .Add(static_cast<std::int64_t>(query.party_kind))
                          .Add(query.as_of_day));
  if (!request.ok()) return request.status();
  const bool first_page = request->after_key.empty();
  auto ageing = repository_.GetAgeing(query, *request, clock_(), first_page);
  if (!ageing.ok()) return ageing.status();
  auto page =
      MakePage(std::move(ageing->rows), *request, [](const AgeingRow& row) {
        return std::to_string(row.store_id) + "/" +
               std::to_string(row.party_id);
      });
  ageing->rows = std::move(page.items);
  ageing->next_page_token = page.next_page_token;
  return ageing;
}

StatusOr<LedgerRequestOutcome> Credit::RequestWriteOff(
    const RequestContext& ctx, const NewWriteOff& write_off) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewWriteOff(write_off));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, write_off.store_code));
  return repository_.RequestWriteOff(write_off, WriteOffFingerprint(write_off),
                                     ctx);
}

StatusOr<LedgerDecisionOutcome> Credit::DecideLedgerRequest(
    const RequestContext& ctx, const std::string& store_code,
    LedgerRequestType type, const std::string& ledger_request_id, bool approve,
    const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(
      ValidateIdempotencyKey("ledger_request_id", ledger_request_id));
  if (type == LedgerRequestType::kUnspecified) {
    return InvalidField("type", "must be SUPPLIER_PAYMENT or WRITE_OFF");
  }
  if (!approve) BO_RETURN_IF_ERROR(ValidateReason(reason));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.DecideLedgerRequest(
      store_code, type, ledger_request_id, approve, reason,
      [&](const LedgerRequest& request) {
        return CheckLedgerDecider(request, ctx.principal);
      },
      clock_(), ctx);
}

StatusOr<Page<LedgerRequest>> Credit::ListLedgerRequests(
    const RequestContext& ctx, const std::string& store_code,
    LedgerRequestState state, int page_size, const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("ledger_requests", PageKeyKind::kSequence)
                          .Add(store_code)
                          .Add(static_cast<std::int64_t>(state)));
  if (!request.ok()) return request.status();
  auto items = repository_.ListLedgerRequests(store_code, state, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const LedgerRequest& r) {
    return std::to_string(r.sequence);
  });
}

StatusOr<Page<PayableDue>> Credit::ListPayablesDue(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& due_by_day, int page_size,
    const std::string& page_token) {
  if (store_code.empty()) {
    if (!IsChainWide(ctx.principal.role)) {
      return PermissionDenied("STORE_OUT_OF_SCOPE",
                              "only head office lists every store");
    }
  } else {
    BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
    BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  }
  BO_RETURN_IF_ERROR(ValidateDay("due_by_day", due_by_day));
  auto request = MakePageRequest(page_size, page_token,
                                 PageScope("payables_due", PageKeyKind::kText)
                                     .Add(store_code)
                                     .Add(due_by_day));
  if (!request.ok()) return request.status();
  auto items =
      repository_.ListPayablesDue(store_code, due_by_day, clock_(), *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const PayableDue& p) {
    return std::to_string(p.store_id) + "/" + std::to_string(p.party_id);
  });
}

StatusOr<SupplierInvoiceOutcome> Credit::MatchSupplierInvoice(
    const RequestContext& ctx, const NewSupplierInvoice& invoice) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewSupplierInvoice(invoice));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, invoice.store_code));
  return repository_.MatchSupplierInvoice(
      invoice, SupplierInvoiceFingerprint(invoice), ctx);
}

StatusOr<SupplierInvoice> Credit::AcceptSupplierInvoice(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& invoice_id, const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("invoice_id", invoice_id));
  BO_RETURN_IF_ERROR(ValidateReason(reason));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.AcceptSupplierInvoice(
      store_code, invoice_id, reason,
      [&](const SupplierInvoice& invoice) {
        return CheckInvoiceAccepter(invoice, ctx.principal);
      },
      clock_(), ctx);
}

StatusOr<SupplierInvoice> Credit::GetSupplierInvoice(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& invoice_id) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("invoice_id", invoice_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetSupplierInvoice(store_code, invoice_id);
}

StatusOr<CreditSettings> Credit::GetCreditSettings(
    const RequestContext& ctx, const std::string& store_code) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetCreditSettings(store_code);
}

StatusOr<CreditSettings> Credit::UpdateCreditSettings(
    const RequestContext& ctx, const CreditSettings& settings) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCreditSettings(settings));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, settings.store_code));
  return repository_.UpdateCreditSettings(settings, ctx);
}

StatusOr<Page<CreditException>> Credit::ListCreditExceptions(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& business_day, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  if (!business_day.empty()) {
    BO_RETURN_IF_ERROR(ValidateDay("business_day", business_day));
  }
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("credit_exceptions", PageKeyKind::kSequence)
                          .Add(store_code)
                          .Add(business_day));
  if (!request.ok()) return request.status();
  auto items =
      repository_.ListCreditExceptions(store_code, business_day, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const CreditException& e) {
    return std::to_string(e.sequence);
  });
}

}  // namespace backoffice::domain
