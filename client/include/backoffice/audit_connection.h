// AuditConnection: the seam under AuditClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockAuditConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_AUDIT_CONNECTION_H_
#define BACKOFFICE_AUDIT_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/audit_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.AuditService. Each default
/// implementation returns UNIMPLEMENTED, so that an implementation of your
/// own keeps compiling when the service grows.
class AuditConnection {
 public:
  virtual ~AuditConnection();

  virtual StatusOr<v1::ListAuditRecordsResponse> ListAuditRecords(
      const v1::ListAuditRecordsRequest& request);
};

/// The SDK's AuditConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<AuditConnection> MakeAuditConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_AUDIT_CONNECTION_H_
