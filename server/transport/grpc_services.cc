#include "transport/grpc_services.h"

#include <utility>

#include "transport/proto_mapping.h"

namespace backoffice::transport {
namespace {

#define BO_CATALOG(name) "/backoffice.v1.CatalogService/" #name
#define BO_ACCESS(name) "/backoffice.v1.AccessService/" #name
#define BO_AUDIT(name) "/backoffice.v1.AuditService/" #name

template <typename T, typename P>
Status Respond(StatusOr<T> result, P* out) {
  if (!result.ok()) return result.status();
  ToProto(*result, out);
  return Status();
}

template <typename T, typename P>
Status RespondPage(StatusOr<domain::Page<T>> page,
                   google::protobuf::RepeatedPtrField<P>* items,
                   std::string* next_page_token) {
  if (!page.ok()) return page.status();
  for (const auto& item : page->items) ToProto(item, items->Add());
  *next_page_token = page->next_page_token;
  return Status();
}

}  // namespace

// ----- Stores -----

grpc::Status CatalogGrpcService::CreateStore(grpc::ServerContext* c,
                                             const v1::CreateStoreRequest* req,
                                             v1::CreateStoreResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(CreateStore), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.CreateStore(ctx, FromProto(req->store())),
                       resp->mutable_store());
      });
}

grpc::Status CatalogGrpcService::GetStore(grpc::ServerContext* c,
                                          const v1::GetStoreRequest* req,
                                          v1::GetStoreResponse* resp) {
  return handler_.Handle(c, BO_CATALOG(GetStore), "",
                         [&](const domain::RequestContext& ctx) {
                           return Respond(catalog_.GetStore(ctx, req->code()),
                                          resp->mutable_store());
                         });
}

grpc::Status CatalogGrpcService::UpdateStore(grpc::ServerContext* c,
                                             const v1::UpdateStoreRequest* req,
                                             v1::UpdateStoreResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(UpdateStore), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.UpdateStore(ctx, FromProto(req->store()),
                                            FromProto(req->update_mask())),
                       resp->mutable_store());
      });
}

grpc::Status CatalogGrpcService::ListStores(grpc::ServerContext* c,
                                            const v1::ListStoresRequest* req,
                                            v1::ListStoresResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(ListStores), "", [&](const domain::RequestContext& ctx) {
        return RespondPage(
            catalog_.ListStores(ctx, req->page_size(), req->page_token()),
            resp->mutable_stores(), resp->mutable_next_page_token());
      });
}

// ----- Terminals -----

grpc::Status CatalogGrpcService::CreateTerminal(
    grpc::ServerContext* c, const v1::CreateTerminalRequest* req,
    v1::CreateTerminalResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(CreateTerminal), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.CreateTerminal(ctx, FromProto(req->terminal())),
                       resp->mutable_terminal());
      });
}

grpc::Status CatalogGrpcService::GetTerminal(grpc::ServerContext* c,
                                             const v1::GetTerminalRequest* req,
                                             v1::GetTerminalResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(GetTerminal), "", [&](const domain::RequestContext& ctx) {
        return Respond(
            catalog_.GetTerminal(ctx, req->store_code(), req->code()),
            resp->mutable_terminal());
      });
}

grpc::Status CatalogGrpcService::UpdateTerminal(
    grpc::ServerContext* c, const v1::UpdateTerminalRequest* req,
    v1::UpdateTerminalResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(UpdateTerminal), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.UpdateTerminal(ctx, FromProto(req->terminal()),
                                               FromProto(req->update_mask())),
                       resp->mutable_terminal());
      });
}

grpc::Status CatalogGrpcService::ListTerminals(
    grpc::ServerContext* c, const v1::ListTerminalsRequest* req,
    v1::ListTerminalsResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(ListTerminals), "", [&](const domain::RequestContext& ctx) {
        return RespondPage(
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
      c, BO_CATALOG(CreateProduct), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.CreateProduct(ctx, FromProto(req->product())),
                       resp->mutable_product());
      });
}

grpc::Status CatalogGrpcService::GetProduct(grpc::ServerContext* c,
                                            const v1::GetProductRequest* req,
                                            v1::GetProductResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(GetProduct), "", [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.GetProduct(ctx, req->sku(), req->barcode()),
                       resp->mutable_product());
      });
}

grpc::Status CatalogGrpcService::UpdateProduct(
    grpc::ServerContext* c, const v1::UpdateProductRequest* req,
    v1::UpdateProductResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(UpdateProduct), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.UpdateProduct(ctx, FromProto(req->product()),
                                              FromProto(req->update_mask())),
                       resp->mutable_product());
      });
}

grpc::Status CatalogGrpcService::ListProducts(
    grpc::ServerContext* c, const v1::ListProductsRequest* req,
    v1::ListProductsResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(ListProducts), "", [&](const domain::RequestContext& ctx) {
        domain::ProductFilter filter{req->text_filter(), req->active_only()};
        return RespondPage(catalog_.ListProducts(ctx, filter, req->page_size(),
                                                 req->page_token()),
                           resp->mutable_products(),
                           resp->mutable_next_page_token());
      });
}

grpc::Status CatalogGrpcService::ImportProducts(
    grpc::ServerContext* c, const v1::ImportProductsRequest* req,
    v1::ImportProductsResponse* resp) {
  return handler_.Handle(c, BO_CATALOG(ImportProducts), req->request_id(),
                         [&](const domain::RequestContext& ctx) -> Status {
                           std::vector<domain::ImportRow> rows;
                           rows.reserve(req->rows_size());
                           for (const auto& row : req->rows()) {
                             rows.push_back(domain::ImportRow{
                                 row.line_number(), FromProto(row.product())});
                           }
                           auto results =
                               catalog_.ImportProducts(ctx, std::move(rows));
                           if (!results.ok()) return results.status();
                           for (const auto& r : *results)
                             ToProto(r, resp->add_results());
                           return Status();
                         });
}

// ----- Product store settings -----

grpc::Status CatalogGrpcService::SetProductStoreSetting(
    grpc::ServerContext* c, const v1::SetProductStoreSettingRequest* req,
    v1::SetProductStoreSettingResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(SetProductStoreSetting), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(
            catalog_.SetProductStoreSetting(ctx, FromProto(req->setting())),
            resp->mutable_setting());
      });
}

grpc::Status CatalogGrpcService::GetProductStoreSetting(
    grpc::ServerContext* c, const v1::GetProductStoreSettingRequest* req,
    v1::GetProductStoreSettingResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(GetProductStoreSetting), "",
      [&](const domain::RequestContext& ctx) {
        return Respond(
            catalog_.GetProductStoreSetting(ctx, req->store_code(), req->sku()),
            resp->mutable_setting());
      });
}

grpc::Status CatalogGrpcService::ListProductStoreSettings(
    grpc::ServerContext* c, const v1::ListProductStoreSettingsRequest* req,
    v1::ListProductStoreSettingsResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(ListProductStoreSettings), "",
      [&](const domain::RequestContext& ctx) {
        return RespondPage(
            catalog_.ListProductStoreSettings(
                ctx, req->store_code(), req->page_size(), req->page_token()),
            resp->mutable_settings(), resp->mutable_next_page_token());
      });
}

// ----- Suppliers -----

grpc::Status CatalogGrpcService::CreateSupplier(
    grpc::ServerContext* c, const v1::CreateSupplierRequest* req,
    v1::CreateSupplierResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(CreateSupplier), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.CreateSupplier(ctx, FromProto(req->supplier())),
                       resp->mutable_supplier());
      });
}

grpc::Status CatalogGrpcService::GetSupplier(grpc::ServerContext* c,
                                             const v1::GetSupplierRequest* req,
                                             v1::GetSupplierResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(GetSupplier), "", [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.GetSupplier(ctx, req->code()),
                       resp->mutable_supplier());
      });
}

grpc::Status CatalogGrpcService::UpdateSupplier(
    grpc::ServerContext* c, const v1::UpdateSupplierRequest* req,
    v1::UpdateSupplierResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(UpdateSupplier), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.UpdateSupplier(ctx, FromProto(req->supplier()),
                                               FromProto(req->update_mask())),
                       resp->mutable_supplier());
      });
}

grpc::Status CatalogGrpcService::ListSuppliers(
    grpc::ServerContext* c, const v1::ListSuppliersRequest* req,
    v1::ListSuppliersResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(ListSuppliers), "", [&](const domain::RequestContext& ctx) {
        return RespondPage(
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
      c, BO_CATALOG(CreateCustomer), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.CreateCustomer(ctx, FromProto(req->customer())),
                       resp->mutable_customer());
      });
}

grpc::Status CatalogGrpcService::GetCustomer(grpc::ServerContext* c,
                                             const v1::GetCustomerRequest* req,
                                             v1::GetCustomerResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(GetCustomer), "", [&](const domain::RequestContext& ctx) {
        return Respond(
            catalog_.GetCustomer(ctx, req->store_code(), req->code()),
            resp->mutable_customer());
      });
}

grpc::Status CatalogGrpcService::UpdateCustomer(
    grpc::ServerContext* c, const v1::UpdateCustomerRequest* req,
    v1::UpdateCustomerResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(UpdateCustomer), req->request_id(),
      [&](const domain::RequestContext& ctx) {
        return Respond(catalog_.UpdateCustomer(ctx, FromProto(req->customer()),
                                               FromProto(req->update_mask())),
                       resp->mutable_customer());
      });
}

grpc::Status CatalogGrpcService::ListCustomers(
    grpc::ServerContext* c, const v1::ListCustomersRequest* req,
    v1::ListCustomersResponse* resp) {
  return handler_.Handle(
      c, BO_CATALOG(ListCustomers), "", [&](const domain::RequestContext& ctx) {
        return RespondPage(
            catalog_.ListCustomers(ctx, req->store_code(), req->page_size(),
                                   req->page_token()),
            resp->mutable_customers(), resp->mutable_next_page_token());
      });
}

// ----- Access tokens -----

grpc::Status AccessGrpcService::CreateAccessToken(
    grpc::ServerContext* c, const v1::CreateAccessTokenRequest* req,
    v1::CreateAccessTokenResponse* resp) {
  return handler_.Handle(
      c, BO_ACCESS(CreateAccessToken), req->request_id(),
      [&](const domain::RequestContext& ctx) -> Status {
        auto created = access_.CreateToken(ctx, FromProto(req->access_token()));
        if (!created.ok()) return created.status();
        ToProto(created->token, resp->mutable_access_token());
        resp->set_secret(created->secret);
        return Status();
      });
}

grpc::Status AccessGrpcService::ListAccessTokens(
    grpc::ServerContext* c, const v1::ListAccessTokensRequest* req,
    v1::ListAccessTokensResponse* resp) {
  return handler_.Handle(
      c, BO_ACCESS(ListAccessTokens), "",
      [&](const domain::RequestContext& ctx) {
        return RespondPage(
            access_.ListTokens(ctx, req->show_revoked(), req->page_size(),
                               req->page_token()),
            resp->mutable_access_tokens(), resp->mutable_next_page_token());
      });
}

grpc::Status AccessGrpcService::RevokeAccessToken(
    grpc::ServerContext* c, const v1::RevokeAccessTokenRequest* req,
    v1::RevokeAccessTokenResponse* resp) {
  return handler_.Handle(c, BO_ACCESS(RevokeAccessToken), req->request_id(),
                         [&](const domain::RequestContext& ctx) {
                           return Respond(access_.RevokeToken(ctx, req->id()),
                                          resp->mutable_access_token());
                         });
}

grpc::Status AccessGrpcService::GetCallerIdentity(
    grpc::ServerContext* c, const v1::GetCallerIdentityRequest*,
    v1::GetCallerIdentityResponse* resp) {
  return handler_.Handle(c, BO_ACCESS(GetCallerIdentity), "",
                         [&](const domain::RequestContext& ctx) {
                           return Respond(access_.GetCallerIdentity(ctx),
                                          resp->mutable_access_token());
                         });
}

// ----- Audit -----

grpc::Status AuditGrpcService::ListAuditRecords(
    grpc::ServerContext* c, const v1::ListAuditRecordsRequest* req,
    v1::ListAuditRecordsResponse* resp) {
  return handler_.Handle(
      c, BO_AUDIT(ListAuditRecords), "",
      [&](const domain::RequestContext&) -> Status {
        domain::AuditFilter filter;
        filter.store_code = req->store_code();
        filter.method = req->method();
        filter.entity_type = req->entity_type();
        filter.entity_id = req->entity_id();
        if (!req->principal_id().empty()) {
          auto id = domain::ParseTokenId(req->principal_id());
          if (!id.ok()) return id.status();
          filter.principal_id = *id;
        }
        if (req->has_start_time())
          filter.start_time = FromProto(req->start_time());
        if (req->has_end_time()) filter.end_time = FromProto(req->end_time());
        return RespondPage(
            audit_.List(filter, req->page_size(), req->page_token()),
            resp->mutable_audit_records(), resp->mutable_next_page_token());
      });
}

}  // namespace backoffice::transport
