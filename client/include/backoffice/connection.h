// A channel to backofficed with its credentials and options, shared by the
// per-service connections and clients built over it.
//
//   backoffice::ConnectionOptions options;
//   options.address = "backoffice.example:50051";
//   options.token = std::getenv("BACKOFFICE_TOKEN");
//   auto connection = backoffice::MakeConnection(options);
//   if (!connection) { /* connection.status() says why */ }
//   backoffice::SalesClient sales(*connection);
//
// @par Thread Safety
// A Connection is safe for concurrent use from many threads.
#ifndef BACKOFFICE_CONNECTION_H_
#define BACKOFFICE_CONNECTION_H_

#include <memory>

#include "backoffice/options.h"
#include "backoffice/status.h"

namespace backoffice {

/// A channel to backofficed with its credentials. Opaque: the gRPC types
/// stay inside the SDK.
class Connection;

/// Creates a connection. Fails only on bad options (an unreadable CA file:
/// CA_FILE_UNREADABLE; an unknown name in `options.methods`:
/// UNKNOWN_METHOD); the channel connects lazily, so a down server shows on
/// the first call.
StatusOr<std::shared_ptr<Connection>> MakeConnection(
    const ConnectionOptions& options);

/// Whether the server reports SERVING on the gRPC health service (it does
/// only while its database answers). One attempt, never retried: it reports
/// the present.
StatusOr<bool> CheckServing(const std::shared_ptr<Connection>& connection);

}  // namespace backoffice

#endif  // BACKOFFICE_CONNECTION_H_
