// ApprovalConnection: the seam under ApprovalClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockApprovalConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_APPROVAL_CONNECTION_H_
#define BACKOFFICE_APPROVAL_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/approval_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.ApprovalService. Each
/// default implementation returns UNIMPLEMENTED, so that an implementation of
/// your own keeps compiling when the service grows.
class ApprovalConnection {
 public:
  virtual ~ApprovalConnection();

  virtual StatusOr<v1::ListApprovalsResponse> ListApprovals(
      const v1::ListApprovalsRequest& request);
};

/// The SDK's ApprovalConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<ApprovalConnection> MakeApprovalConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_APPROVAL_CONNECTION_H_
