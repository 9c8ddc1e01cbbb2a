// The CatalogService: a thin adapter that converts messages to domain values,
// calls the domain, and converts the results back. No business rule lives
// here.
#ifndef BACKOFFICE_SERVER_CATALOG_TRANSPORT_CATALOG_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_CATALOG_TRANSPORT_CATALOG_GRPC_SERVICE_H_

#include "backoffice/v1/catalog_service.grpc.pb.h"
#include "catalog/domain/catalog.h"
#include "core/transport/rpc_handler.h"

namespace backoffice::transport {

class CatalogGrpcService final : public v1::CatalogService::Service {
 public:
  CatalogGrpcService(RpcHandler& handler, domain::Catalog& catalog)
      : handler_(handler), catalog_(catalog) {}

  grpc::Status CreateStore(grpc::ServerContext* c,
                           const v1::CreateStoreRequest* req,
                           v1::CreateStoreResponse* resp) override;
  grpc::Status GetStore(grpc::ServerContext* c, const v1::GetStoreRequest* req,
                        v1::GetStoreResponse* resp) override;
  grpc::Status UpdateStore(grpc::ServerContext* c,
                           const v1::UpdateStoreRequest* req,
                           v1::UpdateStoreResponse* resp) override;
  grpc::Status ListStores(grpc::ServerContext* c,
                          const v1::ListStoresRequest* req,
                          v1::ListStoresResponse* resp) override;
  grpc::Status CreateTerminal(grpc::ServerContext* c,
                              const v1::CreateTerminalRequest* req,
                              v1::CreateTerminalResponse* resp) override;
  grpc::Status GetTerminal(grpc::ServerContext* c,
                           const v1::GetTerminalRequest* req,
                           v1::GetTerminalResponse* resp) override;
  grpc::Status UpdateTerminal(grpc::ServerContext* c,
                              const v1::UpdateTerminalRequest* req,
                              v1::UpdateTerminalResponse* resp) override;
  grpc::Status ListTerminals(grpc::ServerContext* c,
                             const v1::ListTerminalsRequest* req,
                             v1::ListTerminalsResponse* resp) override;
  grpc::Status CreateProduct(grpc::ServerContext* c,
                             const v1::CreateProductRequest* req,
                             v1::CreateProductResponse* resp) override;
  grpc::Status GetProduct(grpc::ServerContext* c,
                          const v1::GetProductRequest* req,
                          v1::GetProductResponse* resp) override;
  grpc::Status UpdateProduct(grpc::ServerContext* c,
                             const v1::UpdateProductRequest* req,
                             v1::UpdateProductResponse* resp) override;
  grpc::Status ListProducts(grpc::ServerContext* c,
                            const v1::ListProductsRequest* req,
                            v1::ListProductsResponse* resp) override;
  grpc::Status ImportProducts(grpc::ServerContext* c,
                              const v1::ImportProductsRequest* req,
                              v1::ImportProductsResponse* resp) override;
  grpc::Status SetProductStoreSetting(
      grpc::ServerContext* c, const v1::SetProductStoreSettingRequest* req,
      v1::SetProductStoreSettingResponse* resp) override;
  grpc::Status GetProductStoreSetting(
      grpc::ServerContext* c, const v1::GetProductStoreSettingRequest* req,
      v1::GetProductStoreSettingResponse* resp) override;
  grpc::Status ListProductStoreSettings(
      grpc::ServerContext* c, const v1::ListProductStoreSettingsRequest* req,
      v1::ListProductStoreSettingsResponse* resp) override;
  grpc::Status CreateSupplier(grpc::ServerContext* c,
                              const v1::CreateSupplierRequest* req,
                              v1::CreateSupplierResponse* resp) override;
  grpc::Status GetSupplier(grpc::ServerContext* c,
                           const v1::GetSupplierRequest* req,
                           v1::GetSupplierResponse* resp) override;
  grpc::Status UpdateSupplier(grpc::ServerContext* c,
                              const v1::UpdateSupplierRequest* req,
                              v1::UpdateSupplierResponse* resp) override;
  grpc::Status ListSuppliers(grpc::ServerContext* c,
                             const v1::ListSuppliersRequest* req,
                             v1::ListSuppliersResponse* resp) override;
  grpc::Status CreateCustomer(grpc::ServerContext* c,
                              const v1::CreateCustomerRequest* req,
                              v1::CreateCustomerResponse* resp) override;
  grpc::Status GetCustomer(grpc::ServerContext* c,
                           const v1::GetCustomerRequest* req,
                           v1::GetCustomerResponse* resp) override;
  grpc::Status UpdateCustomer(grpc::ServerContext* c,
                              const v1::UpdateCustomerRequest* req,
                              v1::UpdateCustomerResponse* resp) override;
  grpc::Status ListCustomers(grpc::ServerContext* c,
                             const v1::ListCustomersRequest* req,
                             v1::ListCustomersResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Catalog& catalog_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_CATALOG_TRANSPORT_CATALOG_GRPC_SERVICE_H_
