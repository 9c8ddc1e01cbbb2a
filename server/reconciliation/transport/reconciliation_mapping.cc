#include "reconciliation/transport/reconciliation_mapping.h"

namespace backoffice::transport {

void ToProto(const domain::LedgerViolation& d, v1::LedgerViolation* p) {
  p->set_kind(d.kind);
  p->set_store_code(d.store_code);
  p->set_entity_id(d.entity_id);
  p->set_detail(d.detail);
}

}  // namespace backoffice::transport
