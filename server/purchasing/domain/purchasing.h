// Supplier items and demand, as the transport layer sees them: validation,
// store scope, then the repository.
//
// Thread safety: stateless beyond its repository; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_H_

#include <string>
#include <vector>

#include "core/domain/clock.h"
#include "core/domain/model.h"
#include "core/domain/status.h"
#include "purchasing/domain/purchasing_model.h"
#include "purchasing/domain/purchasing_repository.h"

namespace backoffice::domain {

class Purchasing {
 public:
  explicit Purchasing(PurchasingRepository& repository,
                      Clock clock = SystemNowMicros)
      : repository_(repository), clock_(std::move(clock)) {}

  StatusOr<SupplierItem> CreateSupplierItem(const RequestContext& ctx,
                                            const SupplierItem& item);
  StatusOr<SupplierItem> GetSupplierItem(const RequestContext& ctx,
                                         const std::string& supplier_code,
                                         const std::string& sku);
  StatusOr<SupplierItem> UpdateSupplierItem(
      const RequestContext& ctx, const SupplierItem& patch,
      const std::vector<std::string>& mask);
  // INVALID_ARGUMENT (SUPPLIER_OR_SKU_REQUIRED) without either filter.
  StatusOr<Page<SupplierItem>> ListSupplierItems(
      const RequestContext& ctx, const SupplierItemFilter& filter,
      int page_size, const std::string& page_token);
  StatusOr<std::vector<SupplierItemImportResult>> ImportSupplierItems(
      const RequestContext& ctx, std::vector<SupplierItemImportRow> rows);

  // The demand of a store's products over `window_days` (0: 28) business
  // days ending on `end_day` (empty: the store's previous business day).
  StatusOr<DemandReport> ListDemand(const RequestContext& ctx,
                                    const std::string& store_code,
                                    const std::string& sku, int window_days,
                                    const std::string& end_day, int page_size,
                                    const std::string& page_token);

 private:
  PurchasingRepository& repository_;
  Clock clock_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_H_
