// Transfers between stores over MariaDB (see stockcontrol/domain/
// transfer_repository.h for the contract).
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_MYSQL_STOCK_TRANSFERS_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_MYSQL_STOCK_TRANSFERS_H_

#include "core/storage/database.h"
#include "stockcontrol/domain/transfer_repository.h"

namespace backoffice::storage {

class MySqlStockTransferRepository : public domain::StockTransferRepository {
 public:
  explicit MySqlStockTransferRepository(Database& db) : db_(db) {}

  StatusOr<domain::TransferOutcome> SendTransfer(
      const domain::NewStockTransfer& transfer, const std::string& fingerprint,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::TransferOutcome> ReceiveTransfer(
      const domain::TransferReceipt& receipt, domain::TimeMicros now,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::StockTransfer> ResolveTransfer(
      const std::string& to_store_code, const std::string& from_store_code,
      const std::string& transfer_id, domain::TransferResolution resolution,
      const std::string& reason,
      const std::function<Status(const domain::StockTransfer&)>& check,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::StockTransfer> GetTransfer(
      const std::string& from_store_code,
      const std::string& transfer_id) override;
  StatusOr<std::vector<domain::StockTransfer>> ListTransfers(
      const std::string& store_code, domain::TransferDirection direction,
      domain::TransferState state, const domain::PageRequest& page) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_MYSQL_STOCK_TRANSFERS_H_
