// Transfers of stock between two stores as the domain sees them.
// Quantities are thousandths of a unit; money is minor units of the
// stores' (shared) currency; days are "YYYY-MM-DD".
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_TRANSFER_MODEL_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_TRANSFER_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/clock.h"

namespace backoffice::domain {

enum class TransferState {
  kUnspecified,
  kInTransit,
  kReceived,
  kDifferenceOpen,
  kResolved
};
enum class TransferResolution {
  kUnspecified,
  kWriteOff,
  kReturnToSender,
  kAccept
};
enum class TransferDirection { kBoth, kOutgoing, kIncoming };

struct TransferLot {
  std::string lot_code;
  std::string expiry_date;
  std::int64_t quantity_milli = 0;
};

struct TransferLine {
  int line_number = 0;
  std::string sku;
  std::int64_t quantity_milli = 0;
  std::int64_t unit_cost_minor = 0;
  std::int64_t line_cost_minor = 0;
  std::vector<TransferLot> lots;
  std::int64_t received_milli = 0;
  std::int64_t damaged_milli = 0;
  std::int64_t in_transit_milli = 0;
};

struct StockTransfer {
  std::string from_store_code;
  std::string transfer_id;
  std::string to_store_code;
  std::string currency_code;
  TransferState state = TransferState::kUnspecified;
  std::string note;
  std::vector<TransferLine> lines;
  std::int64_t total_cost_minor = 0;
  std::int64_t difference_cost_minor = 0;
  std::string sent_by;
  TimeMicros send_time = 0;
  std::string received_by;
  TimeMicros receive_time = 0;
  std::string resolved_by;
  TimeMicros resolve_time = 0;
  TransferResolution resolution = TransferResolution::kUnspecified;
  std::string resolution_reason;
  std::int64_t sequence = 0;  // The paging key.
};

struct NewTransferLine {
  std::string sku;
  std::int64_t quantity_milli = 0;
  std::string lot_code;
  std::string expiry_date;
};

struct NewStockTransfer {
  std::string from_store_code;
  std::string transfer_id;
  std::string to_store_code;
  std::vector<NewTransferLine> lines;
  std::string note;
};

struct TransferReceiptLine {
  int line_number = 0;
  std::int64_t received_milli = 0;
  std::int64_t damaged_milli = 0;
};

struct TransferReceipt {
  std::string to_store_code;
  std::string from_store_code;
  std::string transfer_id;
  // Empty: every line arrived in full and in good order.
  std::vector<TransferReceiptLine> lines;
};

struct TransferOutcome {
  StockTransfer transfer;
  bool replayed = false;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_TRANSFER_MODEL_H_
