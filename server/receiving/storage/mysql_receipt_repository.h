// Goods receipts over MariaDB. See receiving/domain/receipt_repository.h for
// the contract.
#ifndef BACKOFFICE_SERVER_RECEIVING_STORAGE_MYSQL_RECEIPT_REPOSITORY_H_
#define BACKOFFICE_SERVER_RECEIVING_STORAGE_MYSQL_RECEIPT_REPOSITORY_H_

#include "core/storage/database.h"
#include "receiving/domain/receipt_repository.h"

namespace backoffice::storage {

class MySqlGoodsReceiptRepository : public domain::GoodsReceiptRepository {
 public:
  explicit MySqlGoodsReceiptRepository(Database& db) : db_(db) {}

  StatusOr<domain::GoodsReceiptOutcome> CreateReceipt(
      const domain::NewGoodsReceipt& input, const std::string& fingerprint,
      const domain::ReceiptPlanner& plan,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::GoodsReceipt> GetReceipt(
      const std::string& store_code, const std::string& receipt_id) override;
  StatusOr<std::vector<domain::GoodsReceipt>> ListReceipts(
      const std::string& store_code, const domain::GoodsReceiptFilter& filter,
      const domain::PageRequest& page) override;
  StatusOr<domain::GoodsReceipt> DecideReceipt(
      const std::string& store_code, const std::string& receipt_id,
      domain::ReceiptDecision decision, const std::string& reason,
      const domain::ReceiptDecisionCheck& check,
      const domain::RequestContext& ctx) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_RECEIVING_STORAGE_MYSQL_RECEIPT_REPOSITORY_H_
