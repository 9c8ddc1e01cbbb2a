// The AccessService: tokens and the caller's identity; mapping only.
#ifndef BACKOFFICE_SERVER_ACCESS_TRANSPORT_ACCESS_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_ACCESS_TRANSPORT_ACCESS_GRPC_SERVICE_H_

#include "access/domain/access.h"
#include "backoffice/v1/access_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"

namespace backoffice::transport {

class AccessGrpcService final : public v1::AccessService::Service {
 public:
  AccessGrpcService(RpcHandler& handler, domain::Access& access)
      : handler_(handler), access_(access) {}

  grpc::Status CreateAccessToken(grpc::ServerContext* c,
                                 const v1::CreateAccessTokenRequest* req,
                                 v1::CreateAccessTokenResponse* resp) override;
  grpc::Status ListAccessTokens(grpc::ServerContext* c,
                                const v1::ListAccessTokensRequest* req,
                                v1::ListAccessTokensResponse* resp) override;
  grpc::Status RevokeAccessToken(grpc::ServerContext* c,
                                 const v1::RevokeAccessTokenRequest* req,
                                 v1::RevokeAccessTokenResponse* resp) override;
  grpc::Status GetCallerIdentity(grpc::ServerContext* c,
                                 const v1::GetCallerIdentityRequest* req,
                                 v1::GetCallerIdentityResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Access& access_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_ACCESS_TRANSPORT_ACCESS_GRPC_SERVICE_H_
