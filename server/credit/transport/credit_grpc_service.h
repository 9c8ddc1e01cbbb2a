// The CreditService: holds, overrides, payments and the reads of the party
// ledger; mapping only.
#ifndef BACKOFFICE_SERVER_CREDIT_TRANSPORT_CREDIT_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_CREDIT_TRANSPORT_CREDIT_GRPC_SERVICE_H_

#include "backoffice/v1/credit_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"
#include "credit/domain/credit.h"

namespace backoffice::transport {

class CreditGrpcService final : public v1::CreditService::Service {
 public:
  CreditGrpcService(RpcHandler& handler, domain::Credit& credit)
      : handler_(handler), credit_(credit) {}

#define BO_CREDIT_RPC(Name)                                               \
  grpc::Status Name(grpc::ServerContext* c, const v1::Name##Request* req, \
                    v1::Name##Response* resp) override;
  BO_CREDIT_RPC(AuthorizeCredit)
  BO_CREDIT_RPC(OverrideCreditAuthorization)
  BO_CREDIT_RPC(GetCreditAuthorization)
  BO_CREDIT_RPC(ReleaseCreditAuthorization)
  BO_CREDIT_RPC(RecordPayment)
  BO_CREDIT_RPC(ReversePayment)
  BO_CREDIT_RPC(GetAccount)
  BO_CREDIT_RPC(ListOpenItems)
  BO_CREDIT_RPC(GetStatement)
  BO_CREDIT_RPC(GetAgeing)
  BO_CREDIT_RPC(ListCreditExceptions)
  BO_CREDIT_RPC(RequestWriteOff)
  BO_CREDIT_RPC(ApproveLedgerRequest)
  BO_CREDIT_RPC(RejectLedgerRequest)
  BO_CREDIT_RPC(ListLedgerRequests)
  BO_CREDIT_RPC(ListPayablesDue)
  BO_CREDIT_RPC(GetCreditSettings)
  BO_CREDIT_RPC(UpdateCreditSettings)
  BO_CREDIT_RPC(MatchSupplierInvoice)
  BO_CREDIT_RPC(AcceptSupplierInvoice)
  BO_CREDIT_RPC(GetSupplierInvoice)
  BO_CREDIT_RPC(PreparePaymentRun)
  BO_CREDIT_RPC(ApprovePaymentRun)
  BO_CREDIT_RPC(RejectPaymentRun)
  BO_CREDIT_RPC(GetPaymentRun)
  BO_CREDIT_RPC(ListPaymentRuns)
#undef BO_CREDIT_RPC

 private:
  RpcHandler& handler_;
  domain::Credit& credit_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_CREDIT_TRANSPORT_CREDIT_GRPC_SERVICE_H_
