// Who may call each method of the GoodsReceiptService: the module's part of
// the one policy table that the RPC edge enforces
// (core/domain/authorization.h). Segregation of duties and maker-checker
// are the domain's (receipt_rules.h): they depend on the order and receipt.
#ifndef BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIVING_POLICY_H_
#define BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIVING_POLICY_H_

#include <vector>

#include "core/domain/authorization.h"

namespace backoffice::domain {

std::vector<MethodPolicy> ReceivingMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_RECEIVING_DOMAIN_RECEIVING_POLICY_H_
