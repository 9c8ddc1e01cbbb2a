// The storage contract of access tokens. Same rules as every repository: one
// short transaction per change, audited in it; database failures as
// UNAVAILABLE or ABORTED; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_ACCESS_DOMAIN_ACCESS_REPOSITORY_H_
#define BACKOFFICE_SERVER_ACCESS_DOMAIN_ACCESS_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "access/domain/access_model.h"
#include "core/domain/status.h"
#include "core/domain/model.h"

namespace backoffice::domain {

class AccessRepository {
 public:
  virtual ~AccessRepository() = default;

  // The principal of an unrevoked token with this hash, or kUnauthenticated.
  virtual StatusOr<Principal> FindPrincipalByTokenHash(
      const std::string& token_hash) = 0;
  // Stores a new token. `ctx` is null for the bootstrap admin, which is
  // audited as created by the system.
  virtual StatusOr<AccessToken> CreateToken(const AccessToken& token,
                                            const std::string& token_hash,
                                            const RequestContext* ctx) = 0;
  virtual StatusOr<std::vector<AccessToken>> ListTokens(
      bool show_revoked, const PageRequest& page) = 0;
  virtual StatusOr<AccessToken> GetToken(std::int64_t id) = 0;
  // Revokes the token and, in the same transaction, bumps the revocation
  // generation.
  virtual StatusOr<AccessToken> RevokeToken(std::int64_t id,
                                            const RequestContext& ctx) = 0;
  // A counter that grows with every revocation: a cache of verified tokens
  // stays valid while it is unchanged. One primary-key read.
  virtual StatusOr<std::int64_t> ReadRevocationGeneration() = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_ACCESS_DOMAIN_ACCESS_REPOSITORY_H_
