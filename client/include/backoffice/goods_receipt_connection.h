// GoodsReceiptConnection: the seam under GoodsReceiptClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockGoodsReceiptConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_GOODS_RECEIPT_CONNECTION_H_
#define BACKOFFICE_GOODS_RECEIPT_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/goods_receipt_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.GoodsReceiptService. Each
/// default implementation returns UNIMPLEMENTED, so that an implementation of
/// your own keeps compiling when the service grows.
class GoodsReceiptConnection {
 public:
  virtual ~GoodsReceiptConnection();

  virtual StatusOr<v1::CreateGoodsReceiptResponse> CreateGoodsReceipt(
      const v1::CreateGoodsReceiptRequest& request);
  virtual StatusOr<v1::GetGoodsReceiptResponse> GetGoodsReceipt(
      const v1::GetGoodsReceiptRequest& request);
  virtual StatusOr<v1::ListGoodsReceiptsResponse> ListGoodsReceipts(
      const v1::ListGoodsReceiptsRequest& request);
  virtual StatusOr<v1::ApproveGoodsReceiptResponse> ApproveGoodsReceipt(
      const v1::ApproveGoodsReceiptRequest& request);
  virtual StatusOr<v1::RejectGoodsReceiptResponse> RejectGoodsReceipt(
      const v1::RejectGoodsReceiptRequest& request);
};

/// The SDK's GoodsReceiptConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<GoodsReceiptConnection> MakeGoodsReceiptConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_GOODS_RECEIPT_CONNECTION_H_
