#include "access/domain/access_policy.h"

namespace backoffice::domain {
namespace {

constexpr Role kPos = Role::kPosTerminal;
constexpr Role kStaff = Role::kStoreStaff;
constexpr Role kManager = Role::kStoreManager;
constexpr Role kHeadOffice = Role::kHeadOffice;
constexpr Role kAdmin = Role::kAdmin;

}  // namespace

std::vector<MethodPolicy> AccessMethodPolicies() {
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
