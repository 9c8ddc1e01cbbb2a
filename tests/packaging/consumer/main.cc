// Builds against the installed SDK only: a till connecting to a server that
// is not there gets a Status, not an exception; and the till's own code is
// tested over the installed mocks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "backoffice/catalog_client.h"
#include "backoffice/client.h"
#include "backoffice/mocks/mock_sales_connection.h"
#include "backoffice/sales_client.h"

namespace {

using ::testing::_;
using ::testing::Return;

TEST(Consumer, ADownServerIsAStatus) {
  backoffice::ConnectionOptions options;
  options.address = "127.0.0.1:1";
  options.timeout = std::chrono::milliseconds(500);
  options.retry.max_attempts = 2;
  options.retry.initial_backoff = std::chrono::milliseconds(10);
  auto connection = backoffice::MakeConnection(options);
  ASSERT_TRUE(connection.ok()) << connection.status();
  backoffice::CatalogClient catalog(*connection);
  backoffice::v1::GetProductRequest request;
  request.set_barcode("8991234567890");
  auto product = catalog.GetProduct(request);
  EXPECT_EQ(product.status().code(), backoffice::StatusCode::kUnavailable)
      << product.status();
}

// The till's code under test: records a sale, tells whether it was new.
bool RecordIsNew(backoffice::SalesClient& sales, const std::string& sale_id) {
  backoffice::v1::RecordSaleRequest request;
  request.mutable_sale()->set_sale_id(sale_id);
  auto response = sales.RecordSale(request);
  return response.ok() && !response->replayed();
}

TEST(Consumer, TheMocksStandInForTheServer) {
  auto mock = std::make_shared<backoffice::mocks::MockSalesConnection>();
  backoffice::v1::RecordSaleResponse replay;
  replay.mutable_sale()->set_sale_id("S-1");
  replay.set_replayed(true);
  EXPECT_CALL(*mock, RecordSale(_)).WillOnce(Return(replay));
  backoffice::SalesClient sales(mock);
  EXPECT_FALSE(RecordIsNew(sales, "S-1"));
}

}  // namespace
