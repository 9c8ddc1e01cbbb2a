// Wire <-> domain for the StockControlService.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_STOCK_CONTROL_MAPPING_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_STOCK_CONTROL_MAPPING_H_

#include "backoffice/v1/stock_control_service.pb.h"
#include "stockcontrol/domain/stock_control_model.h"

namespace backoffice::transport {

domain::ExpiringLotsQuery FromProto(const v1::ListExpiringLotsRequest& r);
domain::SlowMoversQuery FromProto(const v1::ListSlowMoversRequest& r);
domain::NewSupplierReturn FromProto(const v1::CreateSupplierReturnRequest& r);
domain::SupplierReturnState FromProto(v1::SupplierReturnState state);

void ToProto(const domain::ExpiringLot& l, v1::ExpiringLot* p);
void ToProto(const domain::SlowMover& m, v1::SlowMover* p);
void ToProto(const domain::SupplierReturn& r, v1::SupplierReturn* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_STOCK_CONTROL_MAPPING_H_
