// Who may call what. Each module declares, in its domain, the roles allowed
// on each of its methods (keyed by the full method name as gRPC reports it,
// "/backoffice.v1.SalesService/RecordSale"); the server joins them into one
// MethodPolicyTable, which the RPC edge consults before any handler runs. A
// method without a policy is denied to everyone.
#ifndef BACKOFFICE_SERVER_CORE_DOMAIN_AUTHORIZATION_H_
#define BACKOFFICE_SERVER_CORE_DOMAIN_AUTHORIZATION_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/status.h"
#include "core/domain/model.h"

namespace backoffice::domain {

// Short names for the roles, for the modules' policy tables.
namespace roles {
inline constexpr Role kPos = Role::kPosTerminal;
inline constexpr Role kStaff = Role::kStoreStaff;
inline constexpr Role kManager = Role::kStoreManager;
inline constexpr Role kHeadOffice = Role::kHeadOffice;
inline constexpr Role kAdmin = Role::kAdmin;
}  // namespace roles

struct MethodPolicy {
  std::string_view method;  // "/backoffice.v1.CatalogService/CreateStore"
  std::vector<Role> allowed_roles;
  bool mutating = false;
};

// Thread safety: built once at start-up, then only read.
class MethodPolicyTable {
 public:
  // INTERNAL (DUPLICATE_METHOD_POLICY) when a method is declared twice.
  Status Add(const std::vector<MethodPolicy>& policies);
  // nullptr when the method has no policy, which denies it.
  const MethodPolicy* Find(std::string_view method) const;
  // PERMISSION_DENIED (ROLE_NOT_ALLOWED) unless the principal's role may
  // call `method`.
  Status Authorize(const Principal& principal, std::string_view method) const;
  std::vector<std::string> Methods() const;

 private:
  std::map<std::string, MethodPolicy, std::less<>> policies_;
};

// PERMISSION_DENIED (STORE_OUT_OF_SCOPE) when a store-bound principal
// reaches for another store's data. Chain-wide roles reach every store.
Status CheckStoreScope(const Principal& principal,
                       const std::string& store_code);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CORE_DOMAIN_AUTHORIZATION_H_
