// StockControlClient: the lots close to expiry and the slow movers of a
// store or the chain, and returns of lots to their supplier with a second
// person's approval.
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_STOCK_CONTROL_CLIENT_H_
#define BACKOFFICE_STOCK_CONTROL_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/stock_control_connection.h"
#include "backoffice/v1/stock_control_service.pb.h"

namespace backoffice {

/// Stock control. Reads, returns (by client id) and their steps (by state)
/// are retried.
class StockControlClient {
 public:
  /// A client over the SDK's gRPC connection (MakeStockControlConnection).
  explicit StockControlClient(std::shared_ptr<Connection> connection);
  /// A client over any StockControlConnection, such as a mock.
  explicit StockControlClient(
      std::shared_ptr<StockControlConnection> connection);

  StatusOr<v1::ListExpiringLotsResponse> ListExpiringLots(
      const v1::ListExpiringLotsRequest& request);
  StatusOr<v1::ListSlowMoversResponse> ListSlowMovers(
      const v1::ListSlowMoversRequest& request);
  StatusOr<v1::CreateSupplierReturnResponse> CreateSupplierReturn(
      const v1::CreateSupplierReturnRequest& request);
  StatusOr<v1::ApproveSupplierReturnResponse> ApproveSupplierReturn(
      const v1::ApproveSupplierReturnRequest& request);
  StatusOr<v1::RejectSupplierReturnResponse> RejectSupplierReturn(
      const v1::RejectSupplierReturnRequest& request);
  StatusOr<v1::ShipSupplierReturnResponse> ShipSupplierReturn(
      const v1::ShipSupplierReturnRequest& request);
  StatusOr<v1::GetSupplierReturnResponse> GetSupplierReturn(
      const v1::GetSupplierReturnRequest& request);
  StatusOr<v1::ListSupplierReturnsResponse> ListSupplierReturns(
      const v1::ListSupplierReturnsRequest& request);
  StatusOr<v1::SendStockTransferResponse> SendStockTransfer(
      const v1::SendStockTransferRequest& request);
  StatusOr<v1::ReceiveStockTransferResponse> ReceiveStockTransfer(
      const v1::ReceiveStockTransferRequest& request);
  StatusOr<v1::ResolveStockTransferResponse> ResolveStockTransfer(
      const v1::ResolveStockTransferRequest& request);
  StatusOr<v1::GetStockTransferResponse> GetStockTransfer(
      const v1::GetStockTransferRequest& request);
  StatusOr<v1::ListStockTransfersResponse> ListStockTransfers(
      const v1::ListStockTransfersRequest& request);
  StatusOr<v1::OpenStockCountResponse> OpenStockCount(
      const v1::OpenStockCountRequest& request);
  StatusOr<v1::EnterStockCountResponse> EnterStockCount(
      const v1::EnterStockCountRequest& request);
  StatusOr<v1::PostStockCountResponse> PostStockCount(
      const v1::PostStockCountRequest& request);
  StatusOr<v1::ApproveStockCountResponse> ApproveStockCount(
      const v1::ApproveStockCountRequest& request);
  StatusOr<v1::RejectStockCountResponse> RejectStockCount(
      const v1::RejectStockCountRequest& request);
  StatusOr<v1::CancelStockCountResponse> CancelStockCount(
      const v1::CancelStockCountRequest& request);
  StatusOr<v1::GetStockCountResponse> GetStockCount(
      const v1::GetStockCountRequest& request);
  StatusOr<v1::ListStockCountsResponse> ListStockCounts(
      const v1::ListStockCountsRequest& request);

  /// Visit every lot of the read, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachExpiringLot(
      v1::ListExpiringLotsRequest request,
      const std::function<bool(const v1::ExpiringLot&)>& visit);
  /// Visit every slow mover of the read, following the pages.
  Status ForEachSlowMover(
      v1::ListSlowMoversRequest request,
      const std::function<bool(const v1::SlowMover&)>& visit);
  /// Visit every supplier return of a store, following the pages.
  Status ForEachSupplierReturn(
      v1::ListSupplierReturnsRequest request,
      const std::function<bool(const v1::SupplierReturn&)>& visit);
  /// Visit every transfer of a store, following the pages.
  Status ForEachStockTransfer(
      v1::ListStockTransfersRequest request,
      const std::function<bool(const v1::StockTransfer&)>& visit);
  /// Visit every count of a store, following the pages.
  Status ForEachStockCount(
      v1::ListStockCountsRequest request,
      const std::function<bool(const v1::StockCount&)>& visit);

 private:
  std::shared_ptr<StockControlConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_STOCK_CONTROL_CLIENT_H_
