// The rules of stock adjustments: what a valid one is, and its fingerprint.
#ifndef BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_RULES_H_
#define BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_RULES_H_

#include <string>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "inventory/domain/stock_model.h"

namespace backoffice::domain {

Status ValidateAdjustment(const StockAdjustment& adjustment);
// A fingerprint of what the client said, to tell a replay from a reuse.
std::string AdjustmentFingerprint(const StockAdjustment& adjustment);

// Whether an adjustment by `maker` waits for a second person: a write-off
// (negative) by anyone but head office or an admin (the chain's checkers)
// worth more than the store's threshold at cost, or of stock whose cost
// is not known (`cost_known` false: its value cannot show it is under).
bool WriteOffNeedsApproval(const Principal& maker, std::int64_t delta_milli,
                           std::int64_t value_minor,
                           std::int64_t threshold_minor, bool cost_known);

// Maker-checker on a write-off request, on the locked row: it must wait
// (FAILED_PRECONDITION, REQUEST_NOT_PENDING), the checker be a store
// manager or above (ROLE_NOT_ALLOWED) who did not ask
// (SELF_APPROVAL_FORBIDDEN, whatever the role).
Status CheckAdjustmentDecider(const AdjustmentRequest& request,
                              const Principal& checker);

// INVALID_ARGUMENT unless the threshold is within 0-10^15.
Status ValidateInventorySettings(const InventorySettings& settings);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_RULES_H_
