// ReconciliationConnection: the seam under ReconciliationClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockReconciliationConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_RECONCILIATION_CONNECTION_H_
#define BACKOFFICE_RECONCILIATION_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/reconciliation_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.ReconciliationService. Each
/// default implementation returns UNIMPLEMENTED, so that an implementation of
/// your own keeps compiling when the service grows.
class ReconciliationConnection {
 public:
  virtual ~ReconciliationConnection();

  virtual StatusOr<v1::VerifyLedgerResponse> VerifyLedger(
      const v1::VerifyLedgerRequest& request);
};

/// The SDK's ReconciliationConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<ReconciliationConnection> MakeReconciliationConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_RECONCILIATION_CONNECTION_H_
