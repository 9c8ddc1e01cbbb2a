// The pure rules of stock counts: validation, fingerprints, the variance
// of a line, who must approve a posting and who may.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_COUNT_RULES_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_COUNT_RULES_H_

#include <cstdint>
#include <string>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "stockcontrol/domain/count_model.h"

namespace backoffice::domain {

const char* CountStateName(CountState state);
CountState CountStateFromName(const std::string& name);
const char* CountApprovalLevelName(CountApprovalLevel level);
CountApprovalLevel CountApprovalLevelFromName(const std::string& name);

// 0-10000 SKUs, each once; INVALID_ARGUMENT naming the field.
Status ValidateNewStockCount(const NewStockCount& count);
std::string StockCountFingerprint(const NewStockCount& count);
// 1-5000 lines, each SKU once, counted 0 or more.
Status ValidateCountEntry(const CountEntry& entry);
std::string CountEntryFingerprint(const CountEntry& entry);

// What nothing explains: counted - (frozen + moved since the opening).
std::int64_t CountVariance(std::int64_t counted_milli,
                           std::int64_t frozen_milli,
                           std::int64_t moved_since_open_milli);

// Who must approve a posting whose variances are worth `value_minor` at
// cost, added without sign: none within the manager's threshold, head
// office above a set head-office threshold, a manager otherwise.
CountApprovalLevel RequiredCountApproval(std::int64_t value_minor,
                                         const CountThresholds& thresholds);

// Who may take a count a step, on the locked count: entering and posting
// an OPEN count is anyone's of the store; approving a PENDING_APPROVAL
// count and rejecting it are a manager's (head office at that level,
// ROLE_NOT_ALLOWED) who neither counted nor asked to post it
// (SELF_APPROVAL_FORBIDDEN whatever the role); cancelling an OPEN or
// waiting count is a manager's. FAILED_PRECONDITION
// (COUNT_STATE_CONFLICT) in another state.
Status CheckCountStep(const StockCount& count, CountStep step,
                      const Principal& principal);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_COUNT_RULES_H_
