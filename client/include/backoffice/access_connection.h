// AccessConnection: the seam under AccessClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockAccessConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_ACCESS_CONNECTION_H_
#define BACKOFFICE_ACCESS_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/access_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.AccessService. Each default
/// implementation returns UNIMPLEMENTED, so that an implementation of your
/// own keeps compiling when the service grows.
class AccessConnection {
 public:
  virtual ~AccessConnection();

  virtual StatusOr<v1::CreateAccessTokenResponse> CreateAccessToken(
      const v1::CreateAccessTokenRequest& request);
  virtual StatusOr<v1::ListAccessTokensResponse> ListAccessTokens(
      const v1::ListAccessTokensRequest& request);
  virtual StatusOr<v1::RevokeAccessTokenResponse> RevokeAccessToken(
      const v1::RevokeAccessTokenRequest& request);
  virtual StatusOr<v1::GetCallerIdentityResponse> GetCallerIdentity(
      const v1::GetCallerIdentityRequest& request);
};

/// The SDK's AccessConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<AccessConnection> MakeAccessConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_ACCESS_CONNECTION_H_
