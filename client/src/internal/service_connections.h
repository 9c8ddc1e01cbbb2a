// The retry decorators of the per-service connections, apart from the gRPC
// ones so that tests can put them over mocks.
#ifndef BACKOFFICE_CLIENT_INTERNAL_SERVICE_CONNECTIONS_H_
#define BACKOFFICE_CLIENT_INTERNAL_SERVICE_CONNECTIONS_H_

#include <memory>

#include "backoffice/access_connection.h"
#include "backoffice/approval_connection.h"
#include "backoffice/audit_connection.h"
#include "backoffice/catalog_connection.h"
#include "backoffice/closing_connection.h"
#include "backoffice/credit_connection.h"
#include "backoffice/goods_receipt_connection.h"
#include "backoffice/inventory_connection.h"
#include "backoffice/purchase_order_connection.h"
#include "backoffice/purchasing_connection.h"
#include "backoffice/reconciliation_connection.h"
#include "backoffice/sales_connection.h"
#include "backoffice/stock_control_connection.h"
#include "internal/retry.h"

namespace backoffice {
namespace internal {

// Each call of the result runs `inner`'s under retrier->Run().
std::shared_ptr<CatalogConnection> MakeRetryingCatalogConnection(
    std::shared_ptr<CatalogConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<AccessConnection> MakeRetryingAccessConnection(
    std::shared_ptr<AccessConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<AuditConnection> MakeRetryingAuditConnection(
    std::shared_ptr<AuditConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<SalesConnection> MakeRetryingSalesConnection(
    std::shared_ptr<SalesConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<InventoryConnection> MakeRetryingInventoryConnection(
    std::shared_ptr<InventoryConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<ReconciliationConnection> MakeRetryingReconciliationConnection(
    std::shared_ptr<ReconciliationConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<PurchasingConnection> MakeRetryingPurchasingConnection(
    std::shared_ptr<PurchasingConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<PurchaseOrderConnection> MakeRetryingPurchaseOrderConnection(
    std::shared_ptr<PurchaseOrderConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<GoodsReceiptConnection> MakeRetryingGoodsReceiptConnection(
    std::shared_ptr<GoodsReceiptConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<CreditConnection> MakeRetryingCreditConnection(
    std::shared_ptr<CreditConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<StockControlConnection> MakeRetryingStockControlConnection(
    std::shared_ptr<StockControlConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<ApprovalConnection> MakeRetryingApprovalConnection(
    std::shared_ptr<ApprovalConnection> inner,
    std::shared_ptr<const Retrier> retrier);

std::shared_ptr<ClosingConnection> MakeRetryingClosingConnection(
    std::shared_ptr<ClosingConnection> inner,
    std::shared_ptr<const Retrier> retrier);

}  // namespace internal
}  // namespace backoffice

#endif  // BACKOFFICE_CLIENT_INTERNAL_SERVICE_CONNECTIONS_H_
