#include "receiving/domain/receipt_rules.h"

#include <absl/time/civil_time.h>

#include <map>
#include <set>
#include <tuple>

#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"
#include "inventory/domain/lots.h"
#include "purchasing/domain/purchase_order_rules.h"

namespace backoffice::domain {
namespace {

__extension__ typedef __int128 Int128;

constexpr std::int64_t kMaxReceiptQuantityMilli = 1'000'000'000'000;
constexpr std::int64_t kMaxUnitCostMinor = 1'000'000'000'000;

bool ValidDay(const std::string& day) {
  absl::CivilDay parsed;
  return day.size() == 10 && absl::ParseCivilTime(day, &parsed);
}

Status LineError(std::size_t index, Status status) {
  return status.WithMetadata("line_number", std::to_string(index + 1));
}

}  // namespace

const char* RejectReasonName(RejectReason reason) {
  switch (reason) {
    case RejectReason::kDamaged:
      return "DAMAGED";
    case RejectReason::kWrongItem:
      return "WRONG_ITEM";
    case RejectReason::kExpired:
      return "EXPIRED";
    case RejectReason::kNone:
      break;
  }
  return "";
}

RejectReason RejectReasonFromName(const std::string& name) {
  if (name == "DAMAGED") return RejectReason::kDamaged;
  if (name == "WRONG_ITEM") return RejectReason::kWrongItem;
  if (name == "EXPIRED") return RejectReason::kExpired;
  return RejectReason::kNone;
}

const char* ReceiptStateName(ReceiptState state) {
  switch (state) {
    case ReceiptState::kPendingApproval:
      return "PENDING_APPROVAL";
    case ReceiptState::kPosted:
      return "POSTED";
    case ReceiptState::kRejected:
      return "REJECTED";
    case ReceiptState::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

ReceiptState ReceiptStateFromName(const std::string& name) {
  if (name == "PENDING_APPROVAL") return ReceiptState::kPendingApproval;
  if (name == "POSTED") return ReceiptState::kPosted;
  if (name == "REJECTED") return ReceiptState::kRejected;
  return ReceiptState::kUnspecified;
}

const char* ReceiptApprovalReasonName(ReceiptApprovalReason reason) {
  switch (reason) {
    case ReceiptApprovalReason::kNoOrder:
      return "NO_ORDER";
    case ReceiptApprovalReason::kOverReceipt:
      return "OVER_RECEIPT";
    case ReceiptApprovalReason::kNone:
      break;
  }
  return "";
}

ReceiptApprovalReason ReceiptApprovalReasonFromName(const std::string& name) {
  if (name == "NO_ORDER") return ReceiptApprovalReason::kNoOrder;
  if (name == "OVER_RECEIPT") return ReceiptApprovalReason::kOverReceipt;
  return ReceiptApprovalReason::kNone;
}

Status ValidateNewReceipt(const NewGoodsReceipt& r) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", r.store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("receipt_id", r.receipt_id));
  if (!r.order_id.empty()) {
    BO_RETURN_IF_ERROR(ValidateIdempotencyKey("order_id", r.order_id));
  }
  if (r.order_id.empty() && r.supplier_code.empty()) {
    return InvalidField("supplier_code",
                        "is required for a receipt without an order");
  }
  if (!r.supplier_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCode("supplier_code", r.supplier_code));
  }
  BO_RETURN_IF_ERROR(
      ValidateOptionalText("supplier_document", r.supplier_document, 64));
  BO_RETURN_IF_ERROR(
      ValidateOptionalText("note", r.note, kMaxReceiptNoteLength));
  if (r.lines.empty()) return InvalidField("lines", "must not be empty");
  if (r.lines.size() > static_cast<std::size_t>(kMaxReceiptLines)) {
    return InvalidArgument("RECEIPT_TOO_LARGE",
                           "a receipt has at most 1000 lines");
  }
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    const ReceiptLineInput& l = r.lines[i];
    if (Status st = ValidateCode("lines.sku", l.sku); !st.ok()) {
      return LineError(i, st);
    }
    if (l.received_milli < 0 || l.rejected_milli < 0 ||
        l.received_milli > kMaxReceiptQuantityMilli ||
        l.rejected_milli > kMaxReceiptQuantityMilli) {
      return LineError(i, InvalidField("lines.received_milli",
                                       "quantities must be 0 to 10^12"));
    }
    if (l.received_milli + l.rejected_milli == 0) {
      return LineError(i, InvalidField("lines.received_milli",
                                       "a line receives or rejects something"));
    }
    if ((l.rejected_milli > 0) != (l.reject_reason != RejectReason::kNone)) {
      return LineError(i, InvalidField("lines.reject_reason",
                                       "is required exactly when something "
                                       "is rejected"));
    }
    if (l.lot_code.size() > 64) {
      return LineError(
          i, InvalidField("lines.lot_code", "must be at most 64 characters"));
    }
    if (Status st = ValidateOptionalText("lines.lot_code", l.lot_code, 64);
        !st.ok()) {
      return LineError(i, st);
    }
    if (!l.expiry_date.empty() && !ValidDay(l.expiry_date)) {
      return LineError(
          i, InvalidField("lines.expiry_date", "must be a date YYYY-MM-DD"));
    }
    if (l.unit_cost_minor &&
        (*l.unit_cost_minor < 0 || *l.unit_cost_minor > kMaxUnitCostMinor)) {
      return LineError(
          i, InvalidField("lines.unit_cost", "must be 0 to 10^12 minor units"));
    }
    if (!seen.insert({l.sku, l.lot_code, l.expiry_date}).second) {
      return LineError(i, InvalidArgument("DUPLICATE_LINE",
                                          "product " + l.sku + " with lot '" +
                                              l.lot_code + "' appears twice"));
    }
  }
  return Status();
}

std::string ReceiptFingerprint(const NewGoodsReceipt& r) {
  FingerprintBuilder f("goods_receipt/v1");
  f.Add(r.store_code).Add(r.receipt_id).Add(r.order_id).Add(r.supplier_code);
  f.Add(r.supplier_document).Add(r.note);
  f.Add(static_cast<std::int64_t>(r.request_approval ? 1 : 0));
  f.Add(static_cast<std::int64_t>(r.lines.size()));
  for (const auto& l : r.lines) {
    f.Add(l.sku).Add(l.received_milli).Add(l.rejected_milli);
    f.Add(static_cast<std::int64_t>(l.reject_reason));
    f.Add(l.lot_code).Add(l.expiry_date);
    f.Add(static_cast<std::int64_t>(l.unit_cost_minor ? 1 : 0));
    f.Add(l.unit_cost_minor.value_or(0)).Add(l.unit_cost_currency);
  }
  return f.Finish();
}

std::int64_t ReceivableLimit(std::int64_t ordered_milli, int tolerance_bp) {
  return ordered_milli +
         static_cast<std::int64_t>(static_cast<Int128>(ordered_milli) *
                                   tolerance_bp / 10000);
}

Status CheckOrderReceivable(const std::string& order_id,
                            const std::string& state) {
  if (state == "APPROVED" || state == "SENT" || state == "PARTIALLY_RECEIVED") {
    return Status();
  }
  return FailedPrecondition("ORDER_NOT_RECEIVABLE",
                            "order " + order_id + " is " + state +
                                "; only an approved, sent or partly "
                                "received order takes goods")
      .WithMetadata("state", state);
}

StatusOr<GoodsReceipt> PlanReceipt(const NewGoodsReceipt& input,
                                   const ReceiptFacts& facts,
                                   const Principal& receiver) {
  GoodsReceipt receipt;
  receipt.store_code = input.store_code;
  receipt.receipt_id = input.receipt_id;
  receipt.order_id = input.order_id;
  receipt.supplier_code = facts.supplier_code;
  receipt.supplier_document = input.supplier_document;
  receipt.note = input.note;
  receipt.currency_code = facts.currency_code;
  receipt.business_day = facts.business_day;
  receipt.received_by = ActorId(receiver);
  receipt.received_by_name = receiver.display_name;

  if (!facts.supplier_active) {
    return FailedPrecondition(
        "SUPPLIER_INACTIVE",
        "supplier " + facts.supplier_code + " is deactivated");
  }
  std::map<std::string, const ReceivableOrderLine*> order_line_of;
  std::map<std::string, std::int64_t> received_now;  // By SKU.
  if (facts.has_order) {
    BO_RETURN_IF_ERROR(CheckOrderReceivable(input.order_id, facts.order_state));
    if (!input.supplier_code.empty() &&
        input.supplier_code != facts.supplier_code) {
      return FailedPrecondition("SUPPLIER_MISMATCH",
                                "order " + input.order_id + " is to supplier " +
                                    facts.supplier_code + ", not " +
                                    input.supplier_code);
    }
    if (receipt.received_by == facts.order_approved_by) {
      return PermissionDenied("SEGREGATION_OF_DUTIES",
                              "whoever approved order " + input.order_id +
                                  " does not receive it; another person must");
    }
    for (const auto& line : facts.order_lines) {
      order_line_of[line.sku] = &line;
    }
  }
  std::map<std::string, const ReceivableProduct*> product_of;
  for (const auto& p : facts.products) product_of[p.sku] = &p;

  for (std::size_t i = 0; i < input.lines.size(); ++i) {
    const ReceiptLineInput& in = input.lines[i];
    auto product = product_of.find(in.sku);
    if (product == product_of.end()) {
      return LineError(
          i, NotFound("PRODUCT_NOT_FOUND", "product " + in.sku + " not found"));
    }
    const ReceivableProduct& p = *product->second;
    GoodsReceiptLine line;
    line.line_number = static_cast<int>(i + 1);
    line.sku = in.sku;
    line.received_milli = in.received_milli;
    line.rejected_milli = in.rejected_milli;
    line.reject_reason = in.reject_reason;
    line.lot_code = in.lot_code;
    line.expiry_date = in.expiry_date;
    if (!in.unit_cost_currency.empty() &&
        in.unit_cost_currency != facts.currency_code) {
      return LineError(
          i,
          InvalidArgument("CURRENCY_MISMATCH",
                          "unit cost in " + in.unit_cost_currency +
                              ", the store counts in " + facts.currency_code));
    }
    const ReceivableOrderLine* order_line = nullptr;
    if (facts.has_order) {
      auto it = order_line_of.find(in.sku);
      if (it != order_line_of.end()) order_line = it->second;
      if (!order_line && in.received_milli > 0) {
        return LineError(
            i,
            FailedPrecondition("PRODUCT_NOT_ON_ORDER",
                               "product " + in.sku + " is not on order " +
                                   input.order_id + "; reject it as WRONG_ITEM")
                .WithMetadata("sku", in.sku));
      }
    }
    if (in.received_milli > 0 && p.shelf_life_days > 0) {
      if (in.lot_code.empty()) {
        return LineError(i, InvalidArgument("LOT_REQUIRED",
                                            "product " + in.sku +
                                                " expires: its lot number is "
                                                "required"));
      }
      if (in.expiry_date.empty()) {
        return LineError(i, InvalidArgument("EXPIRY_DATE_REQUIRED",
                                            "product " + in.sku +
                                                " expires: its expiry date is "
                                                "required"));
      }
    }
    if (in.received_milli > 0 &&
        !IsSellableOn(in.expiry_date, p.sell_by_margin_days,
                      facts.business_day)) {
      return LineError(
          i, FailedPrecondition(
                 "LOT_NOT_SELLABLE",
                 "lot '" + in.lot_code + "' of " + in.sku + " expires " +
                     in.expiry_date + " and may be sold only until " +
                     SellableUntil(in.expiry_date, p.sell_by_margin_days) +
                     "; reject it as EXPIRED"));
    }
    if (order_line) {
      line.order_line_number = order_line->line_number;
      line.ordered_unit_cost_minor = order_line->unit_cost_minor;
      line.unit_cost_minor =
          in.unit_cost_minor.value_or(order_line->unit_cost_minor);
      line.tax_rate_basis_points = order_line->tax_rate_basis_points;
      received_now[in.sku] += in.received_milli;
    } else if (in.unit_cost_minor) {
      line.unit_cost_minor = *in.unit_cost_minor;
      line.tax_rate_basis_points = p.item_tax_rate_basis_points;
    } else if (p.item_unit_cost_minor) {
      line.unit_cost_minor = *p.item_unit_cost_minor;
      line.tax_rate_basis_points = p.item_tax_rate_basis_points;
    } else if (in.received_milli > 0) {
      return LineError(i, InvalidArgument("UNIT_COST_REQUIRED",
                                          "supplier " + facts.supplier_code +
                                              " has no item for " + in.sku +
                                              ": give the invoice's unit "
                                              "cost"));
    }
    line.line_cost_minor =
        CostOfQuantity(line.received_milli, line.unit_cost_minor);
    line.line_tax_minor =
        TaxOfCost(line.line_cost_minor, line.tax_rate_basis_points);
    receipt.total_cost_minor += line.line_cost_minor;
    receipt.total_tax_minor += line.line_tax_minor;
    if (line.cost_differs()) {
      receipt.cost_variance_minor +=
          CostOfQuantity(line.received_milli, line.unit_cost_minor) -
          CostOfQuantity(line.received_milli, *line.ordered_unit_cost_minor);
    }
    receipt.lines.push_back(std::move(line));
  }

  receipt.state = ReceiptState::kPosted;
  if (!facts.has_order) {
    receipt.state = ReceiptState::kPendingApproval;
    receipt.approval_reason = ReceiptApprovalReason::kNoOrder;
    return receipt;
  }
  for (const auto& [sku, quantity] : received_now) {
    const ReceivableOrderLine& line = *order_line_of[sku];
    const std::int64_t limit = ReceivableLimit(
        line.quantity_milli, facts.receipt_tolerance_basis_points);
    if (line.received_milli + quantity <= limit) continue;
    if (!input.request_approval) {
      return FailedPrecondition(
                 "OVER_RECEIPT",
                 "order line " + std::to_string(line.line_number) + " (" + sku +
                     ") ordered " + std::to_string(line.quantity_milli) +
                     ", received " + std::to_string(line.received_milli) +
                     " before; " + std::to_string(quantity) +
                     " more exceeds the limit of " + std::to_string(limit) +
                     " (request a manager's approval)")
          .WithMetadata("sku", sku)
          .WithMetadata("limit_milli", std::to_string(limit));
    }
    receipt.state = ReceiptState::kPendingApproval;
    receipt.approval_reason = ReceiptApprovalReason::kOverReceipt;
  }
  return receipt;
}

Status CheckReceiptDecider(const GoodsReceipt& receipt,
                           const Principal& decider) {
  if (!IsManagerOrAbove(decider.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "approving a receipt needs a store manager or "
                            "above");
  }
  if (ActorId(decider) == receipt.received_by) {
    return PermissionDenied("SELF_APPROVAL_FORBIDDEN",
                            "whoever received " + receipt.receipt_id +
                                " cannot approve it; another person must");
  }
  return Status();
}

Status CheckLotsStillSellable(const GoodsReceipt& receipt,
                              const ReceiptFacts& facts) {
  for (const auto& line : receipt.lines) {
    if (line.received_milli <= 0 || line.expiry_date.empty()) continue;
    int margin = 0;
    for (const auto& p : facts.products) {
      if (p.sku == line.sku) margin = p.sell_by_margin_days;
    }
    if (!IsSellableOn(line.expiry_date, margin, facts.business_day)) {
      return FailedPrecondition(
                 "LOT_NOT_SELLABLE",
                 "lot '" + line.lot_code + "' of " + line.sku +
                     " may be sold only until " +
                     SellableUntil(line.expiry_date, margin) +
                     "; reject the receipt and receive the goods as EXPIRED")
          .WithMetadata("line_number", std::to_string(line.line_number));
    }
  }
  return Status();
}

std::string PayableDueDay(const std::string& business_day, int terms_days) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(business_day, &day)) return business_day;
  return absl::FormatCivilTime(day + terms_days);
}

std::string OrderStateAfterReceipt(
    const std::vector<ReceivableOrderLine>& lines_after) {
  for (const auto& line : lines_after) {
    if (line.received_milli < line.quantity_milli) return "PARTIALLY_RECEIVED";
  }
  return "RECEIVED";
}

}  // namespace backoffice::domain
