// The pure rules of stock control: how a lot near its sellable-until day
// and a slow mover are judged, and validation, fingerprint and
// maker-checker of supplier returns. No storage, no clock: callers pass
// what was read and the store's day.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_RULES_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_RULES_H_

#include <optional>
#include <string>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "stockcontrol/domain/stock_control_model.h"

namespace backoffice::domain {

// The demand window of the near-expiry judgement: the 28 days before
// today, as ordering's suggestions read it.
inline constexpr int kExpiryDemandDays = 28;

// Days from `from` to `to` (both YYYY-MM-DD); negative when `to` is before.
int DaysBetween(const std::string& from, const std::string& to);

// Judges one lot on its store's day: its sellable-until day (SellableUntil,
// the one rule), days left, value at cost, what the current demand sells
// by then after the product's lots that FEFO sells first, and the action:
// expired -> RETURN_TO_SUPPLIER (a supplier is
// known) or WRITE_OFF; demand sells it in time -> SELL_FIRST; else
// DISCOUNT.
ExpiringLot JudgeExpiringLot(const LotFacts& lot);

// A slow mover, or nullopt: stock on hand with no sale in the last
// `idle_days` days up to today (NO_SALES), or covering more than
// `cover_days` days of the window's demand (COVER_EXCEEDED).
std::optional<SlowMover> JudgeSlowMover(const StockFacts& stock,
                                        const SlowMoversQuery& query);

// INVALID_ARGUMENT naming the field (bounds of the read's parameters).
Status ValidateExpiringLotsQuery(const ExpiringLotsQuery& query);
Status ValidateSlowMoversQuery(const SlowMoversQuery& query);

const char* SupplierReturnStateName(SupplierReturnState state);
SupplierReturnState SupplierReturnStateFromName(const std::string& name);
const char* ReturnSettlementName(ReturnSettlement settlement);
ReturnSettlement ReturnSettlementFromName(const std::string& name);
const char* ReturnReasonName(ReturnReason reason);
ReturnReason ReturnReasonFromName(const std::string& name);

// 1-500 lines, each (SKU, lot) once, quantities above zero, a reason per
// line; INVALID_ARGUMENT naming the field (and the line).
Status ValidateNewSupplierReturn(const NewSupplierReturn& supplier_return);
std::string SupplierReturnFingerprint(const NewSupplierReturn& r);

// Who may take a return a step further, on the locked return: approve and
// reject are a store manager's or head office's who did not create it
// (ROLE_NOT_ALLOWED, SELF_APPROVAL_FORBIDDEN whatever the role), approve
// only a DRAFT, reject a DRAFT or APPROVED one, ship only an APPROVED one
// (FAILED_PRECONDITION, RETURN_NOT_<STATE>... as RETURN_STATE_CONFLICT).
Status CheckReturnStep(const SupplierReturn& supplier_return, ReturnStep step,
                       const Principal& principal);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_RULES_H_
