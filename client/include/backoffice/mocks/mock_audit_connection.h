// A gMock mock of AuditConnection, to test code that uses AuditClient
// without a server:
//
//   auto mock = std::make_shared<backoffice::mocks::MockAuditConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::AuditClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_AUDIT_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_AUDIT_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/audit_connection.h"

namespace backoffice {
namespace mocks {

class MockAuditConnection : public AuditConnection {
 public:
  MOCK_METHOD(StatusOr<v1::ListAuditRecordsResponse>, ListAuditRecords,
              (const v1::ListAuditRecordsRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_AUDIT_CONNECTION_H_
