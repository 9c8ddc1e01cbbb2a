// The StockControlService: near expiry, slow movers, supplier returns,
// transfers between stores and stock counts; mapping only.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_STOCK_CONTROL_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_STOCK_CONTROL_GRPC_SERVICE_H_

#include "backoffice/v1/stock_control_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"
#include "stockcontrol/domain/stock_control.h"
#include "stockcontrol/domain/stock_counts.h"
#include "stockcontrol/domain/stock_transfers.h"

namespace backoffice::transport {

class StockControlGrpcService final : public v1::StockControlService::Service {
 public:
  StockControlGrpcService(RpcHandler& handler,
                          domain::StockControl& stock_control,
                          domain::StockTransfers& transfers,
                          domain::StockCounts& counts)
      : handler_(handler),
        stock_control_(stock_control),
        transfers_(transfers),
        counts_(counts) {}

#define BO_STOCK_CONTROL_RPC(Name)                                        \
  grpc::Status Name(grpc::ServerContext* c, const v1::Name##Request* req, \
                    v1::Name##Response* resp) override;
  BO_STOCK_CONTROL_RPC(ListExpiringLots)
  BO_STOCK_CONTROL_RPC(ListSlowMovers)
  BO_STOCK_CONTROL_RPC(CreateSupplierReturn)
  BO_STOCK_CONTROL_RPC(ApproveSupplierReturn)
  BO_STOCK_CONTROL_RPC(RejectSupplierReturn)
  BO_STOCK_CONTROL_RPC(ShipSupplierReturn)
  BO_STOCK_CONTROL_RPC(GetSupplierReturn)
  BO_STOCK_CONTROL_RPC(ListSupplierReturns)
  BO_STOCK_CONTROL_RPC(SendStockTransfer)
  BO_STOCK_CONTROL_RPC(ReceiveStockTransfer)
  BO_STOCK_CONTROL_RPC(ResolveStockTransfer)
  BO_STOCK_CONTROL_RPC(GetStockTransfer)
  BO_STOCK_CONTROL_RPC(ListStockTransfers)
  BO_STOCK_CONTROL_RPC(OpenStockCount)
  BO_STOCK_CONTROL_RPC(EnterStockCount)
  BO_STOCK_CONTROL_RPC(PostStockCount)
  BO_STOCK_CONTROL_RPC(ApproveStockCount)
  BO_STOCK_CONTROL_RPC(RejectStockCount)
  BO_STOCK_CONTROL_RPC(CancelStockCount)
  BO_STOCK_CONTROL_RPC(GetStockCount)
  BO_STOCK_CONTROL_RPC(ListStockCounts)
#undef BO_STOCK_CONTROL_RPC

 private:
  RpcHandler& handler_;
  domain::StockControl& stock_control_;
  domain::StockTransfers& transfers_;
  domain::StockCounts& counts_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_STOCK_CONTROL_GRPC_SERVICE_H_
