// Who may call each method of the PurchasingService: the module's part of
// the one policy table that the RPC edge enforces
// (core/domain/authorization.h).
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_POLICY_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_POLICY_H_

#include <vector>

#include "core/domain/authorization.h"

namespace backoffice::domain {

std::vector<MethodPolicy> PurchasingMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_POLICY_H_
