// Wire <-> domain for transfers between stores and stock counts.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_TRANSFER_COUNT_MAPPING_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_TRANSFER_COUNT_MAPPING_H_

#include "backoffice/v1/stock_count.pb.h"
#include "backoffice/v1/stock_transfer.pb.h"
#include "stockcontrol/domain/count_model.h"
#include "stockcontrol/domain/transfer_model.h"

namespace backoffice::transport {

domain::NewStockTransfer FromProto(const v1::SendStockTransferRequest& r);
domain::TransferReceipt FromProto(const v1::ReceiveStockTransferRequest& r);
domain::TransferResolution FromProto(v1::TransferResolution resolution);
domain::TransferDirection FromProto(v1::TransferDirection direction);
domain::TransferState FromProto(v1::StockTransferState state);
void ToProto(const domain::StockTransfer& t, v1::StockTransfer* p);

domain::NewStockCount FromProto(const v1::OpenStockCountRequest& r);
domain::CountEntry FromProto(const v1::EnterStockCountRequest& r);
domain::CountState FromProto(v1::StockCountState state);
void ToProto(const domain::StockCount& c, v1::StockCount* p);
void ToProto(const std::string& currency_code, const domain::CountLine& l,
             v1::StockCountLine* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_TRANSPORT_TRANSFER_COUNT_MAPPING_H_
