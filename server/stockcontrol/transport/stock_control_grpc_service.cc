#include "stockcontrol/transport/stock_control_grpc_service.h"

#include "core/transport/common_mapping.h"
#include "stockcontrol/transport/stock_control_mapping.h"

namespace backoffice::transport {

using domain::RequestContext;
using domain::ReturnStep;

grpc::Status StockControlGrpcService::ListExpiringLots(
    grpc::ServerContext* c, const v1::ListExpiringLotsRequest* req,
    v1::ListExpiringLotsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        stock_control_.ListExpiringLots(ctx, FromProto(*req), req->page_size(),
                                        req->page_token()),
        resp->mutable_lots(), resp->mutable_next_page_token());
  });
}

grpc::Status StockControlGrpcService::ListSlowMovers(
    grpc::ServerContext* c, const v1::ListSlowMoversRequest* req,
    v1::ListSlowMoversResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        stock_control_.ListSlowMovers(ctx, FromProto(*req), req->page_size(),
                                      req->page_token()),
        resp->mutable_slow_movers(), resp->mutable_next_page_token());
  });
}

grpc::Status StockControlGrpcService::CreateSupplierReturn(
    grpc::ServerContext* c, const v1::CreateSupplierReturnRequest* req,
    v1::CreateSupplierReturnResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome =
            stock_control_.CreateSupplierReturn(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->supplier_return, resp->mutable_supplier_return());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status StockControlGrpcService::ApproveSupplierReturn(
    grpc::ServerContext* c, const v1::ApproveSupplierReturnRequest* req,
    v1::ApproveSupplierReturnResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(
        stock_control_.AdvanceSupplierReturn(
            ctx, req->store_code(), req->return_id(), ReturnStep::kApprove, ""),
        resp->mutable_supplier_return());
  });
}

grpc::Status StockControlGrpcService::RejectSupplierReturn(
    grpc::ServerContext* c, const v1::RejectSupplierReturnRequest* req,
    v1::RejectSupplierReturnResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(stock_control_.AdvanceSupplierReturn(
                          ctx, req->store_code(), req->return_id(),
                          ReturnStep::kReject, req->reason()),
                      resp->mutable_supplier_return());
  });
}

grpc::Status StockControlGrpcService::ShipSupplierReturn(
    grpc::ServerContext* c, const v1::ShipSupplierReturnRequest* req,
    v1::ShipSupplierReturnResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(
        stock_control_.AdvanceSupplierReturn(
            ctx, req->store_code(), req->return_id(), ReturnStep::kShip, ""),
        resp->mutable_supplier_return());
  });
}

grpc::Status StockControlGrpcService::GetSupplierReturn(
    grpc::ServerContext* c, const v1::GetSupplierReturnRequest* req,
    v1::GetSupplierReturnResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND(stock_control_.GetSupplierReturn(ctx, req->store_code(),
                                                       req->return_id()),
                      resp->mutable_supplier_return());
  });
}

grpc::Status StockControlGrpcService::ListSupplierReturns(
    grpc::ServerContext* c, const v1::ListSupplierReturnsRequest* req,
    v1::ListSupplierReturnsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(stock_control_.ListSupplierReturns(
                               ctx, req->store_code(), FromProto(req->state()),
                               req->page_size(), req->page_token()),
                           resp->mutable_supplier_returns(),
                           resp->mutable_next_page_token());
  });
}

}  // namespace backoffice::transport
