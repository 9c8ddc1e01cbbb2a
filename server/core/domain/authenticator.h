// Who holds a bearer secret. The access module implements it; the RPC edge
// asks it once per call.
#ifndef BACKOFFICE_SERVER_CORE_DOMAIN_AUTHENTICATOR_H_
#define BACKOFFICE_SERVER_CORE_DOMAIN_AUTHENTICATOR_H_

#include <string>

#include "backoffice/status.h"
#include "core/domain/model.h"

namespace backoffice::domain {

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // The principal holding `secret`, or UNAUTHENTICATED. A revoked secret
  // fails on the very next call. Safe for concurrent use.
  virtual StatusOr<Principal> Authenticate(const std::string& secret) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CORE_DOMAIN_AUTHENTICATOR_H_
