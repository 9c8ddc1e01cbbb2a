// Goods receipts: deliveries received at a store, with their lots, the cost
// they bring and the payable they create. Quantities are thousandths of a
// unit; money is minor units of the store's currency; days are YYYY-MM-DD.
#ifndef BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIPT_MODEL_H_
#define BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIPT_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"

namespace backoffice::domain {

inline constexpr int kMaxReceiptLines = 1000;
inline constexpr int kMaxReceiptNoteLength = 500;

enum class RejectReason {
  kNone = 0,
  kDamaged = 1,
  kWrongItem = 2,
  kExpired = 3,
};
// "", "DAMAGED", "WRONG_ITEM", "EXPIRED" as stored.
const char* RejectReasonName(RejectReason reason);
RejectReason RejectReasonFromName(const std::string& name);

enum class ReceiptState {
  kUnspecified = 0,
  kPendingApproval = 1,
  kPosted = 2,
  kRejected = 3,
};
const char* ReceiptStateName(ReceiptState state);
ReceiptState ReceiptStateFromName(const std::string& name);

enum class ReceiptApprovalReason {
  kNone = 0,
  kNoOrder = 1,
  kOverReceipt = 2,
};
const char* ReceiptApprovalReasonName(ReceiptApprovalReason reason);
ReceiptApprovalReason ReceiptApprovalReasonFromName(const std::string& name);

// A line as the receiver records it.
struct ReceiptLineInput {
  std::string sku;
  std::int64_t received_milli = 0;
  std::int64_t rejected_milli = 0;
  RejectReason reject_reason = RejectReason::kNone;
  std::string lot_code;
  std::string expiry_date;
  std::optional<std::int64_t> unit_cost_minor;  // Unset: the order's.
  std::string unit_cost_currency;               // Empty, or the store's.
};

struct NewGoodsReceipt {
  std::string store_code;
  std::string receipt_id;
  std::string order_id;  // Empty: no order.
  std::string supplier_code;
  std::string supplier_document;
  std::string note;
  std::vector<ReceiptLineInput> lines;
  bool request_approval = false;
};

struct GoodsReceiptLine {
  int line_number = 0;
  std::string sku;
  int order_line_number = 0;  // 0: no order line.
  std::int64_t received_milli = 0;
  std::int64_t rejected_milli = 0;
  RejectReason reject_reason = RejectReason::kNone;
  std::string lot_code;
  std::string expiry_date;
  std::int64_t unit_cost_minor = 0;
  std::optional<std::int64_t> ordered_unit_cost_minor;
  std::int32_t tax_rate_basis_points = 0;
  std::int64_t line_cost_minor = 0;
  std::int64_t line_tax_minor = 0;
  bool cost_differs() const {
    return ordered_unit_cost_minor &&
           *ordered_unit_cost_minor != unit_cost_minor;
  }
};

struct GoodsReceipt {
  std::string store_code;
  std::string receipt_id;
  std::string supplier_code;
  std::string order_id;
  ReceiptState state = ReceiptState::kUnspecified;
  ReceiptApprovalReason approval_reason = ReceiptApprovalReason::kNone;
  std::string supplier_document;
  std::string note;
  std::string currency_code;
  std::vector<GoodsReceiptLine> lines;
  std::int64_t total_cost_minor = 0;
  std::int64_t total_tax_minor = 0;
  std::int64_t cost_variance_minor = 0;
  std::string payable_due_date;  // Empty until posted.
  std::string received_by;       // "tok_<n>", as maker-checker compares.
  std::string received_by_name;
  std::string decided_by;
  std::string decided_by_name;
  std::string decision_reason;
  std::string business_day;
  TimeMicros create_time = 0;
  TimeMicros post_time = 0;
};

struct GoodsReceiptOutcome {
  GoodsReceipt receipt;
  bool replayed = false;
};

// What an order line is to a receipt, read under the order's lock.
struct ReceivableOrderLine {
  int line_number = 0;
  std::string sku;
  std::int64_t quantity_milli = 0;
  std::int64_t received_milli = 0;
  std::int64_t unit_cost_minor = 0;
  std::int32_t tax_rate_basis_points = 0;
};

// A product a receipt names, as the catalog and the supplier's items
// know it.
struct ReceivableProduct {
  std::string sku;
  bool active = true;
  int shelf_life_days = 0;  // > 0: lots and expiry are required.
  int sell_by_margin_days = 0;
  // The supplier's active item, for receipts without an order.
  std::optional<std::int64_t> item_unit_cost_minor;
  std::int32_t item_tax_rate_basis_points = 0;
};

// Everything the receiving rules need, read in the receipt's transaction.
struct ReceiptFacts {
  std::string currency_code;  // The store's.
  std::string business_day;   // The store's today.
  std::string supplier_code;  // Of the order, or the request's.
  bool supplier_active = true;
  // With an order:
  bool has_order = false;
  std::string order_state;  // "APPROVED", ...
  std::string order_approved_by;
  int receipt_tolerance_basis_points = 0;
  std::vector<ReceivableOrderLine> order_lines;
  std::vector<ReceivableProduct> products;  // Those the request names.
};

struct GoodsReceiptFilter {
  ReceiptState state = ReceiptState::kUnspecified;
  std::string order_id;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIPT_MODEL_H_
