// Purchasing through the real server process and the SDK: supplier items
// (create, get, list, update, import) with their stable reasons and role
// checks, the preferred supplier rule through the catalog API, and ListDemand
// after sales, a return and a void, with a clean verify at the end.
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include "backoffice/client.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using google::protobuf::util::TimeUtil;
using testing::RunningServer;
using testing::ScratchDatabase;

class PurchasingE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      CatalogClient catalog(server_->Connect(server_->admin_token()));
      v1::CreateStoreRequest store;
      store.mutable_store()->set_code("PE1");
      store.mutable_store()->set_display_name("Toko PE1");
      store.mutable_store()->set_time_zone("Asia/Jakarta");
      store.mutable_store()->set_currency_code("IDR");
      Must(catalog.CreateStore(store).status());
      manager_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, "PE1");
      v1::CreateTerminalRequest till;
      till.mutable_terminal()->set_store_code("PE1");
      till.mutable_terminal()->set_code("T1");
      till.mutable_terminal()->set_display_name("Kasir");
      till.mutable_terminal()->set_active(true);
      Must(catalog.CreateTerminal(till).status());
      for (const auto& [sku, weighed] :
           {std::pair<std::string, bool>{"PE-MILK", false},
            {"PE-RICE", false},
            {"PE-ONION", true}}) {
        v1::CreateProductRequest product;
        product.mutable_product()->set_sku(sku);
        product.mutable_product()->set_display_name(sku);
        product.mutable_product()->set_unit_of_measure(weighed ? "kg" : "pcs");
        product.mutable_product()->set_sold_by_weight(weighed);
        product.mutable_product()->set_tax_rate_basis_points(1100);
        product.mutable_product()->mutable_default_price()->set_currency_code(
            "IDR");
        product.mutable_product()->mutable_default_price()->set_minor_units(
            20000);
        product.mutable_product()->set_active(true);
        Must(catalog.CreateProduct(product).status());
      }
      for (const char* code : {"PE-SUP1", "PE-SUP2"}) {
        v1::CreateSupplierRequest supplier;
        supplier.mutable_supplier()->set_code(code);
        supplier.mutable_supplier()->set_display_name(code);
        supplier.mutable_supplier()->set_payment_terms_days(30);
        supplier.mutable_supplier()->set_active(true);
        Must(catalog.CreateSupplier(supplier).status());
      }
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }

  static void Must(const Status& status) {
    if (!status.ok()) throw std::runtime_error(status.ToString());
  }

  static v1::SupplierItem Item(const std::string& supplier,
                               const std::string& sku) {
    v1::SupplierItem item;
    item.set_supplier_code(supplier);
    item.set_sku(sku);
    item.set_supplier_sku(supplier + "/" + sku);
    item.set_pack_size_milli(12000);
    item.set_min_order_quantity_milli(24000);
    item.mutable_unit_cost()->set_currency_code("IDR");
    item.mutable_unit_cost()->set_minor_units(15000);
    item.set_tax_rate_basis_points(1100);
    item.set_lead_time_days(2);
    item.set_active(true);
    return item;
  }

  static PurchasingClient Purchasing(const std::string& token) {
    return PurchasingClient(server_->Connect(token));
  }

  static ScratchDatabase* scratch_;
  static RunningServer* server_;
  static std::string head_office_;
  static std::string manager_;
};

ScratchDatabase* PurchasingE2eTest::scratch_ = nullptr;
RunningServer* PurchasingE2eTest::server_ = nullptr;
std::string PurchasingE2eTest::head_office_;
std::string PurchasingE2eTest::manager_;

TEST_F(PurchasingE2eTest, SupplierItemsThroughTheSdkWithReasonsAndRoles) {
  PurchasingClient head = Purchasing(head_office_);
  v1::CreateSupplierItemRequest create;
  *create.mutable_supplier_item() = Item("PE-SUP1", "PE-RICE");
  create.set_request_id("pe-create-1");
  auto created = head.CreateSupplierItem(create);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->supplier_item().pack_size_milli(), 12000);
  EXPECT_TRUE(created->supplier_item().has_create_time());

  // Stable reasons.
  EXPECT_EQ(head.CreateSupplierItem(create).status().reason(),
            "SUPPLIER_ITEM_ALREADY_EXISTS");
  v1::CreateSupplierItemRequest bad = create;
  bad.mutable_supplier_item()->set_sku("PE-MILK");
  bad.mutable_supplier_item()->set_pack_size_milli(12500);  // Not whole.
  auto refused = head.CreateSupplierItem(bad);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().reason(), "INVALID_PACK_SIZE_MILLI");
  bad.mutable_supplier_item()->set_pack_size_milli(12000);
  bad.mutable_supplier_item()->mutable_unit_cost()->set_currency_code("USD");
  EXPECT_EQ(head.CreateSupplierItem(bad).status().reason(),
            "CURRENCY_MISMATCH");
  bad.mutable_supplier_item()->set_supplier_code("PE-NOPE");
  EXPECT_EQ(head.CreateSupplierItem(bad).status().reason(),
            "SUPPLIER_NOT_FOUND");

  // A store manager reads but does not write.
  PurchasingClient manager = Purchasing(manager_);
  v1::GetSupplierItemRequest get;
  get.set_supplier_code("PE-SUP1");
  get.set_sku("PE-RICE");
  auto got = manager.GetSupplierItem(get);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->supplier_item().supplier_sku(), "PE-SUP1/PE-RICE");
  v1::CreateSupplierItemRequest by_manager;
  *by_manager.mutable_supplier_item() = Item("PE-SUP2", "PE-RICE");
  auto denied = manager.CreateSupplierItem(by_manager);
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(denied.status().reason(), "ROLE_NOT_ALLOWED");
  v1::UpdateSupplierItemRequest manager_update;
  *manager_update.mutable_supplier_item() = Item("PE-SUP1", "PE-RICE");
  manager_update.mutable_update_mask()->add_paths("lead_time_days");
  EXPECT_EQ(manager.UpdateSupplierItem(manager_update).status().reason(),
            "ROLE_NOT_ALLOWED");

  // Update with a mask changes only what it names.
  v1::UpdateSupplierItemRequest update;
  update.mutable_supplier_item()->set_supplier_code("PE-SUP1");
  update.mutable_supplier_item()->set_sku("PE-RICE");
  update.mutable_supplier_item()->set_lead_time_days(5);
  update.mutable_update_mask()->add_paths("lead_time_days");
  auto updated = head.UpdateSupplierItem(update);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->supplier_item().lead_time_days(), 5);
  EXPECT_EQ(updated->supplier_item().pack_size_milli(), 12000);
  update.mutable_update_mask()->add_paths("sku");
  EXPECT_EQ(head.UpdateSupplierItem(update).status().code(),
            StatusCode::kInvalidArgument);

  // Import: created, unchanged, a bad row rejected alone.
  v1::ImportSupplierItemsRequest import;
  import.set_request_id("pe-import-1");
  auto add_row = [&](int line, v1::SupplierItem item) {
    v1::SupplierItemImportRow& row = *import.add_rows();
    row.set_line_number(line);
    *row.mutable_supplier_item() = std::move(item);
  };
  add_row(2, Item("PE-SUP2", "PE-RICE"));
  v1::SupplierItem onion = Item("PE-SUP2", "PE-ONION");
  onion.set_pack_size_milli(10000);  // A 10 kg sack.
  onion.set_min_order_quantity_milli(2500);
  add_row(3, onion);
  v1::SupplierItem broken = Item("PE-SUP2", "PE-MILK");
  broken.set_lead_time_days(400);
  add_row(4, broken);
  auto imported = head.ImportSupplierItems(import);
  ASSERT_TRUE(imported.ok()) << imported.status();
  ASSERT_EQ(imported->results_size(), 3);
  EXPECT_EQ(imported->results(0).outcome(), v1::IMPORT_OUTCOME_CREATED);
  EXPECT_EQ(imported->results(1).outcome(), v1::IMPORT_OUTCOME_CREATED);
  EXPECT_EQ(imported->results(2).outcome(), v1::IMPORT_OUTCOME_REJECTED);
  EXPECT_EQ(imported->results(2).reason(), "INVALID_LEAD_TIME_DAYS");
  auto again = head.ImportSupplierItems(import);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->results(0).outcome(), v1::IMPORT_OUTCOME_UNCHANGED);
  EXPECT_EQ(again->results(1).outcome(), v1::IMPORT_OUTCOME_UNCHANGED);
  v1::ImportSupplierItemsRequest by_manager_import = import;
  EXPECT_EQ(manager.ImportSupplierItems(by_manager_import).status().reason(),
            "ROLE_NOT_ALLOWED");

  // Lists by supplier and by product, paged, readable by the manager.
  v1::ListSupplierItemsRequest by_supplier;
  by_supplier.set_supplier_code("PE-SUP2");
  by_supplier.set_page_size(1);
  std::vector<std::string> skus;
  ASSERT_TRUE(manager
                  .ForEachSupplierItem(by_supplier,
                                       [&](const v1::SupplierItem& i) {
                                         skus.push_back(i.sku());
                                         return true;
                                       })
                  .ok());
  EXPECT_EQ(skus, (std::vector<std::string>{"PE-ONION", "PE-RICE"}));
  v1::ListSupplierItemsRequest by_product;
  by_product.set_sku("PE-RICE");
  auto suppliers = manager.ListSupplierItems(by_product);
  ASSERT_TRUE(suppliers.ok()) << suppliers.status();
  ASSERT_EQ(suppliers->supplier_items_size(), 2);
  EXPECT_EQ(suppliers->supplier_items(0).supplier_code(), "PE-SUP1");
  EXPECT_EQ(suppliers->supplier_items(1).supplier_code(), "PE-SUP2");
  // Two of PE-SUP2's rows were imported (its supplier SKUs are "PE-SUP2/...").
  EXPECT_EQ(
      scratch_->CountRows("supplier_items WHERE supplier_sku LIKE 'PE-SUP2/%'"),
      2);
}

TEST_F(PurchasingE2eTest, PreferredSupplierRuleThroughTheCatalogApi) {
  CatalogClient catalog(server_->Connect(head_office_));
  PurchasingClient head = Purchasing(head_office_);
  v1::UpdateProductRequest prefer;
  prefer.mutable_product()->set_sku("PE-MILK");
  prefer.mutable_product()->set_preferred_supplier("PE-SUP1");
  prefer.mutable_product()->set_shelf_life_days(10);
  prefer.mutable_product()->set_sell_by_margin_days(2);
  prefer.mutable_update_mask()->add_paths("preferred_supplier");
  prefer.mutable_update_mask()->add_paths("shelf_life_days");
  prefer.mutable_update_mask()->add_paths("sell_by_margin_days");
  auto refused = catalog.UpdateProduct(prefer);
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().reason(), "PREFERRED_SUPPLIER_HAS_NO_ITEM");

  v1::CreateSupplierItemRequest item;
  *item.mutable_supplier_item() = Item("PE-SUP1", "PE-MILK");
  ASSERT_TRUE(head.CreateSupplierItem(item).ok());
  auto preferred = catalog.UpdateProduct(prefer);
  ASSERT_TRUE(preferred.ok()) << preferred.status();
  EXPECT_EQ(preferred->product().preferred_supplier(), "PE-SUP1");
  EXPECT_EQ(preferred->product().shelf_life_days(), 10);
  EXPECT_EQ(preferred->product().sell_by_margin_days(), 2);
  v1::GetProductRequest get;
  get.set_sku("PE-MILK");
  EXPECT_EQ(catalog.GetProduct(get)->product().preferred_supplier(), "PE-SUP1");

  // Without a mask, only the fields set change: the preference stays.
  v1::UpdateProductRequest rename;
  rename.mutable_product()->set_sku("PE-MILK");
  rename.mutable_product()->set_display_name("Susu 1L");
  auto renamed = catalog.UpdateProduct(rename);
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  EXPECT_EQ(renamed->product().preferred_supplier(), "PE-SUP1");
  EXPECT_EQ(renamed->product().shelf_life_days(), 10);

  // A margin not below the shelf life is refused.
  v1::UpdateProductRequest margin;
  margin.mutable_product()->set_sku("PE-MILK");
  margin.mutable_product()->set_sell_by_margin_days(10);
  margin.mutable_update_mask()->add_paths("sell_by_margin_days");
  EXPECT_EQ(catalog.UpdateProduct(margin).status().reason(),
            "INVALID_SELL_BY_MARGIN_DAYS");

  // The preferred supplier's item cannot be deactivated.
  v1::UpdateSupplierItemRequest off;
  *off.mutable_supplier_item() = Item("PE-SUP1", "PE-MILK");
  off.mutable_supplier_item()->set_active(false);
  off.mutable_update_mask()->add_paths("active");
  auto kept = head.UpdateSupplierItem(off);
  EXPECT_EQ(kept.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(kept.status().reason(), "SUPPLIER_ITEM_IS_PREFERRED");

  // Per store: the same rule, set by the store's manager.
  CatalogClient as_manager(server_->Connect(manager_));
  v1::SetProductStoreSettingRequest setting;
  setting.mutable_setting()->set_store_code("PE1");
  setting.mutable_setting()->set_sku("PE-MILK");
  setting.mutable_setting()->set_preferred_supplier("PE-SUP2");
  EXPECT_EQ(as_manager.SetProductStoreSetting(setting).status().reason(),
            "PREFERRED_SUPPLIER_HAS_NO_ITEM");
  v1::CreateSupplierItemRequest onion;
  *onion.mutable_supplier_item() = Item("PE-SUP1", "PE-ONION");
  ASSERT_TRUE(head.CreateSupplierItem(onion).ok());
  setting.mutable_setting()->set_sku("PE-ONION");
  setting.mutable_setting()->set_preferred_supplier("PE-SUP1");
  auto stored = as_manager.SetProductStoreSetting(setting);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->setting().preferred_supplier(), "PE-SUP1");
}

TEST_F(PurchasingE2eTest, DemandAfterSalesReturnAndVoidMatchesTheNumbers) {
  SalesClient sales(server_->Connect(head_office_));
  auto sell = [&](const std::string& id, long long receipt,
                  std::int64_t milk_milli, std::int64_t onion_milli) {
    v1::RecordSaleRequest request;
    v1::Sale& sale = *request.mutable_sale();
    sale.set_sale_id(id);
    sale.set_store_code("PE1");
    sale.set_terminal_code("T1");
    sale.set_cashier("ani");
    sale.set_receipt_number(receipt);
    *sale.mutable_sale_time() =
        TimeUtil::GetCurrentTime() - TimeUtil::SecondsToDuration(5);
    std::int64_t total = 0;
    int n = 1;
    for (const auto& [sku, quantity] :
         {std::pair<std::string, std::int64_t>{"PE-MILK", milk_milli},
          {"PE-ONION", onion_milli}}) {
      if (quantity == 0) continue;
      v1::SaleLine& line = *sale.add_lines();
      line.set_line_number(n++);
      line.set_sku(sku);
      line.set_quantity_milli(quantity);
      line.set_unit_price_minor(20000);
      line.set_amount_minor(quantity * 20);  // 20000 per unit.
      total += line.amount_minor();
    }
    v1::Tender& tender = *sale.add_tenders();
    tender.set_type(v1::TENDER_TYPE_CASH);
    tender.set_amount_minor(total);
    auto recorded = sales.RecordSale(request);
    ASSERT_TRUE(recorded.ok()) << recorded.status();
  };
  sell("pe-s1", 1, 3000, 1250);  // 3 milk, 1.25 kg onion
  sell("pe-s2", 2, 2000, 0);     // 2 milk
  sell("pe-s3", 3, 1000, 500);   // voided below
  v1::RecordReturnRequest ret;
  v1::SaleReturn& r = *ret.mutable_sale_return();
  r.set_return_id("pe-r1");
  r.set_store_code("PE1");
  r.set_terminal_code("T1");
  r.set_cashier("ani");
  r.set_sale_id("pe-s1");
  *r.mutable_return_time() = TimeUtil::GetCurrentTime();
  v1::ReturnLine& line = *r.add_lines();
  line.set_sale_line_number(1);
  line.set_quantity_milli(1000);
  line.set_refund_minor(20000);
  r.set_refund_tender_type(v1::TENDER_TYPE_CASH);
  r.set_refund_total_minor(20000);
  r.set_currency_code("IDR");
  auto returned = sales.RecordReturn(ret);
  ASSERT_TRUE(returned.ok()) << returned.status();
  v1::VoidSaleRequest void_request;
  void_request.set_store_code("PE1");
  void_request.set_sale_id("pe-s3");
  void_request.set_reason("test");
  ASSERT_TRUE(sales.VoidSale(void_request).ok());

  // The window ends today (the sales' business day) and spans 7 days.
  v1::GetSaleRequest get_sale;
  get_sale.set_store_code("PE1");
  get_sale.set_sale_id("pe-s1");
  const std::string today = sales.GetSale(get_sale)->sale().business_day();
  v1::ListDemandRequest request;
  request.set_store_code("PE1");
  request.set_window_days(7);
  request.set_end_day(today);
  auto demand = Purchasing(manager_).ListDemand(request);
  ASSERT_TRUE(demand.ok()) << demand.status();
  EXPECT_EQ(demand->end_day(), today);
  ASSERT_EQ(demand->demands_size(), 2);
  const v1::ProductDemand& milk = demand->demands(0);
  EXPECT_EQ(milk.sku(), "PE-MILK");
  EXPECT_EQ(milk.sold_milli(), 6000);
  EXPECT_EQ(milk.returned_milli(), 1000);
  EXPECT_EQ(milk.voided_milli(), 1000);
  EXPECT_EQ(milk.net_quantity_milli(), 4000);
  EXPECT_EQ(milk.days_in_window(), 7);
  EXPECT_EQ(milk.days_with_sales(), 1);
  EXPECT_EQ(milk.average_daily_milli(), 571);  // 4000 / 7, rounded.
  const v1::ProductDemand& onion = demand->demands(1);
  EXPECT_EQ(onion.sku(), "PE-ONION");
  EXPECT_EQ(onion.sold_milli(), 1750);
  EXPECT_EQ(onion.voided_milli(), 500);
  EXPECT_EQ(onion.net_quantity_milli(), 1250);
  EXPECT_EQ(onion.average_daily_milli(), 179);  // 1250 / 7 = 178.57.

  // One product; another store is out of the manager's scope.
  request.set_sku("PE-ONION");
  auto one = Purchasing(manager_).ListDemand(request);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->demands_size(), 1);
  EXPECT_EQ(one->demands(0).net_quantity_milli(), 1250);
  request.set_store_code("ELSEWHERE");
  EXPECT_EQ(Purchasing(manager_).ListDemand(request).status().reason(),
            "STORE_OUT_OF_SCOPE");

  ReconciliationClient reconciliation(server_->Connect(head_office_));
  auto report = reconciliation.VerifyLedger(v1::VerifyLedgerRequest());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->violations_size(), 0) << report->DebugString();
}

}  // namespace
}  // namespace backoffice
