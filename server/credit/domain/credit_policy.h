// Who may call each method of the CreditService: the module's part of the
// one policy table that the RPC edge enforces (core/domain/authorization.h).
// Maker-checker on overrides and the till's own terminal are the domain's.
#ifndef BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_POLICY_H_
#define BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_POLICY_H_

#include <vector>

#include "core/domain/authorization.h"

namespace backoffice::domain {

std::vector<MethodPolicy> CreditMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_POLICY_H_
