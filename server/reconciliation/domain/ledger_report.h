// What a reconciliation of the books found.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_DOMAIN_LEDGER_REPORT_H_
#define BACKOFFICE_SERVER_RECONCILIATION_DOMAIN_LEDGER_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace backoffice::domain {

struct LedgerViolation {
  std::string kind;
  std::string store_code;
  std::string entity_id;
  std::string detail;
};

struct LedgerReport {
  int stores_checked = 0;
  std::int64_t balances_checked = 0;
  std::int64_t sales_checked = 0;
  std::vector<LedgerViolation> violations;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_RECONCILIATION_DOMAIN_LEDGER_REPORT_H_
