#include "access/transport/access_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {

domain::AccessToken FromProto(const v1::AccessToken& p) {
  domain::AccessToken d;
  d.display_name = p.display_name();
  d.role = FromProto(p.role());
  d.store_code = p.store_code();
  d.terminal_code = p.terminal_code();
  return d;
}

void ToProto(const domain::AccessToken& d, v1::AccessToken* p) {
  p->set_id(domain::FormatTokenId(d.id));
  p->set_display_name(d.display_name);
  p->set_role(ToProto(d.role));
  p->set_store_code(d.store_code);
  p->set_terminal_code(d.terminal_code);
  SetTimestamp(d.create_time, p->mutable_create_time());
  if (d.revoke_time) SetTimestamp(*d.revoke_time, p->mutable_revoke_time());
  if (d.creator_id) p->set_creator_id(domain::FormatTokenId(*d.creator_id));
}

}  // namespace backoffice::transport
