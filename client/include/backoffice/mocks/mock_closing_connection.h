// A gMock mock of ClosingConnection, to test code that uses
// ClosingClient without a server:
//
//   auto mock =
//   std::make_shared<backoffice::mocks::MockClosingConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::ClosingClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_CLOSING_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_CLOSING_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/closing_connection.h"

namespace backoffice {
namespace mocks {

class MockClosingConnection : public ClosingConnection {
 public:
  MOCK_METHOD(StatusOr<v1::OpenTillSessionResponse>, OpenTillSession,
              (const v1::OpenTillSessionRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RecordCashMovementResponse>, RecordCashMovement,
              (const v1::RecordCashMovementRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::CloseTillSessionResponse>, CloseTillSession,
              (const v1::CloseTillSessionRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::AcceptTillVarianceResponse>, AcceptTillVariance,
              (const v1::AcceptTillVarianceRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetTillSessionResponse>, GetTillSession,
              (const v1::GetTillSessionRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListTillSessionsResponse>, ListTillSessions,
              (const v1::ListTillSessionsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetClosingSettingsResponse>, GetClosingSettings,
              (const v1::GetClosingSettingsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdateClosingSettingsResponse>,
              UpdateClosingSettings,
              (const v1::UpdateClosingSettingsRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_CLOSING_CONNECTION_H_
