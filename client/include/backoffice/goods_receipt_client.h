// GoodsReceiptClient: deliveries received at a store, with their lots and
// expiry dates, and a manager's approval of those that need one.
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_GOODS_RECEIPT_CLIENT_H_
#define BACKOFFICE_GOODS_RECEIPT_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/connection.h"
#include "backoffice/goods_receipt_connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/goods_receipt_service.pb.h"

namespace backoffice {

/// Goods receiving. Reads, creates (by client id) and approvals (by state)
/// are retried; rejections are tried once unless ConnectionOptions::methods
/// says otherwise.
class GoodsReceiptClient {
 public:
  /// A client over the SDK's gRPC connection (MakeGoodsReceiptConnection).
  explicit GoodsReceiptClient(std::shared_ptr<Connection> connection);
  /// A client over any GoodsReceiptConnection, such as a mock.
  explicit GoodsReceiptClient(
      std::shared_ptr<GoodsReceiptConnection> connection);

  StatusOr<v1::CreateGoodsReceiptResponse> CreateGoodsReceipt(
      const v1::CreateGoodsReceiptRequest& request);
  StatusOr<v1::GetGoodsReceiptResponse> GetGoodsReceipt(
      const v1::GetGoodsReceiptRequest& request);
  StatusOr<v1::ListGoodsReceiptsResponse> ListGoodsReceipts(
      const v1::ListGoodsReceiptsRequest& request);
  StatusOr<v1::ApproveGoodsReceiptResponse> ApproveGoodsReceipt(
      const v1::ApproveGoodsReceiptRequest& request);
  StatusOr<v1::RejectGoodsReceiptResponse> RejectGoodsReceipt(
      const v1::RejectGoodsReceiptRequest& request);

  /// Visit every receipt of a store, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachGoodsReceipt(
      v1::ListGoodsReceiptsRequest request,
      const std::function<bool(const v1::GoodsReceipt&)>& visit);

 private:
  std::shared_ptr<GoodsReceiptConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_GOODS_RECEIPT_CLIENT_H_
