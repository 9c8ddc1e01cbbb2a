// The PurchaseOrderService: settings, suggestions, purchase orders and their
// approval; mapping only.
#ifndef BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASE_ORDER_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASE_ORDER_GRPC_SERVICE_H_

#include "backoffice/v1/purchase_order_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"
#include "purchasing/domain/purchase_orders.h"

namespace backoffice::transport {

class PurchaseOrderGrpcService final
    : public v1::PurchaseOrderService::Service {
 public:
  PurchaseOrderGrpcService(RpcHandler& handler, domain::PurchaseOrders& orders)
      : handler_(handler), orders_(orders) {}

  grpc::Status GetPurchasingSettings(
      grpc::ServerContext* c, const v1::GetPurchasingSettingsRequest* req,
      v1::GetPurchasingSettingsResponse* resp) override;
  grpc::Status UpdatePurchasingSettings(
      grpc::ServerContext* c, const v1::UpdatePurchasingSettingsRequest* req,
      v1::UpdatePurchasingSettingsResponse* resp) override;
  grpc::Status SuggestOrders(grpc::ServerContext* c,
                             const v1::SuggestOrdersRequest* req,
                             v1::SuggestOrdersResponse* resp) override;
  grpc::Status DraftOrdersFromSuggestions(
      grpc::ServerContext* c, const v1::DraftOrdersFromSuggestionsRequest* req,
      v1::DraftOrdersFromSuggestionsResponse* resp) override;
  grpc::Status CreatePurchaseOrder(
      grpc::ServerContext* c, const v1::CreatePurchaseOrderRequest* req,
      v1::CreatePurchaseOrderResponse* resp) override;
  grpc::Status GetPurchaseOrder(grpc::ServerContext* c,
                                const v1::GetPurchaseOrderRequest* req,
                                v1::GetPurchaseOrderResponse* resp) override;
  grpc::Status ListPurchaseOrders(
      grpc::ServerContext* c, const v1::ListPurchaseOrdersRequest* req,
      v1::ListPurchaseOrdersResponse* resp) override;
  grpc::Status AddPurchaseOrderLines(
      grpc::ServerContext* c, const v1::AddPurchaseOrderLinesRequest* req,
      v1::AddPurchaseOrderLinesResponse* resp) override;
  grpc::Status SubmitPurchaseOrder(
      grpc::ServerContext* c, const v1::SubmitPurchaseOrderRequest* req,
      v1::SubmitPurchaseOrderResponse* resp) override;
  grpc::Status ApprovePurchaseOrder(
      grpc::ServerContext* c, const v1::ApprovePurchaseOrderRequest* req,
      v1::ApprovePurchaseOrderResponse* resp) override;
  grpc::Status RejectPurchaseOrder(
      grpc::ServerContext* c, const v1::RejectPurchaseOrderRequest* req,
      v1::RejectPurchaseOrderResponse* resp) override;
  grpc::Status SendPurchaseOrder(grpc::ServerContext* c,
                                 const v1::SendPurchaseOrderRequest* req,
                                 v1::SendPurchaseOrderResponse* resp) override;
  grpc::Status CancelPurchaseOrder(
      grpc::ServerContext* c, const v1::CancelPurchaseOrderRequest* req,
      v1::CancelPurchaseOrderResponse* resp) override;
  grpc::Status ClosePurchaseOrder(
      grpc::ServerContext* c, const v1::ClosePurchaseOrderRequest* req,
      v1::ClosePurchaseOrderResponse* resp) override;

 private:
  // One transition: the same shape for every state change.
  template <typename Req, typename Resp>
  grpc::Status Transition(grpc::ServerContext* c, const Req& req,
                          domain::OrderAction action, const std::string& reason,
                          Resp* resp);

  RpcHandler& handler_;
  domain::PurchaseOrders& orders_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASE_ORDER_GRPC_SERVICE_H_
