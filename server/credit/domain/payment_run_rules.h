// The pure rules of payment runs: validation, the fingerprint, what one
// supplier's line pays, how it settles, and who may decide. No storage, no
// clock.
#ifndef BACKOFFICE_SERVER_CREDIT_DOMAIN_PAYMENT_RUN_RULES_H_
#define BACKOFFICE_SERVER_CREDIT_DOMAIN_PAYMENT_RUN_RULES_H_

#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "credit/domain/credit_model.h"

namespace backoffice::domain {

// Run ids are shorter than payment ids: each line's payment is
// "<run id>.<line number>", which no client payment id can be ('.' is not
// allowed in one).
inline constexpr std::size_t kMaxPaymentRunIdLength = 48;

Status ValidateNewPaymentRun(const NewPaymentRun& run);
std::string PaymentRunFingerprint(const NewPaymentRun& run);
std::string RunLinePaymentId(const std::string& payment_run_id,
                             int line_number);
// Whether `payment_id` names a run line's payment ("<run id>.<n>").
bool IsRunLinePaymentId(const std::string& payment_id);

// One supplier's line from what is open: the payables due by `due_by_day`
// (oldest due first, as read under the account's lock) are paid in full,
// less the supplier's open credits, oldest first. Nullopt when nothing is
// left to pay (nothing due, or credits cover it all).
std::optional<PaymentRunLine> PlanRunLine(const std::vector<OpenItem>& debits,
                                          const std::vector<OpenItem>& credits,
                                          const std::string& due_by_day);

// The allocations that post a line: each credit against the payables in
// order, then the line's payment (credit 0) against what remains. The
// payment's own allocations sum to the line's amount.
std::vector<RunSettlement> SettleRunLine(const PaymentRunLine& line);

// Whether only head office may approve a run of this total.
bool PaymentRunNeedsHeadOffice(const CreditSettings& settings,
                               std::int64_t total_minor);

// Maker-checker on a run: it must be waiting (FAILED_PRECONDITION,
// PAYMENT_RUN_NOT_PENDING), the checker a manager or above
// (ROLE_NOT_ALLOWED) who did not prepare it (SELF_APPROVAL_FORBIDDEN), and
// head office above the store's limit (APPROVAL_LIMIT_EXCEEDED).
Status CheckPaymentRunDecider(const PaymentRun& run, const Principal& checker);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CREDIT_DOMAIN_PAYMENT_RUN_RULES_H_
