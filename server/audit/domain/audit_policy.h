// Who may call each method of the AuditService: the module's part of the one
// policy table that the RPC edge enforces (core/domain/authorization.h).
#ifndef BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_POLICY_H_
#define BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_POLICY_H_

#include <vector>

#include "core/domain/authorization.h"

namespace backoffice::domain {

std::vector<MethodPolicy> AuditMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_POLICY_H_
