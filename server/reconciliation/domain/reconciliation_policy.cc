#include "reconciliation/domain/reconciliation_policy.h"

namespace backoffice::domain {
namespace {

constexpr Role kPos = Role::kPosTerminal;
constexpr Role kStaff = Role::kStoreStaff;
constexpr Role kManager = Role::kStoreManager;
constexpr Role kHeadOffice = Role::kHeadOffice;
constexpr Role kAdmin = Role::kAdmin;

}  // namespace

std::vector<MethodPolicy> ReconciliationMethodPolicies() {
  // clang-format off
  return {
    {"/backoffice.v1.ReconciliationService/VerifyLedger", {kHeadOffice, kAdmin}},
  };
  // clang-format on
}

}  // namespace backoffice::domain
