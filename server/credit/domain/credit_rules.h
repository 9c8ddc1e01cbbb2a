// The pure rules of the party ledger: validation, fingerprints, the credit
// limit, maker-checker on overrides, allocation and ageing. No storage, no
// clock: callers pass what was read under lock and the time.
#ifndef BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_RULES_H_
#define BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_RULES_H_

#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "credit/domain/credit_model.h"

namespace backoffice::domain {

// How long an authorization holds its amount.
inline constexpr TimeMicros kCreditHoldMicros = 15LL * 60 * 1000 * 1000;
// The largest amount one document or authorization may carry: far above
// any retail debt, and low enough that sums of many never overflow.
inline constexpr std::int64_t kMaxLedgerAmountMinor = 1'000'000'000'000'000;
// Customers' payment terms when none are set.
inline constexpr int kDefaultCreditTermsDays = 30;

Status ValidateParty(const PartyRef& party);
Status ValidateNewAuthorization(const NewAuthorization& request);
Status ValidateNewPayment(const NewPayment& payment);
// YYYY-MM-DD, a real day.
Status ValidateDay(const std::string& field, const std::string& day);

std::string AuthorizationFingerprint(const NewAuthorization& request);
std::string PaymentFingerprint(const NewPayment& payment);

// Whether balance + open holds + amount stays within the limit.
bool WithinCreditLimit(const CreditPosition& position,
                       std::int64_t amount_minor);

// Maker-checker for an override: the authorization must be OVER_LIMIT
// (FAILED_PRECONDITION, AUTHORIZATION_NOT_OVER_LIMIT), the checker a
// manager or above who did not request it (PERMISSION_DENIED,
// SELF_APPROVAL_FORBIDDEN).
Status CheckOverrider(const CreditAuthorization& authorization,
                      const Principal& checker);

// The state an authorization reads as at `now`: a hold past its expiry is
// EXPIRED.
AuthorizationState EffectiveState(const CreditAuthorization& authorization,
                                  TimeMicros now);

// What a sale's store-credit tender finds of the authorization it names.
struct TenderAuthorization {
  bool same_customer = false;
  bool same_terminal = false;
  AuthorizationState state = AuthorizationState::kUnspecified;
  TimeMicros expire_time = 0;
  std::int64_t amount_minor = 0;
};

// What a store-credit tender's authorization says about the sale: empty
// when it validly covers the tender, else the kind of credit exception
// ("NO_AUTHORIZATION", "AUTHORIZATION_NOT_FOUND", ...). `found` is null when
// the tender named none or it does not exist; `already_used_minor` is what
// earlier tenders of the unit of work took from the same hold. The hold
// must still hold when the sale reaches the server (`record_time`): an
// expired hold no longer counts against the limit, so a sale that arrives
// after it is listed, however early the till says it happened.
std::string CreditExceptionKind(const std::string& authorization_id,
                                const TenderAuthorization* found,
                                std::int64_t tender_minor,
                                std::int64_t already_used_minor,
                                TimeMicros record_time);

// Sets `amount` against open debits: the ones named in `requested` (each
// open, within its open amount, the sum within the amount), or, when none
// are named, the open debits oldest due first. What is left stays open.
// `open_debits` must be sorted oldest due first.
StatusOr<AllocationPlan> PlanAllocations(
    std::int64_t amount_minor, const std::vector<OpenItem>& open_debits,
    const std::vector<RequestedAllocation>& requested);

// A decision's or reversal's reason: 1-500 characters (REASON_REQUIRED).
Status ValidateReason(const std::string& reason);
Status ValidateNewWriteOff(const NewWriteOff& write_off);
std::string WriteOffFingerprint(const NewWriteOff& write_off);
// Every supplier payment above the store's limit waits for a second
// person.
bool SupplierPaymentNeedsApproval(const CreditSettings& settings,
                                  std::int64_t amount_minor);
// Write-offs above the store's limit are head office's to approve.
bool WriteOffNeedsHeadOffice(const CreditSettings& settings,
                             std::int64_t amount_minor);
// Maker-checker on a waiting request: it must be waiting
// (FAILED_PRECONDITION, REQUEST_NOT_PENDING); the checker a manager or
// above (ROLE_NOT_ALLOWED) who did not make it (SELF_APPROVAL_FORBIDDEN,
// whatever the role), and head office when the request needs it
// (APPROVAL_LIMIT_EXCEEDED).
Status CheckLedgerDecider(const LedgerRequest& request,
                          const Principal& checker);
Status ValidateCreditSettings(const CreditSettings& settings);

Status ValidateNewSupplierInvoice(const NewSupplierInvoice& invoice);
std::string SupplierInvoiceFingerprint(const NewSupplierInvoice& invoice);
// What the received lines come to at their orders' prices, VAT included,
// rounded as receiving rounds each line (cost half up, then its VAT half
// up).
std::int64_t ExpectedInvoiceAmount(const std::vector<InvoicedLine>& lines);
// MATCHED within the tolerance either way, BLOCKED beyond it.
SupplierInvoiceState MatchInvoice(std::int64_t difference_minor,
                                  std::int64_t tolerance_minor);
// Accepting a blocked invoice: it must be BLOCKED (FAILED_PRECONDITION,
// INVOICE_NOT_BLOCKED), the checker a manager or above (ROLE_NOT_ALLOWED)
// who did not record it (SELF_APPROVAL_FORBIDDEN).
Status CheckInvoiceAccepter(const SupplierInvoice& invoice,
                            const Principal& checker);

// The ageing buckets by days past due as of the day aged: up to the first
// bound (0) is current, then 1-30, 31-60, 61-90, and over the last bound.
// Storage sums open amounts into them with these bounds; this is the one
// place they are set.
inline constexpr int kAgeingBucketBounds[] = {0, 30, 60, 90};
// The bucket (0 current ... 4 over 90) of a debit due on `due_day`, as of
// `as_of_day`.
int AgeingBucketOf(const std::string& as_of_day, const std::string& due_day);

std::string AddDays(const std::string& day, int days);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_RULES_H_
