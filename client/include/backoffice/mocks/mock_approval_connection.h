// A gMock mock of ApprovalConnection, to test code that uses
// ApprovalClient without a server:
//
//   auto mock =
//   std::make_shared<backoffice::mocks::MockApprovalConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::ApprovalClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_APPROVAL_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_APPROVAL_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/approval_connection.h"

namespace backoffice {
namespace mocks {

class MockApprovalConnection : public ApprovalConnection {
 public:
  MOCK_METHOD(StatusOr<v1::ListApprovalsResponse>, ListApprovals,
              (const v1::ListApprovalsRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_APPROVAL_CONNECTION_H_
