// The AuditService: reads of the audit trail; mapping only.
#ifndef BACKOFFICE_SERVER_AUDIT_TRANSPORT_AUDIT_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_AUDIT_TRANSPORT_AUDIT_GRPC_SERVICE_H_

#include "audit/domain/audit_log.h"
#include "backoffice/v1/audit_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"

namespace backoffice::transport {

class AuditGrpcService final : public v1::AuditService::Service {
 public:
  AuditGrpcService(RpcHandler& handler, domain::AuditLog& audit)
      : handler_(handler), audit_(audit) {}

  grpc::Status ListAuditRecords(grpc::ServerContext* c,
                                const v1::ListAuditRecordsRequest* req,
                                v1::ListAuditRecordsResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::AuditLog& audit_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_AUDIT_TRANSPORT_AUDIT_GRPC_SERVICE_H_
