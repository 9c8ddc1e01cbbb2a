// ApprovalClient: the one inbox of what waits for a second person in a
// store or the chain; each item names the RPC (of its own client) that
// decides it.
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_APPROVAL_CLIENT_H_
#define BACKOFFICE_APPROVAL_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/approval_connection.h"
#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/approval_service.pb.h"

namespace backoffice {

/// The approval inbox. Reads are retried.
class ApprovalClient {
 public:
  /// A client over the SDK's gRPC connection (MakeApprovalConnection).
  explicit ApprovalClient(std::shared_ptr<Connection> connection);
  /// A client over any ApprovalConnection, such as a mock.
  explicit ApprovalClient(std::shared_ptr<ApprovalConnection> connection);

  StatusOr<v1::ListApprovalsResponse> ListApprovals(
      const v1::ListApprovalsRequest& request);

  /// Visit every waiting item, oldest first, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachApproval(v1::ListApprovalsRequest request,
                         const std::function<bool(const v1::Approval&)>& visit);

 private:
  std::shared_ptr<ApprovalConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_APPROVAL_CLIENT_H_
