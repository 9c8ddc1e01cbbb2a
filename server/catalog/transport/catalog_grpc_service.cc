#include "catalog/transport/catalog_grpc_service.h"

#include <utility>

#include "catalog/transport/catalog_mapping.h"
#include "core/transport/common_mapping.h"

namespace backoffice::transport {

// ----- Stores -----

grpc::Status CatalogGrpcService::CreateStore(grpc::ServerContext* c,
                                             const v1::CreateStoreRequest* req,
                                             v1::CreateStoreResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(catalog_.CreateStore(ctx, FromProto(req->store())),
                          resp->mutable_store());
      });
}

grpc::Status CatalogGrpcService::GetStore(grpc::ServerContext* c,
                                          const v1::GetStoreRequest* req,
                                          v1::GetStoreResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(catalog_.GetStore(ctx, req->code()),
                      resp->mutable_store());
  });
}

grpc::Status CatalogGrpcService::UpdateStore(grpc::ServerContext* c,
                                             const v1::UpdateStoreRequest* req,
                                             v1::UpdateStoreResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            catalog_.UpdateStore(
                ctx, FromProto(req->store()),
                UpdateMaskOf(req->update_mask(), req->store(),
                             {"code", "create_time", "update_time"})),
            resp->mutable_store());
      });
}

grpc::Status CatalogGrpcService::ListStores(grpc::ServerContext* c,
                                            const v1::ListStoresRequest* req,
                                            v1::ListStoresResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        catalog_.ListStores(ctx, req->page_size(), req->page_token()),
        resp->mutable_stores(), resp->mutable_next_page_token());
  });
}

// ----- Terminals -----

grpc::Status CatalogGrpcService::CreateTerminal(
    grpc::ServerContext* c, const v1::CreateTerminalRequest* req,
    v1::CreateTerminalResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            catalog_.CreateTerminal(ctx, FromProto(req->terminal())),
            resp->mutable_terminal());
      });
}

grpc::Status CatalogGrpcService::GetTerminal(grpc::ServerContext* c,
                                             const v1::GetTerminalRequest* req,
                                             v1::GetTerminalResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(catalog_.GetTerminal(ctx, req->store_code(), req->code()),
                      resp->mutable_terminal());
  });
}

grpc::Status CatalogGrpcService::UpdateTerminal(
    grpc::ServerContext* c, const v1::UpdateTerminalRequest* req,
    v1::UpdateTerminalResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(catalog_.UpdateTerminal(
                              ctx, FromProto(req->terminal()),
                              UpdateMaskOf(req->update_mask(), req->terminal(),
                                           {"store_code", "code", "create_time",
                                            "update_time"})),
                          resp->mutable_terminal());
      });
}

grpc::Status CatalogGrpcService::ListTerminals(
    grpc::ServerContext* c, const v1::ListTerminalsRequest* req,
    v1::ListTerminalsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        catalog_.ListTerminals(ctx, req->store_code(), req->page_size(),
                               req->page_token()),
        resp->mutable_terminals(), resp->mutable_next_page_token());
  });
}

// ----- Products -----

grpc::Status CatalogGrpcService::CreateProduct(
    grpc::ServerContext* c, const v1::CreateProductRequest* req,
    v1::CreateProductResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            catalog_.CreateProduct(ctx, FromProto(req->product())),
            resp->mutable_product());
      });
}

grpc::Status CatalogGrpcService::GetProduct(grpc::ServerContext* c,
                                            const v1::GetProductRequest* req,
                                            v1::GetProductResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(catalog_.GetProduct(ctx, req->sku(), req->barcode()),
                      resp->mutable_product());
  });
}

grpc::Status CatalogGrpcService::UpdateProduct(
    grpc::ServerContext* c, const v1::UpdateProductRequest* req,
    v1::UpdateProductResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            catalog_.UpdateProduct(
                ctx, FromProto(req->product()),
                UpdateMaskOf(req->update_mask(), req->product(),
                             {"sku", "create_time", "update_time"})),
            resp->mutable_product());
      });
}

grpc::Status CatalogGrpcService::ListProducts(
    grpc::ServerContext* c, const v1::ListProductsRequest* req,
    v1::ListProductsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    domain::ProductFilter filter{req->text_filter(), req->active_only()};
    return BO_RESPOND_PAGE(
        catalog_.ListProducts(ctx, filter, req->page_size(), req->page_token()),
        resp->mutable_products(), resp->mutable_next_page_token());
  });
}

grpc::Status CatalogGrpcService::ImportProducts(
    grpc::ServerContext* c, const v1::ImportProductsRequest* req,
    v1::ImportProductsResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) -> Status {
        std::vector<domain::ImportRow> rows;
        rows.reserve(req->rows_size());
        for (const auto& row : req->rows()) {
          rows.push_back(domain::ImportRow{row.line_number(),
                                           FromProto(row.product()),
                                           FromProto(row.optional_fields())});
        }
        auto results = catalog_.ImportProducts(ctx, std::move(rows));
        if (!results.ok()) return results.status();
        for (const auto& r : *results) ToProto(r, resp->add_results());
        return Status();
      });
}

// ----- Product store settings -----

grpc::Status CatalogGrpcService::SetProductStoreSetting(
    grpc::ServerContext* c, const v1::SetProductStoreSettingRequest* req,
    v1::SetProductStoreSettingResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            catalog_.SetProductStoreSetting(ctx, FromProto(req->setting())),
            resp->mutable_setting());
      });
}

grpc::Status CatalogGrpcService::GetProductStoreSetting(
    grpc::ServerContext* c, const v1::GetProductStoreSettingRequest* req,
    v1::GetProductStoreSettingResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(
        catalog_.GetProductStoreSetting(ctx, req->store_code(), req->sku()),
        resp->mutable_setting());
  });
}

grpc::Status CatalogGrpcService::ListProductStoreSettings(
    grpc::ServerContext* c, const v1::ListProductStoreSettingsRequest* req,
    v1::ListProductStoreSettingsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        catalog_.ListProductStoreSettings(ctx, req->store_code(),
                                          req->page_size(), req->page_token()),
        resp->mutable_settings(), resp->mutable_next_page_token());
  });
}

// ----- Suppliers -----

grpc::Status CatalogGrpcService::CreateSupplier(
    grpc::ServerContext* c, const v1::CreateSupplierRequest* req,
    v1::CreateSupplierResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            catalog_.CreateSupplier(ctx, FromProto(req->supplier())),
            resp->mutable_supplier());
      });
}

grpc::Status CatalogGrpcService::GetSupplier(grpc::ServerContext* c,
                                             const v1::GetSupplierRequest* req,
                                             v1::GetSupplierResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(catalog_.GetSupplier(ctx, req->code()),
                      resp->mutable_supplier());
  });
}

grpc::Status CatalogGrpcService::UpdateSupplier(
    grpc::ServerContext* c, const v1::UpdateSupplierRequest* req,
    v1::UpdateSupplierResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            catalog_.UpdateSupplier(
                ctx, FromProto(req->supplier()),
                UpdateMaskOf(req->update_mask(), req->supplier(),
                             {"code", "create_time", "update_time"})),
            resp->mutable_supplier());
      });
}

grpc::Status CatalogGrpcService::ListSuppliers(
    grpc::ServerContext* c, const v1::ListSuppliersRequest* req,
    v1::ListSuppliersResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        catalog_.ListSuppliers(ctx, req->active_only(), req->page_size(),
                               req->page_token()),
        resp->mutable_suppliers(), resp->mutable_next_page_token());
  });
}

// ----- Customers -----

grpc::Status CatalogGrpcService::CreateCustomer(
    grpc::ServerContext* c, const v1::CreateCustomerRequest* req,
    v1::CreateCustomerResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(
            catalog_.CreateCustomer(ctx, FromProto(req->customer())),
            resp->mutable_customer());
      });
}

grpc::Status CatalogGrpcService::GetCustomer(grpc::ServerContext* c,
                                             const v1::GetCustomerRequest* req,
                                             v1::GetCustomerResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(catalog_.GetCustomer(ctx, req->store_code(), req->code()),
                      resp->mutable_customer());
  });
}

grpc::Status CatalogGrpcService::UpdateCustomer(
    grpc::ServerContext* c, const v1::UpdateCustomerRequest* req,
    v1::UpdateCustomerResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(catalog_.UpdateCustomer(
                              ctx, FromProto(req->customer()),
                              UpdateMaskOf(req->update_mask(), req->customer(),
                                           {"store_code", "code", "create_time",
                                            "update_time"})),
                          resp->mutable_customer());
      });
}

grpc::Status CatalogGrpcService::ListCustomers(
    grpc::ServerContext* c, const v1::ListCustomersRequest* req,
    v1::ListCustomersResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        catalog_.ListCustomers(ctx, req->store_code(), req->page_size(),
                               req->page_token()),
        resp->mutable_customers(), resp->mutable_next_page_token());
  });
}

}  // namespace backoffice::transport
