#include "access/transport/access_grpc_service.h"

#include "access/transport/access_mapping.h"
#include "core/transport/common_mapping.h"

namespace backoffice::transport {

grpc::Status AccessGrpcService::CreateAccessToken(
    grpc::ServerContext* c, const v1::CreateAccessTokenRequest* req,
    v1::CreateAccessTokenResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) -> Status {
        auto created = access_.CreateToken(ctx, FromProto(req->access_token()));
        if (!created.ok()) return created.status();
        ToProto(created->token, resp->mutable_access_token());
        resp->set_secret(created->secret);
        return Status();
      });
}

grpc::Status AccessGrpcService::ListAccessTokens(
    grpc::ServerContext* c, const v1::ListAccessTokensRequest* req,
    v1::ListAccessTokensResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        access_.ListTokens(ctx, req->show_revoked(), req->page_size(),
                           req->page_token()),
        resp->mutable_access_tokens(), resp->mutable_next_page_token());
  });
}

grpc::Status AccessGrpcService::RevokeAccessToken(
    grpc::ServerContext* c, const v1::RevokeAccessTokenRequest* req,
    v1::RevokeAccessTokenResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const domain::RequestContext& ctx) {
        return BO_RESPOND(access_.RevokeToken(ctx, req->id()),
                          resp->mutable_access_token());
      });
}

grpc::Status AccessGrpcService::GetCallerIdentity(
    grpc::ServerContext* c, const v1::GetCallerIdentityRequest*,
    v1::GetCallerIdentityResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND(access_.GetCallerIdentity(ctx),
                      resp->mutable_access_token());
  });
}

}  // namespace backoffice::transport
