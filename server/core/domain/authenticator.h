// Who holds a bearer secret. The access module implements it; the RPC edge
// asks it once per call.
#ifndef BACKOFFICE_SERVER_CORE_DOMAIN_AUTHENTICATOR_H_
#define BACKOFFICE_SERVER_CORE_DOMAIN_AUTHENTICATOR_H_

#include <string>

#include "core/domain/status.h"
#include "core/domain/model.h"

namespace backoffice::domain {

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // The principal holding `secret`, or UNAUTHENTICATED. A revoked secret
  // fails on the very next call. Safe for concurrent use.
  virtual StatusOr<Principal> Authenticate(const std::string& secret) = 0;
  // As Authenticate, but without a database lookup for a secret that was
  // never seen valid: the edge uses it for callers that have spent their
  // failure budget, so that they cost no round trip. Tokens verified before
  // still pass (with their revocation check). By default, Authenticate.
  virtual StatusOr<Principal> AuthenticateWithoutLookup(
      const std::string& secret) {
    return Authenticate(secret);
  }
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CORE_DOMAIN_AUTHENTICATOR_H_
