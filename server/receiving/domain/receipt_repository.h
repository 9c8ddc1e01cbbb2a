// Goods receipts' storage contract. receiving/storage implements it over
// MariaDB; transport tests may implement it with mocks.
//
// Each mutating method is one short transaction: it locks the order (when
// the receipt has one) before the receipt, reads the facts the rules need,
// applies the domain's rule, and writes the receipt with, when it posts,
// its stock movements by lot, the moving-average cost, the order's received
// quantities and state, the payable, and the audit record. Database
// failures are kUnavailable or kAborted. Safe for concurrent use.
#ifndef BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIPT_REPOSITORY_H_
#define BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIPT_REPOSITORY_H_

#include <functional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "receiving/domain/receipt_model.h"

namespace backoffice::domain {

// Makes the receipt from the facts read under lock (PlanReceipt).
using ReceiptPlanner =
    std::function<StatusOr<GoodsReceipt>(const ReceiptFacts&)>;
// Checks a decision on a locked pending receipt and its order's facts.
using ReceiptDecisionCheck =
    std::function<Status(const GoodsReceipt&, const ReceiptFacts&)>;

enum class ReceiptDecision { kApprove, kReject };

class GoodsReceiptRepository {
 public:
  virtual ~GoodsReceiptRepository() = default;

  // Records a receipt (ClientDocument: a replay returns the recorded one).
  // NOT_FOUND (STORE_NOT_FOUND, PURCHASE_ORDER_NOT_FOUND,
  // SUPPLIER_NOT_FOUND), ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED), and what
  // `plan` refuses.
  virtual StatusOr<GoodsReceiptOutcome> CreateReceipt(
      const NewGoodsReceipt& input, const std::string& fingerprint,
      const ReceiptPlanner& plan, const RequestContext& ctx) = 0;
  // NOT_FOUND (GOODS_RECEIPT_NOT_FOUND).
  virtual StatusOr<GoodsReceipt> GetReceipt(const std::string& store_code,
                                            const std::string& receipt_id) = 0;
  // Up to page.page_size + 1 receipts by receipt id after page.after_key.
  virtual StatusOr<std::vector<GoodsReceipt>> ListReceipts(
      const std::string& store_code, const GoodsReceiptFilter& filter,
      const PageRequest& page) = 0;
  // Approves (posts) or rejects a pending receipt once `check` accepts it.
  // A receipt already where the decision leads is returned as is.
  // FAILED_PRECONDITION (RECEIPT_NOT_PENDING) otherwise.
  virtual StatusOr<GoodsReceipt> DecideReceipt(
      const std::string& store_code, const std::string& receipt_id,
      ReceiptDecision decision, const std::string& reason,
      const ReceiptDecisionCheck& check, const RequestContext& ctx) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIPT_REPOSITORY_H_
