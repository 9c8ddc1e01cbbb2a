#include "closing/transport/closing_grpc_service.h"

#include "closing/transport/closing_mapping.h"
#include "core/transport/common_mapping.h"

namespace backoffice::transport {

using domain::RequestContext;

grpc::Status ClosingGrpcService::OpenTillSession(
    grpc::ServerContext* c, const v1::OpenTillSessionRequest* req,
    v1::OpenTillSessionResponse* resp) {
  return handler_.Handle(c, req->request_id(),
                         [&](const RequestContext& ctx) -> Status {
                           auto outcome = sessions_.Open(ctx, FromProto(*req));
                           if (!outcome.ok()) return outcome.status();
                           ToProto(outcome->session, resp->mutable_session());
                           resp->set_replayed(outcome->replayed);
                           return Status();
                         });
}

grpc::Status ClosingGrpcService::RecordCashMovement(
    grpc::ServerContext* c, const v1::RecordCashMovementRequest* req,
    v1::RecordCashMovementResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = sessions_.RecordMovement(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        ToProto(req->amount().currency_code(), outcome->movement,
                resp->mutable_movement());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status ClosingGrpcService::CloseTillSession(
    grpc::ServerContext* c, const v1::CloseTillSessionRequest* req,
    v1::CloseTillSessionResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(sessions_.Close(ctx, FromProto(*req)),
                      resp->mutable_session());
  });
}

grpc::Status ClosingGrpcService::AcceptTillVariance(
    grpc::ServerContext* c, const v1::AcceptTillVarianceRequest* req,
    v1::AcceptTillVarianceResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(
        sessions_.AcceptVariance(ctx, req->store_code(), req->session_id(),
                                 req->reason()),
        resp->mutable_session());
  });
}

grpc::Status ClosingGrpcService::GetTillSession(
    grpc::ServerContext* c, const v1::GetTillSessionRequest* req,
    v1::GetTillSessionResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) -> Status {
    auto detail = sessions_.Get(ctx, req->store_code(), req->session_id());
    if (!detail.ok()) return detail.status();
    ToProto(detail->session, resp->mutable_session());
    for (const auto& m : detail->movements) {
      ToProto(detail->session.currency_code, m, resp->add_movements());
    }
    return Status();
  });
}

grpc::Status ClosingGrpcService::ListTillSessions(
    grpc::ServerContext* c, const v1::ListTillSessionsRequest* req,
    v1::ListTillSessionsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        sessions_.List(ctx, req->store_code(), FromProto(req->state()),
                       req->page_size(), req->page_token()),
        resp->mutable_sessions(), resp->mutable_next_page_token());
  });
}

grpc::Status ClosingGrpcService::GetClosingSettings(
    grpc::ServerContext* c, const v1::GetClosingSettingsRequest* req,
    v1::GetClosingSettingsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND(sessions_.GetSettings(ctx, req->store_code()),
                      resp->mutable_settings());
  });
}

grpc::Status ClosingGrpcService::UpdateClosingSettings(
    grpc::ServerContext* c, const v1::UpdateClosingSettingsRequest* req,
    v1::UpdateClosingSettingsResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(sessions_.UpdateSettings(ctx, FromProto(req->settings())),
                      resp->mutable_settings());
  });
}

}  // namespace backoffice::transport
