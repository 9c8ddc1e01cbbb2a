#include "audit/domain/audit_policy.h"

namespace backoffice::domain {
std::vector<MethodPolicy> AuditMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    {"/backoffice.v1.AuditService/ListAuditRecords", {kAdmin}},
  };
  // clang-format on
}

}  // namespace backoffice::domain
