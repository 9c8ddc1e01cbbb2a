// The ClosingService: till sessions and the closing settings; mapping
// only.
#ifndef BACKOFFICE_SERVER_CLOSING_TRANSPORT_CLOSING_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_CLOSING_TRANSPORT_CLOSING_GRPC_SERVICE_H_

#include "backoffice/v1/closing_service.grpc.pb.h"
#include "closing/domain/till_sessions.h"
#include "core/transport/rpc_handler.h"

namespace backoffice::transport {

class ClosingGrpcService final : public v1::ClosingService::Service {
 public:
  ClosingGrpcService(RpcHandler& handler, domain::TillSessions& sessions)
      : handler_(handler), sessions_(sessions) {}

#define BO_CLOSING_RPC(Name)                                              \
  grpc::Status Name(grpc::ServerContext* c, const v1::Name##Request* req, \
                    v1::Name##Response* resp) override;
  BO_CLOSING_RPC(OpenTillSession)
  BO_CLOSING_RPC(RecordCashMovement)
  BO_CLOSING_RPC(CloseTillSession)
  BO_CLOSING_RPC(AcceptTillVariance)
  BO_CLOSING_RPC(GetTillSession)
  BO_CLOSING_RPC(ListTillSessions)
  BO_CLOSING_RPC(GetClosingSettings)
  BO_CLOSING_RPC(UpdateClosingSettings)
#undef BO_CLOSING_RPC

 private:
  RpcHandler& handler_;
  domain::TillSessions& sessions_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_CLOSING_TRANSPORT_CLOSING_GRPC_SERVICE_H_
