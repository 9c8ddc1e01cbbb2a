// Wire <-> domain for the ClosingService.
#ifndef BACKOFFICE_SERVER_CLOSING_TRANSPORT_CLOSING_MAPPING_H_
#define BACKOFFICE_SERVER_CLOSING_TRANSPORT_CLOSING_MAPPING_H_

#include "backoffice/v1/closing_service.pb.h"
#include "closing/domain/till_session_model.h"

namespace backoffice::transport {

domain::NewTillSession FromProto(const v1::OpenTillSessionRequest& r);
domain::NewCashMovement FromProto(const v1::RecordCashMovementRequest& r);
domain::TillCount FromProto(const v1::CloseTillSessionRequest& r);
domain::TillSessionState FromProto(v1::TillSessionState state);
domain::ClosingSettings FromProto(const v1::ClosingSettings& p);

void ToProto(const domain::TillSession& s, v1::TillSession* p);
void ToProto(const std::string& currency_code, const domain::CashMovement& m,
             v1::CashMovement* p);
void ToProto(const domain::ClosingSettings& s, v1::ClosingSettings* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_CLOSING_TRANSPORT_CLOSING_MAPPING_H_
