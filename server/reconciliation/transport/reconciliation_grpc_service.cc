#include "reconciliation/transport/reconciliation_grpc_service.h"

#include "core/transport/common_mapping.h"
#include "reconciliation/transport/reconciliation_mapping.h"

namespace backoffice::transport {

grpc::Status ReconciliationGrpcService::VerifyLedger(
    grpc::ServerContext* c, const v1::VerifyLedgerRequest* req,
    v1::VerifyLedgerResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        auto report = reconciliation_.VerifyLedger(ctx, req->store_code());
        if (!report.ok()) return report.status();
        resp->set_stores_checked(report->stores_checked);
        resp->set_balances_checked(report->balances_checked);
        resp->set_sales_checked(report->sales_checked);
        for (const auto& v : report->violations) {
          ToProto(v, resp->add_violations());
        }
        return Status();
      });
}

}  // namespace backoffice::transport
