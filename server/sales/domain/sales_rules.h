// The rules of sales, returns and voids: validation, who may post
// for which till, the content fingerprint behind exactly-once, business
// days, and refunds. The storage layer runs them inside its transactions.
//
// Thread safety: the free functions are pure; Sales, Inventory and
// Reconciliation are stateless beyond their repositories and safe for
// concurrent use.
#ifndef BACKOFFICE_SERVER_SALES_DOMAIN_SALES_RULES_H_
#define BACKOFFICE_SERVER_SALES_DOMAIN_SALES_RULES_H_

#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "sales/domain/sale_model.h"

namespace backoffice::domain {

inline constexpr int kMaxSaleLines = 500;
inline constexpr int kMaxTenders = 20;
inline constexpr int kMaxUploadSales = 1000;
// Sales of an upload are committed this many per transaction.
inline constexpr int kUploadGroupSize = 50;
// A till's clock may run ahead a little; more is refused.
inline constexpr TimeMicros kMaxClockSkewMicros = 10LL * 60 * 1'000'000;

// Checks a sale as sent by a till and sets `total_minor`. `now` bounds
// `sale_time` (no sale from the future).
Status ValidateSale(Sale& sale, TimeMicros now);
Status ValidateReturn(const SaleReturn& sale_return, TimeMicros now);

// quantity x unit price / 1000, rounded half up: what a line must charge.
std::int64_t LineAmount(std::int64_t quantity_milli, std::int64_t unit_price);

// A fingerprint of everything the till said about the sale (not what the
// server added), to tell a replay from a reuse of the same id.
std::string SaleFingerprint(const Sale& sale);
std::string ReturnFingerprint(const SaleReturn& sale_return);

// PERMISSION_DENIED unless `principal` may post sales, returns or voids for
// this store and till: a till only for itself, others for their store.
Status CheckMayPostFor(const Principal& principal,
                       const std::string& store_code,
                       const std::string& terminal_code);

// The rules a return and a void check on the rows storage locked for them.
// FAILED_PRECONDITION (SALE_VOIDED): a voided sale takes no returns.
Status CheckSaleTakesReturns(const std::string& sale_id, SaleState state);
// FAILED_PRECONDITION (RETURN_EXCEEDS_SOLD) when `quantity` more of a line
// would take back more than was sold.
Status CheckReturnFits(int line_number, std::int64_t sold,
                       std::int64_t returned_before, std::int64_t quantity);
// FAILED_PRECONDITION (SALE_HAS_RETURNS): a sale that took returns is not
// voided; its returns stand, and what is left is returned instead.
Status CheckSaleMayBeVoided(const std::string& sale_id,
                            std::int64_t returned_quantity_milli);

// FAILED_PRECONDITION (TERMINAL_INACTIVE) for a till a manager deactivated:
// a stolen or retired till posts nothing more, whoever sends its sales.
Status CheckTillMayRecord(const std::string& terminal_code, bool active);
// FAILED_PRECONDITION (CUSTOMER_INACTIVE): no new credit for a customer
// the store closed.
Status CheckCustomerMayBuyOnCredit(const std::string& customer_code,
                                   bool active);
// What a recorded sale leaves for a manager to look at: a line of a product
// marked inactive (it was sold, so the sale stands). `product_active` has
// one entry per line.
std::vector<SaleException> SaleExceptions(
    const Sale& sale, const std::vector<bool>& product_active);

// The calendar day (YYYY-MM-DD) of `instant` in the IANA zone `time_zone`.
StatusOr<std::string> BusinessDay(TimeMicros instant,
                                  const std::string& time_zone);
Status ValidateBusinessDay(const std::string& field, const std::string& day);

// The refund of `quantity` of a line whose net amount was `line_net` for
// `sold` units, given what earlier returns took back. The last return of a
// line refunds exactly what is left, so refunds never exceed the net.
std::int64_t RefundFor(std::int64_t line_net, std::int64_t sold,
                       std::int64_t returned_before,
                       std::int64_t refunded_before, std::int64_t quantity);

// Receipt numbers missing between the lowest and highest of `numbers`
// (sorted ascending), at most `limit` of them.
std::vector<std::int64_t> MissingReceipts(
    const std::vector<std::int64_t>& numbers, std::size_t limit);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_SALES_DOMAIN_SALES_RULES_H_
