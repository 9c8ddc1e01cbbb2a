#include "stockcontrol/domain/count_rules.h"

#include <algorithm>
#include <set>

#include "core/domain/enum_names.h"
#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"

namespace backoffice::domain {
namespace {

constexpr NamePair kStates[] = {
    {static_cast<int>(CountState::kOpen), "OPEN"},
    {static_cast<int>(CountState::kPendingApproval), "PENDING_APPROVAL"},
    {static_cast<int>(CountState::kPosted), "POSTED"},
    {static_cast<int>(CountState::kCancelled), "CANCELLED"}};
constexpr NamePair kLevels[] = {
    {static_cast<int>(CountApprovalLevel::kNone), "NONE"},
    {static_cast<int>(CountApprovalLevel::kManager), "MANAGER"},
    {static_cast<int>(CountApprovalLevel::kHeadOffice), "HEAD_OFFICE"}};

constexpr std::int64_t kMaxCountedMilli = 1'000'000'000'000;

Status LineError(std::size_t index, Status status) {
  return status.WithMetadata("line_number", std::to_string(index + 1));
}

}  // namespace

const char* CountStateName(CountState state) { return NameOf(state, kStates); }
CountState CountStateFromName(const std::string& name) {
  return ValueOf<CountState>(name, kStates);
}
const char* CountApprovalLevelName(CountApprovalLevel level) {
  return NameOf(level, kLevels);
}
CountApprovalLevel CountApprovalLevelFromName(const std::string& name) {
  return ValueOf<CountApprovalLevel>(name, kLevels);
}

Status ValidateNewStockCount(const NewStockCount& c) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", c.store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("count_id", c.count_id));
  BO_RETURN_IF_ERROR(ValidateOptionalText("note", c.note, 500));
  if (c.skus.size() > 10000) {
    return InvalidField("skus", "a count names at most 10000 products");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < c.skus.size(); ++i) {
    if (Status s = ValidateCode("skus", c.skus[i]); !s.ok()) {
      return LineError(i, s);
    }
    if (!seen.insert(c.skus[i]).second) {
      return LineError(i,
                       InvalidField("skus", "names " + c.skus[i] + " twice"));
    }
  }
  return Status();
}

std::string StockCountFingerprint(const NewStockCount& c) {
  FingerprintBuilder f("stock_count/v1");
  std::vector<std::string> skus = c.skus;
  std::sort(skus.begin(), skus.end());
  f.Add(c.store_code).Add(c.note).Add(static_cast<std::int64_t>(skus.size()));
  for (const auto& sku : skus) f.Add(sku);
  return f.Finish();
}

Status ValidateCountEntry(const CountEntry& e) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", e.store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("count_id", e.count_id));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("entry_id", e.entry_id));
  if (e.lines.empty() || e.lines.size() > 5000) {
    return InvalidField("lines", "an entry holds 1-5000 products");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < e.lines.size(); ++i) {
    const auto& line = e.lines[i];
    if (Status s = ValidateCode("lines.sku", line.sku); !s.ok()) {
      return LineError(i, s);
    }
    if (line.counted_milli < 0 || line.counted_milli > kMaxCountedMilli) {
      return LineError(
          i, InvalidField("lines.counted_milli", "must be 0 to 10^12"));
    }
    if (!seen.insert(line.sku).second) {
      return LineError(i,
                       InvalidField("lines", "names " + line.sku + " twice"));
    }
  }
  return Status();
}

std::string CountEntryFingerprint(const CountEntry& e) {
  FingerprintBuilder f("stock_count_entry/v1");
  std::vector<CountEntryLine> lines = e.lines;
  std::sort(lines.begin(), lines.end(),
            [](const CountEntryLine& a, const CountEntryLine& b) {
              return a.sku < b.sku;
            });
  f.Add(e.store_code)
      .Add(e.count_id)
      .Add(static_cast<std::int64_t>(lines.size()));
  for (const auto& line : lines) f.Add(line.sku).Add(line.counted_milli);
  return f.Finish();
}

std::int64_t CountVariance(std::int64_t counted_milli,
                           std::int64_t frozen_milli,
                           std::int64_t moved_since_open_milli) {
  return counted_milli - frozen_milli - moved_since_open_milli;
}

CountApprovalLevel RequiredCountApproval(std::int64_t value_minor,
                                         const CountThresholds& thresholds) {
  if (value_minor <= thresholds.manager_minor) return CountApprovalLevel::kNone;
  if (thresholds.head_office_minor > 0 &&
      value_minor > thresholds.head_office_minor) {
    return CountApprovalLevel::kHeadOffice;
  }
  return CountApprovalLevel::kManager;
}

Status CheckCountStep(const StockCount& c, CountStep step,
                      const Principal& principal) {
  const char* state = CountStateName(c.state);
  auto conflict = [&](const std::string& wanted) {
    return FailedPrecondition(
               "COUNT_STATE_CONFLICT",
               "count " + c.count_id + " is " + state + "; " + wanted)
        .WithMetadata("state", state);
  };
  switch (step) {
    case CountStep::kPost:
      if (c.state != CountState::kOpen) {
        return conflict("only an open count is posted");
      }
      return Status();
    case CountStep::kCancel:
      if (c.state != CountState::kOpen &&
          c.state != CountState::kPendingApproval) {
        return conflict("only an open or waiting count is cancelled");
      }
      if (!IsManagerOrAbove(principal.role)) {
        return PermissionDenied("ROLE_NOT_ALLOWED",
                                "a store manager or head office cancels");
      }
      return Status();
    case CountStep::kApprove:
    case CountStep::kReject:
      break;
  }
  if (c.state != CountState::kPendingApproval) {
    return conflict("only a count waiting for approval is decided");
  }
  if (c.approval_level == CountApprovalLevel::kHeadOffice
          ? !IsChainWide(principal.role)
          : !IsManagerOrAbove(principal.role)) {
    return PermissionDenied(
        "ROLE_NOT_ALLOWED",
        c.approval_level == CountApprovalLevel::kHeadOffice
            ? "above the head-office threshold, head office decides"
            : "a store manager or head office decides");
  }
  const std::string me = FormatTokenId(principal.token_id);
  if (c.post_requested_by == me ||
      std::find(c.counted_by.begin(), c.counted_by.end(), me) !=
          c.counted_by.end()) {
    return PermissionDenied(
        "SELF_APPROVAL_FORBIDDEN",
        "a second person decides: who counted or asked to post may not");
  }
  return Status();
}

}  // namespace backoffice::domain
