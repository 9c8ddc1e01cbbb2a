// The gRPC adapters of sales, inventory and reconciliation: mapping only.
#ifndef BACKOFFICE_SERVER_TRANSPORT_SALES_GRPC_SERVICES_H_
#define BACKOFFICE_SERVER_TRANSPORT_SALES_GRPC_SERVICES_H_

#include "backoffice/v1/inventory_service.grpc.pb.h"
#include "backoffice/v1/reconciliation_service.grpc.pb.h"
#include "backoffice/v1/sales_service.grpc.pb.h"
#include "domain/sales_service.h"
#include "transport/rpc_handler.h"

namespace backoffice::transport {

class SalesGrpcService final : public v1::SalesService::Service {
 public:
  SalesGrpcService(RpcHandler& handler, domain::Sales& sales)
      : handler_(handler), sales_(sales) {}

  grpc::Status RecordSale(grpc::ServerContext* c, const v1::RecordSaleRequest* req,
                          v1::RecordSaleResponse* resp) override;
  grpc::Status UploadSales(grpc::ServerContext* c, const v1::UploadSalesRequest* req,
                           v1::UploadSalesResponse* resp) override;
  grpc::Status RecordReturn(grpc::ServerContext* c, const v1::RecordReturnRequest* req,
                            v1::RecordReturnResponse* resp) override;
  grpc::Status VoidSale(grpc::ServerContext* c, const v1::VoidSaleRequest* req,
                        v1::VoidSaleResponse* resp) override;
  grpc::Status GetSale(grpc::ServerContext* c, const v1::GetSaleRequest* req,
                       v1::GetSaleResponse* resp) override;
  grpc::Status ListSales(grpc::ServerContext* c, const v1::ListSalesRequest* req,
                         v1::ListSalesResponse* resp) override;
  grpc::Status CheckReceiptSequence(grpc::ServerContext* c,
                                    const v1::CheckReceiptSequenceRequest* req,
                                    v1::CheckReceiptSequenceResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Sales& sales_;
};

class InventoryGrpcService final : public v1::InventoryService::Service {
 public:
  InventoryGrpcService(RpcHandler& handler, domain::Inventory& inventory)
      : handler_(handler), inventory_(inventory) {}

  grpc::Status GetStockLevel(grpc::ServerContext* c, const v1::GetStockLevelRequest* req,
                             v1::GetStockLevelResponse* resp) override;
  grpc::Status ListStockLevels(grpc::ServerContext* c, const v1::ListStockLevelsRequest* req,
                               v1::ListStockLevelsResponse* resp) override;
  grpc::Status ListStockMovements(grpc::ServerContext* c,
                                  const v1::ListStockMovementsRequest* req,
                                  v1::ListStockMovementsResponse* resp) override;
  grpc::Status AdjustStock(grpc::ServerContext* c, const v1::AdjustStockRequest* req,
                           v1::AdjustStockResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Inventory& inventory_;
};

class ReconciliationGrpcService final : public v1::ReconciliationService::Service {
 public:
  ReconciliationGrpcService(RpcHandler& handler, domain::Reconciliation& reconciliation)
      : handler_(handler), reconciliation_(reconciliation) {}

  grpc::Status VerifyLedger(grpc::ServerContext* c, const v1::VerifyLedgerRequest* req,
                            v1::VerifyLedgerResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Reconciliation& reconciliation_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_TRANSPORT_SALES_GRPC_SERVICES_H_
