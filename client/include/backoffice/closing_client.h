// ClosingClient: the end of a till's day: till sessions (opening float,
// drops and payouts, the counted cash beside what the till should hold, a
// variance accepted by a second person) and the closing settings.
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_CLOSING_CLIENT_H_
#define BACKOFFICE_CLOSING_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/closing_connection.h"
#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/closing_service.pb.h"

namespace backoffice {

/// Till sessions. Reads, openings and movements (by client id), closes
/// (by count) and acceptances (by state) are retried.
class ClosingClient {
 public:
  /// A client over the SDK's gRPC connection (MakeClosingConnection).
  explicit ClosingClient(std::shared_ptr<Connection> connection);
  /// A client over any ClosingConnection, such as a mock.
  explicit ClosingClient(std::shared_ptr<ClosingConnection> connection);

  StatusOr<v1::OpenTillSessionResponse> OpenTillSession(
      const v1::OpenTillSessionRequest& request);
  StatusOr<v1::RecordCashMovementResponse> RecordCashMovement(
      const v1::RecordCashMovementRequest& request);
  StatusOr<v1::CloseTillSessionResponse> CloseTillSession(
      const v1::CloseTillSessionRequest& request);
  StatusOr<v1::AcceptTillVarianceResponse> AcceptTillVariance(
      const v1::AcceptTillVarianceRequest& request);
  StatusOr<v1::GetTillSessionResponse> GetTillSession(
      const v1::GetTillSessionRequest& request);
  StatusOr<v1::ListTillSessionsResponse> ListTillSessions(
      const v1::ListTillSessionsRequest& request);
  StatusOr<v1::GetClosingSettingsResponse> GetClosingSettings(
      const v1::GetClosingSettingsRequest& request);
  StatusOr<v1::UpdateClosingSettingsResponse> UpdateClosingSettings(
      const v1::UpdateClosingSettingsRequest& request);

  /// Visit every session of a store, newest first, following the pages
  /// (see CatalogClient::ForEachStore for the contract).
  Status ForEachTillSession(
      v1::ListTillSessionsRequest request,
      const std::function<bool(const v1::TillSession&)>& visit);

 private:
  std::shared_ptr<ClosingConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_CLOSING_CLIENT_H_
