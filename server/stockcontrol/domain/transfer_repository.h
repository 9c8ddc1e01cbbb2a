// The storage contract of transfers between stores. stockcontrol/storage
// implements it over MariaDB.
//
// Each mutating method is one short transaction. Sending locks the sending
// store's balance rows (and named lots) in (store, product) order before
// it judges the stock, then records the transfer and posts through the
// stock posting component; receiving and resolving lock the transfer's row
// first, then the balance rows they post to. Database failures are
// kUnavailable or kAborted. Safe for concurrent use.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_TRANSFER_REPOSITORY_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_TRANSFER_REPOSITORY_H_

#include <functional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "stockcontrol/domain/transfer_model.h"

namespace backoffice::domain {

class StockTransferRepository {
 public:
  virtual ~StockTransferRepository() = default;

  // Records and posts a transfer. NOT_FOUND (STORE_NOT_FOUND,
  // PRODUCT_NOT_FOUND, LOT_NOT_FOUND), FAILED_PRECONDITION
  // (CURRENCY_MISMATCH, INSUFFICIENT_STOCK, LOT_QUANTITY_SHORT),
  // ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED). A replay returns the transfer.
  virtual StatusOr<TransferOutcome> SendTransfer(
      const NewStockTransfer& transfer, const std::string& fingerprint,
      TimeMicros now, const RequestContext& ctx) = 0;
  // Receives it once (see PlanTransferReceipt); the same receipt again
  // (by TransferReceiptFingerprint of its plan) is a replay. NOT_FOUND
  // (TRANSFER_NOT_FOUND), FAILED_PRECONDITION (TRANSFER_ALREADY_RECEIVED,
  // TRANSFER_OVER_RECEIVED).
  virtual StatusOr<TransferOutcome> ReceiveTransfer(
      const TransferReceipt& receipt, TimeMicros now,
      const RequestContext& ctx) = 0;
  // Resolves an open difference once `check` accepts the locked transfer;
  // a transfer resolved the same way for the same reason is returned as
  // is (after `check` on it as it stood open). NOT_FOUND
  // (TRANSFER_NOT_FOUND).
  virtual StatusOr<StockTransfer> ResolveTransfer(
      const std::string& to_store_code, const std::string& from_store_code,
      const std::string& transfer_id, TransferResolution resolution,
      const std::string& reason,
      const std::function<Status(const StockTransfer&)>& check, TimeMicros now,
      const RequestContext& ctx) = 0;
  // NOT_FOUND (TRANSFER_NOT_FOUND).
  virtual StatusOr<StockTransfer> GetTransfer(
      const std::string& from_store_code, const std::string& transfer_id) = 0;
  // Up to page.page_size + 1, newest first, below page.after_sequence.
  virtual StatusOr<std::vector<StockTransfer>> ListTransfers(
      const std::string& store_code, TransferDirection direction,
      TransferState state, const PageRequest& page) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_TRANSFER_REPOSITORY_H_
