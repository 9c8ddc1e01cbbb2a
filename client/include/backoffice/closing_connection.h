// ClosingConnection: the seam under ClosingClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockClosingConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_CLOSING_CONNECTION_H_
#define BACKOFFICE_CLOSING_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/closing_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.ClosingService. Each
/// default implementation returns UNIMPLEMENTED, so that an implementation of
/// your own keeps compiling when the service grows.
class ClosingConnection {
 public:
  virtual ~ClosingConnection();

  virtual StatusOr<v1::OpenTillSessionResponse> OpenTillSession(
      const v1::OpenTillSessionRequest& request);
  virtual StatusOr<v1::RecordCashMovementResponse> RecordCashMovement(
      const v1::RecordCashMovementRequest& request);
  virtual StatusOr<v1::CloseTillSessionResponse> CloseTillSession(
      const v1::CloseTillSessionRequest& request);
  virtual StatusOr<v1::AcceptTillVarianceResponse> AcceptTillVariance(
      const v1::AcceptTillVarianceRequest& request);
  virtual StatusOr<v1::GetTillSessionResponse> GetTillSession(
      const v1::GetTillSessionRequest& request);
  virtual StatusOr<v1::ListTillSessionsResponse> ListTillSessions(
      const v1::ListTillSessionsRequest& request);
  virtual StatusOr<v1::GetClosingSettingsResponse> GetClosingSettings(
      const v1::GetClosingSettingsRequest& request);
  virtual StatusOr<v1::UpdateClosingSettingsResponse> UpdateClosingSettings(
      const v1::UpdateClosingSettingsRequest& request);
};

/// The SDK's ClosingConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<ClosingConnection> MakeClosingConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_CLOSING_CONNECTION_H_
