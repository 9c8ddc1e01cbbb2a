// What the access module offers the server beyond its service: the
// authenticator that the RPC edge asks on every call.
#ifndef BACKOFFICE_SERVER_ACCESS_ACCESS_MODULE_H_
#define BACKOFFICE_SERVER_ACCESS_ACCESS_MODULE_H_

#include <memory>

#include "access/domain/caching_authenticator.h"
#include "core/domain/authenticator.h"
#include "core/storage/database.h"

namespace backoffice::access {

// An authenticator that caches verified and refused tokens briefly
// (domain::CachingAuthenticator): it looks tokens up over `lookup_db` and
// reads the revocation generation over `generation_db`. Both should be
// pools of their own, not the tills'; the generation pool is kept apart so
// that a flood of lookups cannot delay the tills' revocation checks.
std::unique_ptr<domain::Authenticator> MakeAuthenticator(
    storage::Database& lookup_db, storage::Database& generation_db,
    const domain::AuthCacheOptions& options = {});

}  // namespace backoffice::access

#endif  // BACKOFFICE_SERVER_ACCESS_ACCESS_MODULE_H_
