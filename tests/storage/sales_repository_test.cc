// Sales, returns, voids and stock against the private MariaDB with the real
// migrations, through the domain services: exactly once, hot products under
// many concurrent writers, backlogs, and a clean reconciliation after each.
#include <gtest/gtest.h>

#include <atomic>
#include <random>

#include "catalog/domain/catalog.h"
#include "catalog/storage/mysql_catalog_repository.h"
#include "core/storage/migrations.h"
#include "inventory/domain/inventory.h"
#include "inventory/storage/mysql_inventory_repository.h"
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
using domain::Tender;
using domain::TenderType;

constexpr int kProducts = 10;

class SalesRepositoryTest : public ::testing::Test {
 protected:
  SalesRepositoryTest()
      : db_(Config()),
        catalog_repository_(db_),
        sales_repository_(db_),
        inventory_repository_(db_),
        reconciliation_repository_(db_),
        sales_(sales_repository_),
        inventory_(inventory_repository_),
        reconciliation_(reconciliation_repository_) {
    auto migrated = Migrate(db_);
    if (!migrated.ok()) throw std::runtime_error(migrated.status().ToString());
    ctx_.principal =
        domain::Principal{1, "head office", domain::Role::kHeadOffice, "", ""};
    ctx_.method = "/test";
    ctx_.peer = "test";
    domain::Catalog catalog(catalog_repository_);
    Must(catalog
             .CreateStore(ctx_, {"S1", "Store 1", "Asia/Jakarta", "IDR", 0, 0})
             .status());
    for (int t = 1; t <= 4; ++t) {
      Must(catalog
               .CreateTerminal(
                   ctx_, {"S1", "T" + std::to_string(t), "Till", true, 0, 0})
               .status());
    }
    for (int p = 0; p < kProducts; ++p) {
      domain::Product product;
      product.sku = "P" + std::to_string(p);
      product.barcodes = {"899" + std::to_string(1000 + p)};
      product.display_name = "Product " + std::to_string(p);
      product.unit_of_measure = "pcs";
      product.default_price = domain::Money{"IDR", 1000 + 100 * p};
      Must(catalog.CreateProduct(ctx_, product).status());
    }
    domain::Customer customer{
        "S1", "C1", "Warung", "", domain::Money{"IDR", 1000000}, true, 0, 0};
    Must(catalog.CreateCustomer(ctx_, customer).status());
  }

  storage::DatabaseConfig Config() {
    auto config = scratch_.config();
    config.pool_size = 20;
    return config;
  }

  static void Must(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.ToString());
  }

  // A cash sale of `items` (product index, quantity in thousandths).
  static Sale MakeSale(const std::string& id, const std::string& terminal,
                       long long receipt,
                       const std::vector<std::pair<int, long long>>& items) {
    Sale sale;
    sale.sale_id = id;
    sale.store_code = "S1";
    sale.terminal_code = terminal;
    sale.cashier = "ani";
    sale.receipt_number = receipt;
    sale.sale_time = domain::SystemNowMicros() - 1'000'000;
    long long total = 0;
    int n = 1;
    for (const auto& [product, quantity] : items) {
      SaleLine line;
      line.line_number = n++;
      line.sku = "P" + std::to_string(product);
      line.quantity_milli = quantity;
      line.unit_price_minor = 1000 + 100 * product;
      line.amount_minor = domain::LineAmount(quantity, line.unit_price_minor);
      line.tax_rate_basis_points = 1100;
      total += line.amount_minor;
      sale.lines.push_back(line);
    }
    sale.tenders = {Tender{TenderType::kCash, total, 0, "", "", ""}};
    return sale;
  }

  long long OnHand(int product) {
    auto level =
        inventory_.GetStockLevel(ctx_, "S1", "P" + std::to_string(product));
    Must(level.status());
    return level->on_hand_milli;
  }

  void ExpectCleanLedger() {
    auto report = reconciliation_.VerifyLedger(ctx_, "");
    ASSERT_TRUE(report.ok()) << report.status();
    for (const auto& v : report->violations) {
      ADD_FAILURE() << v.kind << " " << v.store_code << " " << v.entity_id
                    << ": " << v.detail;
    }
  }

  // How many times InnoDB made a statement wait for a row lock, server-wide
  // (the private MariaDB serves only these tests, run one at a time).
  long long RowLockWaits() {
    long long waits = -1;
    Must(db_.WithSession([&](soci::session& s) {
      std::string value;
      s << "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
           "WHERE VARIABLE_NAME = 'INNODB_ROW_LOCK_WAITS'",
          soci::into(value);
      waits = std::stoll(value);
      return Status();
    }));
    return waits;
  }

  testing::ScratchDatabase scratch_;
  Database db_;
  MySqlCatalogRepository catalog_repository_;
  MySqlSalesRepository sales_repository_;
  MySqlInventoryRepository inventory_repository_;
  MySqlReconciliationRepository reconciliation_repository_;
  domain::Sales sales_;
  domain::Inventory inventory_;
  domain::Reconciliation reconciliation_;
  domain::RequestContext ctx_;
};

TEST_F(SalesRepositoryTest, TheSameSaleSentOneToFiveTimesCountsOnce) {
  for (int times = 1; times <= 5; ++times) {
    const std::string id = "seq-" + std::to_string(times);
    Sale sale = MakeSale(id, "T1", times, {{1, 2000}, {2, 500}});
    for (int i = 0; i < times; ++i) {
      auto outcome = sales_.RecordSale(ctx_, sale);
      ASSERT_TRUE(outcome.ok()) << outcome.status();
      EXPECT_EQ(outcome->replayed, i > 0);
      EXPECT_EQ(outcome->sale.total_minor, 2 * 1100 + 600);
    }
    EXPECT_EQ(scratch_.CountRows("sales WHERE sale_id = '" + id + "'"), 1);
    EXPECT_EQ(
        scratch_.CountRows("stock_movements WHERE document_key = '" + id + "'"),
        2);
    EXPECT_EQ(
        scratch_.CountRows("audit_records WHERE entity_id = '" + id + "'"), 1);
  }
  EXPECT_EQ(OnHand(1), -2000 * 5);
  ExpectCleanLedger();
}

TEST_F(SalesRepositoryTest, ConcurrentSendsOfOneSaleRecordItOnce) {
  Sale sale = MakeSale("race-1", "T1", 1, {{3, 1000}, {4, 1000}});
  constexpr int kThreads = 8;
  std::atomic<int> fresh{0};
  std::atomic<int> replayed{0};
  testing::RunConcurrently(kThreads, [&](int) {
    auto outcome = sales_.RecordSale(ctx_, sale);
    if (!outcome.ok()) {
      ADD_FAILURE() << outcome.status();
      return;
    }
    (outcome->replayed ? replayed : fresh)++;
  });
  EXPECT_EQ(fresh.load(), 1);
  EXPECT_EQ(replayed.load(), kThreads - 1);
  EXPECT_EQ(scratch_.CountRows("sales"), 1);
  EXPECT_EQ(scratch_.CountRows("stock_movements"), 2);
  EXPECT_EQ(OnHand(3), -1000);
  ExpectCleanLedger();
}

TEST_F(SalesRepositoryTest, SameIdWithOtherContentOrReusedReceiptIsRefused) {
  ASSERT_TRUE(
      sales_.RecordSale(ctx_, MakeSale("a-1", "T1", 1, {{1, 1000}})).ok());
  auto reused = sales_.RecordSale(ctx_, MakeSale("a-1", "T1", 1, {{1, 2000}}));
  EXPECT_EQ(reused.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(reused.status().reason(), "IDEMPOTENCY_KEY_REUSED");
  auto receipt = sales_.RecordSale(ctx_, MakeSale("a-2", "T1", 1, {{1, 1000}}));
  EXPECT_EQ(receipt.status().reason(), "DUPLICATE_RECEIPT_NUMBER");
  // Another till may use the same receipt number.
  EXPECT_TRUE(
      sales_.RecordSale(ctx_, MakeSale("a-3", "T2", 1, {{1, 1000}})).ok());
  EXPECT_EQ(scratch_.CountRows("sales"), 2);
  EXPECT_EQ(OnHand(1), -2000);

  auto day = domain::BusinessDay(domain::SystemNowMicros() - 1'000'000,
                                 "Asia/Jakarta");
  auto check = sales_.CheckReceipts(ctx_, "S1", "T1", *day);
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_EQ(check->sale_count, 1);
  EXPECT_EQ(check->duplicated, std::vector<std::int64_t>{1});
  ExpectCleanLedger();
}

TEST_F(SalesRepositoryTest, UnknownProductTerminalOrCustomerWritesNothing) {
  Sale unknown_product = MakeSale("u-1", "T1", 1, {{1, 1000}});
  unknown_product.lines[0].sku = "NOPE";
  EXPECT_EQ(sales_.RecordSale(ctx_, unknown_product).status().reason(),
            "PRODUCT_NOT_FOUND");
  Sale unknown_till = MakeSale("u-2", "T9", 1, {{1, 1000}});
  EXPECT_EQ(sales_.RecordSale(ctx_, unknown_till).status().reason(),
            "TERMINAL_NOT_FOUND");
  Sale unknown_customer = MakeSale("u-3", "T1", 1, {{1, 1000}});
  unknown_customer.tenders[0] =
      Tender{TenderType::kStoreCredit, 1100, 0, "C9", "", ""};
  EXPECT_EQ(sales_.RecordSale(ctx_, unknown_customer).status().reason(),
            "CUSTOMER_NOT_FOUND");
  for (const char* table :
       {"sales", "sale_lines", "sale_tenders", "stock_movements",
        "stock_balances", "receipt_conflicts"}) {
    EXPECT_EQ(scratch_.CountRows(table), 0) << table;
  }
  EXPECT_EQ(scratch_.CountRows("audit_records WHERE entity_type = 'sale'"), 0);
  // A credit sale of a known customer and a line by barcode are fine.
  Sale credit = MakeSale("u-4", "T1", 1, {{1, 1000}});
  credit.lines[0].sku.clear();
  credit.lines[0].barcode = "8991001";
  credit.tenders[0] = Tender{TenderType::kStoreCredit, 1100, 0, "C1", "", ""};
  auto recorded = sales_.RecordSale(ctx_, credit);
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_EQ(recorded->sale.tenders[0].customer_code, "C1");
}

TEST_F(SalesRepositoryTest, HotProductUnderSixteenWritersKeepsOneTruth) {
  constexpr int kThreads = 16;
  constexpr int kSalesPerThread = 100;
  std::atomic<long long> sold_hot{0};
  std::atomic<int> failures{0};
  testing::RunConcurrently(kThreads, [&](int t) {
    std::mt19937 random(t);
    for (int i = 0; i < kSalesPerThread; ++i) {
      // Every sale holds the hot product 0 plus random others, in random
      // order, so that lock orders would clash if the server did not sort.
      std::vector<std::pair<int, long long>> items = {
          {0, 1000 + (random() % 3) * 500}};
      for (int p = 1; p < kProducts; ++p) {
        if (random() % 3 == 0) items.push_back({p, 1000});
      }
      std::shuffle(items.begin(), items.end(), random);
      const std::string id =
          "hot-" + std::to_string(t) + "-" + std::to_string(i);
      Sale sale = MakeSale(id, "T" + std::to_string(t % 4 + 1),
                           t * 1000 + i + 1, items);
      auto outcome = sales_.RecordSale(ctx_, sale);
      if (!outcome.ok()) {
        ++failures;
        ADD_FAILURE() << outcome.status();
        continue;
      }
      for (const auto& [p, q] : items) {
        if (p == 0) sold_hot += q;
      }
    }
  });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(scratch_.CountRows("sales"), kThreads * kSalesPerThread);
  EXPECT_EQ(OnHand(0), -sold_hot.load());
  ExpectCleanLedger();
}

TEST_F(SalesRepositoryTest, BacklogMixesGoodBadAndDuplicateSales) {
  const Sale first = MakeSale("b-0", "T3", 1, {{2, 1000}});
  ASSERT_TRUE(sales_.RecordSale(ctx_, first).ok());
  std::vector<Sale> backlog;
  for (int i = 1; i <= 120; ++i) {
    backlog.push_back(MakeSale("b-" + std::to_string(i), "T3", i + 1,
                               {{2, 1000}, {3 + i % 5, 500}}));
  }
  backlog.push_back(first);       // Replay of a recorded sale.
  backlog.push_back(backlog[5]);  // Duplicate within the upload.
  Sale bad_total = MakeSale("b-bad-total", "T3", 500, {{1, 1000}});
  bad_total.tenders[0].amount_minor += 1;
  backlog.push_back(bad_total);
  Sale bad_product = MakeSale("b-bad-product", "T3", 501, {{1, 1000}});
  bad_product.lines[0].sku = "GHOST";
  backlog.push_back(bad_product);
  backlog.push_back(
      MakeSale("b-reused-receipt", "T3", 1, {{1, 1000}}));  // b-0's receipt.
  std::shuffle(backlog.begin(), backlog.end(), std::mt19937(42));

  auto outcomes = sales_.UploadSales(ctx_, backlog);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status();
  ASSERT_EQ(outcomes->size(), backlog.size());
  int recorded = 0;
  int replayed = 0;
  std::map<std::string, std::string> refused;
  for (std::size_t i = 0; i < outcomes->size(); ++i) {
    const auto& o = (*outcomes)[i];
    EXPECT_EQ(o.sale.sale_id, backlog[i].sale_id);
    if (!o.status.ok()) {
      refused[backlog[i].sale_id] = o.status.reason();
    } else if (o.replayed) {
      ++replayed;
    } else {
      ++recorded;
    }
  }
  EXPECT_EQ(recorded, 120);
  EXPECT_EQ(replayed, 2);
  EXPECT_EQ(refused["b-bad-total"], "TOTALS_MISMATCH");
  EXPECT_EQ(refused["b-bad-product"], "PRODUCT_NOT_FOUND");
  EXPECT_EQ(refused["b-reused-receipt"], "DUPLICATE_RECEIPT_NUMBER");
  EXPECT_EQ(refused.size(), 3u);
  EXPECT_EQ(scratch_.CountRows("sales"), 121);
  EXPECT_EQ(OnHand(2), -121000);

  // The whole backlog again: everything good is a replay now.
  auto again = sales_.UploadSales(ctx_, backlog);
  ASSERT_TRUE(again.ok());
  for (const auto& o : *again) {
    EXPECT_TRUE(!o.status.ok() || o.replayed) << o.sale.sale_id;
  }
  EXPECT_EQ(scratch_.CountRows("sales"), 121);
  ExpectCleanLedger();
}

TEST_F(SalesRepositoryTest,
       ReturnsNeverExceedWhatWasSoldAndDamagedGoodsStayOut) {
  ASSERT_TRUE(
      sales_
          .RecordSale(ctx_, MakeSale("r-sale", "T1", 1, {{5, 3000}, {6, 1000}}))
          .ok());
  domain::SaleReturn r;
  r.return_id = "r-1";
  r.store_code = "S1";
  r.terminal_code = "T1";
  r.cashier = "ani";
  r.sale_id = "r-sale";
  r.return_time = domain::SystemNowMicros();
  r.refund_tender_type = TenderType::kCash;
  r.lines = {{1, 1000, false, 0}, {2, 1000, true, 0}};
  auto first = sales_.RecordReturn(ctx_, r);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->sale_return.lines[0].refund_minor, 1500);
  EXPECT_EQ(first->sale_return.refund_total_minor, 1500 + 1600);
  EXPECT_EQ(OnHand(5), -2000);  // Restocked.
  EXPECT_EQ(OnHand(6), -1000);  // Damaged: not restocked.
  auto replay = sales_.RecordReturn(ctx_, r);
  ASSERT_TRUE(replay.ok());
  EXPECT_TRUE(replay->replayed);

  domain::SaleReturn too_much = r;
  too_much.return_id = "r-2";
  too_much.lines = {{1, 2500, false, 0}};  // 3 sold, 1 returned, 2.5 asked.
  EXPECT_EQ(sales_.RecordReturn(ctx_, too_much).status().reason(),
            "RETURN_EXCEEDS_SOLD");
  too_much.lines = {{1, 2000, false, 0}};
  ASSERT_TRUE(sales_.RecordReturn(ctx_, too_much).ok());
  EXPECT_EQ(OnHand(5), 0);
  domain::SaleReturn unknown_line = r;
  unknown_line.return_id = "r-3";
  unknown_line.lines = {{9, 1000, false, 0}};
  EXPECT_EQ(sales_.RecordReturn(ctx_, unknown_line).status().reason(),
            "UNKNOWN_SALE_LINE");
  EXPECT_EQ(scratch_.CountRows("sale_returns"), 2);
  // A sale with returns cannot be voided.
  EXPECT_EQ(sales_.VoidSale(ctx_, "S1", "r-sale", "mistake").status().reason(),
            "SALE_HAS_RETURNS");
  ExpectCleanLedger();
}

TEST_F(SalesRepositoryTest, TheSameFullReturnSentConcurrentlyIsRecordedOnce) {
  ASSERT_TRUE(
      sales_.RecordSale(ctx_, MakeSale("cr-sale", "T1", 1, {{5, 1000}})).ok());
  domain::SaleReturn r;
  r.return_id = "cr-1";
  r.store_code = "S1";
  r.terminal_code = "T1";
  r.cashier = "ani";
  r.sale_id = "cr-sale";
  r.return_time = domain::SystemNowMicros();
  r.refund_tender_type = TenderType::kCash;
  r.lines = {
      {1, 1000, false, 0}};  // The whole line: a second return would exceed it.
  constexpr int kThreads = 6;
  std::atomic<int> fresh{0};
  std::atomic<int> replayed{0};
  testing::RunConcurrently(kThreads, [&](int) {
    auto outcome = sales_.RecordReturn(ctx_, r);
    if (!outcome.ok()) {
      ADD_FAILURE() << outcome.status();
      return;
    }
    (outcome->replayed ? replayed : fresh)++;
  });
  EXPECT_EQ(fresh.load(), 1);
  EXPECT_EQ(replayed.load(), kThreads - 1);
  EXPECT_EQ(scratch_.CountRows("sale_returns"), 1);
  EXPECT_EQ(OnHand(5), 0);
  ExpectCleanLedger();
}

TEST_F(SalesRepositoryTest, AVoidReversesTheSaleOnceAndBlocksReturns) {
  ASSERT_TRUE(
      sales_
          .RecordSale(ctx_, MakeSale("v-sale", "T1", 1, {{7, 2000}, {8, 1000}}))
          .ok());
  auto voided = sales_.VoidSale(ctx_, "S1", "v-sale", "wrong customer");
  ASSERT_TRUE(voided.ok()) << voided.status();
  EXPECT_FALSE(voided->replayed);
  EXPECT_EQ(voided->sale.state, domain::SaleState::kVoided);
  EXPECT_EQ(OnHand(7), 0);
  auto again = sales_.VoidSale(ctx_, "S1", "v-sale", "wrong customer");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(scratch_.CountRows("stock_movements WHERE movement_type = 'VOID'"),
            2);
  domain::SaleReturn r;
  r.return_id = "v-ret";
  r.store_code = "S1";
  r.terminal_code = "T1";
  r.cashier = "ani";
  r.sale_id = "v-sale";
  r.return_time = domain::SystemNowMicros();
  r.refund_tender_type = TenderType::kCash;
  r.lines = {{1, 1000, false, 0}};
  EXPECT_EQ(sales_.RecordReturn(ctx_, r).status().reason(), "SALE_VOIDED");
  EXPECT_EQ(sales_.VoidSale(ctx_, "S1", "nope", "x").status().code(),
            StatusCode::kNotFound);
  ExpectCleanLedger();
}

TEST_F(SalesRepositoryTest, AdjustmentsAreIdempotentAndListedAsMovements) {
  domain::StockAdjustment a{
      "adj-1", "S1", "P9", 5000, domain::AdjustmentReason::kCountCorrection,
      ""};
  auto first = inventory_.AdjustStock(ctx_, a);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->level.on_hand_milli, 5000);
  auto replay = inventory_.AdjustStock(ctx_, a);
  ASSERT_TRUE(replay.ok());
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(OnHand(9), 5000);
  a.quantity_delta_milli = 1;
  EXPECT_EQ(inventory_.AdjustStock(ctx_, a).status().reason(),
            "IDEMPOTENCY_KEY_REUSED");
  domain::StockAdjustment other{
      "adj-2", "S1", "P9", -1000, domain::AdjustmentReason::kOther, ""};
  EXPECT_EQ(inventory_.AdjustStock(ctx_, other).status().reason(),
            "INVALID_NOTE");

  ASSERT_TRUE(
      sales_.RecordSale(ctx_, MakeSale("m-1", "T1", 1, {{9, 6000}})).ok());
  auto negative =
      inventory_.ListStockLevels(ctx_, "S1", {false, true, ""}, 100, "");
  ASSERT_TRUE(negative.ok());
  ASSERT_EQ(negative->items.size(), 1u);
  EXPECT_EQ(negative->items[0].sku, "P9");
  EXPECT_EQ(negative->items[0].on_hand_milli, -1000);
  domain::MovementFilter filter;
  filter.sku = "P9";
  auto movements = inventory_.ListStockMovements(ctx_, "S1", filter, 1, "");
  ASSERT_TRUE(movements.ok());
  ASSERT_EQ(movements->items.size(), 1u);
  EXPECT_EQ(movements->items[0].type, domain::MovementType::kSale);
  auto older = inventory_.ListStockMovements(ctx_, "S1", filter, 10,
                                             movements->next_page_token);
  ASSERT_TRUE(older.ok());
  ASSERT_EQ(older->items.size(), 1u);
  EXPECT_EQ(older->items[0].type, domain::MovementType::kAdjustment);
  EXPECT_EQ(older->items[0].reason, "COUNT_CORRECTION");
  ExpectCleanLedger();
}

TEST_F(SalesRepositoryTest, VerifyFindsABalanceThatDriftedFromItsLedger) {
  ASSERT_TRUE(
      sales_.RecordSale(ctx_, MakeSale("d-1", "T1", 1, {{1, 1000}})).ok());
  ExpectCleanLedger();
  scratch_.Execute(
      "UPDATE stock_balances SET on_hand_milli = on_hand_milli + 7");
  scratch_.Execute("UPDATE sales SET total_minor = total_minor + 1");
  scratch_.Execute("UPDATE sale_lines SET returned_quantity_milli = 1");
  auto report = reconciliation_.VerifyLedger(ctx_, "S1");
  ASSERT_TRUE(report.ok());
  std::set<std::string> kinds;
  for (const auto& v : report->violations) kinds.insert(v.kind);
  EXPECT_EQ(kinds, (std::set<std::string>{
                       "BALANCE_MISMATCH", "LOT_SUM_MISMATCH",
                       "SALE_TOTALS_MISMATCH", "RETURN_TOTALS_MISMATCH"}));
}

TEST_F(SalesRepositoryTest, SalesAreListedByTerminalAndBusinessDay) {
  for (int i = 1; i <= 5; ++i) {
    ASSERT_TRUE(
        sales_
            .RecordSale(ctx_, MakeSale("l-" + std::to_string(i),
                                       i <= 3 ? "T1" : "T2", i, {{1, 1000}}))
            .ok());
  }
  auto day = *domain::BusinessDay(domain::SystemNowMicros() - 1'000'000,
                                  "Asia/Jakarta");
  auto t1 = sales_.ListSales(ctx_, {"S1", "T1", day}, 2, "");
  ASSERT_TRUE(t1.ok()) << t1.status();
  ASSERT_EQ(t1->items.size(), 2u);
  EXPECT_EQ(t1->items[0].sale_id, "l-3");  // Newest first.
  auto rest = sales_.ListSales(ctx_, {"S1", "T1", day}, 2, t1->next_page_token);
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_TRUE(rest->next_page_token.empty());
  auto other_day = sales_.ListSales(ctx_, {"S1", "", "2001-01-01"}, 10, "");
  EXPECT_TRUE(other_day->items.empty());
  auto sale = sales_.GetSale(ctx_, "S1", "l-4");
  ASSERT_TRUE(sale.ok());
  EXPECT_EQ(sale->terminal_code, "T2");
  EXPECT_EQ(sale->business_day, day);
  EXPECT_EQ(sale->lines.size(), 1u);
}

// Tills keep selling while head office imports a 1000-row product file that
// leaves most rows, the products being sold among them, unchanged: the
// import never locks an unchanged product, so no sale waits for a row lock
// (the tills' lock wait is 1 s), every sale succeeds, and the import's
// results are right.
TEST_F(SalesRepositoryTest, ImportOfMostlyUnchangedProductsDoesNotStallTills) {
  constexpr int kRows = 1000;
  constexpr int kTills = 4;
  constexpr int kImports = 3;
  std::vector<domain::ImportRow> rows;
  for (int p = 0; p < kRows; ++p) {
    domain::Product product;
    if (p < kProducts) {  // As the fixture stored them.
      product.sku = "P" + std::to_string(p);
      product.barcodes = {"899" + std::to_string(1000 + p)};
      product.display_name = "Product " + std::to_string(p);
      product.default_price = domain::Money{"IDR", 1000 + 100 * p};
    } else {
      product.sku = "X" + std::to_string(p);
      product.barcodes = {"700" + std::to_string(100000 + p)};
      product.display_name = "Extra " + std::to_string(p);
      product.default_price = domain::Money{"IDR", 2000};
    }
    product.unit_of_measure = "pcs";
    rows.push_back({p + 2, product, {}});
  }
  domain::Catalog catalog(catalog_repository_);
  auto created = catalog.ImportProducts(ctx_, rows);
  ASSERT_TRUE(created.ok()) << created.status();
  for (int p = 0; p < kRows; ++p) {
    ASSERT_EQ((*created)[p].outcome, p < kProducts
                                         ? domain::ImportOutcome::kUnchanged
                                         : domain::ImportOutcome::kCreated)
        << (*created)[p].sku;
  }

  // The tills' own pool waits for a row lock at most 1 s.
  auto config = Config();
  config.lock_wait_timeout_seconds = 1;
  config.io_timeout_seconds = 3;
  Database till_db(config);
  MySqlSalesRepository till_repository(till_db);
  domain::Sales tills(till_repository);

  const long long lock_waits_before = RowLockWaits();
  std::atomic<bool> importing{true};
  std::atomic<int> sold{0};
  std::vector<std::thread> threads;
  for (int t = 1; t <= kTills; ++t) {
    threads.emplace_back([&, t] {
      domain::RequestContext ctx = ctx_;
      for (int n = 1; importing.load() || n <= 10; ++n) {
        const std::string terminal = "T" + std::to_string(t);
        // Tills sell products of their own, so that they never wait for
        // each other: a row lock wait can only come from the import.
        Sale sale = MakeSale(terminal + "-" + std::to_string(n), terminal, n,
                             {{t - 1, 1000}, {t + kTills - 1, 500}});
        auto outcome = tills.RecordSale(ctx, sale);
        if (!outcome.ok()) {
          ADD_FAILURE() << "sale " << sale.sale_id << ": " << outcome.status();
          return;
        }
        ++sold;
      }
    });
  }
  // Each import changes the price of 10 extra products.
  for (int round = 1; round <= kImports; ++round) {
    for (int p = kProducts; p < 2 * kProducts; ++p) {
      rows[p].product.default_price.minor_units = 2000 + round;
    }
    auto imported = catalog.ImportProducts(ctx_, rows);
    if (!imported.ok()) {
      ADD_FAILURE() << "import " << round << ": " << imported.status();
      break;
    }
    for (int p = 0; p < kRows; ++p) {
      EXPECT_EQ((*imported)[p].outcome, p >= kProducts && p < 2 * kProducts
                                            ? domain::ImportOutcome::kUpdated
                                            : domain::ImportOutcome::kUnchanged)
          << "import " << round << " " << (*imported)[p].sku;
    }
  }
  importing = false;
  for (auto& thread : threads) thread.join();
  // No statement of the tills or the imports waited for a row lock (a single
  // import transaction that locked every row made the tills wait here).
  EXPECT_EQ(RowLockWaits() - lock_waits_before, 0);

  EXPECT_GE(sold.load(), kTills * 10);
  EXPECT_EQ(scratch_.CountRows("sales"), sold.load());
  EXPECT_EQ(scratch_.CountRows("products WHERE sku LIKE 'X%' AND "
                               "default_price_minor = 2003"),
            kProducts);
  EXPECT_EQ(scratch_.CountRows("audit_records WHERE entity_type = 'product' "
                               "AND entity_id LIKE 'X%'"),
            (kRows - kProducts) + kImports * kProducts);
  ExpectCleanLedger();
}

}  // namespace
}  // namespace backoffice::storage
