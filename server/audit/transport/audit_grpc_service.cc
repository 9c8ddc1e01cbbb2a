#include "audit/transport/audit_grpc_service.h"

#include "audit/transport/audit_mapping.h"
#include "core/transport/common_mapping.h"

namespace backoffice::transport {

grpc::Status AuditGrpcService::ListAuditRecords(
    grpc::ServerContext* c, const v1::ListAuditRecordsRequest* req,
    v1::ListAuditRecordsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext&) -> Status {
    domain::AuditFilter filter;
    filter.store_code = req->store_code();
    filter.method = req->method();
    filter.entity_type = req->entity_type();
    filter.entity_id = req->entity_id();
    if (!req->principal_id().empty()) {
      auto id = domain::ParseTokenId(req->principal_id());
      if (!id.ok()) return id.status();
      filter.principal_id = *id;
    }
    if (req->has_start_time()) filter.start_time = FromProto(req->start_time());
    if (req->has_end_time()) filter.end_time = FromProto(req->end_time());
    return BO_RESPOND_PAGE(
        audit_.List(filter, req->page_size(), req->page_token()),
        resp->mutable_audit_records(), resp->mutable_next_page_token());
  });
}

}  // namespace backoffice::transport
