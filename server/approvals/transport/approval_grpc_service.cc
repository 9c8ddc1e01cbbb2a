#include "approvals/transport/approval_grpc_service.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {

void ToProto(const domain::Approval& a, v1::Approval* p) {
  p->set_store_code(a.store_code);
  // domain::ApprovalKind keeps the wire numbers.
  p->set_kind(static_cast<v1::ApprovalKind>(static_cast<int>(a.kind)));
  p->set_document_id(a.document_id);
  p->set_summary(a.summary);
  ToProto(domain::Money{a.currency_code, a.amount_minor}, p->mutable_amount());
  p->set_requested_by(a.requested_by);
  p->set_requested_by_name(a.requested_by_name);
  SetTimestamp(a.since, p->mutable_since());
  p->set_needs_head_office(a.needs_head_office);
  p->set_approve_with(domain::ApproveWith(a.kind));
}

grpc::Status ApprovalGrpcService::ListApprovals(
    grpc::ServerContext* c, const v1::ListApprovalsRequest* req,
    v1::ListApprovalsResponse* resp) {
  return handler_.Handle(c, "", [&](const domain::RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        approvals_.ListApprovals(ctx, req->store_code(), req->page_size(),
                                 req->page_token()),
        resp->mutable_approvals(), resp->mutable_next_page_token());
  });
}

}  // namespace backoffice::transport
