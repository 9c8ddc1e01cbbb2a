#include "inventory/transport/inventory_grpc_service.h"

#include <google/protobuf/util/time_util.h>

#include "core/transport/common_mapping.h"
#include "inventory/transport/inventory_mapping.h"

namespace backoffice::transport {

using google::protobuf::util::TimeUtil;

grpc::Status InventoryGrpcService::GetStockLevel(
    grpc::ServerContext* c, const v1::GetStockLevelRequest* req,
    v1::GetStockLevelResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        auto level =
            inventory_.GetStockLevel(ctx, req->store_code(), req->sku());
        if (!level.ok()) return level.status();
        ToProto(*level, resp->mutable_stock_level());
        return Status();
      });
}

grpc::Status InventoryGrpcService::ListStockLevels(
    grpc::ServerContext* c, const v1::ListStockLevelsRequest* req,
    v1::ListStockLevelsResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        domain::StockLevelFilter filter{req->at_or_below_reorder_point(),
                                        req->negative_only(), req->sku()};
        auto page =
            inventory_.ListStockLevels(ctx, req->store_code(), filter,
                                       req->page_size(), req->page_token());
        if (!page.ok()) return page.status();
        for (const auto& level : page->items)
          ToProto(level, resp->add_stock_levels());
        resp->set_next_page_token(page->next_page_token);
        return Status();
      });
}

grpc::Status InventoryGrpcService::ListStockMovements(
    grpc::ServerContext* c, const v1::ListStockMovementsRequest* req,
    v1::ListStockMovementsResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        domain::MovementFilter filter;
        filter.sku = req->sku();
        filter.type = FromProto(req->type());
        if (req->has_start_time()) {
          filter.start_time =
              TimeUtil::TimestampToMicroseconds(req->start_time());
        }
        if (req->has_end_time()) {
          filter.end_time = TimeUtil::TimestampToMicroseconds(req->end_time());
        }
        auto page =
            inventory_.ListStockMovements(ctx, req->store_code(), filter,
                                          req->page_size(), req->page_token());
        if (!page.ok()) return page.status();
        for (const auto& m : page->items)
          ToProto(m, resp->add_stock_movements());
        resp->set_next_page_token(page->next_page_token);
        return Status();
      });
}

grpc::Status InventoryGrpcService::AdjustStock(
    grpc::ServerContext* c, const v1::AdjustStockRequest* req,
    v1::AdjustStockResponse* resp) {
  return handler_.Handle(
      c, req->adjustment_id(),
      [&](const domain::RequestContext& ctx) -> Status {
        auto outcome = inventory_.AdjustStock(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        resp->set_replayed(outcome->replayed);
        if (outcome->approval_request) {
          ToProto(*outcome->approval_request, resp->mutable_approval_request());
        } else {
          ToProto(outcome->movement, resp->mutable_stock_movement());
          ToProto(outcome->level, resp->mutable_stock_level());
        }
        ToProto(domain::Money{outcome->currency_code, outcome->value_minor},
                resp->mutable_value());
        return Status();
      });
}

grpc::Status InventoryGrpcService::ApproveStockAdjustment(
    grpc::ServerContext* c, const v1::ApproveStockAdjustmentRequest* req,
    v1::ApproveStockAdjustmentResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) -> Status {
        auto outcome = inventory_.DecideAdjustment(
            ctx, req->store_code(), req->adjustment_id(), true, "");
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->request, resp->mutable_request());
        if (outcome->posted) {
          ToProto(outcome->posted->movement, resp->mutable_stock_movement());
          ToProto(outcome->posted->level, resp->mutable_stock_level());
          ToProto(domain::Money{outcome->posted->currency_code,
                                outcome->posted->value_minor},
                  resp->mutable_value());
        }
        return Status();
      });
}

grpc::Status InventoryGrpcService::RejectStockAdjustment(
    grpc::ServerContext* c, const v1::RejectStockAdjustmentRequest* req,
    v1::RejectStockAdjustmentResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) -> Status {
        auto outcome = inventory_.DecideAdjustment(
            ctx, req->store_code(), req->adjustment_id(), false, req->reason());
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->request, resp->mutable_request());
        return Status();
      });
}

grpc::Status InventoryGrpcService::ListStockAdjustmentRequests(
    grpc::ServerContext* c, const v1::ListStockAdjustmentRequestsRequest* req,
    v1::ListStockAdjustmentRequestsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND_PAGE(inventory_.ListAdjustmentRequests(
                               ctx, req->store_code(), FromProto(req->state()),
                               req->page_size(), req->page_token()),
                           resp->mutable_requests(),
                           resp->mutable_next_page_token());
  });
}

grpc::Status InventoryGrpcService::GetInventorySettings(
    grpc::ServerContext* c, const v1::GetInventorySettingsRequest* req,
    v1::GetInventorySettingsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(inventory_.GetInventorySettings(ctx, req->store_code()),
                      resp->mutable_settings());
  });
}

grpc::Status InventoryGrpcService::UpdateInventorySettings(
    grpc::ServerContext* c, const v1::UpdateInventorySettingsRequest* req,
    v1::UpdateInventorySettingsResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            inventory_.UpdateInventorySettings(ctx, FromProto(req->settings())),
            resp->mutable_settings());
      });
}

}  // namespace backoffice::transport
