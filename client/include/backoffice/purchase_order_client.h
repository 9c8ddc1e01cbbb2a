// PurchaseOrderClient: replenishment suggestions, purchase orders and their
// approval by a second person.
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_PURCHASE_ORDER_CLIENT_H_
#define BACKOFFICE_PURCHASE_ORDER_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/connection.h"
#include "backoffice/purchase_order_connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/purchase_order_service.pb.h"

namespace backoffice {

/// Ordering from suppliers. Reads, creates (by client id), drafts from
/// suggestions (by run id) and the transitions that are idempotent by state
/// are retried; settings updates, added lines and rejections are tried once
/// unless ConnectionOptions::methods says otherwise.
class PurchaseOrderClient {
 public:
  /// A client over the SDK's gRPC connection (MakePurchaseOrderConnection).
  explicit PurchaseOrderClient(std::shared_ptr<Connection> connection);
  /// A client over any PurchaseOrderConnection, such as a mock.
  explicit PurchaseOrderClient(
      std::shared_ptr<PurchaseOrderConnection> connection);

  StatusOr<v1::GetPurchasingSettingsResponse> GetPurchasingSettings(
      const v1::GetPurchasingSettingsRequest& request);
  StatusOr<v1::UpdatePurchasingSettingsResponse> UpdatePurchasingSettings(
      const v1::UpdatePurchasingSettingsRequest& request);
  StatusOr<v1::SuggestOrdersResponse> SuggestOrders(
      const v1::SuggestOrdersRequest& request);
  StatusOr<v1::DraftOrdersFromSuggestionsResponse> DraftOrdersFromSuggestions(
      const v1::DraftOrdersFromSuggestionsRequest& request);
  StatusOr<v1::CreatePurchaseOrderResponse> CreatePurchaseOrder(
      const v1::CreatePurchaseOrderRequest& request);
  StatusOr<v1::GetPurchaseOrderResponse> GetPurchaseOrder(
      const v1::GetPurchaseOrderRequest& request);
  StatusOr<v1::ListPurchaseOrdersResponse> ListPurchaseOrders(
      const v1::ListPurchaseOrdersRequest& request);
  StatusOr<v1::AddPurchaseOrderLinesResponse> AddPurchaseOrderLines(
      const v1::AddPurchaseOrderLinesRequest& request);
  StatusOr<v1::SubmitPurchaseOrderResponse> SubmitPurchaseOrder(
      const v1::SubmitPurchaseOrderRequest& request);
  StatusOr<v1::ApprovePurchaseOrderResponse> ApprovePurchaseOrder(
      const v1::ApprovePurchaseOrderRequest& request);
  StatusOr<v1::RejectPurchaseOrderResponse> RejectPurchaseOrder(
      const v1::RejectPurchaseOrderRequest& request);
  StatusOr<v1::SendPurchaseOrderResponse> SendPurchaseOrder(
      const v1::SendPurchaseOrderRequest& request);
  StatusOr<v1::CancelPurchaseOrderResponse> CancelPurchaseOrder(
      const v1::CancelPurchaseOrderRequest& request);
  StatusOr<v1::ClosePurchaseOrderResponse> ClosePurchaseOrder(
      const v1::ClosePurchaseOrderRequest& request);

  /// Visit every purchase order of a store, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachPurchaseOrder(
      v1::ListPurchaseOrdersRequest request,
      const std::function<bool(const v1::PurchaseOrder&)>& visit);

 private:
  std::shared_ptr<PurchaseOrderConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_PURCHASE_ORDER_CLIENT_H_
