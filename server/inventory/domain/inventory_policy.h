// Who may call each method of the InventoryService: the module's part of the
// one policy table that the RPC edge enforces (core/domain/authorization.h).
#ifndef BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_POLICY_H_
#define BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_POLICY_H_

#include <vector>

#include "core/domain/authorization.h"

namespace backoffice::domain {

std::vector<MethodPolicy> InventoryMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_POLICY_H_
