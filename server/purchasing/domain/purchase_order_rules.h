// The rules of a purchase order, pure: its money arithmetic, its lines
// (whole packs, at least the minimum order quantity), its state machine, the
// etag (AIP-154) and maker-checker. Storage applies them to the row it has
// locked; errors carry stable reasons.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_RULES_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_RULES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "purchasing/domain/purchase_order_model.h"

namespace backoffice::domain {

// quantity (thousandths) x unit cost, rounded half up to the minor unit.
std::int64_t LineCostMinor(std::int64_t quantity_milli,
                           std::int64_t unit_cost_minor);
// The VAT of `cost_minor` at `basis_points`, rounded half up.
std::int64_t TaxMinor(std::int64_t cost_minor, std::int32_t basis_points);
// Recomputes each line's cost and VAT and the order's totals.
void RecomputeTotals(PurchaseOrder& order);

// `value` rounded up / down to a multiple of `step` (> 0); value >= 0.
std::int64_t RoundUpTo(std::int64_t value, std::int64_t step);
std::int64_t RoundDownTo(std::int64_t value, std::int64_t step);

// A quantity of an order line: more than 0 (INVALID_QUANTITY), whole packs
// (QUANTITY_NOT_WHOLE_PACKS), at least the minimum order quantity
// (BELOW_MINIMUM_ORDER_QUANTITY). INVALID_ARGUMENT with the SKU.
Status CheckLineQuantity(const std::string& sku, std::int64_t quantity_milli,
                         std::int64_t pack_size_milli,
                         std::int64_t min_order_quantity_milli);

// The shape of requested lines before any lookup: SKUs present and at most
// once (DUPLICATE_LINE), quantities positive, costs not negative, at most
// kMaxOrderLines.
Status ValidateLineInputs(const std::vector<OrderLineInput>& lines);

// Adds `inputs` to `order` (a draft): to the product's line, or a new line
// with the supplier item's pack, VAT and cost (or the given cost). `items`
// holds the supplier's active items of the SKUs, in the order's currency;
// a SKU without one is NOT_FOUND (SUPPLIER_ITEM_NOT_FOUND). Each resulting
// line is checked with CheckLineQuantity against the current item; totals
// are recomputed.
Status AddLinesToOrder(PurchaseOrder& order,
                       const std::vector<OrderLineInput>& inputs,
                       const std::map<std::string, ReplenishmentItem>& items);

// INVALID_ARGUMENT when the order has more than 1000 lines, a line more
// than a million units (TOO_MANY_LINES, INVALID_QUANTITY) or a total with
// VAT above kMaxAmountMinor (ORDER_TOO_LARGE): amounts stay exact.
Status CheckOrderSize(const PurchaseOrder& order);

// "1", "2", ...: the etag of a version.
std::string FormatEtag(std::int64_t version);
// INVALID_ARGUMENT (ETAG_REQUIRED) when empty; ABORTED (ETAG_MISMATCH) when
// it is not the order's current etag.
Status CheckEtag(const PurchaseOrder& order, const std::string& etag);
// FAILED_PRECONDITION (ORDER_NOT_DRAFT) unless the order is a draft.
Status CheckEditable(const PurchaseOrder& order);

// The identity maker-checker compares: "tok_<n>".
std::string ActorId(const Principal& principal);

// Maker-checker for approving `order`: PERMISSION_DENIED with
// ROLE_NOT_ALLOWED below store manager, SELF_APPROVAL_FORBIDDEN when the
// approver created, last changed or submitted it (whatever their role), and
// APPROVAL_LIMIT_EXCEEDED when its total with VAT is above `limit` and the
// approver is not head office or an admin.
Status CheckApprover(const PurchaseOrder& order, const Principal& approver,
                     const std::optional<std::int64_t>& limit_minor);

// The state an action leads to.
PurchaseOrderState TargetState(OrderAction action);

// Applies `action` by `actor` to `order` as read under lock. Returns false
// when the order already is where the action leads and nothing is to be done
// (a retry: submit, send, cancel and close in their target state; approve
// by the same approver), true when it changed the order (state, actors,
// times, version + 1). Otherwise: ABORTED (ETAG_MISMATCH) for a stale etag;
// FAILED_PRECONDITION (INVALID_STATE_TRANSITION, ORDER_HAS_NO_LINES);
// INVALID_ARGUMENT (REASON_REQUIRED, INVALID_REASON); PERMISSION_DENIED
// (see CheckApprover; ROLE_NOT_ALLOWED to cancel an approved or sent order
// below store manager).
StatusOr<bool> ApplyTransition(PurchaseOrder& order, OrderAction action,
                               const Principal& actor, const std::string& etag,
                               const std::string& reason,
                               const TransitionFacts& facts, TimeMicros now);

// The expected delivery day: the business day of `now` in `time_zone` plus
// `lead_time_days` (UTC when the zone does not load).
std::string ExpectedDate(TimeMicros now, const std::string& time_zone,
                         int lead_time_days);

// The fingerprint of a create request: what the client said.
std::string PurchaseOrderFingerprint(const NewPurchaseOrder& order);

// Quantities as people read them: 12000 -> "12", 1500 -> "1.5".
std::string FormatMilli(std::int64_t milli);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_RULES_H_
