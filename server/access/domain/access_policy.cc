#include "access/domain/access_policy.h"

namespace backoffice::domain {
std::vector<MethodPolicy> AccessMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // Credentials and the audit trail are the admins' alone.
    {"/backoffice.v1.AccessService/CreateAccessToken", {kAdmin}, true},
    {"/backoffice.v1.AccessService/ListAccessTokens", {kAdmin}},
    {"/backoffice.v1.AccessService/RevokeAccessToken", {kAdmin}, true},
    {"/backoffice.v1.AccessService/GetCallerIdentity", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
  };
  // clang-format on
}

}  // namespace backoffice::domain
