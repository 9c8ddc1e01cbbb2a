#include "receiving/transport/goods_receipt_grpc_service.h"

#include "core/transport/common_mapping.h"
#include "receiving/transport/goods_receipt_mapping.h"

namespace backoffice::transport {

grpc::Status GoodsReceiptGrpcService::CreateGoodsReceipt(
    grpc::ServerContext* c, const v1::CreateGoodsReceiptRequest* req,
    v1::CreateGoodsReceiptResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) -> Status {
        auto outcome = receipts_.CreateReceipt(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->receipt, resp->mutable_goods_receipt());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status GoodsReceiptGrpcService::GetGoodsReceipt(
    grpc::ServerContext* c, const v1::GetGoodsReceiptRequest* req,
    v1::GetGoodsReceiptResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(
        receipts_.GetReceipt(ctx, req->store_code(), req->receipt_id()),
        resp->mutable_goods_receipt());
  });
}

grpc::Status GoodsReceiptGrpcService::ListGoodsReceipts(
    grpc::ServerContext* c, const v1::ListGoodsReceiptsRequest* req,
    v1::ListGoodsReceiptsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    domain::GoodsReceiptFilter filter;
    filter.state = FromProto(req->state());
    filter.order_id = req->order_id();
    return BO_RESPOND_PAGE(
        receipts_.ListReceipts(ctx, req->store_code(), filter, req->page_size(),
                               req->page_token()),
        resp->mutable_goods_receipts(), resp->mutable_next_page_token());
  });
}

grpc::Status GoodsReceiptGrpcService::ApproveGoodsReceipt(
    grpc::ServerContext* c, const v1::ApproveGoodsReceiptRequest* req,
    v1::ApproveGoodsReceiptResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            receipts_.ApproveReceipt(ctx, req->store_code(), req->receipt_id()),
            resp->mutable_goods_receipt());
      });
}

grpc::Status GoodsReceiptGrpcService::RejectGoodsReceipt(
    grpc::ServerContext* c, const v1::RejectGoodsReceiptRequest* req,
    v1::RejectGoodsReceiptResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            receipts_.RejectReceipt(ctx, req->store_code(), req->receipt_id(),
                                    req->reason()),
            resp->mutable_goods_receipt());
      });
}

}  // namespace backoffice::transport
