// The values of sales, returns and voids.
#ifndef BACKOFFICE_SERVER_SALES_DOMAIN_SALE_MODEL_H_
#define BACKOFFICE_SERVER_SALES_DOMAIN_SALE_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "inventory/domain/stock_model.h"

namespace backoffice::domain {

enum class TenderType {
  kUnspecified,
  kCash,
  kCard,
  kQris,
  kEwallet,
  kStoreCredit
};
enum class SaleState { kRecorded, kVoided };
const char* TenderTypeName(TenderType type);
std::optional<TenderType> TenderTypeFromName(const std::string& name);

struct SaleLine {
  int line_number = 0;
  std::string sku;
  std::string barcode;
  std::int64_t quantity_milli = 0;
  std::int64_t unit_price_minor = 0;
  std::int64_t amount_minor = 0;
  std::int64_t discount_minor = 0;
  std::int32_t tax_rate_basis_points = 0;
  std::int64_t tax_minor = 0;

  std::int64_t net_minor() const { return amount_minor - discount_minor; }
};

struct Tender {
  TenderType type = TenderType::kUnspecified;
  std::int64_t amount_minor = 0;
  std::int64_t change_minor = 0;
  std::string customer_code;
  std::string reference;
  // Store credit: the CreditService hold the tender uses; empty when the
  // till could not ask (offline).
  std::string authorization_id;
};

// Something a manager should look at in a sale that was nevertheless
// recorded, because it happened at the till.
struct SaleException {
  std::string kind;  // "PRODUCT_INACTIVE"
  int line_number = 0;
  friend bool operator==(const SaleException& a, const SaleException& b) {
    return a.kind == b.kind && a.line_number == b.line_number;
  }
};

struct Sale {
  std::string sale_id;
  std::string store_code;
  std::string terminal_code;
  std::string cashier;
  std::int64_t receipt_number = 0;
  TimeMicros sale_time = 0;
  std::vector<SaleLine> lines;
  std::vector<Tender> tenders;
  // Set by the server.
  std::int64_t sequence = 0;  // Order of recording; the paging key.
  TimeMicros record_time = 0;
  std::string business_day;
  std::int64_t total_minor = 0;
  std::string currency_code;              // Set by the server: the store's.
  std::vector<SaleException> exceptions;  // Set by the server.
  SaleState state = SaleState::kRecorded;
};

// The outcome of one sale of a group: recorded (now or before) or refused.
struct SaleOutcome {
  Status status;
  bool replayed = false;
  Sale sale;
};

struct ReturnLine {
  int sale_line_number = 0;
  std::int64_t quantity_milli = 0;
  bool damaged = false;
  std::int64_t refund_minor = 0;  // Computed by the server.
};

struct SaleReturn {
  std::string return_id;
  std::string store_code;
  std::string terminal_code;
  std::string cashier;
  std::string sale_id;
  TimeMicros return_time = 0;
  std::vector<ReturnLine> lines;
  TenderType refund_tender_type = TenderType::kUnspecified;
  std::int64_t refund_total_minor = 0;
  std::string currency_code;  // Set by the server: the sale's.
  TimeMicros record_time = 0;
};

struct ReturnOutcome {
  SaleReturn sale_return;
  bool replayed = false;
};

struct VoidOutcome {
  Sale sale;
  bool replayed = false;
};

struct SaleFilter {
  std::string store_code;
  std::string terminal_code;
  std::string business_day;  // YYYY-MM-DD or empty.
};

// A store's sales over a range of business days, summed from what each line
// recorded when it happened.
struct SalesSummary {
  std::string store_code;
  std::string currency_code;
  std::string from_day;
  std::string to_day;
  std::int64_t sale_count = 0;
  std::int64_t net_sales_minor = 0;  // VAT included.
  std::int64_t sales_tax_minor = 0;
  std::int64_t returns_minor = 0;  // VAT included.
  std::int64_t returns_tax_minor = 0;
  std::int64_t cost_minor = 0;           // Of the lines sold.
  std::int64_t returned_cost_minor = 0;  // Taken back by restocked returns.
  std::int64_t lines_without_cost = 0;
  std::int64_t revenue_minor() const {
    return net_sales_minor - sales_tax_minor - returns_minor +
           returns_tax_minor;
  }
  std::int64_t cost_of_goods_sold_minor() const {
    return cost_minor - returned_cost_minor;
  }
  std::int64_t gross_profit_minor() const {
    return revenue_minor() - cost_of_goods_sold_minor();
  }
};

struct ReceiptCheck {
  std::int64_t sale_count = 0;
  std::int64_t first_receipt_number = 0;
  std::int64_t last_receipt_number = 0;
  std::vector<std::int64_t> missing;
  std::vector<std::int64_t> duplicated;
  TimeMicros last_record_time = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_SALES_DOMAIN_SALE_MODEL_H_
