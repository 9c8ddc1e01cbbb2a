// What replenishment reads of a store: its products with their levels and
// stock, the active supplier items, what open orders still bring, and the
// demand rollup of the window. Four set-based queries for the whole store,
// whatever its size; the caller chooses the transaction (a REPEATABLE READ
// snapshot for SuggestOrders, the locked draft run for drafts).
#ifndef BACKOFFICE_SERVER_PURCHASING_STORAGE_REPLENISHMENT_READS_H_
#define BACKOFFICE_SERVER_PURCHASING_STORAGE_REPLENISHMENT_READS_H_

#include <soci/soci.h>

#include <string>

#include "purchasing/domain/purchase_order_repository.h"

namespace backoffice::storage {

// The states of an order whose remaining quantity is still on order.
inline constexpr const char* kOpenOrderStates =
    "('DRAFT', 'SUBMITTED', 'APPROVED', 'SENT', 'PARTIALLY_RECEIVED')";

domain::ReplenishmentData LoadReplenishmentData(
    soci::session& s, long long store_id, const std::string& store_time_zone,
    const domain::PurchasingSettings& settings,
    const domain::WindowOf& window_of, domain::DemandWindow* window_out);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_PURCHASING_STORAGE_REPLENISHMENT_READS_H_
