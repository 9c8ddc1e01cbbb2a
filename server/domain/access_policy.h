// Who may call what: the one table of roles per RPC, and the store scope
// rule. Every RPC the server serves must have an entry here; a test checks
// the table against the services' descriptors.
#ifndef BACKOFFICE_SERVER_DOMAIN_ACCESS_POLICY_H_
#define BACKOFFICE_SERVER_DOMAIN_ACCESS_POLICY_H_

#include <string>
#include <string_view>
#include <vector>

#include "backoffice/status.h"
#include "domain/model.h"

namespace backoffice::domain {

struct MethodPolicy {
  std::string_view method;  // "/backoffice.v1.CatalogService/CreateStore"
  std::vector<Role> allowed_roles;
  bool mutating = false;
};

const std::vector<MethodPolicy>& AllMethodPolicies();
// nullptr when the method has no policy, which denies it.
const MethodPolicy* FindMethodPolicy(std::string_view method);

// PERMISSION_DENIED (ROLE_NOT_ALLOWED) unless the principal's role may call
// `method`; methods without a policy are denied to everyone.
Status AuthorizeMethod(const Principal& principal, std::string_view method);

// PERMISSION_DENIED (STORE_OUT_OF_SCOPE) when a store-bound principal
// reaches for another store's data. Chain-wide roles reach every store.
Status CheckStoreScope(const Principal& principal,
                       const std::string& store_code);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_DOMAIN_ACCESS_POLICY_H_
