// AccessClient: access tokens (admins) and the caller's own identity
// (anyone).
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_ACCESS_CLIENT_H_
#define BACKOFFICE_ACCESS_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/access_connection.h"
#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/access_service.pb.h"

namespace backoffice {

/// Access tokens and identity. Reads are retried; creating and revoking a
/// token are not (see Idempotency).
class AccessClient {
 public:
  /// A client over the SDK's gRPC connection (MakeAccessConnection).
  explicit AccessClient(std::shared_ptr<Connection> connection);
  /// A client over any AccessConnection, such as a mock.
  explicit AccessClient(std::shared_ptr<AccessConnection> connection);

  StatusOr<v1::CreateAccessTokenResponse> CreateAccessToken(
      const v1::CreateAccessTokenRequest& request);
  StatusOr<v1::ListAccessTokensResponse> ListAccessTokens(
      const v1::ListAccessTokensRequest& request);
  StatusOr<v1::RevokeAccessTokenResponse> RevokeAccessToken(
      const v1::RevokeAccessTokenRequest& request);
  StatusOr<v1::GetCallerIdentityResponse> GetCallerIdentity(
      const v1::GetCallerIdentityRequest& request);

  /// Visits every token, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachAccessToken(
      v1::ListAccessTokensRequest request,
      const std::function<bool(const v1::AccessToken&)>& visit);

 private:
  std::shared_ptr<AccessConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_ACCESS_CLIENT_H_
