// The rules of goods receiving, pure: what a valid receipt is, what it
// posts, when it needs a manager, and who may receive and approve.
#ifndef BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIPT_RULES_H_
#define BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIPT_RULES_H_

#include <string>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "receiving/domain/receipt_model.h"

namespace backoffice::domain {

// INVALID_ARGUMENT for a malformed request: ids, 1-1000 lines, quantities,
// reject reasons, dates, a (product, lot, expiry) at most once, texts.
Status ValidateNewReceipt(const NewGoodsReceipt& receipt);
// What the client said, to tell a replay from a reuse of the id.
std::string ReceiptFingerprint(const NewGoodsReceipt& receipt);

// The receipt `input` makes by `receiver` given `facts` (read under the
// order's lock): its lines with cost and VAT, its totals, and its state:
// POSTED, or PENDING_APPROVAL without an order or, when the receiver asked
// for it, beyond the tolerance. Refusals: PERMISSION_DENIED
// (SEGREGATION_OF_DUTIES: the order's approver receives it);
// FAILED_PRECONDITION (ORDER_NOT_RECEIVABLE, SUPPLIER_INACTIVE,
// SUPPLIER_MISMATCH, PRODUCT_NOT_ON_ORDER, LOT_NOT_SELLABLE, OVER_RECEIPT);
// INVALID_ARGUMENT (LOT_REQUIRED, EXPIRY_DATE_REQUIRED, UNIT_COST_REQUIRED,
// CURRENCY_MISMATCH); NOT_FOUND (PRODUCT_NOT_FOUND).
StatusOr<GoodsReceipt> PlanReceipt(const NewGoodsReceipt& input,
                                   const ReceiptFacts& facts,
                                   const Principal& receiver);

// The most an order line may have received without approval: its quantity
// plus the tolerance (basis points of it, rounded down).
std::int64_t ReceivableLimit(std::int64_t ordered_milli, int tolerance_bp);

// Who may approve or reject a pending receipt: a store manager or above
// (ROLE_NOT_ALLOWED) who is not its receiver (SELF_APPROVAL_FORBIDDEN).
Status CheckReceiptDecider(const GoodsReceipt& receipt,
                           const Principal& decider);

// FAILED_PRECONDITION (LOT_NOT_SELLABLE) when a line brings a lot that may
// no longer be sold on facts.business_day (a receipt that waited for its
// approval past its lots' sell-by day).
Status CheckLotsStillSellable(const GoodsReceipt& receipt,
                              const ReceiptFacts& facts);

// FAILED_PRECONDITION (ORDER_NOT_RECEIVABLE) unless an order in `state`
// takes goods: APPROVED, SENT or PARTIALLY_RECEIVED.
Status CheckOrderReceivable(const std::string& order_id,
                            const std::string& state);

// The day a payable falls due: the receipt's business day plus the
// supplier's payment terms.
std::string PayableDueDay(const std::string& business_day, int terms_days);

// The order's state once every line's received quantity is known:
// RECEIVED when each line has its quantity, else PARTIALLY_RECEIVED.
std::string OrderStateAfterReceipt(
    const std::vector<ReceivableOrderLine>& lines_after);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIPT_RULES_H_
