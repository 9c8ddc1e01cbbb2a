// What the access module offers the server beyond its service: the
// authenticator that the RPC edge asks on every call.
#ifndef BACKOFFICE_SERVER_ACCESS_ACCESS_MODULE_H_
#define BACKOFFICE_SERVER_ACCESS_ACCESS_MODULE_H_

#include <memory>

#include "core/domain/authenticator.h"
#include "core/storage/database.h"

namespace backoffice::access {

// An authenticator over `db`, which should be a pool of its own.
std::unique_ptr<domain::Authenticator> MakeAuthenticator(storage::Database& db);

}  // namespace backoffice::access

#endif  // BACKOFFICE_SERVER_ACCESS_ACCESS_MODULE_H_
