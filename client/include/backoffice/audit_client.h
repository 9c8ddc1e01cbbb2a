// AuditClient: the audit trail (admins).
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_AUDIT_CLIENT_H_
#define BACKOFFICE_AUDIT_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/audit_connection.h"
#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/audit_service.pb.h"

namespace backoffice {

/// The audit trail; every call is a read and is retried.
class AuditClient {
 public:
  /// A client over the SDK's gRPC connection (MakeAuditConnection).
  explicit AuditClient(std::shared_ptr<Connection> connection);
  /// A client over any AuditConnection, such as a mock.
  explicit AuditClient(std::shared_ptr<AuditConnection> connection);

  StatusOr<v1::ListAuditRecordsResponse> ListAuditRecords(
      const v1::ListAuditRecordsRequest& request);

  /// Visits every record, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachAuditRecord(
      v1::ListAuditRecordsRequest request,
      const std::function<bool(const v1::AuditRecord&)>& visit);

 private:
  std::shared_ptr<AuditConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_AUDIT_CLIENT_H_
