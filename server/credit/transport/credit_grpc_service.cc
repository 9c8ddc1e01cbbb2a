#include "credit/transport/credit_grpc_service.h"

#include "core/transport/common_mapping.h"
#include "credit/transport/credit_mapping.h"

namespace backoffice::transport {

using domain::RequestContext;

grpc::Status CreditGrpcService::AuthorizeCredit(
    grpc::ServerContext* c, const v1::AuthorizeCreditRequest* req,
    v1::AuthorizeCreditResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = credit_.Authorize(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->authorization, resp->mutable_authorization());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status CreditGrpcService::OverrideCreditAuthorization(
    grpc::ServerContext* c, const v1::OverrideCreditAuthorizationRequest* req,
    v1::OverrideCreditAuthorizationResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(credit_.Override(ctx, req->store_code(),
                                       req->authorization_id(), req->reason()),
                      resp->mutable_authorization());
  });
}

grpc::Status CreditGrpcService::GetCreditAuthorization(
    grpc::ServerContext* c, const v1::GetCreditAuthorizationRequest* req,
    v1::GetCreditAuthorizationResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND(credit_.GetAuthorization(ctx, req->store_code(),
                                               req->authorization_id()),
                      resp->mutable_authorization());
  });
}

grpc::Status CreditGrpcService::ReleaseCreditAuthorization(
    grpc::ServerContext* c, const v1::ReleaseCreditAuthorizationRequest* req,
    v1::ReleaseCreditAuthorizationResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(
        credit_.Release(ctx, req->store_code(), req->authorization_id()),
        resp->mutable_authorization());
  });
}

grpc::Status CreditGrpcService::RecordPayment(
    grpc::ServerContext* c, const v1::RecordPaymentRequest* req,
    v1::RecordPaymentResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = credit_.RecordPayment(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        if (outcome->payment.document_number > 0) {
          ToProto(outcome->payment, resp->mutable_payment());
        }
        for (const auto& a : outcome->allocations) {
          ToProto(a, resp->add_allocations());
        }
        if (outcome->approval_request) {
          ToProto(*outcome->approval_request, resp->mutable_approval_request());
        }
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status CreditGrpcService::ReversePayment(
    grpc::ServerContext* c, const v1::ReversePaymentRequest* req,
    v1::ReversePaymentResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = credit_.ReversePayment(ctx, req->store_code(),
                                              req->payment_id(), req->reason());
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->reversal, resp->mutable_reversal());
        for (const auto& a : outcome->allocations) {
          ToProto(a, resp->add_allocations());
        }
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status CreditGrpcService::GetAccount(grpc::ServerContext* c,
                                           const v1::GetAccountRequest* req,
                                           v1::GetAccountResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND(
        credit_.GetAccount(ctx, req->store_code(), FromProto(req->party())),
        resp->mutable_account());
  });
}

grpc::Status CreditGrpcService::ListOpenItems(
    grpc::ServerContext* c, const v1::ListOpenItemsRequest* req,
    v1::ListOpenItemsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        credit_.ListOpenItems(ctx, req->store_code(), FromProto(req->party()),
                              req->page_size(), req->page_token()),
        resp->mutable_documents(), resp->mutable_next_page_token());
  });
}

grpc::Status CreditGrpcService::GetStatement(grpc::ServerContext* c,
                                             const v1::GetStatementRequest* req,
                                             v1::GetStatementResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) -> Status {
    auto statement =
        credit_.GetStatement(ctx, req->store_code(), FromProto(req->party()),
                             req->from_day(), req->to_day());
    if (!statement.ok()) return statement.status();
    ToProto(*statement, resp);
    return Status();
  });
}

grpc::Status CreditGrpcService::GetAgeing(grpc::ServerContext* c,
                                          const v1::GetAgeingRequest* req,
                                          v1::GetAgeingResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) -> Status {
    domain::AgeingQuery query;
    query.store_code = req->store_code();
    query.party_kind = FromProto(req->party_kind());
    query.as_of_day = req->as_of_day();
    auto ageing =
        credit_.GetAgeing(ctx, query, req->page_size(), req->page_token());
    if (!ageing.ok()) return ageing.status();
    for (const auto& row : ageing->rows) ToProto(row, resp->add_rows());
    for (const auto& row : ageing->totals) ToProto(row, resp->add_totals());
    resp->set_as_of_day(ageing->as_of_day);
    resp->set_next_page_token(ageing->next_page_token);
    return Status();
  });
}

grpc::Status CreditGrpcService::ListCreditExceptions(
    grpc::ServerContext* c, const v1::ListCreditExceptionsRequest* req,
    v1::ListCreditExceptionsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(credit_.ListCreditExceptions(
                               ctx, req->store_code(), req->business_day(),
                               req->page_size(), req->page_token()),
                           resp->mutable_exceptions(),
                           resp->mutable_next_page_token());
  });
}

grpc::Status CreditGrpcService::RequestWriteOff(
    grpc::ServerContext* c, const v1::RequestWriteOffRequest* req,
    v1::RequestWriteOffResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = credit_.RequestWriteOff(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->request, resp->mutable_request());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

namespace {

template <typename Response>
Status RespondDecision(StatusOr<domain::LedgerDecisionOutcome> outcome,
                       Response* resp) {
  if (!outcome.ok()) return outcome.status();
  ToProto(outcome->request, resp->mutable_request());
  return Status();
}

}  // namespace

grpc::Status CreditGrpcService::ApproveLedgerRequest(
    grpc::ServerContext* c, const v1::ApproveLedgerRequestRequest* req,
    v1::ApproveLedgerRequestResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = credit_.DecideLedgerRequest(
            ctx, req->store_code(), FromProto(req->type()),
            req->ledger_request_id(), true, "");
        if (!outcome.ok()) return outcome.status();
        if (outcome->document) {
          ToProto(*outcome->document, resp->mutable_document());
        }
        for (const auto& a : outcome->allocations) {
          ToProto(a, resp->add_allocations());
        }
        return RespondDecision(std::move(outcome), resp);
      });
}

grpc::Status CreditGrpcService::RejectLedgerRequest(
    grpc::ServerContext* c, const v1::RejectLedgerRequestRequest* req,
    v1::RejectLedgerRequestResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        return RespondDecision(
            credit_.DecideLedgerRequest(
                ctx, req->store_code(), FromProto(req->type()),
                req->ledger_request_id(), false, req->reason()),
            resp);
      });
}

grpc::Status CreditGrpcService::ListLedgerRequests(
    grpc::ServerContext* c, const v1::ListLedgerRequestsRequest* req,
    v1::ListLedgerRequestsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(credit_.ListLedgerRequests(
                               ctx, req->store_code(), FromProto(req->state()),
                               req->page_size(), req->page_token()),
                           resp->mutable_requests(),
                           resp->mutable_next_page_token());
  });
}

grpc::Status CreditGrpcService::ListPayablesDue(
    grpc::ServerContext* c, const v1::ListPayablesDueRequest* req,
    v1::ListPayablesDueResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        credit_.ListPayablesDue(ctx, req->store_code(), req->due_by_day(),
                                req->page_size(), req->page_token()),
        resp->mutable_payables(), resp->mutable_next_page_token());
  });
}

grpc::Status CreditGrpcService::GetCreditSettings(
    grpc::ServerContext* c, const v1::GetCreditSettingsRequest* req,
    v1::GetCreditSettingsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND(credit_.GetCreditSettings(ctx, req->store_code()),
                      resp->mutable_settings());
  });
}

grpc::Status CreditGrpcService::UpdateCreditSettings(
    grpc::ServerContext* c, const v1::UpdateCreditSettingsRequest* req,
    v1::UpdateCreditSettingsResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(
        credit_.UpdateCreditSettings(ctx, FromProto(req->settings())),
        resp->mutable_settings());
  });
}

grpc::Status CreditGrpcService::MatchSupplierInvoice(
    grpc::ServerContext* c, const v1::MatchSupplierInvoiceRequest* req,
    v1::MatchSupplierInvoiceResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = credit_.MatchSupplierInvoice(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->invoice, resp->mutable_invoice());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status CreditGrpcService::AcceptSupplierInvoice(
    grpc::ServerContext* c, const v1::AcceptSupplierInvoiceRequest* req,
    v1::AcceptSupplierInvoiceResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(
        credit_.AcceptSupplierInvoice(ctx, req->store_code(), req->invoice_id(),
                                      req->reason()),
        resp->mutable_invoice());
  });
}

grpc::Status CreditGrpcService::GetSupplierInvoice(
    grpc::ServerContext* c, const v1::GetSupplierInvoiceRequest* req,
    v1::GetSupplierInvoiceResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND(
        credit_.GetSupplierInvoice(ctx, req->store_code(), req->invoice_id()),
        resp->mutable_invoice());
  });
}

grpc::Status CreditGrpcService::PreparePaymentRun(
    grpc::ServerContext* c, const v1::PreparePaymentRunRequest* req,
    v1::PreparePaymentRunResponse* resp) {
  return handler_.Handle(
      c, req->request_id(), [&](const RequestContext& ctx) -> Status {
        auto outcome = credit_.PreparePaymentRun(ctx, FromProto(*req));
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->run, resp->mutable_payment_run());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status CreditGrpcService::ApprovePaymentRun(
    grpc::ServerContext* c, const v1::ApprovePaymentRunRequest* req,
    v1::ApprovePaymentRunResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(credit_.DecidePaymentRun(ctx, req->store_code(),
                                               req->payment_run_id(), true, ""),
                      resp->mutable_payment_run());
  });
}

grpc::Status CreditGrpcService::RejectPaymentRun(
    grpc::ServerContext* c, const v1::RejectPaymentRunRequest* req,
    v1::RejectPaymentRunResponse* resp) {
  return handler_.Handle(c, req->request_id(), [&](const RequestContext& ctx) {
    return BO_RESPOND(
        credit_.DecidePaymentRun(ctx, req->store_code(), req->payment_run_id(),
                                 false, req->reason()),
        resp->mutable_payment_run());
  });
}

grpc::Status CreditGrpcService::GetPaymentRun(
    grpc::ServerContext* c, const v1::GetPaymentRunRequest* req,
    v1::GetPaymentRunResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND(
        credit_.GetPaymentRun(ctx, req->store_code(), req->payment_run_id()),
        resp->mutable_payment_run());
  });
}

grpc::Status CreditGrpcService::ListPaymentRuns(
    grpc::ServerContext* c, const v1::ListPaymentRunsRequest* req,
    v1::ListPaymentRunsResponse* resp) {
  return handler_.Handle(c, "", [&](const RequestContext& ctx) {
    return BO_RESPOND_PAGE(
        credit_.ListPaymentRuns(ctx, req->store_code(), FromProto(req->state()),
                                req->page_size(), req->page_token()),
        resp->mutable_payment_runs(), resp->mutable_next_page_token());
  });
}

}  // namespace backoffice::transport
