// The catalog's rules above storage, with a mock repository: invalid input
// and out-of-scope requests must never reach storage.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "catalog/domain/catalog.h"

namespace backoffice::domain {
namespace {

using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;

class MockCatalogRepository : public CatalogRepository {
 public:
  MOCK_METHOD(StatusOr<Store>, CreateStore,
              (const Store&, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<Store>, GetStore, (const std::string&), (override));
  MOCK_METHOD(StatusOr<Store>, UpdateStore,
              (const std::string&, const StoreMutation&,
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
               const Mutation<Terminal>&, const RequestContext&),
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
              (const std::string&, const Mutation<Product>&,
               const RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<Product>>, ListProducts,
              (const ProductFilter&, const PageRequest&), (override));
  MOCK_METHOD(StatusOr<std::vector<ImportResult>>, ImportProducts,
              (const std::vector<ImportRow>&, const RequestContext&),
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
              (const std::string&, const Mutation<Supplier>&,
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
               const Mutation<Customer>&, const RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<Customer>>, ListCustomers,
              (const std::string&, const PageRequest&), (override));
};

RequestContext ContextOf(Role role, const std::string& store = "") {
  RequestContext ctx;
  ctx.principal = Principal{7, "someone", role, store, ""};
  ctx.method = "/test";
  return ctx;
}

TEST(Catalog, InvalidStoreNeverReachesStorage) {
  StrictMock<MockCatalogRepository> repository;
  Catalog catalog(repository);
  Store store{"", "name", "Asia/Jakarta", "IDR", 0, 0};
  EXPECT_EQ(
      catalog.CreateStore(ContextOf(Role::kAdmin), store).status().reason(),
      "INVALID_CODE");
}

TEST(Catalog, OverLongRequestIdIsRefused) {
  StrictMock<MockCatalogRepository> repository;
  Catalog catalog(repository);
  RequestContext ctx = ContextOf(Role::kAdmin);
  ctx.request_id = std::string(65, 'r');
  Store store{"A", "name", "Asia/Jakarta", "IDR", 0, 0};
  EXPECT_EQ(catalog.CreateStore(ctx, store).status().reason(),
            "INVALID_REQUEST_ID");
}

TEST(Catalog, ManagerOfAnotherStoreIsDeniedBeforeStorage) {
  StrictMock<MockCatalogRepository> repository;
  Catalog catalog(repository);
  auto ctx = ContextOf(Role::kStoreManager, "A");
  EXPECT_EQ(catalog.GetStore(ctx, "B").status().reason(), "STORE_OUT_OF_SCOPE");
  Terminal terminal{"B", "T1", "Till", true, 0, 0};
  EXPECT_EQ(catalog.CreateTerminal(ctx, terminal).status().reason(),
            "STORE_OUT_OF_SCOPE");
  EXPECT_EQ(catalog.ListCustomers(ctx, "B", 10, "").status().reason(),
            "STORE_OUT_OF_SCOPE");
}

TEST(Catalog, StorePrincipalListsOnlyItsOwnStore) {
  StrictMock<MockCatalogRepository> repository;
  Catalog catalog(repository);
  EXPECT_CALL(repository, ListStores(_, std::string("A")))
      .WillOnce(Return(std::vector<Store>{}));
  EXPECT_TRUE(
      catalog.ListStores(ContextOf(Role::kStoreStaff, "A"), 10, "").ok());
  EXPECT_CALL(repository, ListStores(_, std::string("")))
      .WillOnce(Return(std::vector<Store>{}));
  EXPECT_TRUE(catalog.ListStores(ContextOf(Role::kHeadOffice), 10, "").ok());
}

TEST(Catalog, ListFetchesOneExtraItemToKnowIfAPageFollows) {
  StrictMock<MockCatalogRepository> repository;
  Catalog catalog(repository);
  std::vector<Supplier> three(3);
  three[0].code = "S1";
  three[1].code = "S2";
  three[2].code = "S3";
  EXPECT_CALL(repository, ListSuppliers(false, _))
      .WillOnce([&](bool, const PageRequest& page) {
        EXPECT_EQ(page.page_size, 2);
        return StatusOr<std::vector<Supplier>>(three);
      });
  auto page = catalog.ListSuppliers(ContextOf(Role::kAdmin), false, 2, "");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->items.size(), 2u);
  EXPECT_FALSE(page->next_page_token.empty());
}

TEST(Catalog, ImportRejectsInvalidRowsAndSendsOnlyValidOnes) {
  StrictMock<MockCatalogRepository> repository;
  Catalog catalog(repository);
  Product good;
  good.sku = "G1";
  good.display_name = "Good";
  good.unit_of_measure = "pcs";
  good.default_price = Money{"IDR", 1000};
  Product bad = good;
  bad.sku = "B1";
  bad.default_price.minor_units = -5;
  Product twin = good;  // Same SKU twice in one batch.
  EXPECT_CALL(repository, ImportProducts(_, _))
      .WillOnce([](const std::vector<ImportRow>& rows, const RequestContext&) {
        EXPECT_EQ(rows.size(), 1u);
        ImportResult r;
        r.line_number = rows[0].line_number;
        r.sku = rows[0].product.sku;
        r.outcome = ImportOutcome::kCreated;
        return StatusOr<std::vector<ImportResult>>(
            std::vector<ImportResult>{r});
      });
  auto results = catalog.ImportProducts(ContextOf(Role::kHeadOffice),
                                        {{2, good, {}}, {3, bad, {}}, {4, twin, {}}});
  ASSERT_TRUE(results.ok());
  ASSERT_EQ(results->size(), 3u);
  EXPECT_EQ((*results)[0].outcome, ImportOutcome::kCreated);
  EXPECT_EQ((*results)[1].outcome, ImportOutcome::kRejected);
  EXPECT_EQ((*results)[1].line_number, 3);
  EXPECT_EQ((*results)[1].reason, "INVALID_DEFAULT_PRICE_MINOR_UNITS");
  EXPECT_EQ((*results)[2].reason, "DUPLICATE_SKU_IN_BATCH");
}

TEST(Catalog, CustomerCreditLimitMustBeInTheStoresCurrency) {
  StrictMock<MockCatalogRepository> repository;
  Catalog catalog(repository);
  EXPECT_CALL(repository, GetStore(std::string("A")))
      .WillOnce(Return(Store{"A", "A", "Asia/Jakarta", "IDR", 0, 0}));
  Customer c{"A", "C1", "Budi", "", Money{"USD", 100}, true, 0, 0};
  EXPECT_EQ(catalog.CreateCustomer(ContextOf(Role::kStoreManager, "A"), c)
                .status()
                .reason(),
            "INVALID_CREDIT_LIMIT_CURRENCY_CODE");
}

}  // namespace
}  // namespace backoffice::domain
