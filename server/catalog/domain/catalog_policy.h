// Who may call each method of the CatalogService: the module's part of the one
// policy table that the RPC edge enforces (core/domain/authorization.h).
#ifndef BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_POLICY_H_
#define BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_POLICY_H_

#include <vector>

#include "core/domain/authorization.h"

namespace backoffice::domain {

std::vector<MethodPolicy> CatalogMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_POLICY_H_
