// A gMock mock of AccessConnection, to test code that uses AccessClient
// without a server:
//
//   auto mock = std::make_shared<backoffice::mocks::MockAccessConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::AccessClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_ACCESS_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_ACCESS_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/access_connection.h"

namespace backoffice {
namespace mocks {

class MockAccessConnection : public AccessConnection {
 public:
  MOCK_METHOD(StatusOr<v1::CreateAccessTokenResponse>, CreateAccessToken,
              (const v1::CreateAccessTokenRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListAccessTokensResponse>, ListAccessTokens,
              (const v1::ListAccessTokensRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RevokeAccessTokenResponse>, RevokeAccessToken,
              (const v1::RevokeAccessTokenRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetCallerIdentityResponse>, GetCallerIdentity,
              (const v1::GetCallerIdentityRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_ACCESS_CONNECTION_H_
