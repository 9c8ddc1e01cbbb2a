// StockControlConnection: the seam under StockControlClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockStockControlConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_STOCK_CONTROL_CONNECTION_H_
#define BACKOFFICE_STOCK_CONTROL_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/stock_control_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.StockControlService. Each
/// default implementation returns UNIMPLEMENTED, so that an implementation of
/// your own keeps compiling when the service grows.
class StockControlConnection {
 public:
  virtual ~StockControlConnection();

  virtual StatusOr<v1::ListExpiringLotsResponse> ListExpiringLots(
      const v1::ListExpiringLotsRequest& request);
  virtual StatusOr<v1::ListSlowMoversResponse> ListSlowMovers(
      const v1::ListSlowMoversRequest& request);
  virtual StatusOr<v1::CreateSupplierReturnResponse> CreateSupplierReturn(
      const v1::CreateSupplierReturnRequest& request);
  virtual StatusOr<v1::ApproveSupplierReturnResponse> ApproveSupplierReturn(
      const v1::ApproveSupplierReturnRequest& request);
  virtual StatusOr<v1::RejectSupplierReturnResponse> RejectSupplierReturn(
      const v1::RejectSupplierReturnRequest& request);
  virtual StatusOr<v1::ShipSupplierReturnResponse> ShipSupplierReturn(
      const v1::ShipSupplierReturnRequest& request);
  virtual StatusOr<v1::GetSupplierReturnResponse> GetSupplierReturn(
      const v1::GetSupplierReturnRequest& request);
  virtual StatusOr<v1::ListSupplierReturnsResponse> ListSupplierReturns(
      const v1::ListSupplierReturnsRequest& request);
  virtual StatusOr<v1::SendStockTransferResponse> SendStockTransfer(
      const v1::SendStockTransferRequest& request);
  virtual StatusOr<v1::ReceiveStockTransferResponse> ReceiveStockTransfer(
      const v1::ReceiveStockTransferRequest& request);
  virtual StatusOr<v1::ResolveStockTransferResponse> ResolveStockTransfer(
      const v1::ResolveStockTransferRequest& request);
  virtual StatusOr<v1::GetStockTransferResponse> GetStockTransfer(
      const v1::GetStockTransferRequest& request);
  virtual StatusOr<v1::ListStockTransfersResponse> ListStockTransfers(
      const v1::ListStockTransfersRequest& request);
  virtual StatusOr<v1::OpenStockCountResponse> OpenStockCount(
      const v1::OpenStockCountRequest& request);
  virtual StatusOr<v1::EnterStockCountResponse> EnterStockCount(
      const v1::EnterStockCountRequest& request);
  virtual StatusOr<v1::PostStockCountResponse> PostStockCount(
      const v1::PostStockCountRequest& request);
  virtual StatusOr<v1::ApproveStockCountResponse> ApproveStockCount(
      const v1::ApproveStockCountRequest& request);
  virtual StatusOr<v1::RejectStockCountResponse> RejectStockCount(
      const v1::RejectStockCountRequest& request);
  virtual StatusOr<v1::CancelStockCountResponse> CancelStockCount(
      const v1::CancelStockCountRequest& request);
  virtual StatusOr<v1::GetStockCountResponse> GetStockCount(
      const v1::GetStockCountRequest& request);
  virtual StatusOr<v1::ListStockCountsResponse> ListStockCounts(
      const v1::ListStockCountsRequest& request);
};

/// The SDK's StockControlConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<StockControlConnection> MakeStockControlConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_STOCK_CONTROL_CONNECTION_H_
