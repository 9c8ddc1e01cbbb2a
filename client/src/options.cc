#include "backoffice/options.h"

#include <algorithm>
#include <iterator>

#include "internal/method_lists.h"

namespace backoffice {
namespace {

struct MethodIdempotency {
  std::string_view name;
  Idempotency idempotency;
};

#define BO_ENTRY(Service, Method, Kind) \
  {"backoffice.v1." #Service "." #Method, Idempotency::Kind},
#define BO_CATALOG(M, K) BO_ENTRY(CatalogService, M, K)
#define BO_ACCESS(M, K) BO_ENTRY(AccessService, M, K)
#define BO_AUDIT(M, K) BO_ENTRY(AuditService, M, K)
#define BO_SALES(M, K) BO_ENTRY(SalesService, M, K)
#define BO_INVENTORY(M, K) BO_ENTRY(InventoryService, M, K)
#define BO_RECONCILIATION(M, K) BO_ENTRY(ReconciliationService, M, K)
#define BO_PURCHASING(M, K) BO_ENTRY(PurchasingService, M, K)
#define BO_PURCHASE_ORDER(M, K) BO_ENTRY(PurchaseOrderService, M, K)
#define BO_GOODS_RECEIPT(M, K) BO_ENTRY(GoodsReceiptService, M, K)
#define BO_CREDIT(M, K) BO_ENTRY(CreditService, M, K)
#define BO_STOCK_CONTROL(M, K) BO_ENTRY(StockControlService, M, K)
#define BO_APPROVAL(M, K) BO_ENTRY(ApprovalService, M, K)
#define BO_CLOSING(M, K) BO_ENTRY(ClosingService, M, K)

constexpr MethodIdempotency kMethods[] = {
    BACKOFFICE_CATALOG_METHODS(BO_CATALOG)                //
    BACKOFFICE_ACCESS_METHODS(BO_ACCESS)                  //
    BACKOFFICE_AUDIT_METHODS(BO_AUDIT)                    //
    BACKOFFICE_SALES_METHODS(BO_SALES)                    //
    BACKOFFICE_INVENTORY_METHODS(BO_INVENTORY)            //
    BACKOFFICE_RECONCILIATION_METHODS(BO_RECONCILIATION)  //
    BACKOFFICE_PURCHASING_METHODS(BO_PURCHASING)          //
    BACKOFFICE_PURCHASE_ORDER_METHODS(BO_PURCHASE_ORDER)  //
    BACKOFFICE_GOODS_RECEIPT_METHODS(BO_GOODS_RECEIPT)    //
    BACKOFFICE_CREDIT_METHODS(BO_CREDIT)                  //
    BACKOFFICE_STOCK_CONTROL_METHODS(BO_STOCK_CONTROL)    //
    BACKOFFICE_APPROVAL_METHODS(BO_APPROVAL)              //
    BACKOFFICE_CLOSING_METHODS(BO_CLOSING)};

#undef BO_CLOSING
#undef BO_APPROVAL
#undef BO_STOCK_CONTROL
#undef BO_CREDIT
#undef BO_GOODS_RECEIPT
#undef BO_PURCHASE_ORDER
#undef BO_PURCHASING
#undef BO_RECONCILIATION
#undef BO_INVENTORY
#undef BO_SALES
#undef BO_AUDIT
#undef BO_ACCESS
#undef BO_CATALOG
#undef BO_ENTRY

}  // namespace

std::optional<Idempotency> DefaultIdempotency(std::string_view method) {
  auto it = std::find_if(
      std::begin(kMethods), std::end(kMethods),
      [&](const MethodIdempotency& m) { return m.name == method; });
  if (it == std::end(kMethods)) return std::nullopt;
  return it->idempotency;
}

}  // namespace backoffice
