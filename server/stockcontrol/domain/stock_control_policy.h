// Who may call each StockControlService method (roles; the domain adds
// store scope and maker-checker).
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_POLICY_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_POLICY_H_

#include <vector>

#include "core/domain/authorization.h"

namespace backoffice::domain {

std::vector<MethodPolicy> StockControlMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_POLICY_H_
