// The PurchasingService: supplier items and demand; mapping only.
#ifndef BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASING_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASING_GRPC_SERVICE_H_

#include "backoffice/v1/purchasing_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"
#include "purchasing/domain/purchasing.h"

namespace backoffice::transport {

class PurchasingGrpcService final : public v1::PurchasingService::Service {
 public:
  PurchasingGrpcService(RpcHandler& handler, domain::Purchasing& purchasing)
      : handler_(handler), purchasing_(purchasing) {}

  grpc::Status CreateSupplierItem(
      grpc::ServerContext* c, const v1::CreateSupplierItemRequest* req,
      v1::CreateSupplierItemResponse* resp) override;
  grpc::Status GetSupplierItem(grpc::ServerContext* c,
                               const v1::GetSupplierItemRequest* req,
                               v1::GetSupplierItemResponse* resp) override;
  grpc::Status UpdateSupplierItem(
      grpc::ServerContext* c, const v1::UpdateSupplierItemRequest* req,
      v1::UpdateSupplierItemResponse* resp) override;
  grpc::Status ListSupplierItems(grpc::ServerContext* c,
                                 const v1::ListSupplierItemsRequest* req,
                                 v1::ListSupplierItemsResponse* resp) override;
  grpc::Status ImportSupplierItems(
      grpc::ServerContext* c, const v1::ImportSupplierItemsRequest* req,
      v1::ImportSupplierItemsResponse* resp) override;
  grpc::Status ListDemand(grpc::ServerContext* c,
                          const v1::ListDemandRequest* req,
                          v1::ListDemandResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Purchasing& purchasing_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASING_GRPC_SERVICE_H_
