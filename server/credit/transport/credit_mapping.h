// Wire <-> domain for the CreditService.
#ifndef BACKOFFICE_SERVER_CREDIT_TRANSPORT_CREDIT_MAPPING_H_
#define BACKOFFICE_SERVER_CREDIT_TRANSPORT_CREDIT_MAPPING_H_

#include "backoffice/v1/credit_service.pb.h"
#include "credit/domain/credit_model.h"

namespace backoffice::transport {

domain::PartyRef FromProto(const v1::Party& p);
domain::PartyKind FromProto(v1::PartyKind kind);
domain::NewAuthorization FromProto(const v1::AuthorizeCreditRequest& r);
domain::NewPayment FromProto(const v1::RecordPaymentRequest& r);

void ToProto(const domain::CreditAuthorization& a, v1::CreditAuthorization* p);
void ToProto(const domain::PartyDocument& d, v1::PartyDocument* p);
void ToProto(const domain::Allocation& a, v1::Allocation* p);
void ToProto(const domain::Account& a, v1::Account* p);
void ToProto(const domain::Statement& s, v1::GetStatementResponse* p);
void ToProto(const domain::AgeingRow& r, v1::AgeingRow* p);
void ToProto(const domain::CreditException& e, v1::CreditException* p);
void ToProto(const domain::LedgerRequest& r, v1::LedgerRequest* p);
void ToProto(const domain::PayableDue& d, v1::PayableDue* p);
void ToProto(const domain::CreditSettings& c, v1::CreditSettings* p);
domain::NewWriteOff FromProto(const v1::RequestWriteOffRequest& r);
domain::LedgerRequestType FromProto(v1::LedgerRequestType type);
domain::LedgerRequestState FromProto(v1::LedgerRequestState state);
domain::CreditSettings FromProto(const v1::CreditSettings& c);
domain::NewSupplierInvoice FromProto(const v1::MatchSupplierInvoiceRequest& r);
void ToProto(const domain::SupplierInvoice& i, v1::SupplierInvoice* p);
domain::NewPaymentRun FromProto(const v1::PreparePaymentRunRequest& r);
domain::LedgerRequestState FromProto(v1::PaymentRunState state);
void ToProto(const domain::PaymentRun& r, v1::PaymentRun* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_CREDIT_TRANSPORT_CREDIT_MAPPING_H_
