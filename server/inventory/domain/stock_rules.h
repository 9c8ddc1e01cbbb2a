// The rules of stock adjustments: what a valid one is, and its fingerprint.
#ifndef BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_RULES_H_
#define BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_RULES_H_

#include <string>

#include "core/domain/status.h"
#include "inventory/domain/stock_model.h"

namespace backoffice::domain {

Status ValidateAdjustment(const StockAdjustment& adjustment);
// A fingerprint of what the client said, to tell a replay from a reuse.
std::string AdjustmentFingerprint(const StockAdjustment& adjustment);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_RULES_H_
