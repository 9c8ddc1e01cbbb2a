// A gMock mock of ReconciliationConnection, to test code that uses
// ReconciliationClient without a server:
//
//   auto mock =
//   std::make_shared<backoffice::mocks::MockReconciliationConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::ReconciliationClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_RECONCILIATION_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_RECONCILIATION_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/reconciliation_connection.h"

namespace backoffice {
namespace mocks {

class MockReconciliationConnection : public ReconciliationConnection {
 public:
  MOCK_METHOD(StatusOr<v1::VerifyLedgerResponse>, VerifyLedger,
              (const v1::VerifyLedgerRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_RECONCILIATION_CONNECTION_H_
