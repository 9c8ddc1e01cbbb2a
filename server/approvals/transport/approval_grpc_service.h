// The ApprovalService: the approval inbox; mapping only.
#ifndef BACKOFFICE_SERVER_APPROVALS_TRANSPORT_APPROVAL_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_APPROVALS_TRANSPORT_APPROVAL_GRPC_SERVICE_H_

#include "approvals/domain/approvals.h"
#include "backoffice/v1/approval_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"

namespace backoffice::transport {

void ToProto(const domain::Approval& a, v1::Approval* p);

class ApprovalGrpcService final : public v1::ApprovalService::Service {
 public:
  ApprovalGrpcService(RpcHandler& handler, domain::Approvals& approvals)
      : handler_(handler), approvals_(approvals) {}

  grpc::Status ListApprovals(grpc::ServerContext* c,
                             const v1::ListApprovalsRequest* req,
                             v1::ListApprovalsResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Approvals& approvals_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_APPROVALS_TRANSPORT_APPROVAL_GRPC_SERVICE_H_
