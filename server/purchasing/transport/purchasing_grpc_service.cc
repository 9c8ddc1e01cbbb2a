#include "purchasing/transport/purchasing_grpc_service.h"

#include "core/transport/common_mapping.h"
#include "purchasing/transport/purchasing_mapping.h"

namespace backoffice::transport {

grpc::Status PurchasingGrpcService::CreateSupplierItem(
    grpc::ServerContext* c, const v1::CreateSupplierItemRequest* req,
    v1::CreateSupplierItemResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(purchasing_.CreateSupplierItem(
                              ctx, FromProto(req->supplier_item())),
                          resp->mutable_supplier_item());
      });
}

grpc::Status PurchasingGrpcService::GetSupplierItem(
    grpc::ServerContext* c, const v1::GetSupplierItemRequest* req,
    v1::GetSupplierItemResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(
        purchasing_.GetSupplierItem(ctx, req->supplier_code(), req->sku()),
        resp->mutable_supplier_item());
  });
}

grpc::Status PurchasingGrpcService::UpdateSupplierItem(
    grpc::ServerContext* c, const v1::UpdateSupplierItemRequest* req,
    v1::UpdateSupplierItemResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            purchasing_.UpdateSupplierItem(
                ctx, FromProto(req->supplier_item()),
                UpdateMaskOf(
                    req->update_mask(), req->supplier_item(),
                    {"supplier_code", "sku", "create_time", "update_time"})),
            resp->mutable_supplier_item());
      });
}

grpc::Status PurchasingGrpcService::ListSupplierItems(
    grpc::ServerContext* c, const v1::ListSupplierItemsRequest* req,
    v1::ListSupplierItemsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    domain::SupplierItemFilter filter{req->supplier_code(), req->sku(),
                                      req->active_only()};
    return BO_RESPOND_PAGE(
        purchasing_.ListSupplierItems(ctx, filter, req->page_size(),
                                      req->page_token()),
        resp->mutable_supplier_items(), resp->mutable_next_page_token());
  });
}

grpc::Status PurchasingGrpcService::ImportSupplierItems(
    grpc::ServerContext* c, const v1::ImportSupplierItemsRequest* req,
    v1::ImportSupplierItemsResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) -> Status {
        std::vector<domain::SupplierItemImportRow> rows;
        rows.reserve(req->rows_size());
        for (const auto& row : req->rows()) {
          rows.push_back(domain::SupplierItemImportRow{
              row.line_number(), FromProto(row.supplier_item())});
        }
        auto results = purchasing_.ImportSupplierItems(ctx, std::move(rows));
        if (!results.ok()) return results.status();
        for (const auto& r : *results) ToProto(r, resp->add_results());
        return Status();
      });
}

grpc::Status PurchasingGrpcService::ListDemand(grpc::ServerContext* c,
                                               const v1::ListDemandRequest* req,
                                               v1::ListDemandResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        auto report = purchasing_.ListDemand(
            ctx, req->store_code(), req->sku(), req->window_days(),
            req->end_day(), req->page_size(), req->page_token());
        if (!report.ok()) return report.status();
        resp->set_start_day(report->window.start_day);
        resp->set_end_day(report->window.end_day);
        for (const auto& d : report->page.items)
          ToProto(d, resp->add_demands());
        resp->set_next_page_token(report->page.next_page_token);
        return Status();
      });
}

}  // namespace backoffice::transport
