// The checks of the books, run by storage in one consistent snapshot.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_DOMAIN_RECONCILIATION_REPOSITORY_H_
#define BACKOFFICE_SERVER_RECONCILIATION_DOMAIN_RECONCILIATION_REPOSITORY_H_

#include <string>
#include <vector>

#include "core/domain/status.h"
#include "reconciliation/domain/ledger_report.h"

namespace backoffice::domain {

class ReconciliationRepository {
 public:
  virtual ~ReconciliationRepository() = default;
  // Checks one store, or every store when `store_code` is empty.
  virtual StatusOr<LedgerReport> VerifyLedger(
      const std::string& store_code) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_RECONCILIATION_DOMAIN_RECONCILIATION_REPOSITORY_H_
