// The storage contract of sales, returns and voids. Same rules as every
// repository: one short transaction per unit of work, audited in it,
// database failures as UNAVAILABLE or ABORTED, safe for concurrent use.
#ifndef BACKOFFICE_SERVER_SALES_DOMAIN_SALES_REPOSITORY_H_
#define BACKOFFICE_SERVER_SALES_DOMAIN_SALES_REPOSITORY_H_

#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "sales/domain/sale_model.h"

namespace backoffice::domain {

class SalesRepository {
 public:
  virtual ~SalesRepository() = default;

  // Records validated sales in one transaction, with their lines, tenders,
  // stock movements, balances and audit records; a refused sale's header
  // insert is undone by InnoDB as a statement, so it leaves nothing. One
  // outcome per sale, in order: recorded, replayed (same id in the same
  // store, same fingerprint), or refused (IDEMPOTENCY_KEY_REUSED,
  // DUPLICATE_RECEIPT_NUMBER, TERMINAL_INACTIVE, CUSTOMER_INACTIVE, unknown
  // product, terminal or customer). An error of the whole call means nothing
  // of it was committed.
  virtual StatusOr<std::vector<SaleOutcome>> RecordSales(
      const std::vector<Sale>& sales, const RequestContext& ctx) = 0;
  virtual StatusOr<ReturnOutcome> RecordReturn(const SaleReturn& sale_return,
                                               const RequestContext& ctx) = 0;
  virtual StatusOr<VoidOutcome> VoidSale(const std::string& store_code,
                                         const std::string& sale_id,
                                         const std::string& reason,
                                         const RequestContext& ctx) = 0;
  virtual StatusOr<Sale> GetSale(const std::string& store_code,
                                 const std::string& sale_id) = 0;
  // Newest first; `page.after_key` is the sequence below which to go on.
  virtual StatusOr<std::vector<Sale>> ListSales(const SaleFilter& filter,
                                                const PageRequest& page) = 0;
  // Sums of the store's sale lines and return lines over the business
  // days [from_day, to_day]. NOT_FOUND (STORE_NOT_FOUND).
  virtual StatusOr<SalesSummary> SummarizeSales(const std::string& store_code,
                                                const std::string& from_day,
                                                const std::string& to_day) = 0;
  virtual StatusOr<ReceiptCheck> CheckReceipts(
      const std::string& store_code, const std::string& terminal_code,
      const std::string& business_day) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_SALES_DOMAIN_SALES_REPOSITORY_H_
