// Every catalog RPC through the SDK against the real server: create, get,
// update, list with paging, and bad input that must leave nothing written.
#include <gtest/gtest.h>

#include "backoffice/client.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using testing::RunningServer;
using testing::ScratchDatabase;

class CatalogE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }

  CatalogClient Admin() {
    return CatalogClient(server_->Connect(server_->admin_token()));
  }

  static v1::Store MakeStore(const std::string& code) {
    v1::Store s;
    s.set_code(code);
    s.set_display_name("Toko " + code);
    s.set_time_zone("Asia/Makassar");
    s.set_currency_code("IDR");
    return s;
  }

  static v1::Product MakeProduct(const std::string& sku,
                                 const std::string& barcode) {
    v1::Product p;
    p.set_sku(sku);
    p.add_barcodes(barcode);
    p.set_display_name("Produk " + sku);
    p.set_unit_of_measure("pcs");
    p.set_tax_rate_basis_points(1100);
    p.mutable_default_price()->set_currency_code("IDR");
    p.mutable_default_price()->set_minor_units(12500);
    p.set_active(true);
    return p;
  }

  StatusOr<v1::CreateStoreResponse> CreateStore(const std::string& code) {
    v1::CreateStoreRequest request;
    *request.mutable_store() = MakeStore(code);
    request.set_request_id("create-" + code);
    return Admin().CreateStore(request);
  }

  static ScratchDatabase* scratch_;
  static RunningServer* server_;
};

ScratchDatabase* CatalogE2eTest::scratch_ = nullptr;
RunningServer* CatalogE2eTest::server_ = nullptr;

TEST_F(CatalogE2eTest, StoreCreateGetUpdateList) {
  auto created = CreateStore("MKS01");
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_TRUE(created->store().has_create_time());

  v1::GetStoreRequest get;
  get.set_code("MKS01");
  auto got = Admin().GetStore(get);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->store().time_zone(), "Asia/Makassar");

  v1::UpdateStoreRequest update;
  update.mutable_store()->set_code("MKS01");
  update.mutable_store()->set_display_name("Toko Makassar");
  update.mutable_store()->set_time_zone("Asia/Jayapura");  // Not in the mask.
  update.mutable_update_mask()->add_paths("display_name");
  auto updated = Admin().UpdateStore(update);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->store().display_name(), "Toko Makassar");
  EXPECT_EQ(updated->store().time_zone(), "Asia/Makassar");

  v1::ListStoresRequest list;
  list.set_page_size(1000);
  auto stores = Admin().ListStores(list);
  ASSERT_TRUE(stores.ok());
  bool found = false;
  for (const auto& s : stores->stores()) found = found || s.code() == "MKS01";
  EXPECT_TRUE(found);
}

TEST_F(CatalogE2eTest, TerminalsProductsSettingsSuppliersCustomers) {
  ASSERT_TRUE(CreateStore("BALI1").ok());
  auto admin = Admin();

  v1::CreateTerminalRequest terminal;
  terminal.mutable_terminal()->set_store_code("BALI1");
  terminal.mutable_terminal()->set_code("T1");
  terminal.mutable_terminal()->set_display_name("Kasir 1");
  terminal.mutable_terminal()->set_active(true);
  ASSERT_TRUE(admin.CreateTerminal(terminal).ok());
  v1::UpdateTerminalRequest deactivate;
  deactivate.mutable_terminal()->set_store_code("BALI1");
  deactivate.mutable_terminal()->set_code("T1");
  deactivate.mutable_update_mask()->add_paths("active");
  auto inactive = admin.UpdateTerminal(deactivate);
  ASSERT_TRUE(inactive.ok()) << inactive.status();
  EXPECT_FALSE(inactive->terminal().active());
  v1::ListTerminalsRequest terminals;
  terminals.set_store_code("BALI1");
  EXPECT_EQ(admin.ListTerminals(terminals)->terminals_size(), 1);

  v1::CreateProductRequest product;
  *product.mutable_product() = MakeProduct("BERAS-5KG", "8990000000011");
  ASSERT_TRUE(admin.CreateProduct(product).ok());
  v1::GetProductRequest by_barcode;
  by_barcode.set_barcode("8990000000011");
  EXPECT_EQ(admin.GetProduct(by_barcode)->product().sku(), "BERAS-5KG");
  v1::UpdateProductRequest reprice;
  reprice.mutable_product()->set_sku("BERAS-5KG");
  reprice.mutable_product()->mutable_default_price()->set_currency_code("IDR");
  reprice.mutable_product()->mutable_default_price()->set_minor_units(69000);
  reprice.mutable_update_mask()->add_paths("default_price");
  auto repriced = admin.UpdateProduct(reprice);
  ASSERT_TRUE(repriced.ok()) << repriced.status();
  EXPECT_EQ(repriced->product().default_price().minor_units(), 69000);
  EXPECT_EQ(repriced->product().barcodes_size(), 1);

  v1::SetProductStoreSettingRequest setting;
  setting.mutable_setting()->set_store_code("BALI1");
  setting.mutable_setting()->set_sku("BERAS-5KG");
  setting.mutable_setting()->mutable_price_override()->set_currency_code("IDR");
  setting.mutable_setting()->mutable_price_override()->set_minor_units(70000);
  setting.mutable_setting()->set_reorder_point_milli(10000);
  setting.mutable_setting()->set_min_quantity_milli(5000);
  setting.mutable_setting()->set_max_quantity_milli(50000);
  ASSERT_TRUE(admin.SetProductStoreSetting(setting).ok());
  v1::GetProductStoreSettingRequest get_setting;
  get_setting.set_store_code("BALI1");
  get_setting.set_sku("BERAS-5KG");
  auto stored = admin.GetProductStoreSetting(get_setting);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->setting().price_override().minor_units(), 70000);
  v1::ListProductStoreSettingsRequest settings;
  settings.set_store_code("BALI1");
  EXPECT_EQ(admin.ListProductStoreSettings(settings)->settings_size(), 1);

  v1::CreateSupplierRequest supplier;
  supplier.mutable_supplier()->set_code("SUP-INDOFOOD");
  supplier.mutable_supplier()->set_display_name("PT Indofood");
  supplier.mutable_supplier()->set_payment_terms_days(30);
  supplier.mutable_supplier()->set_active(true);
  ASSERT_TRUE(admin.CreateSupplier(supplier).ok());
  v1::UpdateSupplierRequest terms;
  terms.mutable_supplier()->set_code("SUP-INDOFOOD");
  terms.mutable_supplier()->set_payment_terms_days(45);
  terms.mutable_update_mask()->add_paths("payment_terms_days");
  EXPECT_EQ(admin.UpdateSupplier(terms)->supplier().payment_terms_days(), 45);
  v1::GetSupplierRequest get_supplier;
  get_supplier.set_code("SUP-INDOFOOD");
  EXPECT_EQ(admin.GetSupplier(get_supplier)->supplier().display_name(),
            "PT Indofood");
  EXPECT_GE(admin.ListSuppliers(v1::ListSuppliersRequest())->suppliers_size(),
            1);

  v1::CreateCustomerRequest customer;
  customer.mutable_customer()->set_store_code("BALI1");
  customer.mutable_customer()->set_code("C-001");
  customer.mutable_customer()->set_display_name("Warung Bu Sri");
  customer.mutable_customer()->mutable_credit_limit()->set_currency_code("IDR");
  customer.mutable_customer()->mutable_credit_limit()->set_minor_units(2000000);
  customer.mutable_customer()->set_active(true);
  ASSERT_TRUE(admin.CreateCustomer(customer).ok());
  v1::UpdateCustomerRequest limit;
  *limit.mutable_customer() = customer.customer();
  limit.mutable_customer()->mutable_credit_limit()->set_minor_units(3000000);
  limit.mutable_update_mask()->add_paths("credit_limit");
  EXPECT_EQ(
      admin.UpdateCustomer(limit)->customer().credit_limit().minor_units(),
      3000000);
  v1::GetCustomerRequest get_customer;
  get_customer.set_store_code("BALI1");
  get_customer.set_code("C-001");
  EXPECT_TRUE(admin.GetCustomer(get_customer).ok());
  v1::ListCustomersRequest customers;
  customers.set_store_code("BALI1");
  EXPECT_EQ(admin.ListCustomers(customers)->customers_size(), 1);
}

TEST_F(CatalogE2eTest, ProductPagesWalkTheWholeCatalogOnce) {
  auto admin = Admin();
  for (int i = 0; i < 23; ++i) {
    v1::CreateProductRequest request;
    *request.mutable_product() = MakeProduct("PAGE-" + std::to_string(100 + i),
                                             "77" + std::to_string(100 + i));
    ASSERT_TRUE(admin.CreateProduct(request).ok());
  }
  v1::ListProductsRequest list;
  list.set_page_size(5);
  list.set_text_filter("page-");
  int seen = 0;
  int pages = 0;
  std::string last;
  do {
    auto page = admin.ListProducts(list);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& p : page->products()) {
      EXPECT_GT(p.sku(), last);
      last = p.sku();
      ++seen;
    }
    list.set_page_token(page->next_page_token());
    ++pages;
  } while (!list.page_token().empty());
  EXPECT_EQ(seen, 23);
  EXPECT_EQ(pages, 5);
}

struct BadInputCase {
  std::string name;
  std::function<Status(CatalogClient&)> call;
  StatusCode code;
  std::string reason;
};

TEST_F(CatalogE2eTest, BadInputIsRefusedWithAReasonAndWritesNothing) {
  ASSERT_TRUE(CreateStore("BAD01").ok());
  {
    v1::CreateProductRequest p;
    *p.mutable_product() = MakeProduct("EXISTING", "5550001");
    ASSERT_TRUE(Admin().CreateProduct(p).ok());
  }
  const std::string long_name(201, 'x');
  std::vector<BadInputCase> cases = {
      {"empty store code",
       [&](CatalogClient& c) {
         v1::CreateStoreRequest r;
         *r.mutable_store() = MakeStore("");
         return c.CreateStore(r).status();
       },
       StatusCode::kInvalidArgument, "INVALID_CODE"},
      {"over-long store name",
       [&](CatalogClient& c) {
         v1::CreateStoreRequest r;
         *r.mutable_store() = MakeStore("LONG1");
         r.mutable_store()->set_display_name(long_name);
         return c.CreateStore(r).status();
       },
       StatusCode::kInvalidArgument, "INVALID_DISPLAY_NAME"},
      {"unknown time zone",
       [&](CatalogClient& c) {
         v1::CreateStoreRequest r;
         *r.mutable_store() = MakeStore("TZ1");
         r.mutable_store()->set_time_zone("Mars/Olympus");
         return c.CreateStore(r).status();
       },
       StatusCode::kInvalidArgument, "INVALID_TIME_ZONE"},
      {"duplicate store",
       [&](CatalogClient& c) {
         v1::CreateStoreRequest r;
         *r.mutable_store() = MakeStore("BAD01");
         return c.CreateStore(r).status();
       },
       StatusCode::kAlreadyExists, "STORE_ALREADY_EXISTS"},
      {"terminal of unknown store",
       [&](CatalogClient& c) {
         v1::CreateTerminalRequest r;
         r.mutable_terminal()->set_store_code("NOPE");
         r.mutable_terminal()->set_code("T1");
         r.mutable_terminal()->set_display_name("x");
         return c.CreateTerminal(r).status();
       },
       StatusCode::kNotFound, "STORE_NOT_FOUND"},
      {"duplicate sku",
       [&](CatalogClient& c) {
         v1::CreateProductRequest r;
         *r.mutable_product() = MakeProduct("EXISTING", "5550002");
         return c.CreateProduct(r).status();
       },
       StatusCode::kAlreadyExists, "SKU_ALREADY_EXISTS"},
      {"duplicate barcode",
       [&](CatalogClient& c) {
         v1::CreateProductRequest r;
         *r.mutable_product() = MakeProduct("FRESH", "5550001");
         return c.CreateProduct(r).status();
       },
       StatusCode::kAlreadyExists, "BARCODE_ALREADY_EXISTS"},
      {"negative price",
       [&](CatalogClient& c) {
         v1::CreateProductRequest r;
         *r.mutable_product() = MakeProduct("NEG", "5550003");
         r.mutable_product()->mutable_default_price()->set_minor_units(-1);
         return c.CreateProduct(r).status();
       },
       StatusCode::kInvalidArgument, "INVALID_DEFAULT_PRICE_MINOR_UNITS"},
      {"over-long sku",
       [&](CatalogClient& c) {
         v1::CreateProductRequest r;
         *r.mutable_product() = MakeProduct(std::string(65, 'S'), "5550004");
         return c.CreateProduct(r).status();
       },
       StatusCode::kInvalidArgument, "INVALID_SKU"},
      {"setting for unknown product",
       [&](CatalogClient& c) {
         v1::SetProductStoreSettingRequest r;
         r.mutable_setting()->set_store_code("BAD01");
         r.mutable_setting()->set_sku("GHOST");
         return c.SetProductStoreSetting(r).status();
       },
       StatusCode::kNotFound, "PRODUCT_NOT_FOUND"},
      {"customer of unknown store",
       [&](CatalogClient& c) {
         v1::CreateCustomerRequest r;
         r.mutable_customer()->set_store_code("NOPE");
         r.mutable_customer()->set_code("C1");
         r.mutable_customer()->set_display_name("x");
         return c.CreateCustomer(r).status();
       },
       StatusCode::kNotFound, "STORE_NOT_FOUND"},
      {"negative credit limit",
       [&](CatalogClient& c) {
         v1::CreateCustomerRequest r;
         r.mutable_customer()->set_store_code("BAD01");
         r.mutable_customer()->set_code("C1");
         r.mutable_customer()->set_display_name("x");
         r.mutable_customer()->mutable_credit_limit()->set_currency_code("IDR");
         r.mutable_customer()->mutable_credit_limit()->set_minor_units(-10);
         return c.CreateCustomer(r).status();
       },
       StatusCode::kInvalidArgument, "INVALID_CREDIT_LIMIT_MINOR_UNITS"},
      {"unknown update path",
       [&](CatalogClient& c) {
         v1::UpdateStoreRequest r;
         *r.mutable_store() = MakeStore("BAD01");
         r.mutable_update_mask()->add_paths("code");
         return c.UpdateStore(r).status();
       },
       StatusCode::kInvalidArgument, "INVALID_UPDATE_MASK"},
      {"garbage page token",
       [&](CatalogClient& c) {
         v1::ListProductsRequest r;
         r.set_page_token("garbage");
         return c.ListProducts(r).status();
       },
       StatusCode::kInvalidArgument, "INVALID_PAGE_TOKEN"},
  };
  auto admin = Admin();
  const char* tables[] = {"stores",
                          "terminals",
                          "products",
                          "product_barcodes",
                          "product_store_settings",
                          "suppliers",
                          "customers",
                          "audit_records"};
  for (const auto& c : cases) {
    std::map<std::string, long long> before;
    for (const char* t : tables) before[t] = scratch_->CountRows(t);
    Status status = c.call(admin);
    EXPECT_EQ(status.code(), c.code) << c.name << ": " << status;
    EXPECT_EQ(status.reason(), c.reason) << c.name << ": " << status;
    for (const char* t : tables) {
      EXPECT_EQ(scratch_->CountRows(t), before[t])
          << c.name << " wrote to " << t;
    }
  }
}

TEST_F(CatalogE2eTest, MutationsAreAuditedWithPrincipalMethodAndRequestId) {
  ASSERT_TRUE(CreateStore("AUD01").ok());
  AuditClient audit(server_->Connect(server_->admin_token()));
  v1::ListAuditRecordsRequest request;
  request.set_entity_type("store");
  request.set_entity_id("AUD01");
  auto records = audit.ListAuditRecords(request);
  ASSERT_TRUE(records.ok()) << records.status();
  ASSERT_EQ(records->audit_records_size(), 1);
  const auto& r = records->audit_records(0);
  EXPECT_EQ(r.method(), "/backoffice.v1.CatalogService/CreateStore");
  EXPECT_EQ(r.request_id(), "create-AUD01");
  EXPECT_EQ(r.role(), v1::ROLE_ADMIN);
  EXPECT_EQ(r.store_code(), "AUD01");
  EXPECT_FALSE(r.principal_id().empty());
  EXPECT_FALSE(r.peer().empty());

  // A failed change leaves no record.
  ASSERT_FALSE(CreateStore("AUD01").ok());
  EXPECT_EQ(audit.ListAuditRecords(request)->audit_records_size(), 1);
}

}  // namespace
}  // namespace backoffice
