#include "core/domain/authorization.h"

#include <algorithm>

#include "core/domain/errors.h"

namespace backoffice::domain {

Status MethodPolicyTable::Add(const std::vector<MethodPolicy>& policies) {
  for (const auto& policy : policies) {
    if (!policies_.emplace(std::string(policy.method), policy).second) {
      return Internal("DUPLICATE_METHOD_POLICY",
                      "two policies for " + std::string(policy.method));
    }
  }
  return Status();
}

const MethodPolicy* MethodPolicyTable::Find(std::string_view method) const {
  auto it = policies_.find(method);
  return it == policies_.end() ? nullptr : &it->second;
}

Status MethodPolicyTable::Authorize(const Principal& principal,
                                    std::string_view method) const {
  const MethodPolicy* policy = Find(method);
  if (policy == nullptr ||
      std::find(policy->allowed_roles.begin(), policy->allowed_roles.end(),
                principal.role) == policy->allowed_roles.end()) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            std::string("role ") + RoleName(principal.role) +
                                " may not call " + std::string(method));
  }
  return Status();
}

std::vector<std::string> MethodPolicyTable::Methods() const {
  std::vector<std::string> out;
  for (const auto& [method, policy] : policies_) out.push_back(method);
  return out;
}

Status CheckStoreScope(const Principal& principal,
                       const std::string& store_code) {
  if (IsChainWide(principal.role)) return Status();
  if (principal.store_code != store_code) {
    return PermissionDenied("STORE_OUT_OF_SCOPE",
                            "this token is bound to store " +
                                principal.store_code +
                                " and may not reach store " + store_code);
  }
  return Status();
}

}  // namespace backoffice::domain
