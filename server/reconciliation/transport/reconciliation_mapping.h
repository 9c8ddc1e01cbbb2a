// Conversions of the reconciliation report.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_TRANSPORT_RECONCILIATION_MAPPING_H_
#define BACKOFFICE_SERVER_RECONCILIATION_TRANSPORT_RECONCILIATION_MAPPING_H_

#include "backoffice/v1/reconciliation_service.pb.h"
#include "reconciliation/domain/ledger_report.h"

namespace backoffice::transport {

void ToProto(const domain::LedgerViolation& d, v1::LedgerViolation* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_RECONCILIATION_TRANSPORT_RECONCILIATION_MAPPING_H_
