// The values of the party ledger: documents, allocations, authorizations,
// accounts, statements and ageing.
#ifndef BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_MODEL_H_
#define BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"

namespace backoffice::domain {

enum class PartyKind { kUnspecified, kCustomer, kSupplier };
enum class PartyDocumentType {
  kUnspecified,
  kCharge,
  kPayment,
  kCreditNote,
  kWriteOff,
  kReversal
};
// Debits raise what the party owes (for a supplier: what the store owes
// it); credits lower it.
enum class Direction { kUnspecified, kDebit, kCredit };
enum class PaymentMethod {
  kUnspecified,
  kCash,
  kBankTransfer,
  kQris,
  kCard,
  kCheque
};
enum class AuthorizationState {
  kUnspecified,
  kHeld,
  kOverLimit,
  kConsumed,
  kReleased,
  kExpired
};

const char* PartyKindName(PartyKind kind);
PartyKind PartyKindFromName(const std::string& name);
const char* PartyDocumentTypeName(PartyDocumentType type);
PartyDocumentType PartyDocumentTypeFromName(const std::string& name);
const char* DirectionName(Direction direction);
Direction DirectionFromName(const std::string& name);
const char* PaymentMethodName(PaymentMethod method);
PaymentMethod PaymentMethodFromName(const std::string& name);
const char* AuthorizationStateName(AuthorizationState state);
AuthorizationState AuthorizationStateFromName(const std::string& name);

struct PartyRef {
  PartyKind kind = PartyKind::kUnspecified;
  std::string code;
};

struct PartyDocument {
  std::string store_code;
  PartyRef party;
  std::int64_t document_number = 0;
  PartyDocumentType type = PartyDocumentType::kUnspecified;
  Direction direction = Direction::kUnspecified;
  std::string source_type;  // "SALE", "RETURN", "VOID", "PAYMENT", ...
  std::string source_id;
  std::string currency_code;
  std::int64_t amount_minor = 0;
  std::int64_t open_minor = 0;
  std::string document_day;
  std::string due_day;
  PaymentMethod payment_method = PaymentMethod::kUnspecified;
  std::string reference;
  std::string terminal_code;
  std::int64_t reverses_document_number = 0;
  std::string note;
  std::string recorded_by;
  TimeMicros create_time = 0;
};

struct Allocation {
  std::int64_t debit_document_number = 0;
  std::int64_t credit_document_number = 0;
  std::int64_t amount_minor = 0;  // Below zero: an allocation undone.
  std::string currency_code;
  std::string allocation_day;
  TimeMicros create_time = 0;
};

// An open document as allocation sees it.
struct OpenItem {
  std::int64_t document_number = 0;
  std::string due_day;
  std::int64_t open_minor = 0;
};

struct RequestedAllocation {
  std::int64_t document_number = 0;
  std::int64_t amount_minor = 0;
};

struct AllocationPlan {
  std::vector<RequestedAllocation> allocations;
  std::int64_t left_over_minor = 0;
};

struct CreditAuthorization {
  std::string store_code;
  std::string authorization_id;
  std::string customer_code;
  std::string terminal_code;
  std::string currency_code;
  std::int64_t amount_minor = 0;
  AuthorizationState state = AuthorizationState::kUnspecified;
  TimeMicros expire_time = 0;
  std::int64_t balance_minor = 0;
  std::int64_t open_holds_minor = 0;
  std::int64_t credit_limit_minor = 0;
  std::string requested_by;
  std::string overridden_by;
  std::string override_reason;
  std::string sale_id;
  TimeMicros create_time = 0;
};

struct NewAuthorization {
  std::string store_code;
  std::string authorization_id;
  std::string customer_code;
  std::string terminal_code;
  Money amount;
};

struct AuthorizationOutcome {
  CreditAuthorization authorization;
  bool replayed = false;
};

// What AuthorizeCredit decides on, read under the account's lock.
struct CreditPosition {
  std::int64_t balance_minor = 0;
  std::int64_t open_holds_minor = 0;
  std::int64_t credit_limit_minor = 0;
};

struct NewPayment {
  std::string store_code;
  std::string payment_id;
  PartyRef party;
  Money amount;
  PaymentMethod method = PaymentMethod::kUnspecified;
  std::string reference;
  std::string terminal_code;
  std::vector<RequestedAllocation> allocations;
  std::string note;
};

enum class LedgerRequestType { kUnspecified, kSupplierPayment, kWriteOff };
enum class LedgerRequestState {
  kUnspecified,
  kPendingApproval,
  kPosted,
  kRejected
};
const char* LedgerRequestTypeName(LedgerRequestType type);
LedgerRequestType LedgerRequestTypeFromName(const std::string& name);
const char* LedgerRequestStateName(LedgerRequestState state);
LedgerRequestState LedgerRequestStateFromName(const std::string& name);

// A change to a ledger that waits for a second person.
struct LedgerRequest {
  std::string store_code;
  std::string ledger_request_id;
  LedgerRequestType type = LedgerRequestType::kUnspecified;
  PartyRef party;
  std::string currency_code;
  std::int64_t amount_minor = 0;
  PaymentMethod method = PaymentMethod::kUnspecified;
  std::string reference;
  std::vector<RequestedAllocation> allocations;
  std::string note;
  LedgerRequestState state = LedgerRequestState::kUnspecified;
  bool needs_head_office = false;
  std::string requested_by;
  std::string decided_by;
  std::string decision_reason;
  std::int64_t document_number = 0;
  TimeMicros create_time = 0;
  TimeMicros decide_time = 0;
  std::int64_t sequence = 0;  // The paging key.
};

struct NewWriteOff {
  std::string store_code;
  std::string write_off_id;
  std::string customer_code;
  Money amount;
  std::vector<RequestedAllocation> allocations;
  std::string reason;
};

struct LedgerRequestOutcome {
  LedgerRequest request;
  bool replayed = false;
};

struct LedgerDecisionOutcome {
  LedgerRequest request;
  std::optional<PartyDocument> document;
  std::vector<Allocation> allocations;
};

struct PaymentOutcome {
  PartyDocument payment;
  std::vector<Allocation> allocations;
  bool replayed = false;
  // A supplier payment above the store's limit waits here instead.
  std::optional<LedgerRequest> approval_request;
};

struct CreditSettings {
  std::string store_code;
  std::string currency_code;
  std::int64_t supplier_payment_approval_limit_minor = 0;
  std::int64_t write_off_head_office_limit_minor = 0;
  std::int64_t invoice_match_tolerance_minor = 0;
  std::int64_t payment_run_head_office_limit_minor = 0;
};

// A payment run: one payment per supplier, prepared by one person and
// posted on a second person's approval. Its states are a ledger request's.
struct PaymentRunItem {
  std::int64_t document_number = 0;
  std::string due_day;
  std::int64_t amount_minor = 0;
};

struct PaymentRunLine {
  int line_number = 0;
  std::string supplier_code;
  std::string display_name;
  std::vector<PaymentRunItem> payables;
  std::vector<PaymentRunItem> credits;
  std::int64_t gross_minor = 0;
  std::int64_t credits_minor = 0;
  std::int64_t amount_minor = 0;  // gross less credits, above zero.
  std::string payment_id;         // Once posted.
  std::int64_t document_number = 0;
};

struct PaymentRun {
  std::string store_code;
  std::string payment_run_id;
  std::string due_by_day;
  PaymentMethod method = PaymentMethod::kUnspecified;
  std::string reference;
  std::string note;
  std::string currency_code;
  std::vector<PaymentRunLine> lines;
  std::int64_t total_minor = 0;
  LedgerRequestState state = LedgerRequestState::kUnspecified;
  bool needs_head_office = false;
  std::string prepared_by;
  std::string decided_by;
  std::string decision_reason;
  TimeMicros create_time = 0;
  TimeMicros decide_time = 0;
  std::int64_t sequence = 0;  // The paging key.
};

struct NewPaymentRun {
  std::string store_code;
  std::string payment_run_id;
  std::string due_by_day;
  PaymentMethod method = PaymentMethod::kUnspecified;
  std::vector<std::string> supplier_codes;  // Empty: every supplier.
  std::string reference;
  std::string note;
};

struct PaymentRunOutcome {
  PaymentRun run;
  bool replayed = false;
};

// One allocation a run line posts: `credit_document_number` 0 is the
// line's own payment.
struct RunSettlement {
  std::int64_t debit_document_number = 0;
  std::int64_t credit_document_number = 0;
  std::int64_t amount_minor = 0;
};

enum class SupplierInvoiceState { kUnspecified, kMatched, kBlocked, kAccepted };
const char* SupplierInvoiceStateName(SupplierInvoiceState state);
SupplierInvoiceState SupplierInvoiceStateFromName(const std::string& name);

struct NewSupplierInvoice {
  std::string store_code;
  std::string invoice_id;
  std::string supplier_code;
  std::string supplier_document;
  std::vector<std::string> receipt_ids;
  Money amount;
};

struct SupplierInvoice {
  std::string store_code;
  std::string invoice_id;
  std::string supplier_code;
  std::string supplier_document;
  std::vector<std::string> receipt_ids;
  std::string currency_code;
  std::int64_t invoice_amount_minor = 0;
  std::int64_t expected_amount_minor = 0;
  std::int64_t receipts_amount_minor = 0;
  std::int64_t tolerance_minor = 0;
  SupplierInvoiceState state = SupplierInvoiceState::kUnspecified;
  std::string recorded_by;
  std::string accepted_by;
  std::string accept_reason;
  std::int64_t adjustment_document_number = 0;
  TimeMicros create_time = 0;
  std::int64_t difference_minor() const {
    return invoice_amount_minor - expected_amount_minor;
  }
};

struct SupplierInvoiceOutcome {
  SupplierInvoice invoice;
  bool replayed = false;
};

// A received line at the price its order agreed (the receipt's own price
// without an order).
struct InvoicedLine {
  std::int64_t received_milli = 0;
  std::int64_t unit_cost_minor = 0;
  std::int32_t tax_rate_basis_points = 0;
};

// What a store owes one supplier by a day.
struct PayableDue {
  std::int64_t store_id = 0;  // The paging key, with party_id.
  std::int64_t party_id = 0;
  std::string store_code;
  std::string supplier_code;
  std::string display_name;
  std::string currency_code;
  std::int64_t amount_due_minor = 0;
  std::int64_t document_count = 0;
  std::string oldest_due_day;
  std::int64_t overdue_minor = 0;
};

struct ReversalOutcome {
  PartyDocument reversal;
  std::vector<Allocation> allocations;
  bool replayed = false;
};

struct Account {
  std::string store_code;
  PartyRef party;
  std::string currency_code;
  std::int64_t balance_minor = 0;
  std::int64_t open_debits_minor = 0;
  std::int64_t open_credits_minor = 0;
  std::int64_t open_holds_minor = 0;
  std::int64_t credit_limit_minor = 0;
  std::int64_t available_minor() const {
    return credit_limit_minor - balance_minor - open_holds_minor;
  }
};

struct StatementLine {
  PartyDocument document;
  std::int64_t running_balance_minor = 0;
};

struct Statement {
  std::string currency_code;
  std::int64_t opening_balance_minor = 0;
  std::vector<StatementLine> lines;
  std::vector<Allocation> allocations;
  std::int64_t closing_balance_minor = 0;
  bool truncated = false;
};

struct AgeingBuckets {
  std::int64_t current_minor = 0;
  std::int64_t days_1_30_minor = 0;
  std::int64_t days_31_60_minor = 0;
  std::int64_t days_61_90_minor = 0;
  std::int64_t over_90_minor = 0;
  std::int64_t unallocated_credit_minor = 0;
  std::int64_t total_minor() const {
    return current_minor + days_1_30_minor + days_31_60_minor +
           days_61_90_minor + over_90_minor - unallocated_credit_minor;
  }
  void Add(const AgeingBuckets& other);
};

struct AgeingRow {
  // The paging key: rows come in (store, party) row order.
  std::int64_t store_id = 0;
  std::int64_t party_id = 0;
  std::string store_code;
  PartyRef party;
  std::string display_name;
  std::string currency_code;
  AgeingBuckets buckets;
};

struct Ageing {
  std::vector<AgeingRow> rows;
  std::vector<AgeingRow> totals;
  std::string as_of_day;
  std::string next_page_token;
};

struct CreditException {
  std::string store_code;
  std::string sale_id;
  std::string terminal_code;
  std::string customer_code;
  std::string currency_code;
  std::int64_t amount_minor = 0;
  std::string kind;
  std::string authorization_id;
  std::string business_day;
  TimeMicros sale_time = 0;
  std::int64_t sequence = 0;  // The paging key.
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_MODEL_H_
