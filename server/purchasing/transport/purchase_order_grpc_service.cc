#include "purchasing/transport/purchase_order_grpc_service.h"

#include "core/transport/common_mapping.h"
#include "purchasing/transport/purchase_order_mapping.h"

namespace backoffice::transport {

grpc::Status PurchaseOrderGrpcService::GetPurchasingSettings(
    grpc::ServerContext* c, const v1::GetPurchasingSettingsRequest* req,
    v1::GetPurchasingSettingsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(orders_.GetSettings(ctx, req->store_code()),
                      resp->mutable_settings());
  });
}

grpc::Status PurchaseOrderGrpcService::UpdatePurchasingSettings(
    grpc::ServerContext* c, const v1::UpdatePurchasingSettingsRequest* req,
    v1::UpdatePurchasingSettingsResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(orders_.UpdateSettings(
                              ctx, FromProto(req->settings()),
                              UpdateMaskOf(req->update_mask(), req->settings(),
                                           {"store_code", "update_time"})),
                          resp->mutable_settings());
      });
}

grpc::Status PurchaseOrderGrpcService::SuggestOrders(
    grpc::ServerContext* c, const v1::SuggestOrdersRequest* req,
    v1::SuggestOrdersResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        auto report = orders_.SuggestOrders(
            ctx, req->store_code(), req->supplier_code(), req->as_of_day(),
            req->page_size(), req->page_token());
        if (!report.ok()) return report.status();
        resp->set_as_of_day(report->as_of_day);
        for (const auto& g : report->groups) ToProto(g, resp->add_groups());
        resp->set_next_page_token(report->next_page_token);
        return Status();
      });
}

grpc::Status PurchaseOrderGrpcService::DraftOrdersFromSuggestions(
    grpc::ServerContext* c, const v1::DraftOrdersFromSuggestionsRequest* req,
    v1::DraftOrdersFromSuggestionsResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) -> Status {
        auto outcome = orders_.DraftOrdersFromSuggestions(
            ctx, req->store_code(), req->run_id(), req->as_of_day());
        if (!outcome.ok()) return outcome.status();
        for (const auto& o : outcome->orders) {
          ToProto(o, resp->add_purchase_orders());
        }
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status PurchaseOrderGrpcService::CreatePurchaseOrder(
    grpc::ServerContext* c, const v1::CreatePurchaseOrderRequest* req,
    v1::CreatePurchaseOrderResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) -> Status {
        domain::NewPurchaseOrder order;
        order.store_code = req->store_code();
        order.order_id = req->order_id();
        order.supplier_code = req->supplier_code();
        order.lines = FromProto(req->lines());
        auto outcome = orders_.CreateOrder(ctx, order);
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->order, resp->mutable_purchase_order());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status PurchaseOrderGrpcService::GetPurchaseOrder(
    grpc::ServerContext* c, const v1::GetPurchaseOrderRequest* req,
    v1::GetPurchaseOrderResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(orders_.GetOrder(ctx, req->store_code(), req->order_id()),
                      resp->mutable_purchase_order());
  });
}

grpc::Status PurchaseOrderGrpcService::ListPurchaseOrders(
    grpc::ServerContext* c, const v1::ListPurchaseOrdersRequest* req,
    v1::ListPurchaseOrdersResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    domain::PurchaseOrderFilter filter;
    filter.state = FromProto(req->state());
    filter.supplier_code = req->supplier_code();
    return BO_RESPOND_PAGE(
        orders_.ListOrders(ctx, req->store_code(), filter, req->page_size(),
                           req->page_token()),
        resp->mutable_purchase_orders(), resp->mutable_next_page_token());
  });
}

grpc::Status PurchaseOrderGrpcService::AddPurchaseOrderLines(
    grpc::ServerContext* c, const v1::AddPurchaseOrderLinesRequest* req,
    v1::AddPurchaseOrderLinesResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            orders_.AddLines(ctx, req->store_code(), req->order_id(),
                             req->etag(), FromProto(req->lines())),
            resp->mutable_purchase_order());
      });
}

template <typename Req, typename Resp>
grpc::Status PurchaseOrderGrpcService::Transition(grpc::ServerContext* c,
                                                  const Req& req,
                                                  domain::OrderAction action,
                                                  const std::string& reason,
                                                  Resp* resp) {
  return handler_.Handle(
      c, req.request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            orders_.Transition(ctx, req.store_code(), req.order_id(), action,
                               req.etag(), reason),
            resp->mutable_purchase_order());
      });
}

grpc::Status PurchaseOrderGrpcService::SubmitPurchaseOrder(
    grpc::ServerContext* c, const v1::SubmitPurchaseOrderRequest* req,
    v1::SubmitPurchaseOrderResponse* resp) {
  return Transition(c, *req, domain::OrderAction::kSubmit, "", resp);
}

grpc::Status PurchaseOrderGrpcService::ApprovePurchaseOrder(
    grpc::ServerContext* c, const v1::ApprovePurchaseOrderRequest* req,
    v1::ApprovePurchaseOrderResponse* resp) {
  return Transition(c, *req, domain::OrderAction::kApprove, "", resp);
}

grpc::Status PurchaseOrderGrpcService::RejectPurchaseOrder(
    grpc::ServerContext* c, const v1::RejectPurchaseOrderRequest* req,
    v1::RejectPurchaseOrderResponse* resp) {
  return Transition(c, *req, domain::OrderAction::kReject, req->reason(), resp);
}

grpc::Status PurchaseOrderGrpcService::SendPurchaseOrder(
    grpc::ServerContext* c, const v1::SendPurchaseOrderRequest* req,
    v1::SendPurchaseOrderResponse* resp) {
  return Transition(c, *req, domain::OrderAction::kSend, "", resp);
}

grpc::Status PurchaseOrderGrpcService::CancelPurchaseOrder(
    grpc::ServerContext* c, const v1::CancelPurchaseOrderRequest* req,
    v1::CancelPurchaseOrderResponse* resp) {
  return Transition(c, *req, domain::OrderAction::kCancel, req->reason(), resp);
}

grpc::Status PurchaseOrderGrpcService::ClosePurchaseOrder(
    grpc::ServerContext* c, const v1::ClosePurchaseOrderRequest* req,
    v1::ClosePurchaseOrderResponse* resp) {
  return Transition(c, *req, domain::OrderAction::kClose, req->reason(), resp);
}

}  // namespace backoffice::transport
