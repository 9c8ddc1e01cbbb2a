// Stock counts over MariaDB (see stockcontrol/domain/count_repository.h for
// the contract).
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_MYSQL_STOCK_COUNTS_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_MYSQL_STOCK_COUNTS_H_

#include "core/storage/database.h"
#include "stockcontrol/domain/count_repository.h"

namespace backoffice::storage {

class MySqlStockCountRepository : public domain::StockCountRepository {
 public:
  explicit MySqlStockCountRepository(Database& db) : db_(db) {}

  StatusOr<domain::CountOutcome> OpenCount(
      const domain::NewStockCount& count, const std::string& fingerprint,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::CountEntryOutcome> EnterCount(
      const domain::CountEntry& entry, const std::string& fingerprint,
      const std::function<Status(const domain::StockCount&)>& check,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::StockCount> AdvanceCount(
      const std::string& store_code, const std::string& count_id,
      domain::CountStep step, const std::string& reason, bool uncounted_as_zero,
      const std::function<Status(const domain::StockCount&)>& check,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::StockCount> GetCount(const std::string& store_code,
                                        const std::string& count_id) override;
  StatusOr<std::vector<domain::StockCount>> ListCounts(
      const std::string& store_code, domain::CountState state,
      const domain::PageRequest& page) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_MYSQL_STOCK_COUNTS_H_
