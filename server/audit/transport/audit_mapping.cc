#include "audit/transport/audit_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {

void ToProto(const domain::AuditRecord& d, v1::AuditRecord* p) {
  p->set_id(d.id);
  SetTimestamp(d.create_time, p->mutable_create_time());
  if (d.principal_id != 0) {
    p->set_principal_id(domain::FormatTokenId(d.principal_id));
  }
  p->set_principal_name(d.principal_name);
  p->set_role(ToProto(d.role));
  p->set_store_code(d.store_code);
  p->set_method(d.method);
  p->set_entity_type(d.entity_type);
  p->set_entity_id(d.entity_id);
  p->set_request_id(d.request_id);
  p->set_peer(d.peer);
}

}  // namespace backoffice::transport
