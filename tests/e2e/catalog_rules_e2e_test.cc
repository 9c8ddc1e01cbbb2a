// Catalog rules through the real server: a store's time zone must be one the
// time-zone library loads, its currency is fixed once money was counted in
// it, and an update without a mask changes only the fields it sets.
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include "backoffice/client.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using google::protobuf::util::TimeUtil;
using testing::RunningServer;
using testing::ScratchDatabase;

class CatalogRulesE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }

  static std::shared_ptr<Connection> Admin() {
    return server_->Connect(server_->admin_token());
  }

  static Status CreateStore(const std::string& code,
                            const std::string& zone = "Asia/Jakarta",
                            const std::string& currency = "IDR") {
    v1::CreateStoreRequest s;
    s.mutable_store()->set_code(code);
    s.mutable_store()->set_display_name("Toko " + code);
    s.mutable_store()->set_time_zone(zone);
    s.mutable_store()->set_currency_code(currency);
    return CatalogClient(Admin()).CreateStore(s).status();
  }

  static Status CreateTerminal(const std::string& store,
                               const std::string& code) {
    v1::CreateTerminalRequest t;
    t.mutable_terminal()->set_store_code(store);
    t.mutable_terminal()->set_code(code);
    t.mutable_terminal()->set_display_name("Till " + code);
    t.mutable_terminal()->set_active(true);
    return CatalogClient(Admin()).CreateTerminal(t).status();
  }

  static Status CreateProduct(const std::string& sku) {
    v1::CreateProductRequest r;
    r.mutable_product()->set_sku(sku);
    r.mutable_product()->add_barcodes(
        "899" + std::to_string(sku.size()) +
        std::to_string(std::hash<std::string>()(sku) % 100000));
    r.mutable_product()->set_display_name("Product " + sku);
    r.mutable_product()->set_unit_of_measure("pcs");
    r.mutable_product()->set_tax_rate_basis_points(1100);
    r.mutable_product()->mutable_default_price()->set_currency_code("IDR");
    r.mutable_product()->mutable_default_price()->set_minor_units(5000);
    r.mutable_product()->set_active(true);
    return CatalogClient(Admin()).CreateProduct(r).status();
  }

  static StatusOr<v1::RecordSaleResponse> Sell(const std::string& store,
                                               const std::string& till,
                                               const std::string& sale_id,
                                               long long receipt,
                                               const std::string& sku) {
    v1::RecordSaleRequest request;
    v1::Sale& sale = *request.mutable_sale();
    sale.set_sale_id(sale_id);
    sale.set_store_code(store);
    sale.set_terminal_code(till);
    sale.set_cashier("ani");
    sale.set_receipt_number(receipt);
    *sale.mutable_sale_time() =
        TimeUtil::GetCurrentTime() - TimeUtil::SecondsToDuration(1);
    auto* line = sale.add_lines();
    line->set_line_number(1);
    line->set_sku(sku);
    line->set_quantity_milli(1000);
    line->set_unit_price_minor(5000);
    line->set_amount_minor(5000);
    auto* tender = sale.add_tenders();
    tender->set_type(v1::TENDER_TYPE_CASH);
    tender->set_amount_minor(5000);
    return SalesClient(server_->Connect(head_office_)).RecordSale(request);
  }

  static Status SetStoreCurrency(const std::string& store,
                                 const std::string& currency) {
    v1::UpdateStoreRequest update;
    update.mutable_store()->set_code(store);
    update.mutable_store()->set_currency_code(currency);
    update.mutable_update_mask()->add_paths("currency_code");
    return CatalogClient(Admin()).UpdateStore(update).status();
  }

  static ScratchDatabase* scratch_;
  static RunningServer* server_;
  static std::string head_office_;
};

std::string CatalogRulesE2eTest::head_office_;
ScratchDatabase* CatalogRulesE2eTest::scratch_ = nullptr;
RunningServer* CatalogRulesE2eTest::server_ = nullptr;

// Files of the zone folder that are not zones, and names that are not.
const char* const kNotZones[] = {
    "leapseconds", "zone.tab",  "zone1970.tab", "iso3166.tab",   "tzdata.zi",
    "posixrules",  "localtime", "Asia",         "Asia/Atlantis", "SECURITY"};

TEST_F(CatalogRulesE2eTest, StoreTimeZoneMustBeAZoneTheLibraryLoads) {
  for (const char* zone : kNotZones) {
    Status created = CreateStore("TZX", zone);
    EXPECT_EQ(created.code(), StatusCode::kInvalidArgument)
        << zone << ": " << created;
    EXPECT_EQ(created.reason(), "INVALID_TIME_ZONE") << zone;
  }
  ASSERT_TRUE(CreateStore("TZ1", "Asia/Jayapura").ok());
  ASSERT_TRUE(CreateTerminal("TZ1", "T1").ok());
  ASSERT_TRUE(CreateProduct("TZ-SKU").ok());
  CatalogClient catalog(Admin());
  for (const char* zone : kNotZones) {
    v1::UpdateStoreRequest update;
    update.mutable_store()->set_code("TZ1");
    update.mutable_store()->set_time_zone(zone);
    update.mutable_update_mask()->add_paths("time_zone");
    Status updated = catalog.UpdateStore(update).status();
    EXPECT_EQ(updated.code(), StatusCode::kInvalidArgument)
        << zone << ": " << updated;
    EXPECT_EQ(updated.reason(), "INVALID_TIME_ZONE") << zone;
  }
  v1::GetStoreRequest get;
  get.set_code("TZ1");
  EXPECT_EQ(catalog.GetStore(get)->store().time_zone(), "Asia/Jayapura");
  // The store still sells, on its own calendar.
  auto sold = Sell("TZ1", "T1", "tz-1", 1, "TZ-SKU");
  ASSERT_TRUE(sold.ok()) << sold.status();
  EXPECT_FALSE(sold->sale().business_day().empty());
  // Real zones, including the odd ones, are kept and sell.
  for (const char* zone :
       {"UTC", "Etc/GMT-7", "America/Argentina/Buenos_Aires", "EST5EDT"}) {
    v1::UpdateStoreRequest update;
    update.mutable_store()->set_code("TZ1");
    update.mutable_store()->set_time_zone(zone);
    update.mutable_update_mask()->add_paths("time_zone");
    EXPECT_TRUE(catalog.UpdateStore(update).ok()) << zone;
  }
  auto again = Sell("TZ1", "T1", "tz-2", 2, "TZ-SKU");
  EXPECT_TRUE(again.ok()) << again.status();

  // A store saved with a bad zone before this rule (as by direct SQL) gets
  // a reason to mend it, not an INTERNAL error, on every sale.
  scratch_->Execute(
      "UPDATE stores SET time_zone = 'leapseconds' WHERE code = 'TZ1'");
  auto broken = Sell("TZ1", "T1", "tz-3", 3, "TZ-SKU");
  EXPECT_EQ(broken.status().code(), StatusCode::kFailedPrecondition)
      << broken.status();
  EXPECT_EQ(broken.status().reason(), "STORE_TIME_ZONE_INVALID");
  v1::UpdateStoreRequest mend;
  mend.mutable_store()->set_code("TZ1");
  mend.mutable_store()->set_time_zone("Asia/Jayapura");
  mend.mutable_update_mask()->add_paths("time_zone");
  ASSERT_TRUE(catalog.UpdateStore(mend).ok());
  EXPECT_TRUE(Sell("TZ1", "T1", "tz-3", 3, "TZ-SKU").ok());
}

TEST_F(CatalogRulesE2eTest, StoreCurrencyIsFixedOnceMoneyIsCountedInIt) {
  ASSERT_TRUE(CreateProduct("CUR-SKU").ok());
  // A store with nothing yet may still change its currency, and back.
  ASSERT_TRUE(CreateStore("CUR0").ok());
  EXPECT_TRUE(SetStoreCurrency("CUR0", "USD").ok());
  EXPECT_TRUE(SetStoreCurrency("CUR0", "IDR").ok());
  // A setting without a price override counts no money.
  CatalogClient catalog(Admin());
  v1::SetProductStoreSettingRequest plain;
  plain.mutable_setting()->set_store_code("CUR0");
  plain.mutable_setting()->set_sku("CUR-SKU");
  plain.mutable_setting()->set_reorder_point_milli(1000);
  ASSERT_TRUE(catalog.SetProductStoreSetting(plain).ok());
  EXPECT_TRUE(SetStoreCurrency("CUR0", "USD").ok());
  EXPECT_TRUE(SetStoreCurrency("CUR0", "IDR").ok());

  // A sale.
  ASSERT_TRUE(CreateStore("CUR1").ok());
  ASSERT_TRUE(CreateTerminal("CUR1", "T1").ok());
  ASSERT_TRUE(Sell("CUR1", "T1", "cur-1", 1, "CUR-SKU").ok());
  // A price override.
  ASSERT_TRUE(CreateStore("CUR2").ok());
  v1::SetProductStoreSettingRequest priced;
  priced.mutable_setting()->set_store_code("CUR2");
  priced.mutable_setting()->set_sku("CUR-SKU");
  priced.mutable_setting()->mutable_price_override()->set_currency_code("IDR");
  priced.mutable_setting()->mutable_price_override()->set_minor_units(4500);
  ASSERT_TRUE(catalog.SetProductStoreSetting(priced).ok());
  // A credit customer.
  ASSERT_TRUE(CreateStore("CUR3").ok());
  v1::CreateCustomerRequest customer;
  customer.mutable_customer()->set_store_code("CUR3");
  customer.mutable_customer()->set_code("C1");
  customer.mutable_customer()->set_display_name("Bu Sri");
  customer.mutable_customer()->mutable_credit_limit()->set_currency_code("IDR");
  customer.mutable_customer()->mutable_credit_limit()->set_minor_units(100000);
  customer.mutable_customer()->set_active(true);
  ASSERT_TRUE(catalog.CreateCustomer(customer).ok());

  for (const char* store : {"CUR1", "CUR2", "CUR3"}) {
    const long long audits = scratch_->CountRows(
        "audit_records WHERE entity_type = 'store' AND entity_id = '" +
        std::string(store) + "'");
    Status changed = SetStoreCurrency(store, "USD");
    EXPECT_EQ(changed.code(), StatusCode::kFailedPrecondition)
        << store << ": " << changed;
    EXPECT_EQ(changed.reason(), "STORE_CURRENCY_IN_USE") << store;
    v1::GetStoreRequest get;
    get.set_code(store);
    EXPECT_EQ(catalog.GetStore(get)->store().currency_code(), "IDR") << store;
    EXPECT_EQ(
        scratch_->CountRows(
            "audit_records WHERE entity_type = 'store' AND entity_id = '" +
            std::string(store) + "'"),
        audits)
        << store;
    // Naming the same currency, or changing something else, is fine.
    EXPECT_TRUE(SetStoreCurrency(store, "IDR").ok()) << store;
    v1::UpdateStoreRequest rename;
    rename.mutable_store()->set_code(store);
    rename.mutable_store()->set_display_name(std::string("Renamed ") + store);
    rename.mutable_update_mask()->add_paths("display_name");
    EXPECT_TRUE(catalog.UpdateStore(rename).ok()) << store;
  }
  // The store that sold still sells.
  EXPECT_TRUE(Sell("CUR1", "T1", "cur-2", 2, "CUR-SKU").ok());
}

TEST_F(CatalogRulesE2eTest, UpdateWithoutAMaskChangesOnlyTheFieldsItSets) {
  ASSERT_TRUE(CreateStore("MSK1", "Asia/Makassar").ok());
  ASSERT_TRUE(CreateTerminal("MSK1", "T1").ok());
  CatalogClient catalog(Admin());

  // A terminal renamed without a mask stays active.
  v1::UpdateTerminalRequest rename;
  rename.mutable_terminal()->set_store_code("MSK1");
  rename.mutable_terminal()->set_code("T1");
  rename.mutable_terminal()->set_display_name("Front till");
  auto renamed = catalog.UpdateTerminal(rename);
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  EXPECT_EQ(renamed->terminal().display_name(), "Front till");
  EXPECT_TRUE(renamed->terminal().active());
  v1::GetTerminalRequest get_terminal;
  get_terminal.set_store_code("MSK1");
  get_terminal.set_code("T1");
  EXPECT_TRUE(catalog.GetTerminal(get_terminal)->terminal().active());

  // An explicit mask still clears a field.
  v1::UpdateTerminalRequest deactivate;
  deactivate.mutable_terminal()->set_store_code("MSK1");
  deactivate.mutable_terminal()->set_code("T1");
  deactivate.mutable_update_mask()->add_paths("active");
  auto deactivated = catalog.UpdateTerminal(deactivate);
  ASSERT_TRUE(deactivated.ok()) << deactivated.status();
  EXPECT_FALSE(deactivated->terminal().active());
  EXPECT_EQ(deactivated->terminal().display_name(), "Front till");

  // A store renamed without a mask keeps its zone and currency.
  v1::UpdateStoreRequest store;
  store.mutable_store()->set_code("MSK1");
  store.mutable_store()->set_display_name("Makassar Satu");
  auto updated_store = catalog.UpdateStore(store);
  ASSERT_TRUE(updated_store.ok()) << updated_store.status();
  EXPECT_EQ(updated_store->store().time_zone(), "Asia/Makassar");
  EXPECT_EQ(updated_store->store().currency_code(), "IDR");

  // A product renamed without a mask stays active, priced and scanned.
  ASSERT_TRUE(CreateProduct("MSK-SKU").ok());
  v1::UpdateProductRequest product;
  product.mutable_product()->set_sku("MSK-SKU");
  product.mutable_product()->set_display_name("Kopi Bubuk 200g");
  auto updated_product = catalog.UpdateProduct(product);
  ASSERT_TRUE(updated_product.ok()) << updated_product.status();
  EXPECT_EQ(updated_product->product().display_name(), "Kopi Bubuk 200g");
  EXPECT_TRUE(updated_product->product().active());
  EXPECT_EQ(updated_product->product().default_price().minor_units(), 5000);
  EXPECT_EQ(updated_product->product().barcodes_size(), 1);
  EXPECT_EQ(updated_product->product().tax_rate_basis_points(), 1100);
  EXPECT_EQ(updated_product->product().unit_of_measure(), "pcs");

  // A supplier and a customer likewise.
  v1::CreateSupplierRequest supplier;
  supplier.mutable_supplier()->set_code("SUPM");
  supplier.mutable_supplier()->set_display_name("PT Maju");
  supplier.mutable_supplier()->set_phone("0411-123");
  supplier.mutable_supplier()->set_payment_terms_days(30);
  supplier.mutable_supplier()->set_active(true);
  ASSERT_TRUE(catalog.CreateSupplier(supplier).ok());
  v1::UpdateSupplierRequest supplier_update;
  supplier_update.mutable_supplier()->set_code("SUPM");
  supplier_update.mutable_supplier()->set_email("order@maju.example");
  auto updated_supplier = catalog.UpdateSupplier(supplier_update);
  ASSERT_TRUE(updated_supplier.ok()) << updated_supplier.status();
  EXPECT_TRUE(updated_supplier->supplier().active());
  EXPECT_EQ(updated_supplier->supplier().phone(), "0411-123");
  EXPECT_EQ(updated_supplier->supplier().payment_terms_days(), 30);
  EXPECT_EQ(updated_supplier->supplier().email(), "order@maju.example");

  v1::CreateCustomerRequest customer;
  customer.mutable_customer()->set_store_code("MSK1");
  customer.mutable_customer()->set_code("C1");
  customer.mutable_customer()->set_display_name("Pak Amir");
  customer.mutable_customer()->mutable_credit_limit()->set_currency_code("IDR");
  customer.mutable_customer()->mutable_credit_limit()->set_minor_units(250000);
  customer.mutable_customer()->set_active(true);
  ASSERT_TRUE(catalog.CreateCustomer(customer).ok());
  v1::UpdateCustomerRequest customer_update;
  customer_update.mutable_customer()->set_store_code("MSK1");
  customer_update.mutable_customer()->set_code("C1");
  customer_update.mutable_customer()->set_phone("0812");
  auto updated_customer = catalog.UpdateCustomer(customer_update);
  ASSERT_TRUE(updated_customer.ok()) << updated_customer.status();
  EXPECT_TRUE(updated_customer->customer().active());
  EXPECT_EQ(updated_customer->customer().credit_limit().minor_units(), 250000);
  EXPECT_EQ(updated_customer->customer().display_name(), "Pak Amir");
  EXPECT_EQ(updated_customer->customer().phone(), "0812");

  // "*" replaces every field: the terminal is renamed and stays inactive
  // since active is false in the request.
  v1::UpdateTerminalRequest replace;
  replace.mutable_terminal()->set_store_code("MSK1");
  replace.mutable_terminal()->set_code("T1");
  replace.mutable_terminal()->set_display_name("Back till");
  replace.mutable_update_mask()->add_paths("*");
  auto replaced = catalog.UpdateTerminal(replace);
  ASSERT_TRUE(replaced.ok()) << replaced.status();
  EXPECT_EQ(replaced->terminal().display_name(), "Back till");
  EXPECT_FALSE(replaced->terminal().active());
}

}  // namespace
}  // namespace backoffice
