// Conversions between goods receipts' domain values and backoffice.v1
// messages.
#ifndef BACKOFFICE_SERVER_RECEIVING_TRANSPORT_GOODS_RECEIPT_MAPPING_H_
#define BACKOFFICE_SERVER_RECEIVING_TRANSPORT_GOODS_RECEIPT_MAPPING_H_

#include "backoffice/v1/goods_receipt_service.pb.h"
#include "receiving/domain/receipt_model.h"

namespace backoffice::transport {

domain::NewGoodsReceipt FromProto(const v1::CreateGoodsReceiptRequest& p);
void ToProto(const domain::GoodsReceipt& r, v1::GoodsReceipt* p);
domain::ReceiptState FromProto(v1::GoodsReceiptState state);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_RECEIVING_TRANSPORT_GOODS_RECEIPT_MAPPING_H_
