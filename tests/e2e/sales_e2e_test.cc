// Sales through the SDK against the real server process: who may post and
// void, retries that never double a sale, and a server killed in the middle
// of requests and of a backlog upload.
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "backoffice/client.h"
#include "run_concurrently.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using google::protobuf::util::TimeUtil;
using testing::RunningServer;
using testing::ScratchDatabase;

class SalesE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<ScratchDatabase>();
    server_ = std::make_unique<RunningServer>(scratch_->config());
    CatalogClient admin(server_->Connect(server_->admin_token()));
    for (const char* store : {"A", "B"}) {
      v1::CreateStoreRequest s;
      s.mutable_store()->set_code(store);
      s.mutable_store()->set_display_name(store);
      s.mutable_store()->set_time_zone("Asia/Makassar");
      s.mutable_store()->set_currency_code("IDR");
      ASSERT_TRUE(admin.CreateStore(s).ok());
      for (const char* till : {"T1", "T2"}) {
        v1::CreateTerminalRequest t;
        t.mutable_terminal()->set_store_code(store);
        t.mutable_terminal()->set_code(till);
        t.mutable_terminal()->set_display_name(till);
        t.mutable_terminal()->set_active(true);
        ASSERT_TRUE(admin.CreateTerminal(t).ok());
      }
    }
    for (int p = 0; p < 5; ++p) {
      v1::CreateProductRequest r;
      r.mutable_product()->set_sku("P" + std::to_string(p));
      r.mutable_product()->set_display_name("Product");
      r.mutable_product()->set_unit_of_measure("pcs");
      r.mutable_product()->mutable_default_price()->set_currency_code("IDR");
      r.mutable_product()->mutable_default_price()->set_minor_units(1000);
      r.mutable_product()->set_active(true);
      ASSERT_TRUE(admin.CreateProduct(r).ok());
    }
    head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
  }

  static v1::Sale MakeSale(const std::string& id, const std::string& store,
                           const std::string& till, long long receipt,
                           int product = 1) {
    v1::Sale sale;
    sale.set_sale_id(id);
    sale.set_store_code(store);
    sale.set_terminal_code(till);
    sale.set_cashier("ani");
    sale.set_receipt_number(receipt);
    *sale.mutable_sale_time() =
        TimeUtil::GetCurrentTime() - TimeUtil::SecondsToDuration(1);
    auto* line = sale.add_lines();
    line->set_line_number(1);
    line->set_sku("P" + std::to_string(product));
    line->set_quantity_milli(2000);
    line->set_unit_price_minor(1000);
    line->set_amount_minor(2000);
    auto* tender = sale.add_tenders();
    tender->set_type(v1::TENDER_TYPE_QRIS);
    tender->set_amount_minor(2000);
    return sale;
  }

  // A connection whose retries outlast a server restart.
  std::shared_ptr<Connection> Patient(const std::string& token) {
    ConnectionOptions options;
    options.address = server_->address();
    options.token = token;
    options.timeout = std::chrono::milliseconds(5000);
    options.retry.max_attempts = 60;
    options.retry.initial_backoff = std::chrono::milliseconds(50);
    options.retry.max_backoff = std::chrono::milliseconds(250);
    return *MakeConnection(options);
  }

  void ExpectCleanLedger() {
    ReconciliationClient reconciliation(server_->Connect(head_office_));
    auto report = reconciliation.VerifyLedger(v1::VerifyLedgerRequest());
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_EQ(report->violations_size(), 0) << report->DebugString();
  }

  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<RunningServer> server_;
  std::string head_office_;
};

TEST_F(SalesE2eTest, TillsPostForThemselvesAndOnlyManagersVoid) {
  const std::string till =
      server_->CreateToken(v1::ROLE_POS_TERMINAL, "A", "T1");
  const std::string staff = server_->CreateToken(v1::ROLE_STORE_STAFF, "A");
  const std::string manager_a =
      server_->CreateToken(v1::ROLE_STORE_MANAGER, "A");
  const std::string manager_b =
      server_->CreateToken(v1::ROLE_STORE_MANAGER, "B");
  SalesClient as_till(server_->Connect(till));
  v1::RecordSaleRequest own;
  *own.mutable_sale() = MakeSale("own-1", "A", "T1", 1);
  auto recorded = as_till.RecordSale(own);
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_FALSE(recorded->replayed());
  auto again = as_till.RecordSale(own);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed());

  v1::RecordSaleRequest other_till;
  *other_till.mutable_sale() = MakeSale("other-1", "A", "T2", 1);
  EXPECT_EQ(as_till.RecordSale(other_till).status().reason(),
            "TERMINAL_MISMATCH");

  v1::VoidSaleRequest void_request;
  void_request.set_store_code("A");
  void_request.set_sale_id("own-1");
  void_request.set_reason("customer changed mind");
  EXPECT_EQ(as_till.VoidSale(void_request).status().reason(),
            "ROLE_NOT_ALLOWED");
  EXPECT_EQ(SalesClient(server_->Connect(staff))
                .VoidSale(void_request)
                .status()
                .reason(),
            "ROLE_NOT_ALLOWED");
  EXPECT_EQ(SalesClient(server_->Connect(manager_b))
                .VoidSale(void_request)
                .status()
                .reason(),
            "STORE_OUT_OF_SCOPE");
  auto voided = SalesClient(server_->Connect(manager_a)).VoidSale(void_request);
  ASSERT_TRUE(voided.ok()) << voided.status();
  EXPECT_EQ(voided->sale().state(), v1::SALE_STATE_VOIDED);
  ExpectCleanLedger();
}

TEST_F(SalesE2eTest, BadSalesAreRefusedWithReasonsAndWriteNothing) {
  SalesClient sales(server_->Connect(head_office_));
  struct Case {
    const char* name;
    void (*mutate)(v1::Sale&);
    StatusCode code;
    const char* reason;
  };
  const Case cases[] = {
      {"no lines", [](v1::Sale& s) { s.clear_lines(); },
       StatusCode::kInvalidArgument, "NO_LINES"},
      {"zero quantity",
       [](v1::Sale& s) { s.mutable_lines(0)->set_quantity_milli(0); },
       StatusCode::kInvalidArgument, "INVALID_LINES_QUANTITY_MILLI"},
      {"totals",
       [](v1::Sale& s) { s.mutable_tenders(0)->set_amount_minor(1999); },
       StatusCode::kInvalidArgument, "TOTALS_MISMATCH"},
      {"unknown product",
       [](v1::Sale& s) { s.mutable_lines(0)->set_sku("NOPE"); },
       StatusCode::kNotFound, "PRODUCT_NOT_FOUND"},
      {"unknown terminal", [](v1::Sale& s) { s.set_terminal_code("T9"); },
       StatusCode::kNotFound, "TERMINAL_NOT_FOUND"},
      {"unknown customer",
       [](v1::Sale& s) {
         s.mutable_tenders(0)->set_type(v1::TENDER_TYPE_STORE_CREDIT);
         s.mutable_tenders(0)->set_customer_code("C404");
       },
       StatusCode::kNotFound, "CUSTOMER_NOT_FOUND"},
      {"future",
       [](v1::Sale& s) {
         *s.mutable_sale_time() =
             TimeUtil::GetCurrentTime() + TimeUtil::SecondsToDuration(3600);
       },
       StatusCode::kInvalidArgument, "SALE_TIME_IN_FUTURE"},
      {"thousands of lines",
       [](v1::Sale& s) {
         for (int i = 2; i <= 3000; ++i) {
           auto* l = s.add_lines();
           *l = s.lines(0);
           l->set_line_number(i);
         }
       },
       StatusCode::kInvalidArgument, "TOO_MANY_LINES"},
      {"over-long cashier",
       [](v1::Sale& s) { s.set_cashier(std::string(300, 'c')); },
       StatusCode::kInvalidArgument, "INVALID_CASHIER"},
  };
  for (const auto& c : cases) {
    v1::RecordSaleRequest request;
    *request.mutable_sale() = MakeSale("bad", "A", "T1", 1);
    c.mutate(*request.mutable_sale());
    auto result = sales.RecordSale(request);
    EXPECT_EQ(result.status().code(), c.code)
        << c.name << ": " << result.status();
    EXPECT_EQ(result.status().reason(), c.reason)
        << c.name << ": " << result.status();
  }
  // A sale of another store's terminal: that store has no such till.
  v1::RecordSaleRequest foreign;
  *foreign.mutable_sale() = MakeSale("foreign", "B", "T3", 1);
  EXPECT_EQ(sales.RecordSale(foreign).status().reason(), "TERMINAL_NOT_FOUND");
  for (const char* table : {"sales", "sale_lines", "sale_tenders",
                            "stock_movements", "stock_balances"}) {
    EXPECT_EQ(scratch_->CountRows(table), 0) << table;
  }
  EXPECT_EQ(scratch_->CountRows("audit_records WHERE entity_type = 'sale'"), 0);
}

TEST_F(SalesE2eTest, ZeroTotalSalesAreRecordedAndMoveStock) {
  SalesClient sales(server_->Connect(head_office_));
  // A free giveaway: unit price 0, nothing tendered.
  v1::RecordSaleRequest free;
  *free.mutable_sale() = MakeSale("free-1", "A", "T1", 1, 3);
  free.mutable_sale()->mutable_lines(0)->set_unit_price_minor(0);
  free.mutable_sale()->mutable_lines(0)->set_amount_minor(0);
  free.mutable_sale()->clear_tenders();
  auto recorded = sales.RecordSale(free);
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_FALSE(recorded->replayed());
  EXPECT_EQ(recorded->sale().total_minor(), 0);
  auto again = sales.RecordSale(free);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->replayed());

  // A fully discounted line, with a zero cash tender as tills print it.
  v1::RecordSaleRequest discounted;
  *discounted.mutable_sale() = MakeSale("free-2", "A", "T1", 2, 3);
  discounted.mutable_sale()->mutable_lines(0)->set_discount_minor(2000);
  discounted.mutable_sale()->mutable_tenders(0)->set_type(v1::TENDER_TYPE_CASH);
  discounted.mutable_sale()->mutable_tenders(0)->set_amount_minor(0);
  auto second = sales.RecordSale(discounted);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->sale().total_minor(), 0);

  // Something to pay still needs a tender that pays it.
  v1::RecordSaleRequest unpaid;
  *unpaid.mutable_sale() = MakeSale("unpaid-1", "A", "T1", 3, 3);
  unpaid.mutable_sale()->clear_tenders();
  EXPECT_EQ(sales.RecordSale(unpaid).status().reason(), "NO_TENDERS");

  InventoryClient inventory(server_->Connect(head_office_));
  v1::GetStockLevelRequest level;
  level.set_store_code("A");
  level.set_sku("P3");
  auto stock = inventory.GetStockLevel(level);
  ASSERT_TRUE(stock.ok()) << stock.status();
  EXPECT_EQ(stock->stock_level().on_hand_milli(), -4000);
  EXPECT_EQ(scratch_->CountRows("sales"), 2);
  EXPECT_EQ(scratch_->CountRows("stock_movements"), 2);
  ExpectCleanLedger();

  // A free sale is returned and voided like any other.
  v1::VoidSaleRequest void_request;
  void_request.set_store_code("A");
  void_request.set_sale_id("free-1");
  void_request.set_reason("test");
  auto voided = sales.VoidSale(void_request);
  ASSERT_TRUE(voided.ok()) << voided.status();
  ExpectCleanLedger();
}

TEST_F(SalesE2eTest, HotProductFromSixteenTillsReachesNoClientAsAConflict) {
  constexpr int kThreads = 16;
  constexpr int kSalesPerThread = 100;
  std::atomic<long long> hot_sold{0};
  std::atomic<int> failures{0};
  testing::RunConcurrently(kThreads, [&](int t) {
    ConnectionOptions options;
    options.address = server_->address();
    options.token = head_office_;
    options.retry.max_attempts = 1;  // Whatever the server returns, we see.
    SalesClient sales(*MakeConnection(options));
    for (int i = 0; i < kSalesPerThread; ++i) {
      v1::RecordSaleRequest request;
      v1::Sale& sale = *request.mutable_sale();
      sale = MakeSale("hot-" + std::to_string(t) + "-" + std::to_string(i),
                      t % 2 ? "A" : "B", t % 4 < 2 ? "T1" : "T2",
                      t * 1000 + i + 1, 0);
      // The hot product 0 plus others, listed in an order that varies.
      for (int p = 1 + (i % 2); p < 5; p += 1 + (t % 2)) {
        auto* line = sale.add_lines();
        *line = sale.lines(0);
        line->set_line_number(sale.lines_size());
        line->set_sku("P" + std::to_string(p));
        sale.mutable_tenders(0)->set_amount_minor(
            sale.tenders(0).amount_minor() + 2000);
      }
      if (i % 3 == 0)
        std::swap(*sale.mutable_lines(0),
                  *sale.mutable_lines(sale.lines_size() - 1));
      for (int l = 0; l < sale.lines_size(); ++l)
        sale.mutable_lines(l)->set_line_number(l + 1);
      auto result = sales.RecordSale(request);
      if (!result.ok()) {
        ++failures;
        ADD_FAILURE() << result.status();
        continue;
      }
      if (t % 2 == 1) hot_sold += 2000;  // Store A's hot product.
    }
  });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(scratch_->CountRows("sales"), kThreads * kSalesPerThread);
  InventoryClient inventory(server_->Connect(head_office_));
  v1::GetStockLevelRequest level;
  level.set_store_code("A");
  level.set_sku("P0");
  auto hot = inventory.GetStockLevel(level);
  ASSERT_TRUE(hot.ok()) << hot.status();
  EXPECT_EQ(hot->stock_level().on_hand_milli(), -hot_sold.load());
  ExpectCleanLedger();
}

TEST_F(SalesE2eTest, ServerKilledMidRequestsLosesAndDoublesNothing) {
  constexpr int kSales = 300;
  std::atomic<int> done{0};
  std::atomic<int> failed{0};
  std::thread till([&] {
    SalesClient sales(Patient(head_office_));
    for (int i = 1; i <= kSales; ++i) {
      v1::RecordSaleRequest request;
      *request.mutable_sale() =
          MakeSale("kill-" + std::to_string(i), "A", "T1", i, i % 5);
      auto result = sales.RecordSale(request);
      if (!result.ok()) {
        ++failed;
        ADD_FAILURE() << "sale " << i << ": " << result.status();
      }
      ++done;
    }
  });
  while (done.load() < 60)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server_->Kill();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server_->Restart();
  till.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(scratch_->CountRows("sales"), kSales);
  EXPECT_EQ(scratch_->CountRows("stock_movements"), kSales);
  EXPECT_EQ(scratch_->CountRows("audit_records WHERE entity_type = 'sale'"),
            kSales);
  ExpectCleanLedger();
}

TEST_F(SalesE2eTest, ServerKilledMidBacklogThenSameBacklogAgainCountsEachOnce) {
  constexpr int kSales = 3000;
  std::vector<v1::Sale> backlog;
  for (int i = 1; i <= kSales; ++i) {
    backlog.push_back(MakeSale("bl-" + std::to_string(i), "B", "T2", i, i % 5));
  }
  std::thread upload([&] {
    ConnectionOptions options;
    options.address = server_->address();
    options.token = head_office_;
    options.retry.max_attempts = 1;  // This first upload is meant to die.
    SalesClient sales(*MakeConnection(options));
    (void)sales.UploadBacklog(backlog, 500);
  });
  // Kill it once some, but not all, of the backlog is committed.
  for (int i = 0; i < 400 && scratch_->CountRows("sales") < 600; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  server_->Kill();
  upload.join();
  const long long before_restart = scratch_->CountRows("sales");
  EXPECT_LT(before_restart, kSales);
  server_->Restart();

  SalesClient sales(Patient(head_office_));
  auto results = sales.UploadBacklog(backlog, 500);
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->size(), backlog.size());
  long long replayed = 0;
  for (const auto& r : *results) {
    EXPECT_TRUE(r.recorded()) << r.sale_id() << " " << r.reason();
    replayed += r.replayed() ? 1 : 0;
  }
  EXPECT_EQ(replayed, before_restart);
  EXPECT_EQ(scratch_->CountRows("sales"), kSales);
  EXPECT_EQ(scratch_->CountRows("stock_movements"), kSales);
  ExpectCleanLedger();
}

}  // namespace
}  // namespace backoffice

namespace backoffice {
namespace {

// Issue 6, B2: a client document id belongs to its store. Before, a till of
// store A that used an id first got store B's real sale with that id refused
// for good, and learned that the id existed elsewhere.
TEST_F(SalesE2eTest, DocumentIdsAreScopedToTheirStore) {
  const std::string till_a =
      server_->CreateToken(v1::ROLE_POS_TERMINAL, "A", "T1");
  const std::string till_b =
      server_->CreateToken(v1::ROLE_POS_TERMINAL, "B", "T1");
  SalesClient sales_a(server_->Connect(till_a));
  SalesClient sales_b(server_->Connect(till_b));
  v1::RecordSaleRequest in_a;
  *in_a.mutable_sale() = MakeSale("shared-id", "A", "T1", 1, 1);
  v1::RecordSaleRequest in_b;
  *in_b.mutable_sale() = MakeSale("shared-id", "B", "T1", 1, 2);
  auto first = sales_a.RecordSale(in_a);
  ASSERT_TRUE(first.ok()) << first.status();
  auto second = sales_b.RecordSale(in_b);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_FALSE(second->replayed());
  EXPECT_EQ(second->sale().store_code(), "B");
  EXPECT_EQ(second->sale().currency_code(), "IDR");
  // Each store reads its own sale under the shared id.
  SalesClient head(server_->Connect(head_office_));
  v1::GetSaleRequest get_b;
  get_b.set_store_code("B");
  get_b.set_sale_id("shared-id");
  auto read_b = head.GetSale(get_b);
  ASSERT_TRUE(read_b.ok()) << read_b.status();
  EXPECT_EQ(read_b->sale().lines(0).sku(), "P2");
  // Sending B's sale again is a replay of B's, not a clash with A's.
  auto again = sales_b.RecordSale(in_b);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->replayed());

  // Returns and adjustments too.
  for (const auto& [client, store] :
       {std::make_pair(&sales_a, "A"), std::make_pair(&sales_b, "B")}) {
    v1::RecordReturnRequest r;
    auto* ret = r.mutable_sale_return();
    ret->set_return_id("shared-return");
    ret->set_store_code(store);
    ret->set_terminal_code("T1");
    ret->set_cashier("ani");
    ret->set_sale_id("shared-id");
    *ret->mutable_return_time() = TimeUtil::GetCurrentTime();
    auto* line = ret->add_lines();
    line->set_sale_line_number(1);
    line->set_quantity_milli(1000);
    ret->set_refund_tender_type(v1::TENDER_TYPE_CASH);
    auto recorded = client->RecordReturn(r);
    ASSERT_TRUE(recorded.ok()) << store << ": " << recorded.status();
    EXPECT_FALSE(recorded->replayed()) << store;
    EXPECT_EQ(recorded->sale_return().currency_code(), "IDR");
  }
  InventoryClient inventory(server_->Connect(head_office_));
  for (const char* store : {"A", "B"}) {
    v1::AdjustStockRequest adjust;
    adjust.set_adjustment_id("shared-adjustment");
    adjust.set_store_code(store);
    adjust.set_sku("P3");
    adjust.set_quantity_delta_milli(5000);
    adjust.set_reason(v1::ADJUSTMENT_REASON_COUNT_CORRECTION);
    auto adjusted = inventory.AdjustStock(adjust);
    ASSERT_TRUE(adjusted.ok()) << store << ": " << adjusted.status();
    EXPECT_FALSE(adjusted->replayed()) << store;
  }
  ExpectCleanLedger();
}

}  // namespace
}  // namespace backoffice

namespace backoffice {
namespace {

// Issue 6, B1: a deactivated till stops posting at once; an inactive credit
// customer gets no new credit; a sale of an inactive product is recorded
// (it happened) and carries an exception for the manager.
TEST_F(SalesE2eTest, DeactivatedTillsAndInactiveCustomersPostNothing) {
  const std::string till =
      server_->CreateToken(v1::ROLE_POS_TERMINAL, "A", "T1");
  const std::string manager = server_->CreateToken(v1::ROLE_STORE_MANAGER, "A");
  SalesClient as_till(server_->Connect(till));
  v1::RecordSaleRequest before;
  *before.mutable_sale() = MakeSale("before-1", "A", "T1", 1);
  ASSERT_TRUE(as_till.RecordSale(before).ok());

  CatalogClient as_manager(server_->Connect(manager));
  v1::UpdateTerminalRequest deactivate;
  deactivate.mutable_terminal()->set_store_code("A");
  deactivate.mutable_terminal()->set_code("T1");
  deactivate.mutable_terminal()->set_active(false);
  deactivate.mutable_update_mask()->add_paths("active");
  ASSERT_TRUE(as_manager.UpdateTerminal(deactivate).ok());

  v1::RecordSaleRequest after;
  *after.mutable_sale() = MakeSale("after-1", "A", "T1", 2);
  auto refused = as_till.RecordSale(after);
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().reason(), "TERMINAL_INACTIVE");
  v1::UploadSalesRequest upload;
  *upload.add_sales() = MakeSale("after-2", "A", "T1", 3);
  auto uploaded = as_till.UploadSales(upload);
  ASSERT_TRUE(uploaded.ok()) << uploaded.status();
  ASSERT_EQ(uploaded->results_size(), 1);
  EXPECT_EQ(uploaded->results(0).reason(), "TERMINAL_INACTIVE");
  v1::RecordReturnRequest r;
  auto* ret = r.mutable_sale_return();
  ret->set_return_id("ret-after");
  ret->set_store_code("A");
  ret->set_terminal_code("T1");
  ret->set_cashier("ani");
  ret->set_sale_id("before-1");
  *ret->mutable_return_time() = TimeUtil::GetCurrentTime();
  auto* line = ret->add_lines();
  line->set_sale_line_number(1);
  line->set_quantity_milli(1000);
  ret->set_refund_tender_type(v1::TENDER_TYPE_CASH);
  EXPECT_EQ(as_till.RecordReturn(r).status().reason(), "TERMINAL_INACTIVE");
  // The sale sent before deactivation is still acknowledged as a replay.
  auto replay = as_till.RecordSale(before);
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->replayed());

  // An inactive credit customer.
  CatalogClient admin(server_->Connect(server_->admin_token()));
  v1::CreateCustomerRequest customer;
  customer.mutable_customer()->set_store_code("A");
  customer.mutable_customer()->set_code("C1");
  customer.mutable_customer()->set_display_name("Bu Sri");
  customer.mutable_customer()->mutable_credit_limit()->set_currency_code("IDR");
  customer.mutable_customer()->mutable_credit_limit()->set_minor_units(100000);
  customer.mutable_customer()->set_active(false);
  ASSERT_TRUE(admin.CreateCustomer(customer).ok());
  SalesClient as_t2(
      server_->Connect(server_->CreateToken(v1::ROLE_POS_TERMINAL, "A", "T2")));
  v1::RecordSaleRequest on_credit;
  *on_credit.mutable_sale() = MakeSale("credit-1", "A", "T2", 1);
  on_credit.mutable_sale()->mutable_tenders(0)->set_type(
      v1::TENDER_TYPE_STORE_CREDIT);
  on_credit.mutable_sale()->mutable_tenders(0)->set_customer_code("C1");
  auto credit = as_t2.RecordSale(on_credit);
  EXPECT_EQ(credit.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(credit.status().reason(), "CUSTOMER_INACTIVE");

  // A product marked inactive still sells, with an exception.
  v1::UpdateProductRequest retire;
  retire.mutable_product()->set_sku("P4");
  retire.mutable_product()->set_active(false);
  retire.mutable_update_mask()->add_paths("active");
  ASSERT_TRUE(admin.UpdateProduct(retire).ok());
  v1::RecordSaleRequest retired;
  *retired.mutable_sale() = MakeSale("retired-1", "A", "T2", 2, 4);
  auto sold = as_t2.RecordSale(retired);
  ASSERT_TRUE(sold.ok()) << sold.status();
  ASSERT_EQ(sold->sale().exceptions_size(), 1);
  EXPECT_EQ(sold->sale().exceptions(0).kind(), "PRODUCT_INACTIVE");
  EXPECT_EQ(sold->sale().exceptions(0).line_number(), 1);
  SalesClient head(server_->Connect(head_office_));
  v1::GetSaleRequest get;
  get.set_store_code("A");
  get.set_sale_id("retired-1");
  auto read = head.GetSale(get);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->sale().exceptions_size(), 1);
  ExpectCleanLedger();
}

}  // namespace
}  // namespace backoffice
