// The SalesService: sales, returns, voids and receipt checks; mapping only.
#ifndef BACKOFFICE_SERVER_SALES_TRANSPORT_SALES_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_SALES_TRANSPORT_SALES_GRPC_SERVICE_H_

#include "backoffice/v1/sales_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"
#include "sales/domain/sales.h"

namespace backoffice::transport {

class SalesGrpcService final : public v1::SalesService::Service {
 public:
  SalesGrpcService(RpcHandler& handler, domain::Sales& sales)
      : handler_(handler), sales_(sales) {}

  grpc::Status RecordSale(grpc::ServerContext* c,
                          const v1::RecordSaleRequest* req,
                          v1::RecordSaleResponse* resp) override;
  grpc::Status UploadSales(grpc::ServerContext* c,
                           const v1::UploadSalesRequest* req,
                           v1::UploadSalesResponse* resp) override;
  grpc::Status RecordReturn(grpc::ServerContext* c,
                            const v1::RecordReturnRequest* req,
                            v1::RecordReturnResponse* resp) override;
  grpc::Status VoidSale(grpc::ServerContext* c, const v1::VoidSaleRequest* req,
                        v1::VoidSaleResponse* resp) override;
  grpc::Status GetSale(grpc::ServerContext* c, const v1::GetSaleRequest* req,
                       v1::GetSaleResponse* resp) override;
  grpc::Status ListSales(grpc::ServerContext* c,
                         const v1::ListSalesRequest* req,
                         v1::ListSalesResponse* resp) override;
  grpc::Status SummarizeSales(grpc::ServerContext* c,
                              const v1::SummarizeSalesRequest* req,
                              v1::SummarizeSalesResponse* resp) override;
  grpc::Status CheckReceiptSequence(
      grpc::ServerContext* c, const v1::CheckReceiptSequenceRequest* req,
      v1::CheckReceiptSequenceResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Sales& sales_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_SALES_TRANSPORT_SALES_GRPC_SERVICE_H_
