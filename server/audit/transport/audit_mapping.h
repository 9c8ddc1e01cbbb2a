// Conversions of audit records.
#ifndef BACKOFFICE_SERVER_AUDIT_TRANSPORT_AUDIT_MAPPING_H_
#define BACKOFFICE_SERVER_AUDIT_TRANSPORT_AUDIT_MAPPING_H_

#include "audit/domain/audit_model.h"
#include "backoffice/v1/audit_service.pb.h"

namespace backoffice::transport {

void ToProto(const domain::AuditRecord& d, v1::AuditRecord* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_AUDIT_TRANSPORT_AUDIT_MAPPING_H_
