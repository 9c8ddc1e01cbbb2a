// Access tokens and authentication. A secret is generated here, returned
// once, and only its hash reaches the repository.
//
// Thread safety: stateless beyond its repositories; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_ACCESS_DOMAIN_ACCESS_H_
#define BACKOFFICE_SERVER_ACCESS_DOMAIN_ACCESS_H_

#include <string>

#include "access/domain/access_model.h"
#include "access/domain/access_repository.h"
#include "core/domain/status.h"
#include "core/domain/model.h"

namespace backoffice::domain {

struct CreatedToken {
  AccessToken token;
  std::string secret;  // Shown once; never stored nor logged.
};

class Access {
 public:
  explicit Access(AccessRepository& repository) : repository_(repository) {}

  // The principal holding `secret`, or UNAUTHENTICATED for an empty, unknown
  // or revoked secret. Looks the hash up on every call, so that a revocation
  // takes effect on the very next RPC.
  StatusOr<Principal> Authenticate(const std::string& secret);

  StatusOr<CreatedToken> CreateToken(const RequestContext& ctx,
                                     const AccessToken& token);
  // The first admin token, created with database access only (no caller).
  StatusOr<CreatedToken> BootstrapAdmin(const std::string& display_name);
  StatusOr<Page<AccessToken>> ListTokens(const RequestContext& ctx,
                                         bool show_revoked, int page_size,
                                         const std::string& page_token);
  StatusOr<AccessToken> RevokeToken(const RequestContext& ctx,
                                    const std::string& token_id);
  StatusOr<AccessToken> GetCallerIdentity(const RequestContext& ctx);

 private:
  AccessRepository& repository_;
};

Status ValidateAccessToken(const AccessToken& token);
// UNAUTHENTICATED for an empty secret or one that cannot be a token (no
// lookup needed to refuse it).
Status CheckTokenSecretFormat(const std::string& secret);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_ACCESS_DOMAIN_ACCESS_H_
