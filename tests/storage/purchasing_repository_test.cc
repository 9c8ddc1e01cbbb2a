// Purchasing against the private MariaDB with the real migrations, through
// the domain services: supplier items (CRUD, validation, import, preferred
// supplier rules), the daily demand rollup kept by sales, returns, voids and
// backlogs, the average demand read from it, and verify catching a rollup
// broken by hand. Without a database these tests fail (ScratchDatabase
// throws); they never skip.
#include <gtest/gtest.h>

#include "catalog/domain/catalog.h"
#include "catalog/storage/mysql_catalog_repository.h"
#include "core/storage/migrations.h"
#include "purchasing/domain/purchasing.h"
#include "purchasing/storage/mysql_purchasing_repository.h"
#include "reconciliation/domain/reconciliation.h"
#include "reconciliation/storage/mysql_reconciliation_repository.h"
#include "run_concurrently.h"
#include "sales/domain/sales.h"
#include "sales/domain/sales_rules.h"
#include "sales/storage/mysql_sales_repository.h"
#include "test_env.h"

namespace backoffice::storage {
namespace {

using domain::Sale;
using domain::SaleLine;
using domain::SupplierItem;
using domain::SupplierItemImportOutcome;
using domain::Tender;
using domain::TenderType;

// 2026-01-10 03:00 UTC is 10:00 in Jakarta: business day 2026-01-10.
constexpr domain::TimeMicros kDay10 = 1768014000LL * 1'000'000;
constexpr domain::TimeMicros kDay = 86400LL * 1'000'000;

class PurchasingRepositoryTest : public ::testing::Test {
 protected:
  PurchasingRepositoryTest()
      : db_(scratch_.config()),
        catalog_repository_(db_),
        sales_repository_(db_),
        purchasing_repository_(db_),
        reconciliation_repository_(db_),
        catalog_(catalog_repository_),
        sales_(sales_repository_),
        purchasing_(purchasing_repository_),
        reconciliation_(reconciliation_repository_) {
    auto migrated = Migrate(db_);
    if (!migrated.ok()) throw std::runtime_error(migrated.status().ToString());
    ctx_.principal =
        domain::Principal{1, "head office", domain::Role::kHeadOffice, "", ""};
    ctx_.method = "/test";
    ctx_.peer = "test";
    Must(catalog_
             .CreateStore(ctx_, {"S1", "Store 1", "Asia/Jakarta", "IDR", 0, 0})
             .status());
    Must(catalog_
             .CreateStore(ctx_, {"S2", "Store 2", "Asia/Jakarta", "IDR", 0, 0})
             .status());
    Must(catalog_.CreateTerminal(ctx_, {"S1", "T1", "Till", true, 0, 0})
             .status());
    for (const std::string sku : {"RICE", "OIL", "SUGAR"}) {
      domain::Product product;
      product.sku = sku;
      product.display_name = sku;
      product.unit_of_measure = "pcs";
      product.default_price = domain::Money{"IDR", 1000};
      Must(catalog_.CreateProduct(ctx_, product).status());
    }
    domain::Product flour;
    flour.sku = "FLOUR";
    flour.display_name = "Flour by weight";
    flour.unit_of_measure = "kg";
    flour.sold_by_weight = true;
    flour.default_price = domain::Money{"IDR", 9000};
    Must(catalog_.CreateProduct(ctx_, flour).status());
    for (const std::string code : {"SUP1", "SUP2"}) {
      domain::Supplier supplier;
      supplier.code = code;
      supplier.display_name = "Supplier " + code;
      supplier.payment_terms_days = 30;
      Must(catalog_.CreateSupplier(ctx_, supplier).status());
    }
  }

  static void Must(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.ToString());
  }

  static SupplierItem Item(const std::string& supplier,
                           const std::string& sku) {
    SupplierItem i;
    i.supplier_code = supplier;
    i.sku = sku;
    i.supplier_sku = supplier + "-" + sku;
    i.pack_size_milli = 12000;
    i.min_order_quantity_milli = 24000;
    i.unit_cost = domain::Money{"IDR", 700};
    i.tax_rate_basis_points = 1100;
    i.lead_time_days = 2;
    return i;
  }

  // A cash sale at `time` of (sku, quantity in thousandths) lines.
  static Sale MakeSale(
      const std::string& id, long long receipt, domain::TimeMicros time,
      const std::vector<std::pair<std::string, long long>>& items) {
    Sale sale;
    sale.sale_id = id;
    sale.store_code = "S1";
    sale.terminal_code = "T1";
    sale.cashier = "ani";
    sale.receipt_number = receipt;
    sale.sale_time = time;
    long long total = 0;
    int n = 1;
    for (const auto& [sku, quantity] : items) {
      SaleLine line;
      line.line_number = n++;
      line.sku = sku;
      line.quantity_milli = quantity;
      line.unit_price_minor = 1000;
      line.amount_minor = domain::LineAmount(quantity, line.unit_price_minor);
      line.tax_rate_basis_points = 1100;
      total += line.amount_minor;
      sale.lines.push_back(line);
    }
    sale.tenders = {Tender{TenderType::kCash, total, 0, "", "", ""}};
    return sale;
  }

  struct Row {
    long long sold = -1, returned = -1, voided = -1, sales = -1;
  };
  Row Rollup(const std::string& sku, const std::string& day) {
    Row row;
    Must(db_.WithSession([&](soci::session& s) {
      s << "SELECT d.sold_milli, d.returned_milli, d.voided_milli, "
           "d.sale_count FROM daily_demand d JOIN products p ON p.id = "
           "d.product_id JOIN stores st ON st.id = d.store_id WHERE st.code = "
           "'S1' AND p.sku = :p AND d.business_day = :d",
          soci::use(sku), soci::use(day), soci::into(row.sold),
          soci::into(row.returned), soci::into(row.voided),
          soci::into(row.sales);
      return Status();
    }));
    return row;
  }

  std::vector<domain::LedgerViolation> Violations() {
    auto report = reconciliation_.VerifyLedger(ctx_, "");
    if (!report.ok()) throw std::runtime_error(report.status().ToString());
    return report->violations;
  }

  void ExpectCleanLedger() {
    for (const auto& v : Violations()) {
      ADD_FAILURE() << v.kind << " " << v.store_code << " " << v.entity_id
                    << ": " << v.detail;
    }
  }

  testing::ScratchDatabase scratch_;
  Database db_;
  MySqlCatalogRepository catalog_repository_;
  MySqlSalesRepository sales_repository_;
  MySqlPurchasingRepository purchasing_repository_;
  MySqlReconciliationRepository reconciliation_repository_;
  domain::Catalog catalog_;
  domain::Sales sales_;
  domain::Purchasing purchasing_;
  domain::Reconciliation reconciliation_;
  domain::RequestContext ctx_;
};

TEST_F(PurchasingRepositoryTest, SupplierItemCreateGetListUpdate) {
  auto created = purchasing_.CreateSupplierItem(ctx_, Item("SUP1", "RICE"));
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->pack_size_milli, 12000);
  EXPECT_GT(created->create_time, 0);
  ASSERT_TRUE(purchasing_.CreateSupplierItem(ctx_, Item("SUP1", "OIL")).ok());
  ASSERT_TRUE(purchasing_.CreateSupplierItem(ctx_, Item("SUP2", "RICE")).ok());
  EXPECT_EQ(scratch_.CountRows("audit_records WHERE entity_type = "
                               "'supplier_item'"),
            3);

  auto got = purchasing_.GetSupplierItem(ctx_, "SUP1", "RICE");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(got->SameContentAs(Item("SUP1", "RICE")));

  // A supplier's items by SKU, two pages of one.
  auto page1 = purchasing_.ListSupplierItems(ctx_, {"SUP1", "", false}, 1, "");
  ASSERT_TRUE(page1.ok()) << page1.status();
  ASSERT_EQ(page1->items.size(), 1u);
  EXPECT_EQ(page1->items[0].sku, "OIL");
  auto page2 = purchasing_.ListSupplierItems(ctx_, {"SUP1", "", false}, 1,
                                             page1->next_page_token);
  ASSERT_TRUE(page2.ok()) << page2.status();
  ASSERT_EQ(page2->items.size(), 1u);
  EXPECT_EQ(page2->items[0].sku, "RICE");
  EXPECT_TRUE(page2->next_page_token.empty());
  // A product's suppliers by code.
  auto by_product =
      purchasing_.ListSupplierItems(ctx_, {"", "RICE", false}, 0, "");
  ASSERT_TRUE(by_product.ok());
  ASSERT_EQ(by_product->items.size(), 2u);
  EXPECT_EQ(by_product->items[1].supplier_code, "SUP2");
  // A token of another list is refused.
  EXPECT_EQ(purchasing_
                .ListSupplierItems(ctx_, {"SUP2", "", false}, 1,
                                   page1->next_page_token)
                .status()
                .reason(),
            "INVALID_PAGE_TOKEN");
  EXPECT_EQ(purchasing_.ListSupplierItems(ctx_, {"", "", false}, 0, "")
                .status()
                .reason(),
            "SUPPLIER_OR_SKU_REQUIRED");

  SupplierItem patch = Item("SUP1", "RICE");
  patch.lead_time_days = 5;
  patch.pack_size_milli = 1;  // not in the mask: ignored
  auto updated =
      purchasing_.UpdateSupplierItem(ctx_, patch, {"lead_time_days"});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->lead_time_days, 5);
  EXPECT_EQ(updated->pack_size_milli, 12000);
  patch.active = false;
  updated = purchasing_.UpdateSupplierItem(ctx_, patch, {"active"});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_FALSE(updated->active);
  auto active = purchasing_.ListSupplierItems(ctx_, {"SUP1", "", true}, 0, "");
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->items.size(), 1u);
  EXPECT_EQ(active->items[0].sku, "OIL");
}

TEST_F(PurchasingRepositoryTest, SupplierItemValidationLeavesNothingBehind) {
  auto reason = [&](const SupplierItem& i) {
    return purchasing_.CreateSupplierItem(ctx_, i).status().reason();
  };
  EXPECT_EQ(reason(Item("NOPE", "RICE")), "SUPPLIER_NOT_FOUND");
  EXPECT_EQ(reason(Item("SUP1", "NOPE")), "PRODUCT_NOT_FOUND");
  SupplierItem usd = Item("SUP1", "RICE");
  usd.unit_cost.currency_code = "USD";
  EXPECT_EQ(reason(usd), "CURRENCY_MISMATCH");
  SupplierItem half = Item("SUP1", "RICE");
  half.pack_size_milli = 1500;
  EXPECT_EQ(reason(half), "INVALID_PACK_SIZE_MILLI");
  half.sku = "FLOUR";  // weighed goods may come in 1.5 kg packs
  EXPECT_TRUE(purchasing_.CreateSupplierItem(ctx_, half).ok());
  SupplierItem zero = Item("SUP1", "RICE");
  zero.pack_size_milli = 0;
  EXPECT_EQ(reason(zero), "INVALID_PACK_SIZE_MILLI");
  ASSERT_TRUE(purchasing_.CreateSupplierItem(ctx_, Item("SUP1", "RICE")).ok());
  EXPECT_EQ(reason(Item("SUP1", "RICE")), "SUPPLIER_ITEM_ALREADY_EXISTS");
  EXPECT_EQ(purchasing_.GetSupplierItem(ctx_, "SUP2", "RICE").status().reason(),
            "SUPPLIER_ITEM_NOT_FOUND");
  EXPECT_EQ(purchasing_.GetSupplierItem(ctx_, "SUP9", "RICE").status().reason(),
            "SUPPLIER_NOT_FOUND");
  SupplierItem bad = Item("SUP1", "RICE");
  bad.unit_cost.currency_code = "USD";
  EXPECT_EQ(purchasing_.UpdateSupplierItem(ctx_, bad, {"unit_cost"})
                .status()
                .reason(),
            "CURRENCY_MISMATCH");
  EXPECT_EQ(scratch_.CountRows("supplier_items"), 2);
  EXPECT_EQ(scratch_.CountRows("audit_records WHERE entity_type = "
                               "'supplier_item'"),
            2);
  auto stored = purchasing_.GetSupplierItem(ctx_, "SUP1", "RICE");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->unit_cost.currency_code, "IDR");
}

TEST_F(PurchasingRepositoryTest, PreferredSupplierItemCannotBeDeactivated) {
  ASSERT_TRUE(purchasing_.CreateSupplierItem(ctx_, Item("SUP1", "RICE")).ok());
  scratch_.Execute(
      "UPDATE products SET preferred_supplier_id = (SELECT id FROM suppliers "
      "WHERE code = 'SUP1') WHERE sku = 'RICE'");
  SupplierItem patch = Item("SUP1", "RICE");
  patch.active = false;
  EXPECT_EQ(
      purchasing_.UpdateSupplierItem(ctx_, patch, {"active"}).status().reason(),
      "SUPPLIER_ITEM_IS_PREFERRED");
  auto results = purchasing_.ImportSupplierItems(ctx_, {{2, patch}});
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ((*results)[0].reason, "SUPPLIER_ITEM_IS_PREFERRED");
  EXPECT_TRUE(purchasing_.GetSupplierItem(ctx_, "SUP1", "RICE")->active);
}

TEST_F(PurchasingRepositoryTest, ImportCreatesUpdatesAndSkipsUnchangedRows) {
  std::vector<domain::SupplierItemImportRow> rows = {
      {2, Item("SUP1", "RICE")},
      {3, Item("SUP1", "OIL")},
      {4, Item("SUP9", "OIL")},  // unknown supplier
      {5, Item("SUP1", "OIL")},  // twice in the batch
  };
  rows[3].item.lead_time_days = 7;
  auto first = purchasing_.ImportSupplierItems(ctx_, rows);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->size(), 4u);
  EXPECT_EQ((*first)[0].outcome, SupplierItemImportOutcome::kCreated);
  EXPECT_EQ((*first)[1].outcome, SupplierItemImportOutcome::kCreated);
  EXPECT_EQ((*first)[2].outcome, SupplierItemImportOutcome::kRejected);
  EXPECT_EQ((*first)[2].reason, "SUPPLIER_NOT_FOUND");
  EXPECT_EQ((*first)[2].line_number, 4);
  EXPECT_EQ((*first)[3].reason, "DUPLICATE_ITEM_IN_BATCH");
  EXPECT_EQ(scratch_.CountRows("supplier_items"), 2);

  rows = {{2, Item("SUP1", "RICE")}, {3, Item("SUP1", "OIL")}};
  rows[1].item.unit_cost.minor_units = 750;
  auto second = purchasing_.ImportSupplierItems(ctx_, rows);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ((*second)[0].outcome, SupplierItemImportOutcome::kUnchanged);
  EXPECT_EQ((*second)[1].outcome, SupplierItemImportOutcome::kUpdated);
  EXPECT_EQ(
      purchasing_.GetSupplierItem(ctx_, "SUP1", "OIL")->unit_cost.minor_units,
      750);
  // Created twice, updated once: three audit records.
  EXPECT_EQ(scratch_.CountRows("audit_records WHERE entity_type = "
                               "'supplier_item'"),
            3);
}

TEST_F(PurchasingRepositoryTest, RollupFollowsSalesReturnsVoidsAndBacklogs) {
  // Day 10: two sales (one with two lines of RICE), one of them voided later.
  ASSERT_TRUE(
      sales_
          .RecordSale(ctx_,
                      MakeSale("s1", 1, kDay10,
                               {{"RICE", 2000}, {"OIL", 1000}, {"RICE", 500}}))
          .ok());
  ASSERT_TRUE(sales_
                  .RecordSale(ctx_, MakeSale("s2", 2, kDay10 + 60'000'000,
                                             {{"RICE", 1000}}))
                  .ok());
  Row r = Rollup("RICE", "2026-01-10");
  EXPECT_EQ(r.sold, 3500);
  EXPECT_EQ(r.sales, 2);
  EXPECT_EQ(Rollup("OIL", "2026-01-10").sold, 1000);

  // A return two days later counts on the return's own day.
  domain::SaleReturn ret;
  ret.return_id = "r1";
  ret.store_code = "S1";
  ret.terminal_code = "T1";
  ret.cashier = "ani";
  ret.sale_id = "s1";
  ret.return_time = kDay10 + 2 * kDay;
  ret.refund_tender_type = TenderType::kCash;
  ret.lines = {{1, 1000, false, 0}, {2, 1000, true, 0}};
  auto returned = sales_.RecordReturn(ctx_, ret);
  ASSERT_TRUE(returned.ok()) << returned.status();
  ASSERT_TRUE(sales_.RecordReturn(ctx_, ret).ok());  // a replay adds nothing
  EXPECT_EQ(Rollup("RICE", "2026-01-12").returned, 1000);
  EXPECT_EQ(Rollup("RICE", "2026-01-12").sold, 0);
  EXPECT_EQ(Rollup("OIL", "2026-01-12").returned, 1000);  // damaged too
  EXPECT_EQ(Rollup("RICE", "2026-01-10").returned, 0);

  // A void today counts on the sale's day, once.
  ASSERT_TRUE(sales_.VoidSale(ctx_, "S1", "s2", "wrong till").ok());
  ASSERT_TRUE(sales_.VoidSale(ctx_, "S1", "s2", "wrong till").ok());
  r = Rollup("RICE", "2026-01-10");
  EXPECT_EQ(r.voided, 1000);
  EXPECT_EQ(r.sales, 2);

  // A backlog: 60 sales over three days in one upload (two groups).
  std::vector<Sale> backlog;
  for (int i = 0; i < 60; ++i) {
    backlog.push_back(MakeSale("b" + std::to_string(i), 100 + i,
                               kDay10 + (i % 3) * kDay + i * 1'000'000,
                               {{"SUGAR", 250}, {"RICE", 1000}}));
  }
  auto uploaded = sales_.UploadSales(ctx_, backlog);
  ASSERT_TRUE(uploaded.ok()) << uploaded.status();
  ASSERT_TRUE(sales_.UploadSales(ctx_, backlog).ok());  // replays
  EXPECT_EQ(Rollup("SUGAR", "2026-01-10").sold, 20 * 250);
  EXPECT_EQ(Rollup("SUGAR", "2026-01-11").sales, 20);
  EXPECT_EQ(Rollup("RICE", "2026-01-12").sold, 20 * 1000);
  ExpectCleanLedger();

  // Average demand over the three days 10-12.
  auto report =
      purchasing_.ListDemand(ctx_, "S1", "RICE", 3, "2026-01-12", 0, "");
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->window.start_day, "2026-01-10");
  ASSERT_EQ(report->page.items.size(), 1u);
  const auto& rice = report->page.items[0];
  // Sold 3500 + 60000, returned 1000, voided 1000: net 61500 over 3 days.
  EXPECT_EQ(rice.sold_milli, 63500);
  EXPECT_EQ(rice.net_quantity_milli, 61500);
  EXPECT_EQ(rice.average_daily_milli, 20500);
  EXPECT_EQ(rice.days_with_sales, 3);

  // Every product with demand, one page at a time.
  auto page1 = purchasing_.ListDemand(ctx_, "S1", "", 28, "2026-01-12", 2, "");
  ASSERT_TRUE(page1.ok()) << page1.status();
  ASSERT_EQ(page1->page.items.size(), 2u);
  EXPECT_EQ(page1->page.items[0].sku, "OIL");
  EXPECT_EQ(page1->page.items[0].net_quantity_milli, 0);
  EXPECT_EQ(page1->page.items[1].sku, "RICE");
  EXPECT_EQ(page1->page.items[1].average_daily_milli, 2196);  // 61500 / 28
  auto page2 = purchasing_.ListDemand(ctx_, "S1", "", 28, "2026-01-12", 2,
                                      page1->page.next_page_token);
  ASSERT_TRUE(page2.ok()) << page2.status();
  ASSERT_EQ(page2->page.items.size(), 1u);
  EXPECT_EQ(page2->page.items[0].sku, "SUGAR");
  EXPECT_TRUE(page2->page.next_page_token.empty());

  // A product without demand is listed with zeros; an unknown one is not.
  auto flour =
      purchasing_.ListDemand(ctx_, "S1", "FLOUR", 7, "2026-01-12", 0, "");
  ASSERT_TRUE(flour.ok());
  ASSERT_EQ(flour->page.items.size(), 1u);
  EXPECT_EQ(flour->page.items[0].average_daily_milli, 0);
  EXPECT_EQ(purchasing_.ListDemand(ctx_, "S1", "NOPE", 7, "", 0, "")
                .status()
                .reason(),
            "PRODUCT_NOT_FOUND");
  EXPECT_EQ(
      purchasing_.ListDemand(ctx_, "S9", "", 7, "", 0, "").status().reason(),
      "STORE_NOT_FOUND");
}

TEST_F(PurchasingRepositoryTest, DemandIsScopedToTheCallersStore) {
  domain::RequestContext manager = ctx_;
  manager.principal =
      domain::Principal{2, "manager S2", domain::Role::kStoreManager, "S2", ""};
  EXPECT_EQ(purchasing_.ListDemand(manager, "S1", "", 7, "2026-01-12", 0, "")
                .status()
                .reason(),
            "STORE_OUT_OF_SCOPE");
  EXPECT_TRUE(
      purchasing_.ListDemand(manager, "S2", "", 7, "2026-01-12", 0, "").ok());
}

TEST_F(PurchasingRepositoryTest, VerifyReportsARollupBrokenByHand) {
  ASSERT_TRUE(
      sales_.RecordSale(ctx_, MakeSale("s1", 1, kDay10, {{"RICE", 2000}}))
          .ok());
  ASSERT_TRUE(
      sales_.RecordSale(ctx_, MakeSale("s2", 2, kDay10, {{"OIL", 1000}})).ok());
  ExpectCleanLedger();
  scratch_.Execute(
      "UPDATE daily_demand SET sold_milli = sold_milli + 1 WHERE product_id = "
      "(SELECT id FROM products WHERE sku = 'RICE')");
  scratch_.Execute(
      "DELETE FROM daily_demand WHERE product_id = (SELECT id FROM products "
      "WHERE sku = 'OIL')");
  auto violations = Violations();
  ASSERT_EQ(violations.size(), 2u);
  std::set<std::string> skus;
  for (const auto& v : violations) {
    EXPECT_EQ(v.kind, "DEMAND_ROLLUP_MISMATCH");
    EXPECT_EQ(v.store_code, "S1");
    skus.insert(v.entity_id);
  }
  EXPECT_EQ(skus, (std::set<std::string>{"OIL", "RICE"}));
}

TEST_F(PurchasingRepositoryTest, PreferredSupplierNeedsAnActiveItem) {
  domain::Product patch;
  patch.sku = "RICE";
  patch.preferred_supplier = "SUP1";
  // No item yet.
  auto refused = catalog_.UpdateProduct(ctx_, patch, {"preferred_supplier"});
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().reason(), "PREFERRED_SUPPLIER_HAS_NO_ITEM");
  patch.preferred_supplier = "NOPE";
  EXPECT_EQ(catalog_.UpdateProduct(ctx_, patch, {"preferred_supplier"})
                .status()
                .reason(),
            "SUPPLIER_NOT_FOUND");

  // An inactive item is no better.
  SupplierItem inactive = Item("SUP1", "RICE");
  inactive.active = false;
  ASSERT_TRUE(purchasing_.CreateSupplierItem(ctx_, inactive).ok());
  patch.preferred_supplier = "SUP1";
  EXPECT_EQ(catalog_.UpdateProduct(ctx_, patch, {"preferred_supplier"})
                .status()
                .reason(),
            "PREFERRED_SUPPLIER_HAS_NO_ITEM");
  EXPECT_EQ(catalog_.GetProduct(ctx_, "RICE", "")->preferred_supplier, "");

  SupplierItem active = inactive;
  active.active = true;
  ASSERT_TRUE(purchasing_.UpdateSupplierItem(ctx_, active, {"active"}).ok());
  auto updated = catalog_.UpdateProduct(ctx_, patch, {"preferred_supplier"});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->preferred_supplier, "SUP1");
  EXPECT_EQ(catalog_.GetProduct(ctx_, "RICE", "")->preferred_supplier, "SUP1");

  // Now the item cannot be deactivated; once the preference is cleared, it
  // can.
  EXPECT_EQ(purchasing_.UpdateSupplierItem(ctx_, inactive, {"active"})
                .status()
                .reason(),
            "SUPPLIER_ITEM_IS_PREFERRED");
  patch.preferred_supplier = "";
  ASSERT_TRUE(catalog_.UpdateProduct(ctx_, patch, {"preferred_supplier"}).ok());
  EXPECT_TRUE(purchasing_.UpdateSupplierItem(ctx_, inactive, {"active"}).ok());

  // A new product has no item: a preferred supplier on creation is refused
  // and nothing is left behind.
  domain::Product fresh;
  fresh.sku = "NEW";
  fresh.display_name = "New";
  fresh.unit_of_measure = "pcs";
  fresh.default_price = domain::Money{"IDR", 1000};
  fresh.preferred_supplier = "SUP1";
  EXPECT_EQ(catalog_.CreateProduct(ctx_, fresh).status().reason(),
            "PREFERRED_SUPPLIER_HAS_NO_ITEM");
  EXPECT_EQ(catalog_.GetProduct(ctx_, "NEW", "").status().reason(),
            "PRODUCT_NOT_FOUND");
  ExpectCleanLedger();
}

TEST_F(PurchasingRepositoryTest, StorePreferredSupplierFollowsTheSameRule) {
  domain::ProductStoreSetting setting;
  setting.store_code = "S1";
  setting.sku = "OIL";
  setting.preferred_supplier = "SUP2";
  EXPECT_EQ(catalog_.SetProductStoreSetting(ctx_, setting).status().reason(),
            "PREFERRED_SUPPLIER_HAS_NO_ITEM");
  ASSERT_TRUE(purchasing_.CreateSupplierItem(ctx_, Item("SUP2", "OIL")).ok());
  auto stored = catalog_.SetProductStoreSetting(ctx_, setting);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->preferred_supplier, "SUP2");
  EXPECT_EQ(
      catalog_.GetProductStoreSetting(ctx_, "S1", "OIL")->preferred_supplier,
      "SUP2");
  SupplierItem off = Item("SUP2", "OIL");
  off.active = false;
  EXPECT_EQ(
      purchasing_.UpdateSupplierItem(ctx_, off, {"active"}).status().reason(),
      "SUPPLIER_ITEM_IS_PREFERRED");
  setting.preferred_supplier = "";
  ASSERT_TRUE(catalog_.SetProductStoreSetting(ctx_, setting).ok());
  EXPECT_EQ(
      catalog_.GetProductStoreSetting(ctx_, "S1", "OIL")->preferred_supplier,
      "");
}

TEST_F(PurchasingRepositoryTest, ShelfLifeIsValidatedAndMasked) {
  domain::Product patch;
  patch.sku = "SUGAR";
  patch.shelf_life_days = 10;
  patch.sell_by_margin_days = 10;
  auto refused = catalog_.UpdateProduct(
      ctx_, patch, {"shelf_life_days", "sell_by_margin_days"});
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().reason(), "INVALID_SELL_BY_MARGIN_DAYS");
  patch.shelf_life_days = -1;
  EXPECT_EQ(catalog_.UpdateProduct(ctx_, patch, {"shelf_life_days"})
                .status()
                .reason(),
            "INVALID_SHELF_LIFE_DAYS");
  patch.shelf_life_days = 10;
  patch.sell_by_margin_days = 2;
  auto updated = catalog_.UpdateProduct(
      ctx_, patch, {"shelf_life_days", "sell_by_margin_days"});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->shelf_life_days, 10);
  EXPECT_EQ(updated->sell_by_margin_days, 2);
  EXPECT_EQ(updated->display_name, "SUGAR");
  // Shortening the shelf life below the stored margin is refused too.
  patch.shelf_life_days = 2;
  EXPECT_EQ(catalog_.UpdateProduct(ctx_, patch, {"shelf_life_days"})
                .status()
                .reason(),
            "INVALID_SELL_BY_MARGIN_DAYS");
  EXPECT_EQ(catalog_.GetProduct(ctx_, "SUGAR", "")->shelf_life_days, 10);
}

TEST_F(PurchasingRepositoryTest, ImportKeepsOrderingFieldsItDoesNotName) {
  ASSERT_TRUE(purchasing_.CreateSupplierItem(ctx_, Item("SUP1", "RICE")).ok());
  domain::Product patch;
  patch.sku = "RICE";
  patch.preferred_supplier = "SUP1";
  patch.shelf_life_days = 30;
  patch.sell_by_margin_days = 5;
  ASSERT_TRUE(catalog_
                  .UpdateProduct(ctx_, patch,
                                 {"preferred_supplier", "shelf_life_days",
                                  "sell_by_margin_days"})
                  .ok());
  domain::Product row = *catalog_.GetProduct(ctx_, "RICE", "");
  // A row without the optional fields (an old file): unchanged, kept.
  domain::Product bare = row;
  bare.preferred_supplier.clear();
  bare.shelf_life_days = 0;
  bare.sell_by_margin_days = 0;
  auto results = catalog_.ImportProducts(ctx_, {{2, bare, {}}});
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ((*results)[0].outcome, domain::ImportOutcome::kUnchanged);
  // A row naming them sets them, under the same rules.
  domain::Product named = row;
  named.shelf_life_days = 20;
  named.preferred_supplier = "SUP2";  // No item.
  results = catalog_.ImportProducts(
      ctx_, {{3, named, {"shelf_life_days", "preferred_supplier"}}});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].reason, "PREFERRED_SUPPLIER_HAS_NO_ITEM");
  named.preferred_supplier = "";
  results = catalog_.ImportProducts(
      ctx_, {{4, named, {"shelf_life_days", "preferred_supplier"}}});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, domain::ImportOutcome::kUpdated)
      << (*results)[0].reason;
  auto stored = catalog_.GetProduct(ctx_, "RICE", "");
  EXPECT_EQ(stored->shelf_life_days, 20);
  EXPECT_EQ(stored->sell_by_margin_days, 5);
  EXPECT_EQ(stored->preferred_supplier, "");
  // A merged row that breaks the margin rule is rejected alone.
  named.shelf_life_days = 5;
  results = catalog_.ImportProducts(ctx_, {{5, named, {"shelf_life_days"}}});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].reason, "INVALID_SELL_BY_MARGIN_DAYS");
  results = catalog_.ImportProducts(ctx_, {{6, named, {"colour"}}});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].reason, "INVALID_OPTIONAL_FIELDS");
}

TEST_F(PurchasingRepositoryTest, PreferenceAndDeactivationNeverBothWin) {
  // Racing "make SUP1 preferred" against "deactivate SUP1's item": the
  // share lock on the item row orders them, so the product never ends up
  // preferring a supplier whose item is inactive.
  for (int round = 0; round < 8; ++round) {
    SupplierItem item = Item("SUP1", "OIL");
    item.active = true;
    if (round == 0) {
      ASSERT_TRUE(purchasing_.CreateSupplierItem(ctx_, item).ok());
    } else {
      domain::Product clear;
      clear.sku = "OIL";
      ASSERT_TRUE(
          catalog_.UpdateProduct(ctx_, clear, {"preferred_supplier"}).ok());
      ASSERT_TRUE(purchasing_.UpdateSupplierItem(ctx_, item, {"active"}).ok());
    }
    Status prefer_status, deactivate_status;
    testing::RunConcurrently(2, [&](int i) {
      if (i == 0) {
        domain::Product patch;
        patch.sku = "OIL";
        patch.preferred_supplier = "SUP1";
        prefer_status =
            catalog_.UpdateProduct(ctx_, patch, {"preferred_supplier"})
                .status();
      } else {
        SupplierItem off = Item("SUP1", "OIL");
        off.active = false;
        deactivate_status =
            purchasing_.UpdateSupplierItem(ctx_, off, {"active"}).status();
      }
    });
    EXPECT_NE(prefer_status.ok(), deactivate_status.ok())
        << prefer_status << " / " << deactivate_status;
    const bool preferred =
        catalog_.GetProduct(ctx_, "OIL", "")->preferred_supplier == "SUP1";
    const bool active =
        purchasing_.GetSupplierItem(ctx_, "SUP1", "OIL")->active;
    EXPECT_TRUE(!preferred || active) << "round " << round;
  }
}

}  // namespace
}  // namespace backoffice::storage
