#include "reconciliation/domain/reconciliation.h"

#include "core/domain/errors.h"
#include "core/domain/validation.h"

namespace backoffice::domain {

StatusOr<LedgerReport> Reconciliation::VerifyLedger(
    const RequestContext&, const std::string& store_code) {
  if (!store_code.empty())
    BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  return repository_.VerifyLedger(store_code);
}

}  // namespace backoffice::domain
