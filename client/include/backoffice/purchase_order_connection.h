// PurchaseOrderConnection: the seam under PurchaseOrderClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockPurchaseOrderConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_PURCHASE_ORDER_CONNECTION_H_
#define BACKOFFICE_PURCHASE_ORDER_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/purchase_order_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.PurchaseOrderService. Each
/// default implementation returns UNIMPLEMENTED, so that an implementation of
/// your own keeps compiling when the service grows.
class PurchaseOrderConnection {
 public:
  virtual ~PurchaseOrderConnection();

  virtual StatusOr<v1::GetPurchasingSettingsResponse> GetPurchasingSettings(
      const v1::GetPurchasingSettingsRequest& request);
  virtual StatusOr<v1::UpdatePurchasingSettingsResponse>
  UpdatePurchasingSettings(const v1::UpdatePurchasingSettingsRequest& request);
  virtual StatusOr<v1::SuggestOrdersResponse> SuggestOrders(
      const v1::SuggestOrdersRequest& request);
  virtual StatusOr<v1::DraftOrdersFromSuggestionsResponse>
  DraftOrdersFromSuggestions(
      const v1::DraftOrdersFromSuggestionsRequest& request);
  virtual StatusOr<v1::CreatePurchaseOrderResponse> CreatePurchaseOrder(
      const v1::CreatePurchaseOrderRequest& request);
  virtual StatusOr<v1::GetPurchaseOrderResponse> GetPurchaseOrder(
      const v1::GetPurchaseOrderRequest& request);
  virtual StatusOr<v1::ListPurchaseOrdersResponse> ListPurchaseOrders(
      const v1::ListPurchaseOrdersRequest& request);
  virtual StatusOr<v1::AddPurchaseOrderLinesResponse> AddPurchaseOrderLines(
      const v1::AddPurchaseOrderLinesRequest& request);
  virtual StatusOr<v1::SubmitPurchaseOrderResponse> SubmitPurchaseOrder(
      const v1::SubmitPurchaseOrderRequest& request);
  virtual StatusOr<v1::ApprovePurchaseOrderResponse> ApprovePurchaseOrder(
      const v1::ApprovePurchaseOrderRequest& request);
  virtual StatusOr<v1::RejectPurchaseOrderResponse> RejectPurchaseOrder(
      const v1::RejectPurchaseOrderRequest& request);
  virtual StatusOr<v1::SendPurchaseOrderResponse> SendPurchaseOrder(
      const v1::SendPurchaseOrderRequest& request);
  virtual StatusOr<v1::CancelPurchaseOrderResponse> CancelPurchaseOrder(
      const v1::CancelPurchaseOrderRequest& request);
  virtual StatusOr<v1::ClosePurchaseOrderResponse> ClosePurchaseOrder(
      const v1::ClosePurchaseOrderRequest& request);
};

/// The SDK's PurchaseOrderConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<PurchaseOrderConnection> MakePurchaseOrderConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_PURCHASE_ORDER_CONNECTION_H_
