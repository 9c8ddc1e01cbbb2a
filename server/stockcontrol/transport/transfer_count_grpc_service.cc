// The StockControlService's transfers and counts: mapping only.
#include "core/transport/common_mapping.h"
#include "stockcontrol/transport/stock_control_grpc_service.h"
#include "stockcontrol/transport/transfer_count_mapping.h"

namespace backoffice::transport {

using domain::CountStep;
using domain::RequestContext;

grpc::Status StockControlGrpcService::SendStockTransfer(
    grpc::ServerContext* c, const v1::SendStockTransferRequest* req,
    v1::SendStockTransferResponse* resp) {
  return handler_.Handle(c, req->request_id(),
                         [&](const RequestContext& ctx) -> Status {
                           auto outcome = transfers_.Send(ctx, FromProto(*req));
                           if (!outcome.ok()) return outcome.status();
                           ToProto(outcome->transfer, resp->mutable_transfer());
                           resp->set_replayed(outcome->replayed);
                           return Status();
                         });
}

grpc::Status StockControlGrpcService::ReceiveStockTransfer(
    grpc::ServerContext* c, const v1::ReceiveStockTransferRequest* req,
    v1::ReceiveStockTransferResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = transfers_.Receive(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->transfer, resp->mutable_transfer());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status StockControlGrpcService::ResolveStockTransfer(
    grpc::ServerContext* c, const v1::ResolveStockTransferRequest* req,
    v1::ResolveStockTransferResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(
        transfers_.Resolve(ctx, req->to_store_code(), req->from_store_code(),
                           req->transfer_id(), FromProto(req->resolution()),
                           req->reason()),
        resp->mutable_transfer());
  });
}

grpc::Status StockControlGrpcService::GetStockTransfer(
    grpc::ServerContext* c, const v1::GetStockTransferRequest* req,
    v1::GetStockTransferResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND(
        transfers_.Get(ctx, req->from_store_code(), req->transfer_id()),
        resp->mutable_transfer());
  });
}

grpc::Status StockControlGrpcService::ListStockTransfers(
    grpc::ServerContext* c, const v1::ListStockTransfersRequest* req,
    v1::ListStockTransfersResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        transfers_.List(ctx, req->store_code(), FromProto(req->direction()),
                        FromProto(req->state()), req->page_size(),
                        req->page_token()),
        resp->mutable_transfers(), resp->mutable_next_page_token());
  });
}

grpc::Status StockControlGrpcService::OpenStockCount(
    grpc::ServerContext* c, const v1::OpenStockCountRequest* req,
    v1::OpenStockCountResponse* resp) {
  return handler_.Handle(c, req->request_id(),
                         [&](const RequestContext& ctx) -> Status {
                           auto outcome = counts_.Open(ctx, FromProto(*req));
                           if (!outcome.ok()) return outcome.status();
                           ToProto(outcome->count, resp->mutable_count());
                           resp->set_replayed(outcome->replayed);
                           return Status();
                         });
}

grpc::Status StockControlGrpcService::EnterStockCount(
    grpc::ServerContext* c, const v1::EnterStockCountRequest* req,
    v1::EnterStockCountResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = counts_.Enter(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        for (const auto& line : outcome->lines) {
          ToProto(outcome->currency_code, line, resp->add_lines());
        }
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

#define BO_COUNT_STEP(Method, Step, Reason, Zero)                              \
  grpc::Status StockControlGrpcService::Method(grpc::ServerContext* c,         \
                                               const v1::Method##Request* req, \
                                               v1::Method##Response* resp) {   \
    return handler_.Handle(                                                    \
        c, req->request_id(), [&](const RequestContext& ctx) {                 \
          return BO_RESPOND(                                                   \
              counts_.Advance(ctx, req->store_code(), req->count_id(), Step,   \
                              Reason, Zero),                                   \
              resp->mutable_count());                                          \
        });                                                                    \
  }
BO_COUNT_STEP(PostStockCount, CountStep::kPost, "", req->uncounted_as_zero())
BO_COUNT_STEP(ApproveStockCount, CountStep::kApprove, "", false)
BO_COUNT_STEP(RejectStockCount, CountStep::kReject, req->reason(), false)
BO_COUNT_STEP(CancelStockCount, CountStep::kCancel, req->reason(), false)
#undef BO_COUNT_STEP

grpc::Status StockControlGrpcService::GetStockCount(
    grpc::ServerContext* c, const v1::GetStockCountRequest* req,
    v1::GetStockCountResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND(counts_.Get(ctx, req->store_code(), req->count_id()),
                      resp->mutable_count());
  });
}

grpc::Status StockControlGrpcService::ListStockCounts(
    grpc::ServerContext* c, const v1::ListStockCountsRequest* req,
    v1::ListStockCountsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        counts_.List(ctx, req->store_code(), FromProto(req->state()),
                     req->page_size(), req->page_token()),
        resp->mutable_counts(), resp->mutable_next_page_token());
  });
}

}  // namespace backoffice::transport
