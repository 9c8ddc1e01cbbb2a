// The GoodsReceiptService: deliveries received, their approval; mapping
// only.
#ifndef BACKOFFICE_SERVER_RECEIVING_TRANSPORT_GOODS_RECEIPT_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_RECEIVING_TRANSPORT_GOODS_RECEIPT_GRPC_SERVICE_H_

#include "backoffice/v1/goods_receipt_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"
#include "receiving/domain/goods_receipts.h"

namespace backoffice::transport {

class GoodsReceiptGrpcService final : public v1::GoodsReceiptService::Service {
 public:
  GoodsReceiptGrpcService(RpcHandler& handler, domain::GoodsReceipts& receipts)
      : handler_(handler), receipts_(receipts) {}

  grpc::Status CreateGoodsReceipt(
      grpc::ServerContext* c, const v1::CreateGoodsReceiptRequest* req,
      v1::CreateGoodsReceiptResponse* resp) override;
  grpc::Status GetGoodsReceipt(grpc::ServerContext* c,
                               const v1::GetGoodsReceiptRequest* req,
                               v1::GetGoodsReceiptResponse* resp) override;
  grpc::Status ListGoodsReceipts(grpc::ServerContext* c,
                                 const v1::ListGoodsReceiptsRequest* req,
                                 v1::ListGoodsReceiptsResponse* resp) override;
  grpc::Status ApproveGoodsReceipt(
      grpc::ServerContext* c, const v1::ApproveGoodsReceiptRequest* req,
      v1::ApproveGoodsReceiptResponse* resp) override;
  grpc::Status RejectGoodsReceipt(
      grpc::ServerContext* c, const v1::RejectGoodsReceiptRequest* req,
      v1::RejectGoodsReceiptResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::GoodsReceipts& receipts_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_RECEIVING_TRANSPORT_GOODS_RECEIPT_GRPC_SERVICE_H_
