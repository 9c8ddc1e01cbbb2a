// The StockControlService: near expiry, slow movers and supplier returns;
// mapping only.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_STOCK_CONTROL_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_STOCK_CONTROL_GRPC_SERVICE_H_

#include "backoffice/v1/stock_control_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"
#include "stockcontrol/domain/stock_control.h"

namespace backoffice::transport {

class StockControlGrpcService final : public v1::StockControlService::Service {
 public:
  StockControlGrpcService(RpcHandler& handler,
                          domain::StockControl& stock_control)
      : handler_(handler), stock_control_(stock_control) {}

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
#undef BO_STOCK_CONTROL_RPC

 private:
  RpcHandler& handler_;
  domain::StockControl& stock_control_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_STOCK_CONTROL_GRPC_SERVICE_H_
