#include "credit/domain/credit_rules.h"

#include <absl/time/civil_time.h>

#include <algorithm>
#include <map>

#include "core/domain/enum_names.h"
#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"
#include "inventory/domain/lots.h"

namespace backoffice::domain {
namespace {

__extension__ typedef __int128 Int128;

constexpr NamePair kPartyKinds[] = {
    {static_cast<int>(PartyKind::kCustomer), "CUSTOMER"},
    {static_cast<int>(PartyKind::kSupplier), "SUPPLIER"}};
constexpr NamePair kDocumentTypes[] = {
    {static_cast<int>(PartyDocumentType::kCharge), "CHARGE"},
    {static_cast<int>(PartyDocumentType::kPayment), "PAYMENT"},
    {static_cast<int>(PartyDocumentType::kCreditNote), "CREDIT_NOTE"},
    {static_cast<int>(PartyDocumentType::kWriteOff), "WRITE_OFF"},
    {static_cast<int>(PartyDocumentType::kReversal), "REVERSAL"}};
constexpr NamePair kDirections[] = {
    {static_cast<int>(Direction::kDebit), "DEBIT"},
    {static_cast<int>(Direction::kCredit), "CREDIT"}};
constexpr NamePair kMethods[] = {
    {static_cast<int>(PaymentMethod::kCash), "CASH"},
    {static_cast<int>(PaymentMethod::kBankTransfer), "BANK_TRANSFER"},
    {static_cast<int>(PaymentMethod::kQris), "QRIS"},
    {static_cast<int>(PaymentMethod::kCard), "CARD"},
    {static_cast<int>(PaymentMethod::kCheque), "CHEQUE"}};
constexpr NamePair kAuthorizationStates[] = {
    {static_cast<int>(AuthorizationState::kHeld), "HELD"},
    {static_cast<int>(AuthorizationState::kOverLimit), "OVER_LIMIT"},
    {static_cast<int>(AuthorizationState::kConsumed), "CONSUMED"},
    {static_cast<int>(AuthorizationState::kReleased), "RELEASED"},
    {static_cast<int>(AuthorizationState::kExpired), "EXPIRED"}};

constexpr NamePair kInvoiceStates[] = {
    {static_cast<int>(SupplierInvoiceState::kMatched), "MATCHED"},
    {static_cast<int>(SupplierInvoiceState::kBlocked), "BLOCKED"},
    {static_cast<int>(SupplierInvoiceState::kAccepted), "ACCEPTED"}};
constexpr NamePair kRequestTypes[] = {
    {static_cast<int>(LedgerRequestType::kSupplierPayment), "SUPPLIER_PAYMENT"},
    {static_cast<int>(LedgerRequestType::kWriteOff), "WRITE_OFF"}};
constexpr NamePair kRequestStates[] = {
    {static_cast<int>(LedgerRequestState::kPendingApproval),
     "PENDING_APPROVAL"},
    {static_cast<int>(LedgerRequestState::kPosted), "POSTED"},
    {static_cast<int>(LedgerRequestState::kRejected), "REJECTED"}};

Status ValidateAllocationsWithin(const std::vector<RequestedAllocation>& list,
                                 std::int64_t amount_minor,
                                 const char* reason_when_over) {
  if (list.size() > 1000) return InvalidField("allocations", "at most 1000");
  std::int64_t sum = 0;
  std::map<std::int64_t, int> seen;
  for (const auto& a : list) {
    if (a.document_number <= 0) {
      return InvalidField("allocations.document_number", "must be above zero");
    }
    if (a.amount_minor <= 0 || a.amount_minor > kMaxLedgerAmountMinor) {
      return InvalidField("allocations.amount", "must be above zero");
    }
    if (seen[a.document_number]++) {
      return InvalidField("allocations", "name each document once");
    }
    sum += a.amount_minor;
    if (sum > amount_minor) {
      return InvalidArgument(reason_when_over,
                             "the allocations add up to more than the amount");
    }
  }
  return Status();
}

Status ValidateLedgerAmount(const std::string& field, const Money& amount) {
  BO_RETURN_IF_ERROR(ValidateMoney(field, amount));
  if (amount.minor_units <= 0 || amount.minor_units > kMaxLedgerAmountMinor) {
    return InvalidField(field, "must be above zero and at most 10^15");
  }
  return Status();
}

}  // namespace

const char* PartyKindName(PartyKind kind) { return NameOf(kind, kPartyKinds); }
PartyKind PartyKindFromName(const std::string& name) {
  return ValueOf<PartyKind>(name, kPartyKinds);
}
const char* PartyDocumentTypeName(PartyDocumentType type) {
  return NameOf(type, kDocumentTypes);
}
PartyDocumentType PartyDocumentTypeFromName(const std::string& name) {
  return ValueOf<PartyDocumentType>(name, kDocumentTypes);
}
const char* DirectionName(Direction direction) {
  return NameOf(direction, kDirections);
}
Direction DirectionFromName(const std::string& name) {
  return ValueOf<Direction>(name, kDirections);
}
const char* PaymentMethodName(PaymentMethod method) {
  return NameOf(method, kMethods);
}
PaymentMethod PaymentMethodFromName(const std::string& name) {
  return ValueOf<PaymentMethod>(name, kMethods);
}
const char* AuthorizationStateName(AuthorizationState state) {
  return NameOf(state, kAuthorizationStates);
}
AuthorizationState AuthorizationStateFromName(const std::string& name) {
  return ValueOf<AuthorizationState>(name, kAuthorizationStates);
}

const char* LedgerRequestTypeName(LedgerRequestType type) {
  return NameOf(type, kRequestTypes);
}
LedgerRequestType LedgerRequestTypeFromName(const std::string& name) {
  return ValueOf<LedgerRequestType>(name, kRequestTypes);
}
const char* LedgerRequestStateName(LedgerRequestState state) {
  return NameOf(state, kRequestStates);
}
LedgerRequestState LedgerRequestStateFromName(const std::string& name) {
  return ValueOf<LedgerRequestState>(name, kRequestStates);
}

Status ValidateReason(const std::string& reason) {
  if (reason.empty()) {
    return InvalidArgument("REASON_REQUIRED", "say why");
  }
  return ValidateOptionalText("reason", reason, 500);
}

Status ValidateNewWriteOff(const NewWriteOff& w) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", w.store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("write_off_id", w.write_off_id));
  BO_RETURN_IF_ERROR(ValidateCode("customer_code", w.customer_code));
  BO_RETURN_IF_ERROR(ValidateLedgerAmount("amount", w.amount));
  if (w.reason.empty()) {
    return InvalidArgument("REASON_REQUIRED",
                           "say why the debt cannot be collected");
  }
  BO_RETURN_IF_ERROR(ValidateOptionalText("reason", w.reason, 500));
  return ValidateAllocationsWithin(w.allocations, w.amount.minor_units,
                                   "ALLOCATION_EXCEEDS_WRITE_OFF");
}

std::string WriteOffFingerprint(const NewWriteOff& w) {
  FingerprintBuilder f("write_off/v1");
  f.Add(w.store_code)
      .Add(w.customer_code)
      .Add(w.amount.currency_code)
      .Add(w.amount.minor_units)
      .Add(w.reason)
      .Add(static_cast<std::int64_t>(w.allocations.size()));
  for (const auto& a : w.allocations)
    f.Add(a.document_number).Add(a.amount_minor);
  return f.Finish();
}

bool SupplierPaymentNeedsApproval(const CreditSettings& settings,
                                  std::int64_t amount_minor) {
  return amount_minor > settings.supplier_payment_approval_limit_minor;
}

bool WriteOffNeedsHeadOffice(const CreditSettings& settings,
                             std::int64_t amount_minor) {
  return amount_minor > settings.write_off_head_office_limit_minor;
}

Status CheckLedgerDecider(const LedgerRequest& request,
                          const Principal& checker) {
  if (request.state != LedgerRequestState::kPendingApproval) {
    return FailedPrecondition("REQUEST_NOT_PENDING",
                              "request " + request.ledger_request_id + " is " +
                                  LedgerRequestStateName(request.state))
        .WithMetadata("state", LedgerRequestStateName(request.state));
  }
  if (!IsManagerOrAbove(checker.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "a store manager or head office decides");
  }
  if (request.requested_by == FormatTokenId(checker.token_id)) {
    return PermissionDenied(
        "SELF_APPROVAL_FORBIDDEN",
        "a second person decides: the maker may not approve or reject");
  }
  if (request.needs_head_office && !IsChainWide(checker.role)) {
    return PermissionDenied("APPROVAL_LIMIT_EXCEEDED",
                            "above the store's limit only head office "
                            "approves");
  }
  return Status();
}

const char* SupplierInvoiceStateName(SupplierInvoiceState state) {
  return NameOf(state, kInvoiceStates);
}
SupplierInvoiceState SupplierInvoiceStateFromName(const std::string& name) {
  return ValueOf<SupplierInvoiceState>(name, kInvoiceStates);
}

Status ValidateNewSupplierInvoice(const NewSupplierInvoice& i) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", i.store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("invoice_id", i.invoice_id));
  BO_RETURN_IF_ERROR(ValidateCode("supplier_code", i.supplier_code));
  BO_RETURN_IF_ERROR(
      ValidateName("supplier_document", i.supplier_document, 64));
  BO_RETURN_IF_ERROR(ValidateLedgerAmount("invoice_amount", i.amount));
  if (i.receipt_ids.empty() || i.receipt_ids.size() > 100) {
    return InvalidField("receipt_ids", "name 1-100 receipts");
  }
  std::map<std::string, int> seen;
  for (const auto& id : i.receipt_ids) {
    BO_RETURN_IF_ERROR(ValidateIdempotencyKey("receipt_ids", id));
    if (seen[id]++) return InvalidField("receipt_ids", "name each once");
  }
  return Status();
}

std::string SupplierInvoiceFingerprint(const NewSupplierInvoice& i) {
  FingerprintBuilder f("supplier_invoice/v1");
  f.Add(i.store_code)
      .Add(i.supplier_code)
      .Add(i.supplier_document)
      .Add(i.amount.currency_code)
      .Add(i.amount.minor_units)
      .Add(static_cast<std::int64_t>(i.receipt_ids.size()));
  for (const auto& id : i.receipt_ids) f.Add(id);
  return f.Finish();
}

std::int64_t ExpectedInvoiceAmount(const std::vector<InvoicedLine>& lines) {
  std::int64_t total = 0;
  for (const auto& l : lines) {
    const std::int64_t cost =
        CostOfQuantity(l.received_milli, l.unit_cost_minor);
    // VAT half up, as receiving computes each line's (receipt_rules.cc).
    const std::int64_t tax = static_cast<std::int64_t>(
        (static_cast<Int128>(cost) * l.tax_rate_basis_points * 2 + 10000) /
        20000);
    total += cost + tax;
  }
  return total;
}

SupplierInvoiceState MatchInvoice(std::int64_t difference_minor,
                                  std::int64_t tolerance_minor) {
  const std::int64_t magnitude =
      difference_minor < 0 ? -difference_minor : difference_minor;
  return magnitude <= tolerance_minor ? SupplierInvoiceState::kMatched
                                      : SupplierInvoiceState::kBlocked;
}

Status CheckInvoiceAccepter(const SupplierInvoice& invoice,
                            const Principal& checker) {
  if (invoice.state != SupplierInvoiceState::kBlocked) {
    return FailedPrecondition("INVOICE_NOT_BLOCKED",
                              "invoice " + invoice.invoice_id + " is " +
                                  SupplierInvoiceStateName(invoice.state));
  }
  if (!IsManagerOrAbove(checker.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "a store manager or head office accepts");
  }
  if (invoice.recorded_by == FormatTokenId(checker.token_id)) {
    return PermissionDenied("SELF_APPROVAL_FORBIDDEN",
                            "who recorded the invoice may not accept it");
  }
  return Status();
}

Status ValidateCreditSettings(const CreditSettings& settings) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", settings.store_code));
  if (settings.supplier_payment_approval_limit_minor < 0 ||
      settings.supplier_payment_approval_limit_minor > kMaxLedgerAmountMinor) {
    return InvalidField("supplier_payment_approval_limit",
                        "must be within 0-10^15");
  }
  if (settings.write_off_head_office_limit_minor < 0 ||
      settings.write_off_head_office_limit_minor > kMaxLedgerAmountMinor) {
    return InvalidField("write_off_head_office_limit",
                        "must be within 0-10^15");
  }
  if (settings.invoice_match_tolerance_minor < 0 ||
      settings.invoice_match_tolerance_minor > kMaxLedgerAmountMinor) {
    return InvalidField("invoice_match_tolerance", "must be within 0-10^15");
  }
  if (settings.payment_run_head_office_limit_minor < 0 ||
      settings.payment_run_head_office_limit_minor > kMaxLedgerAmountMinor) {
    return InvalidField("payment_run_head_office_limit",
                        "must be within 0-10^15");
  }
  return Status();
}

void AgeingBuckets::Add(const AgeingBuckets& other) {
  current_minor += other.current_minor;
  days_1_30_minor += other.days_1_30_minor;
  days_31_60_minor += other.days_31_60_minor;
  days_61_90_minor += other.days_61_90_minor;
  over_90_minor += other.over_90_minor;
  unallocated_credit_minor += other.unallocated_credit_minor;
}

Status ValidateParty(const PartyRef& party) {
  if (party.kind == PartyKind::kUnspecified) {
    return InvalidField("party.kind", "must be CUSTOMER or SUPPLIER");
  }
  return ValidateCode("party.code", party.code);
}

Status ValidateDay(const std::string& field, const std::string& day) {
  absl::CivilDay parsed;
  if (day.size() != 10 || !absl::ParseCivilTime(day, &parsed) ||
      absl::FormatCivilTime(parsed) != day) {
    return InvalidField(field, "must be a day as YYYY-MM-DD");
  }
  return Status();
}

Status ValidateNewAuthorization(const NewAuthorization& r) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", r.store_code));
  BO_RETURN_IF_ERROR(
      ValidateIdempotencyKey("authorization_id", r.authorization_id));
  BO_RETURN_IF_ERROR(ValidateCode("customer_code", r.customer_code));
  BO_RETURN_IF_ERROR(ValidateCode("terminal_code", r.terminal_code));
  return ValidateLedgerAmount("amount", r.amount);
}

Status ValidateNewPayment(const NewPayment& p) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", p.store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("payment_id", p.payment_id));
  BO_RETURN_IF_ERROR(ValidateParty(p.party));
  BO_RETURN_IF_ERROR(ValidateLedgerAmount("amount", p.amount));
  if (p.method == PaymentMethod::kUnspecified) {
    return InvalidField("method", "say how it was paid");
  }
  BO_RETURN_IF_ERROR(ValidateOptionalText("reference", p.reference, 64));
  BO_RETURN_IF_ERROR(ValidateOptionalText("note", p.note, 500));
  if (!p.terminal_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCode("terminal_code", p.terminal_code));
    if (p.party.kind != PartyKind::kCustomer) {
      return InvalidField("terminal_code", "only a customer pays at a till");
    }
  }
  return ValidateAllocationsWithin(p.allocations, p.amount.minor_units,
                                   "ALLOCATION_EXCEEDS_PAYMENT");
}

std::string AuthorizationFingerprint(const NewAuthorization& r) {
  return FingerprintBuilder("credit_authorization/v1")
      .Add(r.store_code)
      .Add(r.customer_code)
      .Add(r.terminal_code)
      .Add(r.amount.currency_code)
      .Add(r.amount.minor_units)
      .Finish();
}

std::string PaymentFingerprint(const NewPayment& p) {
  FingerprintBuilder f("party_payment/v1");
  f.Add(p.store_code)
      .Add(PartyKindName(p.party.kind))
      .Add(p.party.code)
      .Add(p.amount.currency_code)
      .Add(p.amount.minor_units)
      .Add(PaymentMethodName(p.method))
      .Add(p.reference)
      .Add(p.terminal_code)
      .Add(p.note)
      .Add(static_cast<std::int64_t>(p.allocations.size()));
  for (const auto& a : p.allocations) {
    f.Add(a.document_number).Add(a.amount_minor);
  }
  return f.Finish();
}

bool WithinCreditLimit(const CreditPosition& position,
                       std::int64_t amount_minor) {
  // Every term is bounded far below 2^62 (kMaxLedgerAmountMinor per
  // document), so the sum cannot overflow.
  return position.balance_minor + position.open_holds_minor + amount_minor <=
         position.credit_limit_minor;
}

Status CheckOverrider(const CreditAuthorization& authorization,
                      const Principal& checker) {
  if (authorization.state != AuthorizationState::kOverLimit) {
    return FailedPrecondition("AUTHORIZATION_NOT_OVER_LIMIT",
                              "authorization " +
                                  authorization.authorization_id + " is " +
                                  AuthorizationStateName(authorization.state) +
                                  ": only a refused one is overridden")
        .WithMetadata("state", AuthorizationStateName(authorization.state));
  }
  if (!IsManagerOrAbove(checker.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "a store manager or head office overrides");
  }
  if (authorization.requested_by == FormatTokenId(checker.token_id)) {
    return PermissionDenied(
        "SELF_APPROVAL_FORBIDDEN",
        "the override needs a second person: who asked may not override");
  }
  return Status();
}

AuthorizationState EffectiveState(const CreditAuthorization& a,
                                  TimeMicros now) {
  if (a.state == AuthorizationState::kHeld && a.expire_time <= now) {
    return AuthorizationState::kExpired;
  }
  return a.state;
}

std::string CreditExceptionKind(const std::string& authorization_id,
                                const TenderAuthorization* found,
                                std::int64_t tender_minor,
                                std::int64_t already_used_minor,
                                TimeMicros record_time) {
  if (authorization_id.empty()) return "NO_AUTHORIZATION";
  if (found == nullptr) return "AUTHORIZATION_NOT_FOUND";
  if (!found->same_customer) return "AUTHORIZATION_OTHER_CUSTOMER";
  if (!found->same_terminal) return "AUTHORIZATION_OTHER_TERMINAL";
  if (found->state != AuthorizationState::kHeld) {
    return "AUTHORIZATION_NOT_HELD";
  }
  if (found->expire_time <= record_time) return "AUTHORIZATION_EXPIRED";
  // Amounts are bounded by validation, so the sum cannot overflow.
  if (already_used_minor + tender_minor > found->amount_minor) {
    return "AUTHORIZATION_AMOUNT_EXCEEDED";
  }
  return "";
}

StatusOr<AllocationPlan> PlanAllocations(
    std::int64_t amount_minor, const std::vector<OpenItem>& open_debits,
    const std::vector<RequestedAllocation>& requested) {
  AllocationPlan plan;
  std::int64_t left = amount_minor;
  if (!requested.empty()) {
    std::map<std::int64_t, std::int64_t> open;
    for (const auto& item : open_debits) {
      open[item.document_number] = item.open_minor;
    }
    for (const auto& r : requested) {
      auto it = open.find(r.document_number);
      if (it == open.end() || it->second <= 0) {
        return FailedPrecondition("DOCUMENT_NOT_OPEN",
                                  "document " +
                                      std::to_string(r.document_number) +
                                      " is not an open charge of this party")
            .WithMetadata("document_number", std::to_string(r.document_number));
      }
      if (r.amount_minor > it->second) {
        return FailedPrecondition(
                   "ALLOCATION_EXCEEDS_OPEN",
                   "document " + std::to_string(r.document_number) +
                       " has only " + std::to_string(it->second) + " open")
            .WithMetadata("document_number", std::to_string(r.document_number));
      }
      if (r.amount_minor > left) {
        return InvalidArgument(
            "ALLOCATION_EXCEEDS_PAYMENT",
            "the allocations add up to more than the payment");
      }
      plan.allocations.push_back(r);
      left -= r.amount_minor;
    }
  } else {
    for (const auto& item : open_debits) {
      if (left == 0) break;
      if (item.open_minor <= 0) continue;
      const std::int64_t take = std::min(left, item.open_minor);
      plan.allocations.push_back({item.document_number, take});
      left -= take;
    }
  }
  plan.left_over_minor = left;
  return plan;
}

int AgeingBucketOf(const std::string& as_of_day, const std::string& due_day) {
  absl::CivilDay as_of, due;
  if (!absl::ParseCivilTime(as_of_day, &as_of) ||
      !absl::ParseCivilTime(due_day, &due)) {
    return 0;
  }
  const auto past_due = as_of - due;
  int bucket = 0;
  for (int bound : kAgeingBucketBounds) {
    if (past_due <= bound) return bucket;
    ++bucket;
  }
  return bucket;
}

std::string AddDays(const std::string& day, int days) {
  absl::CivilDay parsed;
  if (!absl::ParseCivilTime(day, &parsed)) return day;
  return absl::FormatCivilTime(parsed + days);
}

}  // namespace backoffice::domain
