// CatalogService in process: the real service over the real domain::Catalog
// over a mock repository.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "backoffice/v1/catalog_service.grpc.pb.h"
#include "catalog/domain/catalog.h"
#include "catalog/domain/catalog_policy.h"
#include "catalog/transport/catalog_grpc_service.h"
#include "in_process_server.h"

namespace backoffice::testing {
namespace {

using ::testing::_;
using ::testing::ElementsAre;
using ::testing::Return;
using ::testing::StrictMock;

class MockCatalogRepository : public domain::CatalogRepository {
 public:
  using RequestContext = domain::RequestContext;
  using PageRequest = domain::PageRequest;
  using Store = domain::Store;
  using Terminal = domain::Terminal;
  using Product = domain::Product;
  using ProductStoreSetting = domain::ProductStoreSetting;
  using Supplier = domain::Supplier;
  using Customer = domain::Customer;

  MOCK_METHOD(StatusOr<Store>, CreateStore,
              (const Store&, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<Store>, GetStore, (const std::string&), (override));
  MOCK_METHOD(StatusOr<Store>, UpdateStore,
              (const std::string&, const domain::StoreMutation&,
               const RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<Store>>, ListStores,
              (const PageRequest&, const std::string&), (override));
  MOCK_METHOD(StatusOr<Terminal>, CreateTerminal,
              (const Terminal&, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<Terminal>, GetTerminal,
              (const std::string&, const std::string&), (override));
  MOCK_METHOD(StatusOr<Terminal>, UpdateTerminal,
              (const std::string&, const std::string&,
               const domain::Mutation<Terminal>&, const RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<Terminal>>, ListTerminals,
              (const std::string&, const PageRequest&), (override));
  MOCK_METHOD(StatusOr<Product>, CreateProduct,
              (const Product&, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<Product>, GetProductBySku, (const std::string&),
              (override));
  MOCK_METHOD(StatusOr<Product>, GetProductByBarcode, (const std::string&),
              (override));
  MOCK_METHOD(StatusOr<Product>, UpdateProduct,
              (const std::string&, const domain::Mutation<Product>&,
               const RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<Product>>, ListProducts,
              (const domain::ProductFilter&, const PageRequest&), (override));
  MOCK_METHOD(StatusOr<std::vector<domain::ImportResult>>, ImportProducts,
              (const std::vector<domain::ImportRow>&, const RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<ProductStoreSetting>, SetProductStoreSetting,
              (const ProductStoreSetting&, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<ProductStoreSetting>, GetProductStoreSetting,
              (const std::string&, const std::string&), (override));
  MOCK_METHOD(StatusOr<std::vector<ProductStoreSetting>>,
              ListProductStoreSettings,
              (const std::string&, const PageRequest&), (override));
  MOCK_METHOD(StatusOr<Supplier>, CreateSupplier,
              (const Supplier&, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<Supplier>, GetSupplier, (const std::string&),
              (override));
  MOCK_METHOD(StatusOr<Supplier>, UpdateSupplier,
              (const std::string&, const domain::Mutation<Supplier>&,
               const RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<Supplier>>, ListSuppliers,
              (bool, const PageRequest&), (override));
  MOCK_METHOD(StatusOr<Customer>, CreateCustomer,
              (const Customer&, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<Customer>, GetCustomer,
              (const std::string&, const std::string&), (override));
  MOCK_METHOD(StatusOr<Customer>, UpdateCustomer,
              (const std::string&, const std::string&,
               const domain::Mutation<Customer>&, const RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<Customer>>, ListCustomers,
              (const std::string&, const PageRequest&), (override));
};

class CatalogTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Add<transport::CatalogGrpcService>(catalog_,
                                               domain::CatalogMethodPolicies());
    server_.Start();
    stub_ = v1::CatalogService::NewStub(server_.channel());
  }

  StrictMock<MockCatalogRepository> repository_;
  domain::Catalog catalog_{repository_};
  InProcessServer server_;
  std::unique_ptr<v1::CatalogService::Stub> stub_;
};

TEST_F(CatalogTransportTest, CreateProductMapsRequestAndResponse) {
  domain::Product seen;
  domain::RequestContext seen_ctx;
  EXPECT_CALL(repository_, CreateProduct(_, _))
      .WillOnce([&](const domain::Product& product,
                    const domain::RequestContext& ctx) {
        seen = product;
        seen_ctx = ctx;
        domain::Product created = product;
        created.create_time = 1'700'000'000'000'000;
        return StatusOr<domain::Product>(created);
      });
  v1::CreateProductRequest request;
  request.set_request_id("req-7");
  v1::Product& product = *request.mutable_product();
  product.set_sku("RICE-5KG");
  product.add_barcodes("8990002");
  product.add_barcodes("8990001");
  product.set_display_name("Rice 5 kg");
  product.set_unit_of_measure("bag");
  product.set_tax_rate_basis_points(1100);
  product.mutable_default_price()->set_currency_code("IDR");
  product.mutable_default_price()->set_minor_units(7250000);
  product.set_active(true);
  v1::CreateProductResponse response;
  auto status = stub_->CreateProduct(ContextFor(kHeadOfficeSecret).get(),
                                     request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();

  EXPECT_EQ(seen.sku, "RICE-5KG");
  EXPECT_THAT(seen.barcodes, ElementsAre("8990001", "8990002"));
  EXPECT_EQ(seen.display_name, "Rice 5 kg");
  EXPECT_EQ(seen.unit_of_measure, "bag");
  EXPECT_FALSE(seen.sold_by_weight);
  EXPECT_EQ(seen.tax_rate_basis_points, 1100);
  EXPECT_EQ(seen.default_price, (domain::Money{"IDR", 7250000}));
  EXPECT_TRUE(seen.active);
  EXPECT_EQ(seen_ctx.request_id, "req-7");
  EXPECT_EQ(seen_ctx.method, "/backoffice.v1.CatalogService/CreateProduct");
  EXPECT_EQ(seen_ctx.principal.role, domain::Role::kHeadOffice);

  EXPECT_EQ(response.product().sku(), "RICE-5KG");
  EXPECT_THAT(response.product().barcodes(), ElementsAre("8990001", "8990002"));
  EXPECT_EQ(response.product().default_price().minor_units(), 7250000);
  EXPECT_EQ(response.product().default_price().currency_code(), "IDR");
  EXPECT_EQ(response.product().create_time().seconds(), 1'700'000'000);
}

TEST_F(CatalogTransportTest, GetStoreOfOwnStoreMapsTheStore) {
  domain::Store store{"S1", "Kemang", "Asia/Jakarta", "IDR", 0, 0};
  EXPECT_CALL(repository_, GetStore("S1")).WillOnce(Return(store));
  v1::GetStoreRequest request;
  request.set_code("S1");
  v1::GetStoreResponse response;
  auto status =
      stub_->GetStore(ContextFor(kTillSecret).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.store().code(), "S1");
  EXPECT_EQ(response.store().display_name(), "Kemang");
  EXPECT_EQ(response.store().time_zone(), "Asia/Jakarta");
  EXPECT_EQ(response.store().currency_code(), "IDR");
}

TEST_F(CatalogTransportTest, AnotherStoreIsOutOfScopeAndNeverReachesStorage) {
  v1::GetStoreRequest request;
  request.set_code("S2");
  v1::GetStoreResponse response;
  EXPECT_THAT(
      stub_->GetStore(ContextFor(kManagerSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "STORE_OUT_OF_SCOPE"));
}

TEST_F(CatalogTransportTest, CreateStoreIsRefusedToAManager) {
  v1::CreateStoreRequest request;
  request.mutable_store()->set_code("S9");
  v1::CreateStoreResponse response;
  EXPECT_THAT(
      stub_->CreateStore(ContextFor(kManagerSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"));
}

TEST_F(CatalogTransportTest, NotFoundFromStorageKeepsItsReason) {
  EXPECT_CALL(repository_, GetProductByBarcode("8990001"))
      .WillOnce(Return(domain::NotFound("PRODUCT_NOT_FOUND", "no such")));
  v1::GetProductRequest request;
  request.set_barcode("8990001");
  v1::GetProductResponse response;
  EXPECT_THAT(
      stub_->GetProduct(ContextFor(kStaffSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::NOT_FOUND, "PRODUCT_NOT_FOUND"));
}

TEST_F(CatalogTransportTest, InvalidRequestIsInvalidArgumentBeforeStorage) {
  v1::GetProductRequest request;  // Neither sku nor barcode.
  v1::GetProductResponse response;
  EXPECT_THAT(
      stub_->GetProduct(ContextFor(kStaffSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::INVALID_ARGUMENT,
                  "SKU_OR_BARCODE_REQUIRED"));
}

TEST_F(CatalogTransportTest, ExceptionInTheRepositoryIsInternal) {
  EXPECT_CALL(repository_, GetProductBySku("P1"))
      .WillOnce([](const std::string&) -> StatusOr<domain::Product> {
        throw std::logic_error("boom");
      });
  v1::GetProductRequest request;
  request.set_sku("P1");
  v1::GetProductResponse response;
  EXPECT_THAT(
      stub_->GetProduct(ContextFor(kStaffSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::INTERNAL, "INTERNAL_ERROR"));
}

TEST_F(CatalogTransportTest, UnknownTokenIsUnauthenticated) {
  v1::GetStoreRequest request;
  request.set_code("S1");
  v1::GetStoreResponse response;
  EXPECT_THAT(stub_->GetStore(ContextFor("stolen").get(), request, &response),
              IsGrpcError(grpc::StatusCode::UNAUTHENTICATED, "INVALID_TOKEN"));
}

}  // namespace
}  // namespace backoffice::testing
