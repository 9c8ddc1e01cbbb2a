// The ReconciliationService: the books checking themselves; mapping only.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_TRANSPORT_RECONCILIATION_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_RECONCILIATION_TRANSPORT_RECONCILIATION_GRPC_SERVICE_H_

#include "backoffice/v1/reconciliation_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"
#include "reconciliation/domain/reconciliation.h"

namespace backoffice::transport {

class ReconciliationGrpcService final
    : public v1::ReconciliationService::Service {
 public:
  ReconciliationGrpcService(RpcHandler& handler,
                            domain::Reconciliation& reconciliation)
      : handler_(handler), reconciliation_(reconciliation) {}

  grpc::Status VerifyLedger(grpc::ServerContext* c,
                            const v1::VerifyLedgerRequest* req,
                            v1::VerifyLedgerResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Reconciliation& reconciliation_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_RECONCILIATION_TRANSPORT_RECONCILIATION_GRPC_SERVICE_H_
