// ReconciliationClient: the books checking themselves (admins, head
// office).
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_RECONCILIATION_CLIENT_H_
#define BACKOFFICE_RECONCILIATION_CLIENT_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/reconciliation_connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/reconciliation_service.pb.h"

namespace backoffice {

/// Reconciliation. Not retried by default: a reconciliation may run long,
/// and sending it again while it runs would only double the load. Give it a
/// long ConnectionOptions::timeout.
class ReconciliationClient {
 public:
  /// A client over the SDK's gRPC connection
  /// (MakeReconciliationConnection).
  explicit ReconciliationClient(std::shared_ptr<Connection> connection);
  /// A client over any ReconciliationConnection, such as a mock.
  explicit ReconciliationClient(
      std::shared_ptr<ReconciliationConnection> connection);

  StatusOr<v1::VerifyLedgerResponse> VerifyLedger(
      const v1::VerifyLedgerRequest& request);

 private:
  std::shared_ptr<ReconciliationConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_RECONCILIATION_CLIENT_H_
