// Stock control over MariaDB (see stockcontrol/domain/
// stock_control_repository.h for the contract). The near-expiry and
// slow-mover reads are in stock_control_reads.{h,cc} (shared with the
// benchmark's raw baseline); supplier returns in mysql_supplier_returns.cc.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_MYSQL_STOCK_CONTROL_REPOSITORY_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_MYSQL_STOCK_CONTROL_REPOSITORY_H_

#include "core/storage/database.h"
#include "stockcontrol/domain/stock_control_repository.h"

namespace backoffice::storage {

class MySqlStockControlRepository : public domain::StockControlRepository {
 public:
  // `report_db` serves the chain-wide reads, so that they never hold the
  // tills' connections.
  MySqlStockControlRepository(Database& db, Database& report_db)
      : db_(db), report_db_(report_db) {}

  StatusOr<std::vector<domain::ExpiringLot>> ListExpiringLots(
      const domain::ExpiringLotsQuery& query, const domain::PageRequest& page,
      domain::TimeMicros now) override;
  StatusOr<std::vector<domain::SlowMover>> ListSlowMovers(
      const domain::SlowMoversQuery& query, const domain::PageRequest& page,
      domain::TimeMicros now) override;
  StatusOr<domain::SupplierReturnOutcome> CreateSupplierReturn(
      const domain::NewSupplierReturn& supplier_return,
      const std::string& fingerprint,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::SupplierReturn> AdvanceSupplierReturn(
      const std::string& store_code, const std::string& return_id,
      domain::ReturnStep step, const std::string& reason,
      const std::function<Status(const domain::SupplierReturn&)>& check,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::SupplierReturn> GetSupplierReturn(
      const std::string& store_code, const std::string& return_id) override;
  StatusOr<std::vector<domain::SupplierReturn>> ListSupplierReturns(
      const std::string& store_code, domain::SupplierReturnState state,
      const domain::PageRequest& page) override;

 private:
  Database& db_;
  Database& report_db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_MYSQL_STOCK_CONTROL_REPOSITORY_H_
