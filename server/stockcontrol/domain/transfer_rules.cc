#include "stockcontrol/domain/transfer_rules.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/domain/authorization.h"
#include "core/domain/enum_names.h"
#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"
#include "credit/domain/credit_rules.h"

namespace backoffice::domain {
namespace {

constexpr NamePair kStates[] = {
    {static_cast<int>(TransferState::kInTransit), "IN_TRANSIT"},
    {static_cast<int>(TransferState::kReceived), "RECEIVED"},
    {static_cast<int>(TransferState::kDifferenceOpen), "DIFFERENCE_OPEN"},
    {static_cast<int>(TransferState::kResolved), "RESOLVED"}};
constexpr NamePair kResolutions[] = {
    {static_cast<int>(TransferResolution::kWriteOff), "WRITE_OFF"},
    {static_cast<int>(TransferResolution::kReturnToSender), "RETURN_TO_SENDER"},
    {static_cast<int>(TransferResolution::kAccept), "ACCEPT"}};

constexpr std::int64_t kMaxTransferQuantityMilli = 1'000'000'000'000;

Status LineError(std::size_t index, Status status) {
  return status.WithMetadata("line_number", std::to_string(index + 1));
}

}  // namespace

const char* TransferStateName(TransferState state) {
  return NameOf(state, kStates);
}
TransferState TransferStateFromName(const std::string& name) {
  return ValueOf<TransferState>(name, kStates);
}
const char* TransferResolutionName(TransferResolution resolution) {
  return NameOf(resolution, kResolutions);
}
TransferResolution TransferResolutionFromName(const std::string& name) {
  return ValueOf<TransferResolution>(name, kResolutions);
}

Status ValidateNewStockTransfer(const NewStockTransfer& t) {
  BO_RETURN_IF_ERROR(ValidateCode("from_store_code", t.from_store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("transfer_id", t.transfer_id));
  BO_RETURN_IF_ERROR(ValidateCode("to_store_code", t.to_store_code));
  BO_RETURN_IF_ERROR(ValidateOptionalText("note", t.note, 500));
  if (t.from_store_code == t.to_store_code) {
    return FailedPrecondition("TRANSFER_TO_SAME_STORE",
                              "a transfer goes to another store");
  }
  if (t.lines.empty() || t.lines.size() > 500) {
    return InvalidField("lines", "must hold 1-500 products");
  }
  std::set<std::tuple<std::string, std::string, std::string>> named_lots;
  std::set<std::string> fefo_skus, named_skus;
  for (std::size_t i = 0; i < t.lines.size(); ++i) {
    const auto& line = t.lines[i];
    if (Status s = ValidateCode("lines.sku", line.sku); !s.ok()) {
      return LineError(i, s);
    }
    if (Status s = ValidateOptionalText("lines.lot_code", line.lot_code, 64);
        !s.ok()) {
      return LineError(i, s);
    }
    if (!line.expiry_date.empty()) {
      if (Status s = ValidateDay("lines.expiry_date", line.expiry_date);
          !s.ok()) {
        return LineError(i, s);
      }
    }
    if (line.quantity_milli <= 0 ||
        line.quantity_milli > kMaxTransferQuantityMilli) {
      return LineError(i, InvalidField("lines.quantity_milli",
                                       "must be above zero and at most "
                                       "10^12"));
    }
    // A line without a lot takes FEFO's lots: such a line is its
    // product's only line; a named lot is named once.
    const bool named = !line.lot_code.empty() || !line.expiry_date.empty();
    const bool clash =
        named ? !named_lots.insert({line.sku, line.lot_code, line.expiry_date})
                        .second ||
                    fefo_skus.count(line.sku) > 0
              : !fefo_skus.insert(line.sku).second ||
                    named_skus.count(line.sku) > 0;
    if (named) named_skus.insert(line.sku);
    if (clash) {
      return LineError(i, InvalidField("lines", "names " + line.sku +
                                                    " (or its lot) twice"));
    }
  }
  return Status();
}

std::string StockTransferFingerprint(const NewStockTransfer& t) {
  FingerprintBuilder f("stock_transfer/v1");
  f.Add(t.from_store_code)
      .Add(t.to_store_code)
      .Add(t.note)
      .Add(static_cast<std::int64_t>(t.lines.size()));
  for (const auto& line : t.lines) {
    f.Add(line.sku)
        .Add(line.quantity_milli)
        .Add(line.lot_code)
        .Add(line.expiry_date);
  }
  return f.Finish();
}

Status ValidateTransferReceipt(const TransferReceipt& r) {
  BO_RETURN_IF_ERROR(ValidateCode("to_store_code", r.to_store_code));
  BO_RETURN_IF_ERROR(ValidateCode("from_store_code", r.from_store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("transfer_id", r.transfer_id));
  if (r.lines.size() > 500) {
    return InvalidField("lines", "a transfer has at most 500 lines");
  }
  std::set<int> seen;
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    const auto& line = r.lines[i];
    if (line.line_number < 1) {
      return LineError(i, InvalidField("lines.line_number", "starts at 1"));
    }
    if (!seen.insert(line.line_number).second) {
      return LineError(
          i, InvalidField(
                 "lines.line_number",
                 "names line " + std::to_string(line.line_number) + " twice"));
    }
    if (line.received_milli < 0 || line.damaged_milli < 0 ||
        line.received_milli > kMaxTransferQuantityMilli ||
        line.damaged_milli > kMaxTransferQuantityMilli) {
      return LineError(i, InvalidField("lines.received_milli",
                                       "received and damaged are 0 to 10^12"));
    }
  }
  return Status();
}

std::string TransferReceiptFingerprint(
    const TransferReceipt& r, const std::vector<TransferReceiptLine>& plan) {
  FingerprintBuilder f("stock_transfer_receipt/v2");
  f.Add(r.to_store_code)
      .Add(r.from_store_code)
      .Add(r.transfer_id)
      .Add(static_cast<std::int64_t>(plan.size()));
  for (const auto& line : plan) {
    f.Add(static_cast<std::int64_t>(line.line_number))
        .Add(line.received_milli)
        .Add(line.damaged_milli);
  }
  return f.Finish();
}

StatusOr<std::vector<TransferReceiptLine>> PlanTransferReceipt(
    const StockTransfer& transfer, const TransferReceipt& receipt) {
  std::vector<TransferReceiptLine> plan;
  for (const auto& line : transfer.lines) {
    plan.push_back({line.line_number, line.quantity_milli, 0});
  }
  if (receipt.lines.empty()) return plan;
  if (receipt.lines.size() != transfer.lines.size()) {
    return InvalidField("lines", "name every line of the transfer (" +
                                     std::to_string(transfer.lines.size()) +
                                     "), or none when all arrived");
  }
  for (const auto& line : receipt.lines) {
    if (line.line_number > static_cast<int>(transfer.lines.size())) {
      return InvalidField(
          "lines.line_number",
          "the transfer has no line " + std::to_string(line.line_number));
    }
    const TransferLine& sent = transfer.lines[line.line_number - 1];
    if (line.received_milli + line.damaged_milli > sent.quantity_milli) {
      return FailedPrecondition(
                 "TRANSFER_OVER_RECEIVED",
                 "line " + std::to_string(line.line_number) + " (" + sent.sku +
                     ") sent " + std::to_string(sent.quantity_milli) +
                     " thousandths; received and damaged add up to more")
          .WithMetadata("line_number", std::to_string(line.line_number));
    }
    plan[line.line_number - 1] = line;
  }
  return plan;
}

TransferState StateAfterReceipt(const std::vector<TransferReceiptLine>& plan,
                                const StockTransfer& transfer) {
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (plan[i].received_milli != transfer.lines[i].quantity_milli) {
      return TransferState::kDifferenceOpen;
    }
  }
  return TransferState::kReceived;
}

std::vector<TransferLot> SliceTransferLots(const std::vector<TransferLot>& lots,
                                           std::int64_t skip_milli,
                                           std::int64_t quantity_milli) {
  std::vector<TransferLot> out;
  for (const auto& lot : lots) {
    if (quantity_milli <= 0) break;
    std::int64_t available = lot.quantity_milli;
    const std::int64_t skipped = std::min(skip_milli, available);
    skip_milli -= skipped;
    available -= skipped;
    if (available <= 0) continue;
    const std::int64_t take = std::min(available, quantity_milli);
    out.push_back({lot.lot_code, lot.expiry_date, take});
    quantity_milli -= take;
  }
  return out;
}

Status CheckTransferResolver(const StockTransfer& t,
                             const Principal& principal) {
  if (t.state != TransferState::kDifferenceOpen) {
    const char* state = TransferStateName(t.state);
    return FailedPrecondition("TRANSFER_STATE_CONFLICT",
                              "transfer " + t.transfer_id + " is " + state +
                                  "; only an open difference is resolved")
        .WithMetadata("state", state);
  }
  if (!IsManagerOrAbove(principal.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "a store manager or head office resolves");
  }
  if (t.received_by == FormatTokenId(principal.token_id)) {
    return PermissionDenied(
        "SELF_APPROVAL_FORBIDDEN",
        "a second person resolves: the receiver may not resolve");
  }
  return Status();
}

Status CheckTransferScope(const StockTransfer& t, const Principal& principal) {
  if (CheckStoreScope(principal, t.to_store_code).ok()) return Status();
  return CheckStoreScope(principal, t.from_store_code);
}

}  // namespace backoffice::domain
