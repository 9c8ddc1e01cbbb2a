// Purchasing's domain alone: average daily demand from rollup rows, the
// demand window, and the rules of a supplier item.
#include <gtest/gtest.h>

#include "purchasing/domain/demand.h"
#include "purchasing/domain/supplier_item_rules.h"

namespace backoffice::domain {
namespace {

DemandWindow Window(int days, const std::string& end) {
  auto w = MakeDemandWindow(days, end);
  EXPECT_TRUE(w.ok()) << w.status().ToString();
  return *w;
}

TEST(AverageDailyMilliTest, RoundsToNearestHalvesAwayFromZero) {
  EXPECT_EQ(AverageDailyMilli(28000, 28), 1000);
  EXPECT_EQ(AverageDailyMilli(10, 3), 3);   // 3.33 -> 3
  EXPECT_EQ(AverageDailyMilli(11, 3), 4);   // 3.67 -> 4
  EXPECT_EQ(AverageDailyMilli(3, 2), 2);    // 1.5 -> 2
  EXPECT_EQ(AverageDailyMilli(-3, 2), -2);  // -1.5 -> -2
  EXPECT_EQ(AverageDailyMilli(-10, 3), -3);
  EXPECT_EQ(AverageDailyMilli(0, 28), 0);
  EXPECT_EQ(AverageDailyMilli(13, 28), 0);  // 0.46 -> 0
  EXPECT_EQ(AverageDailyMilli(14, 28), 1);  // 0.5 -> 1
}

TEST(DemandWindowTest, DefaultIsTwentyEightDaysEndingOnTheGivenDay) {
  DemandWindow w = Window(0, "2026-03-01");
  EXPECT_EQ(w.days, 28);
  EXPECT_EQ(w.end_day, "2026-03-01");
  EXPECT_EQ(w.start_day, "2026-02-02");
  EXPECT_EQ(Window(1, "2024-03-01").start_day, "2024-03-01");
  EXPECT_EQ(Window(2, "2024-03-01").start_day, "2024-02-29");  // leap year
}

TEST(DemandWindowTest, RefusesBadInput) {
  EXPECT_EQ(MakeDemandWindow(-1, "2026-03-01").status().reason(),
            "INVALID_WINDOW_DAYS");
  EXPECT_EQ(MakeDemandWindow(367, "2026-03-01").status().reason(),
            "INVALID_WINDOW_DAYS");
  EXPECT_EQ(MakeDemandWindow(7, "2026-13-01").status().reason(),
            "INVALID_END_DAY");
  EXPECT_EQ(MakeDemandWindow(7, "yesterday").status().reason(),
            "INVALID_END_DAY");
  EXPECT_EQ(PreviousDay("2026-03-01"), "2026-02-28");
}

TEST(SummarizeDemandTest, NetOfReturnsAndVoidsOverTheWholeWindow) {
  DemandWindow w = Window(7, "2026-01-07");
  std::vector<DemandDay> rows = {
      {"RICE", "2025-12-31", 99000, 0, 0},  // before the window
      {"RICE", "2026-01-01", 5000, 0, 0},
      {"RICE", "2026-01-03", 4500, 1000, 0},
      {"RICE", "2026-01-07", 2000, 0, 2000},
      {"RICE", "2026-01-08", 77000, 0, 0},  // after the window
      {"OIL", "2026-01-02", 3000, 0, 0},
  };
  ProductDemand d = SummarizeDemand("RICE", rows, w);
  EXPECT_EQ(d.sold_milli, 11500);
  EXPECT_EQ(d.returned_milli, 1000);
  EXPECT_EQ(d.voided_milli, 2000);
  EXPECT_EQ(d.net_quantity_milli, 8500);
  EXPECT_EQ(d.days_in_window, 7);
  EXPECT_EQ(d.days_with_sales, 3);
  // Days without sales count: 8500 / 7 = 1214.29 -> 1214.
  EXPECT_EQ(d.average_daily_milli, 1214);

  ProductDemand none = SummarizeDemand("SUGAR", rows, w);
  EXPECT_EQ(none.net_quantity_milli, 0);
  EXPECT_EQ(none.average_daily_milli, 0);
  EXPECT_EQ(none.days_in_window, 7);

  auto all = SummarizeDemandBySku(rows, w);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].sku, "OIL");
  EXPECT_EQ(all[0].average_daily_milli, 429);  // 3000 / 7 = 428.57
  EXPECT_EQ(all[1].sku, "RICE");
  EXPECT_EQ(all[1].net_quantity_milli, 8500);
}

TEST(SummarizeDemandTest, MoreReturnedThanSoldIsNegative) {
  DemandWindow w = Window(2, "2026-01-02");
  ProductDemand d = SummarizeDemand("X", {{"X", "2026-01-02", 0, 3000, 0}}, w);
  EXPECT_EQ(d.net_quantity_milli, -3000);
  EXPECT_EQ(d.average_daily_milli, -1500);
  EXPECT_EQ(d.days_with_sales, 0);
}

SupplierItem GoodItem() {
  SupplierItem i;
  i.supplier_code = "SUP1";
  i.sku = "RICE";
  i.supplier_sku = "R-5KG";
  i.pack_size_milli = 12000;
  i.min_order_quantity_milli = 24000;
  i.unit_cost = Money{"IDR", 61000};
  i.tax_rate_basis_points = 1100;
  i.lead_time_days = 3;
  return i;
}

TEST(SupplierItemRulesTest, ValidatesEachField) {
  EXPECT_TRUE(ValidateSupplierItem(GoodItem()).ok());
  auto reason_of = [](SupplierItem i) {
    return ValidateSupplierItem(i).reason();
  };
  SupplierItem i = GoodItem();
  i.pack_size_milli = 0;
  EXPECT_EQ(reason_of(i), "INVALID_PACK_SIZE_MILLI");
  i = GoodItem();
  i.min_order_quantity_milli = -1;
  EXPECT_EQ(reason_of(i), "INVALID_MIN_ORDER_QUANTITY_MILLI");
  i = GoodItem();
  i.unit_cost.minor_units = -5;
  EXPECT_EQ(reason_of(i), "INVALID_UNIT_COST_MINOR_UNITS");
  i = GoodItem();
  i.tax_rate_basis_points = 10001;
  EXPECT_EQ(reason_of(i), "INVALID_TAX_RATE_BASIS_POINTS");
  i = GoodItem();
  i.lead_time_days = -1;
  EXPECT_EQ(reason_of(i), "INVALID_LEAD_TIME_DAYS");
  i = GoodItem();
  i.supplier_code = "bad code";
  EXPECT_EQ(reason_of(i), "INVALID_SUPPLIER_CODE");
  i = GoodItem();
  i.sku = "";
  EXPECT_EQ(reason_of(i), "INVALID_SKU");
  i = GoodItem();
  i.supplier_sku = std::string(65, 'x');
  EXPECT_EQ(reason_of(i), "INVALID_SUPPLIER_SKU");
}

TEST(SupplierItemRulesTest, MustAgreeWithItsProduct) {
  SupplierItem i = GoodItem();
  EXPECT_TRUE(CheckSupplierItemFitsProduct(i, {false, "IDR"}).ok());
  EXPECT_EQ(CheckSupplierItemFitsProduct(i, {false, "USD"}).reason(),
            "CURRENCY_MISMATCH");
  i.pack_size_milli = 1500;
  EXPECT_EQ(CheckSupplierItemFitsProduct(i, {false, "IDR"}).reason(),
            "INVALID_PACK_SIZE_MILLI");
  EXPECT_TRUE(CheckSupplierItemFitsProduct(i, {true, "IDR"}).ok());
  i = GoodItem();
  i.min_order_quantity_milli = 500;
  EXPECT_EQ(CheckSupplierItemFitsProduct(i, {false, "IDR"}).reason(),
            "INVALID_MIN_ORDER_QUANTITY_MILLI");
}

TEST(SupplierItemRulesTest, MaskChangesOnlyNamedFields) {
  SupplierItem current = GoodItem();
  SupplierItem patch = GoodItem();
  patch.lead_time_days = 9;
  patch.pack_size_milli = 6000;
  ASSERT_TRUE(ApplySupplierItemMask({"lead_time_days"}, patch, current).ok());
  EXPECT_EQ(current.lead_time_days, 9);
  EXPECT_EQ(current.pack_size_milli, 12000);
  EXPECT_EQ(ApplySupplierItemMask({"sku"}, patch, current).reason(),
            "INVALID_UPDATE_MASK");
  patch.pack_size_milli = -1;
  EXPECT_EQ(ApplySupplierItemMask({"*"}, patch, current).reason(),
            "INVALID_PACK_SIZE_MILLI");
}

}  // namespace
}  // namespace backoffice::domain
