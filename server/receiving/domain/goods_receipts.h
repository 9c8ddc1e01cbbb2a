// Goods receiving as the transport layer sees it: validation, store scope,
// the pure rules, then the repository.
//
// Thread safety: stateless beyond its repository; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_RECEIVING_DOMAIN_GOODS_RECEIPTS_H_
#define BACKOFFICE_SERVER_RECEIVING_DOMAIN_GOODS_RECEIPTS_H_

#include <string>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "receiving/domain/receipt_model.h"
#include "receiving/domain/receipt_repository.h"

namespace backoffice::domain {

class GoodsReceipts {
 public:
  explicit GoodsReceipts(GoodsReceiptRepository& repository)
      : repository_(repository) {}

  StatusOr<GoodsReceiptOutcome> CreateReceipt(const RequestContext& ctx,
                                              const NewGoodsReceipt& receipt);
  StatusOr<GoodsReceipt> GetReceipt(const RequestContext& ctx,
                                    const std::string& store_code,
                                    const std::string& receipt_id);
  StatusOr<Page<GoodsReceipt>> ListReceipts(const RequestContext& ctx,
                                            const std::string& store_code,
                                            const GoodsReceiptFilter& filter,
                                            int page_size,
                                            const std::string& page_token);
  StatusOr<GoodsReceipt> ApproveReceipt(const RequestContext& ctx,
                                        const std::string& store_code,
                                        const std::string& receipt_id);
  StatusOr<GoodsReceipt> RejectReceipt(const RequestContext& ctx,
                                       const std::string& store_code,
                                       const std::string& receipt_id,
                                       const std::string& reason);

 private:
  GoodsReceiptRepository& repository_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_RECEIVING_DOMAIN_GOODS_RECEIPTS_H_
