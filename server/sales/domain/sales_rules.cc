#include "sales/domain/sales_rules.h"

#include <absl/time/civil_time.h>
#include <absl/time/time.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

#include "access/domain/access_policy.h"
#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"

namespace backoffice::domain {
namespace {

__extension__ typedef __int128 Int128;

Status CheckAmount(const std::string& field, std::int64_t value) {
  if (value < 0 || value > kMaxAmountMinor) {
    return InvalidField(field, "must be within 0-10000000000000");
  }
  return Status();
}

}  // namespace

const char* TenderTypeName(TenderType type) {
  switch (type) {
    case TenderType::kCash:
      return "CASH";
    case TenderType::kCard:
      return "CARD";
    case TenderType::kQris:
      return "QRIS";
    case TenderType::kEwallet:
      return "EWALLET";
    case TenderType::kStoreCredit:
      return "STORE_CREDIT";
    case TenderType::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

std::optional<TenderType> TenderTypeFromName(const std::string& name) {
  for (TenderType t : {TenderType::kCash, TenderType::kCard, TenderType::kQris,
                       TenderType::kEwallet, TenderType::kStoreCredit}) {
    if (name == TenderTypeName(t)) return t;
  }
  return std::nullopt;
}

std::int64_t LineAmount(std::int64_t quantity_milli, std::int64_t unit_price) {
  const Int128 amount =
      (static_cast<Int128>(quantity_milli) * unit_price + 500) / 1000;
  // Beyond int64 no valid line amount exists; -1 never matches one.
  if (amount > std::numeric_limits<std::int64_t>::max()) return -1;
  return static_cast<std::int64_t>(amount);
}

Status ValidateSale(Sale& sale, TimeMicros now) {
  if (auto s = ValidateIdempotencyKey("sale_id", sale.sale_id); !s.ok())
    return s;
  if (auto s = ValidateCode("store_code", sale.store_code); !s.ok()) return s;
  if (auto s = ValidateCode("terminal_code", sale.terminal_code); !s.ok())
    return s;
  if (auto s = ValidateName("cashier", sale.cashier, 64); !s.ok()) return s;
  if (sale.receipt_number <= 0) {
    return InvalidField("receipt_number", "must be above zero");
  }
  if (sale.sale_time <= 0) return InvalidField("sale_time", "is required");
  if (sale.sale_time > now + kMaxClockSkewMicros) {
    return InvalidArgument("SALE_TIME_IN_FUTURE",
                           "sale_time is more than 10 minutes ahead of the "
                           "server's clock; check the till's clock")
        .WithMetadata("field", "sale_time");
  }
  if (sale.lines.empty()) {
    return InvalidArgument("NO_LINES", "a sale needs at least one line");
  }
  if (sale.lines.size() > kMaxSaleLines) {
    return InvalidArgument("TOO_MANY_LINES", "a sale holds at most 500 lines");
  }
  if (sale.tenders.size() > kMaxTenders) {
    return InvalidArgument("TOO_MANY_TENDERS",
                           "a sale holds at most 20 tenders");
  }
  std::set<int> line_numbers;
  std::int64_t total = 0;
  for (const auto& line : sale.lines) {
    if (line.line_number < 1 ||
        line.line_number > static_cast<int>(sale.lines.size()) ||
        !line_numbers.insert(line.line_number).second) {
      return InvalidField(
          "lines.line_number",
          "line numbers must be 1 to the number of lines, each once");
    }
    if (line.sku.empty() == line.barcode.empty()) {
      return InvalidArgument(
          "SKU_OR_BARCODE_REQUIRED",
          "each line names its product by sku or by barcode");
    }
    if (line.sku.size() > kMaxSkuLength ||
        line.barcode.size() > kMaxBarcodeLength) {
      return InvalidField("lines.sku", "is longer than 64 characters");
    }
    if (line.quantity_milli <= 0 || line.quantity_milli > kMaxQuantityMilli) {
      return InvalidField("lines.quantity_milli",
                          "must be within 1-1000000000");
    }
    if (auto s = CheckAmount("lines.unit_price_minor", line.unit_price_minor);
        !s.ok())
      return s;
    if (auto s = CheckAmount("lines.amount_minor", line.amount_minor); !s.ok())
      return s;
    if (line.amount_minor !=
        LineAmount(line.quantity_milli, line.unit_price_minor)) {
      return InvalidArgument("LINE_AMOUNT_MISMATCH",
                             "line " + std::to_string(line.line_number) +
                                 ": amount is not quantity x unit price");
    }
    if (line.discount_minor < 0 || line.discount_minor > line.amount_minor) {
      return InvalidField("lines.discount_minor",
                          "must be within 0 and the line amount");
    }
    if (line.tax_rate_basis_points < 0 || line.tax_rate_basis_points > 10000) {
      return InvalidField("lines.tax_rate_basis_points",
                          "must be within 0-10000");
    }
    if (line.tax_minor < 0 || line.tax_minor > line.net_minor()) {
      return InvalidField("lines.tax_minor",
                          "must be within 0 and the net amount");
    }
    total += line.net_minor();
  }
  // A sale with nothing to pay (a giveaway, a fully discounted basket) needs
  // no tender, and only there may a tender be of zero (tills print "cash 0");
  // tenders minus change must still equal the total.
  const bool free_of_charge = total == 0;
  if (sale.tenders.empty() && !free_of_charge) {
    return InvalidArgument("NO_TENDERS", "a sale needs at least one tender");
  }
  std::int64_t tendered = 0;
  for (const auto& tender : sale.tenders) {
    if (tender.type == TenderType::kUnspecified) {
      return InvalidField("tenders.type", "is required");
    }
    if (tender.amount_minor < 0 || tender.amount_minor > kMaxAmountMinor ||
        (tender.amount_minor == 0 && !free_of_charge)) {
      return InvalidField("tenders.amount_minor",
                          free_of_charge
                              ? "must be within 0-10000000000000"
                              : "must be above zero in a sale with a total");
    }
    if (tender.change_minor < 0 || tender.change_minor > tender.amount_minor ||
        (tender.change_minor != 0 && tender.type != TenderType::kCash)) {
      return InvalidField(
          "tenders.change_minor",
          "only cash gives change, at most the amount tendered");
    }
    if (tender.type == TenderType::kStoreCredit) {
      if (auto s = ValidateCode("tenders.customer_code", tender.customer_code);
          !s.ok()) {
        return s;
      }
      if (!tender.authorization_id.empty()) {
        if (auto s = ValidateIdempotencyKey("tenders.authorization_id",
                                            tender.authorization_id);
            !s.ok()) {
          return s;
        }
      }
    } else if (!tender.customer_code.empty()) {
      return InvalidField("tenders.customer_code",
                          "only store credit names a customer");
    } else if (!tender.authorization_id.empty()) {
      return InvalidField("tenders.authorization_id",
                          "only store credit carries an authorization");
    }
    if (auto s =
            ValidateOptionalText("tenders.reference", tender.reference, 64);
        !s.ok()) {
      return s;
    }
    tendered += tender.amount_minor - tender.change_minor;
  }
  if (tendered != total) {
    return InvalidArgument("TOTALS_MISMATCH",
                           "lines minus discounts (" + std::to_string(total) +
                               ") differ from tenders minus change (" +
                               std::to_string(tendered) + ")");
  }
  sale.total_minor = total;
  return Status();
}

Status ValidateReturn(const SaleReturn& r, TimeMicros now) {
  if (auto s = ValidateIdempotencyKey("return_id", r.return_id); !s.ok())
    return s;
  if (auto s = ValidateCode("store_code", r.store_code); !s.ok()) return s;
  if (auto s = ValidateCode("terminal_code", r.terminal_code); !s.ok())
    return s;
  if (auto s = ValidateName("cashier", r.cashier, 64); !s.ok()) return s;
  if (auto s = ValidateIdempotencyKey("sale_id", r.sale_id); !s.ok()) return s;
  if (r.return_time <= 0) return InvalidField("return_time", "is required");
  if (r.return_time > now + kMaxClockSkewMicros) {
    return InvalidArgument("RETURN_TIME_IN_FUTURE",
                           "return_time is more than 10 minutes ahead");
  }
  if (r.lines.empty() || r.lines.size() > kMaxSaleLines) {
    return InvalidArgument("NO_LINES", "a return holds 1 to 500 lines");
  }
  std::set<int> seen;
  for (const auto& line : r.lines) {
    if (!seen.insert(line.sale_line_number).second) {
      return InvalidField("lines.sale_line_number",
                          "each sale line at most once");
    }
    if (line.quantity_milli <= 0 || line.quantity_milli > kMaxQuantityMilli) {
      return InvalidField("lines.quantity_milli",
                          "must be within 1-1000000000");
    }
  }
  if (r.refund_tender_type == TenderType::kUnspecified) {
    return InvalidField("refund_tender_type", "is required");
  }
  return Status();
}

std::string SaleFingerprint(const Sale& sale) {
  FingerprintBuilder out("sale/v1");
  out.Add(sale.sale_id);
  out.Add(sale.store_code);
  out.Add(sale.terminal_code);
  out.Add(sale.cashier);
  out.Add(sale.receipt_number);
  out.Add(sale.sale_time);
  for (const auto& l : sale.lines) {
    out.Add(l.line_number);
    out.Add(l.sku);
    out.Add(l.barcode);
    out.Add(l.quantity_milli);
    out.Add(l.unit_price_minor);
    out.Add(l.amount_minor);
    out.Add(l.discount_minor);
    out.Add(l.tax_rate_basis_points);
    out.Add(l.tax_minor);
  }
  for (const auto& t : sale.tenders) {
    out.Add(static_cast<std::int64_t>(t.type));
    out.Add(t.amount_minor);
    out.Add(t.change_minor);
    out.Add(t.customer_code);
    out.Add(t.reference);
    // Added only when set, so that sales recorded before authorizations
    // existed keep their fingerprints and still replay.
    if (!t.authorization_id.empty()) out.Add(t.authorization_id);
  }
  return out.Finish();
}

std::string ReturnFingerprint(const SaleReturn& r) {
  FingerprintBuilder out("return/v1");
  out.Add(r.return_id);
  out.Add(r.store_code);
  out.Add(r.terminal_code);
  out.Add(r.cashier);
  out.Add(r.sale_id);
  out.Add(r.return_time);
  for (const auto& l : r.lines) {
    out.Add(l.sale_line_number);
    out.Add(l.quantity_milli);
    out.Add(l.damaged ? 1 : 0);
  }
  out.Add(static_cast<std::int64_t>(r.refund_tender_type));
  return out.Finish();
}

Status CheckMayPostFor(const Principal& principal,
                       const std::string& store_code,
                       const std::string& terminal_code) {
  if (principal.role == Role::kPosTerminal &&
      (principal.store_code != store_code ||
       principal.terminal_code != terminal_code)) {
    return PermissionDenied("TERMINAL_MISMATCH",
                            "a till token posts only for its own terminal " +
                                principal.store_code + "/" +
                                principal.terminal_code);
  }
  return CheckStoreScope(principal, store_code);
}

Status CheckSaleTakesReturns(const std::string& sale_id, SaleState state) {
  if (state != SaleState::kVoided) return Status();
  return FailedPrecondition("SALE_VOIDED", "sale " + sale_id +
                                               " is voided and takes no "
                                               "returns");
}

Status CheckReturnFits(int line_number, std::int64_t sold,
                       std::int64_t returned_before, std::int64_t quantity) {
  // Quantities are bounded by validation, so the sum cannot overflow.
  if (returned_before + quantity <= sold) return Status();
  return FailedPrecondition("RETURN_EXCEEDS_SOLD",
                            "line " + std::to_string(line_number) +
                                ": returning " + std::to_string(quantity) +
                                " of " + std::to_string(sold) + " sold, " +
                                std::to_string(returned_before) +
                                " already returned")
      .WithMetadata("line_number", std::to_string(line_number));
}

Status CheckSaleMayBeVoided(const std::string& sale_id,
                            std::int64_t returned_quantity_milli) {
  if (returned_quantity_milli == 0) return Status();
  return FailedPrecondition(
      "SALE_HAS_RETURNS",
      "sale " + sale_id + " has returns and cannot be voided");
}

Status CheckTillMayRecord(const std::string& terminal_code, bool active) {
  if (active) return Status();
  return FailedPrecondition("TERMINAL_INACTIVE",
                            "terminal " + terminal_code +
                                " is deactivated and records nothing")
      .WithMetadata("terminal_code", terminal_code);
}

Status CheckCustomerMayBuyOnCredit(const std::string& customer_code,
                                   bool active) {
  if (active) return Status();
  return FailedPrecondition("CUSTOMER_INACTIVE",
                            "credit customer " + customer_code +
                                " is inactive and gets no new credit")
      .WithMetadata("customer_code", customer_code);
}

std::vector<SaleException> SaleExceptions(
    const Sale& sale, const std::vector<bool>& product_active) {
  std::vector<SaleException> out;
  for (std::size_t i = 0; i < sale.lines.size() && i < product_active.size();
       ++i) {
    if (!product_active[i]) {
      out.push_back(
          SaleException{"PRODUCT_INACTIVE", sale.lines[i].line_number});
    }
  }
  return out;
}

StatusOr<std::string> BusinessDay(TimeMicros instant,
                                  const std::string& time_zone) {
  absl::TimeZone zone;
  // Stores are validated with the same library (ValidateTimeZone); a zone
  // that does not load is a store to mend, not a server fault.
  if (time_zone.empty() || !absl::LoadTimeZone(time_zone, &zone)) {
    return FailedPrecondition(
               "STORE_TIME_ZONE_INVALID",
               "the store's time zone '" + time_zone +
                   "' is not a time zone; set one such as Asia/Jakarta with "
                   "UpdateStore")
        .WithMetadata("field", "time_zone");
  }
  const absl::CivilDay day =
      absl::ToCivilDay(absl::FromUnixMicros(instant), zone);
  return absl::FormatCivilTime(day);
}

Status ValidateBusinessDay(const std::string& field, const std::string& day) {
  absl::CivilDay parsed;
  if (day.size() != 10 || !absl::ParseCivilTime(day, &parsed)) {
    return InvalidField(field, "must be a date YYYY-MM-DD");
  }
  return Status();
}

std::int64_t RefundFor(std::int64_t line_net, std::int64_t sold,
                       std::int64_t returned_before,
                       std::int64_t refunded_before, std::int64_t quantity) {
  if (returned_before + quantity >= sold) return line_net - refunded_before;
  return static_cast<std::int64_t>(static_cast<Int128>(line_net) * quantity /
                                   sold);
}

std::vector<std::int64_t> MissingReceipts(
    const std::vector<std::int64_t>& numbers, std::size_t limit) {
  std::vector<std::int64_t> missing;
  for (std::size_t i = 1; i < numbers.size() && missing.size() < limit; ++i) {
    for (std::int64_t n = numbers[i - 1] + 1;
         n < numbers[i] && missing.size() < limit; ++n) {
      missing.push_back(n);
    }
  }
  return missing;
}

}  // namespace backoffice::domain
