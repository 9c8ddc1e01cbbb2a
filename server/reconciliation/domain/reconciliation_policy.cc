#include "reconciliation/domain/reconciliation_policy.h"

namespace backoffice::domain {
std::vector<MethodPolicy> ReconciliationMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    {"/backoffice.v1.ReconciliationService/VerifyLedger", {kHeadOffice, kAdmin}},
  };
  // clang-format on
}

}  // namespace backoffice::domain
