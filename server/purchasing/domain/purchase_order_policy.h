// Who may call each method of the PurchaseOrderService: the module's part of
// the one policy table that the RPC edge enforces
// (core/domain/authorization.h). Maker-checker and the approval limit are
// the domain's (purchase_order_rules.h): they depend on the order.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_POLICY_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_POLICY_H_

#include <vector>

#include "core/domain/authorization.h"

namespace backoffice::domain {

std::vector<MethodPolicy> PurchaseOrderMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_POLICY_H_
