#include "credit/domain/payment_run_rules.h"

#include <algorithm>
#include <set>

#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"
#include "credit/domain/credit_rules.h"

namespace backoffice::domain {

Status ValidateNewPaymentRun(const NewPaymentRun& run) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", run.store_code));
  BO_RETURN_IF_ERROR(
      ValidateIdempotencyKey("payment_run_id", run.payment_run_id));
  if (run.payment_run_id.size() > kMaxPaymentRunIdLength) {
    return InvalidField("payment_run_id", "is longer than 48 characters");
  }
  BO_RETURN_IF_ERROR(ValidateDay("due_by_day", run.due_by_day));
  std::set<std::string> seen;
  for (const auto& code : run.supplier_codes) {
    BO_RETURN_IF_ERROR(ValidateCode("supplier_codes", code));
    if (!seen.insert(code).second) {
      return InvalidField("supplier_codes", "names " + code + " twice");
    }
  }
  if (run.supplier_codes.size() > 1000) {
    return InvalidField("supplier_codes", "names more than 1000 suppliers");
  }
  BO_RETURN_IF_ERROR(ValidateOptionalText("reference", run.reference, 64));
  return ValidateOptionalText("note", run.note, 500);
}

std::string PaymentRunFingerprint(const NewPaymentRun& run) {
  std::vector<std::string> suppliers = run.supplier_codes;
  std::sort(suppliers.begin(), suppliers.end());
  FingerprintBuilder f("payment_run/v1");
  f.Add(run.store_code)
      .Add(run.due_by_day)
      .Add(static_cast<std::int64_t>(run.method))
      .Add(run.reference)
      .Add(run.note)
      .Add(static_cast<std::int64_t>(suppliers.size()));
  for (const auto& code : suppliers) f.Add(code);
  return f.Finish();
}

std::string RunLinePaymentId(const std::string& payment_run_id,
                             int line_number) {
  return payment_run_id + "." + std::to_string(line_number);
}

bool IsRunLinePaymentId(const std::string& payment_id) {
  const auto dot = payment_id.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot > kMaxPaymentRunIdLength ||
      dot + 1 == payment_id.size()) {
    return false;
  }
  if (!ValidateIdempotencyKey("payment_id", payment_id.substr(0, dot)).ok()) {
    return false;
  }
  return std::all_of(payment_id.begin() + dot + 1, payment_id.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<PaymentRunLine> PlanRunLine(const std::vector<OpenItem>& debits,
                                          const std::vector<OpenItem>& credits,
                                          const std::string& due_by_day) {
  PaymentRunLine line;
  for (const auto& d : debits) {
    // Days are YYYY-MM-DD, so text order is day order.
    if (d.due_day > due_by_day || d.open_minor <= 0) continue;
    line.payables.push_back({d.document_number, d.due_day, d.open_minor});
    line.gross_minor += d.open_minor;
  }
  if (line.gross_minor == 0) return std::nullopt;
  std::int64_t room = line.gross_minor;
  for (const auto& c : credits) {
    if (room == 0) break;
    const std::int64_t used = std::min(room, c.open_minor);
    if (used <= 0) continue;
    line.credits.push_back({c.document_number, c.due_day, used});
    line.credits_minor += used;
    room -= used;
  }
  line.amount_minor = line.gross_minor - line.credits_minor;
  if (line.amount_minor == 0) return std::nullopt;
  return line;
}

std::vector<RunSettlement> SettleRunLine(const PaymentRunLine& line) {
  std::vector<RunSettlement> out;
  std::vector<std::int64_t> left;
  for (const auto& p : line.payables) left.push_back(p.amount_minor);
  std::size_t next = 0;
  auto settle = [&](std::int64_t credit_number, std::int64_t amount) {
    while (amount > 0 && next < left.size()) {
      const std::int64_t take = std::min(amount, left[next]);
      out.push_back({line.payables[next].document_number, credit_number, take});
      left[next] -= take;
      amount -= take;
      if (left[next] == 0) ++next;
    }
  };
  for (const auto& c : line.credits) settle(c.document_number, c.amount_minor);
  settle(0, line.amount_minor);
  return out;
}

bool PaymentRunNeedsHeadOffice(const CreditSettings& settings,
                               std::int64_t total_minor) {
  return total_minor > settings.payment_run_head_office_limit_minor;
}

Status CheckPaymentRunDecider(const PaymentRun& run, const Principal& checker) {
  if (run.state != LedgerRequestState::kPendingApproval) {
    return FailedPrecondition("PAYMENT_RUN_NOT_PENDING",
                              "payment run " + run.payment_run_id + " is " +
                                  LedgerRequestStateName(run.state))
        .WithMetadata("state", LedgerRequestStateName(run.state));
  }
  if (!IsManagerOrAbove(checker.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "a store manager or head office decides");
  }
  if (run.prepared_by == FormatTokenId(checker.token_id)) {
    return PermissionDenied(
        "SELF_APPROVAL_FORBIDDEN",
        "a second person decides: the preparer may not approve or reject");
  }
  if (run.needs_head_office && !IsChainWide(checker.role)) {
    return PermissionDenied("APPROVAL_LIMIT_EXCEEDED",
                            "above the store's run limit only head office "
                            "approves");
  }
  return Status();
}

}  // namespace backoffice::domain
