// Conversions of access tokens.
#ifndef BACKOFFICE_SERVER_ACCESS_TRANSPORT_ACCESS_MAPPING_H_
#define BACKOFFICE_SERVER_ACCESS_TRANSPORT_ACCESS_MAPPING_H_

#include "access/domain/access_model.h"
#include "backoffice/v1/access_service.pb.h"

namespace backoffice::transport {

domain::AccessToken FromProto(const v1::AccessToken& p);
void ToProto(const domain::AccessToken& d, v1::AccessToken* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_ACCESS_TRANSPORT_ACCESS_MAPPING_H_
