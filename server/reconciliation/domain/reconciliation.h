// The books checking themselves.
//
// Thread safety: stateless beyond its repository; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_DOMAIN_RECONCILIATION_H_
#define BACKOFFICE_SERVER_RECONCILIATION_DOMAIN_RECONCILIATION_H_

#include <string>

#include "core/domain/status.h"
#include "core/domain/model.h"
#include "reconciliation/domain/reconciliation_repository.h"

namespace backoffice::domain {

class Reconciliation {
 public:
  explicit Reconciliation(ReconciliationRepository& repository)
      : repository_(repository) {}
  StatusOr<LedgerReport> VerifyLedger(const RequestContext& ctx,
                                      const std::string& store_code);

 private:
  ReconciliationRepository& repository_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_RECONCILIATION_DOMAIN_RECONCILIATION_H_
