// Who may call each method of the SalesService: the module's part of the one
// policy table that the RPC edge enforces (core/domain/authorization.h).
#ifndef BACKOFFICE_SERVER_SALES_DOMAIN_SALES_POLICY_H_
#define BACKOFFICE_SERVER_SALES_DOMAIN_SALES_POLICY_H_

#include <vector>

#include "core/domain/authorization.h"

namespace backoffice::domain {

std::vector<MethodPolicy> SalesMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_SALES_DOMAIN_SALES_POLICY_H_
