// Goods receipts through the real server and the SDK: segregation of duties
// between an order's approver and its receiver, a partial receipt with a
// damaged rejection, over-receipts refused or sent for approval and
// approved by a second manager, replays, concurrent receipts of one order,
// FEFO over three lots with a return going back to its lot, the
// moving-average cost at zero, below zero and weighted (and the cost of
// every sale line), and a SIGKILL of the server while receipts are posted.
// Lots, movements and costs are checked in the database as well as by
// verify.
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <functional>
#include <set>
#include <thread>
#include <utility>

#include "backoffice/client.h"
#include "run_concurrently.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using google::protobuf::util::TimeUtil;
using testing::RunConcurrently;
using testing::RunningServer;
using testing::ScratchDatabase;

// A line to receive; what is rejected is rejected as damaged.
struct ReceiptLine {
  ReceiptLine(std::string sku, std::int64_t received_milli,
              std::int64_t rejected_milli = 0, std::string lot_code = "",
              std::string expiry_date = "", std::int64_t unit_cost_minor = -1)
      : sku(std::move(sku)),
        received_milli(received_milli),
        rejected_milli(rejected_milli),
        lot_code(std::move(lot_code)),
        expiry_date(std::move(expiry_date)),
        unit_cost_minor(unit_cost_minor) {}
  std::string sku;
  std::int64_t received_milli;
  std::int64_t rejected_milli;
  std::string lot_code;
  std::string expiry_date;
  std::int64_t unit_cost_minor;  // -1: the order's.
};

class GoodsReceiptE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      storage::DatabaseConfig config = scratch_->config();
      config.pool_size = 2;
      db_ = new storage::Database(config);
      CatalogClient admin(server_->Connect(server_->admin_token()));
      v1::CreateStoreRequest s;
      s.mutable_store()->set_code("GR");
      s.mutable_store()->set_display_name("Toko GR");
      // UTC+7 all year: the test computes the store's day itself.
      s.mutable_store()->set_time_zone("Asia/Jakarta");
      s.mutable_store()->set_currency_code("IDR");
      Must(admin.CreateStore(s).status());
      v1::CreateTerminalRequest t;
      t.mutable_terminal()->set_store_code("GR");
      t.mutable_terminal()->set_code("T1");
      t.mutable_terminal()->set_display_name("T1");
      t.mutable_terminal()->set_active(true);
      Must(admin.CreateTerminal(t).status());
      v1::CreateSupplierRequest supplier;
      supplier.mutable_supplier()->set_code("GR-SUP");
      supplier.mutable_supplier()->set_display_name("PT Pemasok");
      supplier.mutable_supplier()->set_payment_terms_days(30);
      supplier.mutable_supplier()->set_active(true);
      Must(admin.CreateSupplier(supplier).status());
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      staff_ = server_->CreateToken(v1::ROLE_STORE_STAFF, "GR");
      manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, "GR");
      manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, "GR");
      manager_c_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, "GR");
      // Products without expiry, one per test, and MILK with a shelf life
      // of 60 days, sellable until 2 days before its expiry.
      for (const char* sku :
           {"GR-RICE", "GR-SOAP", "GR-SUGAR", "GR-OIL", "GR-FLOUR", "GR-TEA"}) {
        MakeProduct(sku, 0, 0, 1000);
      }
      MakeProduct("GR-MILK", 60, 2, 500);
    });
  }
  static void TearDownTestSuite() {
    delete db_;
    delete server_;
    delete scratch_;
  }
  static void Must(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.message());
  }

  static void MakeProduct(const std::string& sku, int shelf_life_days,
                          int sell_by_margin_days, std::int64_t unit_cost) {
    CatalogClient admin(server_->Connect(server_->admin_token()));
    v1::CreateProductRequest p;
    p.mutable_product()->set_sku(sku);
    p.mutable_product()->set_display_name(sku);
    p.mutable_product()->set_unit_of_measure("pcs");
    p.mutable_product()->mutable_default_price()->set_currency_code("IDR");
    p.mutable_product()->mutable_default_price()->set_minor_units(2000);
    p.mutable_product()->set_shelf_life_days(shelf_life_days);
    p.mutable_product()->set_sell_by_margin_days(sell_by_margin_days);
    p.mutable_product()->set_active(true);
    Must(admin.CreateProduct(p).status());
    v1::CreateSupplierItemRequest item;
    auto* i = item.mutable_supplier_item();
    i->set_supplier_code("GR-SUP");
    i->set_sku(sku);
    i->set_supplier_sku("S-" + sku);
    i->set_pack_size_milli(1000);
    i->set_min_order_quantity_milli(1000);
    i->mutable_unit_cost()->set_currency_code("IDR");
    i->mutable_unit_cost()->set_minor_units(unit_cost);
    i->set_tax_rate_basis_points(1100);
    i->set_lead_time_days(2);
    i->set_active(true);
    Must(PurchasingClient(server_->Connect(head_office_))
             .CreateSupplierItem(item)
             .status());
  }

  // An order of `quantity_milli` of `sku` created and submitted by staff,
  // approved by manager A.
  static void ApprovedOrder(const std::string& order_id, const std::string& sku,
                            std::int64_t quantity_milli) {
    PurchaseOrderClient staff(server_->Connect(staff_));
    v1::CreatePurchaseOrderRequest create;
    create.set_store_code("GR");
    create.set_order_id(order_id);
    create.set_supplier_code("GR-SUP");
    auto* line = create.add_lines();
    line->set_sku(sku);
    line->set_quantity_milli(quantity_milli);
    auto created = staff.CreatePurchaseOrder(create);
    ASSERT_TRUE(created.ok()) << created.status();
    v1::SubmitPurchaseOrderRequest submit;
    submit.set_store_code("GR");
    submit.set_order_id(order_id);
    submit.set_etag(created->purchase_order().etag());
    auto submitted = staff.SubmitPurchaseOrder(submit);
    ASSERT_TRUE(submitted.ok()) << submitted.status();
    v1::ApprovePurchaseOrderRequest approve;
    approve.set_store_code("GR");
    approve.set_order_id(order_id);
    approve.set_etag(submitted->purchase_order().etag());
    auto approved = PurchaseOrderClient(server_->Connect(manager_a_))
                        .ApprovePurchaseOrder(approve);
    ASSERT_TRUE(approved.ok()) << approved.status();
  }

  static v1::CreateGoodsReceiptRequest ReceiptRequest(
      const std::string& receipt_id, const std::string& order_id,
      const std::vector<ReceiptLine>& lines, bool request_approval = false) {
    v1::CreateGoodsReceiptRequest request;
    request.set_store_code("GR");
    request.set_receipt_id(receipt_id);
    request.set_order_id(order_id);
    request.set_supplier_document("DN-" + receipt_id);
    request.set_request_approval(request_approval);
    for (const ReceiptLine& l : lines) {
      auto* line = request.add_lines();
      line->set_sku(l.sku);
      line->set_received_milli(l.received_milli);
      line->set_rejected_milli(l.rejected_milli);
      if (l.rejected_milli > 0) {
        line->set_reject_reason(v1::REJECT_REASON_DAMAGED);
      }
      line->set_lot_code(l.lot_code);
      line->set_expiry_date(l.expiry_date);
      if (l.unit_cost_minor >= 0) {
        line->mutable_unit_cost()->set_currency_code("IDR");
        line->mutable_unit_cost()->set_minor_units(l.unit_cost_minor);
      }
    }
    return request;
  }

  static StatusOr<v1::CreateGoodsReceiptResponse> Receive(
      const std::string& token, const std::string& receipt_id,
      const std::string& order_id, const std::vector<ReceiptLine>& lines,
      bool request_approval = false) {
    return GoodsReceiptClient(server_->Connect(token))
        .CreateGoodsReceipt(
            ReceiptRequest(receipt_id, order_id, lines, request_approval));
  }

  static StatusOr<v1::ApproveGoodsReceiptResponse> Approve(
      const std::string& token, const std::string& receipt_id) {
    v1::ApproveGoodsReceiptRequest request;
    request.set_store_code("GR");
    request.set_receipt_id(receipt_id);
    return GoodsReceiptClient(server_->Connect(token))
        .ApproveGoodsReceipt(request);
  }

  static std::int64_t OnHand(const std::string& sku) {
    v1::GetStockLevelRequest request;
    request.set_store_code("GR");
    request.set_sku(sku);
    auto level =
        InventoryClient(server_->Connect(head_office_)).GetStockLevel(request);
    if (!level.ok()) {
      ADD_FAILURE() << "stock of " << sku << ": " << level.status();
      return -1;
    }
    return level->stock_level().on_hand_milli();
  }

  static v1::PurchaseOrder Order(const std::string& order_id) {
    v1::GetPurchaseOrderRequest request;
    request.set_store_code("GR");
    request.set_order_id(order_id);
    auto order = PurchaseOrderClient(server_->Connect(head_office_))
                     .GetPurchaseOrder(request);
    if (!order.ok()) {
      ADD_FAILURE() << "order " << order_id << ": " << order.status();
      return v1::PurchaseOrder();
    }
    return order->purchase_order();
  }

  // A sale of `quantity_milli` of `sku` at 2000 a unit on till T1.
  static void Sell(const std::string& sale_id, const std::string& sku,
                   std::int64_t quantity_milli) {
    static std::atomic<long long> receipt_number{0};
    v1::RecordSaleRequest request;
    v1::Sale& sale = *request.mutable_sale();
    sale.set_sale_id(sale_id);
    sale.set_store_code("GR");
    sale.set_terminal_code("T1");
    sale.set_cashier("ani");
    sale.set_receipt_number(++receipt_number);
    *sale.mutable_sale_time() =
        TimeUtil::GetCurrentTime() - TimeUtil::SecondsToDuration(1);
    v1::SaleLine& line = *sale.add_lines();
    line.set_line_number(1);
    line.set_sku(sku);
    line.set_quantity_milli(quantity_milli);
    line.set_unit_price_minor(2000);
    line.set_amount_minor(quantity_milli * 2);
    v1::Tender& tender = *sale.add_tenders();
    tender.set_type(v1::TENDER_TYPE_QRIS);
    tender.set_amount_minor(quantity_milli * 2);
    auto recorded =
        SalesClient(server_->Connect(head_office_)).RecordSale(request);
    ASSERT_TRUE(recorded.ok()) << sale_id << ": " << recorded.status();
  }

  // A return of `quantity_milli` of the one line of `sale_id`, restocked.
  static void Return(const std::string& return_id, const std::string& sale_id,
                     std::int64_t quantity_milli) {
    v1::RecordReturnRequest request;
    v1::SaleReturn& r = *request.mutable_sale_return();
    r.set_return_id(return_id);
    r.set_store_code("GR");
    r.set_terminal_code("T1");
    r.set_cashier("ani");
    r.set_sale_id(sale_id);
    *r.mutable_return_time() = TimeUtil::GetCurrentTime();
    v1::ReturnLine& line = *r.add_lines();
    line.set_sale_line_number(1);
    line.set_quantity_milli(quantity_milli);
    line.set_refund_minor(quantity_milli * 2);
    r.set_refund_tender_type(v1::TENDER_TYPE_CASH);
    r.set_refund_total_minor(quantity_milli * 2);
    r.set_currency_code("IDR");
    auto recorded =
        SalesClient(server_->Connect(head_office_)).RecordReturn(request);
    ASSERT_TRUE(recorded.ok()) << return_id << ": " << recorded.status();
  }

  // The rows of a query whose one column is text (CONCAT it), for
  // assertions only.
  static std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> out;
    domain::Status status = db_->WithSession([&](soci::session& session) {
      soci::rowset<std::string> rows = (session.prepare << sql);
      for (const std::string& row : rows) out.push_back(row);
      return domain::Status();
    });
    if (!status.ok()) ADD_FAILURE() << sql << ": " << status;
    return out;
  }
  static std::string One(const std::string& sql) {
    const auto rows = Rows(sql);
    if (rows.size() == 1) return rows[0];
    return "<" + std::to_string(rows.size()) + " rows>";
  }

  // The lots of a product as "code expiry quantity", by expiry then id.
  static std::vector<std::string> Lots(const std::string& sku) {
    return Rows(
        "SELECT CONCAT(l.lot_code, ' ', IFNULL(l.expiry_date, 'never'), ' ', "
        "l.quantity_milli) FROM stock_lots l JOIN products p ON p.id = "
        "l.product_id WHERE p.sku = '" +
        sku + "' ORDER BY l.expiry_key, l.id");
  }

  // The lots a sale's or return's movement took or gave, in order, as
  // "code quantity".
  static std::vector<std::string> MovementLots(const std::string& type,
                                               const std::string& key) {
    return Rows(
        "SELECT CONCAT(l.lot_code, ' ', ml.quantity_milli) FROM "
        "stock_movements m JOIN stock_movement_lots ml ON ml.movement_id = "
        "m.id JOIN stock_lots l ON l.id = ml.lot_id WHERE m.movement_type = '" +
        type + "' AND m.document_key = '" + key + "' ORDER BY ml.sequence");
  }

  // "unit_cost cost" of a sale's line 1.
  static std::string SaleCost(const std::string& sale_id) {
    return One(
        "SELECT CONCAT(l.unit_cost_minor, ' ', l.cost_minor) FROM sale_lines "
        "l JOIN sales s ON s.id = l.sale_pk WHERE s.sale_id = '" +
        sale_id + "' AND l.line_number = 1");
  }

  static std::string AverageCost(const std::string& sku) {
    return One(
        "SELECT CONCAT(b.average_unit_cost_minor) FROM stock_balances b JOIN "
        "products p ON p.id = b.product_id WHERE p.sku = '" +
        sku + "'");
  }

  // The store's day (Asia/Jakarta, UTC+7) `days` from today.
  static std::string Day(int days) {
    const std::time_t t = std::time(nullptr) + 7 * 3600 + days * 86400LL;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[16];
    std::strftime(text, sizeof(text), "%Y-%m-%d", &tm);
    return text;
  }

  static void ExpectCleanLedger() {
    auto report = ReconciliationClient(server_->Connect(head_office_))
                      .VerifyLedger(v1::VerifyLedgerRequest());
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_EQ(report->violations_size(), 0) << report->DebugString();
  }

  static inline ScratchDatabase* scratch_ = nullptr;
  static inline RunningServer* server_ = nullptr;
  static inline storage::Database* db_ = nullptr;
  static inline std::string head_office_;
  static inline std::string staff_;
  static inline std::string manager_a_;
  static inline std::string manager_b_;
  static inline std::string manager_c_;
};

TEST_F(GoodsReceiptE2eTest, SegregationPartialReceiptAndApprovedOverReceipt) {
  ASSERT_NO_FATAL_FAILURE(ApprovedOrder("GR-PO-1", "GR-RICE", 10000));

  // Manager A approved the order: A does not receive it.
  auto by_approver =
      Receive(manager_a_, "GR1-A", "GR-PO-1", {{"GR-RICE", 1000}});
  EXPECT_EQ(by_approver.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(by_approver.status().reason(), "SEGREGATION_OF_DUTIES");
  EXPECT_EQ(scratch_->CountRows("goods_receipts WHERE receipt_id = 'GR1-A'"),
            0);

  // Staff receive 4 and send 1 back damaged: posted at once.
  auto partial = Receive(staff_, "GR1-1", "GR-PO-1", {{"GR-RICE", 4000, 1000}});
  ASSERT_TRUE(partial.ok()) << partial.status();
  const v1::GoodsReceipt& posted = partial->goods_receipt();
  EXPECT_FALSE(partial->replayed());
  EXPECT_EQ(posted.state(), v1::GOODS_RECEIPT_STATE_POSTED);
  EXPECT_EQ(posted.total_cost().minor_units(), 4000);
  EXPECT_EQ(posted.total_tax().minor_units(), 440);
  EXPECT_EQ(posted.payable_amount().minor_units(), 4440);
  EXPECT_EQ(posted.payable_amount().currency_code(), "IDR");
  EXPECT_EQ(posted.business_day(), Day(0));
  EXPECT_EQ(posted.payable_due_date(), Day(30));
  ASSERT_EQ(posted.lines_size(), 1);
  EXPECT_EQ(posted.lines(0).rejected_milli(), 1000);
  EXPECT_EQ(posted.lines(0).reject_reason(), v1::REJECT_REASON_DAMAGED);
  EXPECT_EQ(OnHand("GR-RICE"), 4000);
  v1::PurchaseOrder order = Order("GR-PO-1");
  EXPECT_EQ(order.state(), v1::PURCHASE_ORDER_STATE_PARTIALLY_RECEIVED);
  ASSERT_EQ(order.lines_size(), 1);
  EXPECT_EQ(order.lines(0).received_milli(), 4000);
  EXPECT_EQ(order.lines(0).rejected_milli(), 1000);
  EXPECT_EQ(One("SELECT CONCAT(COUNT(*), ' ', SUM(amount_minor), ' ', "
                "SUM(tax_minor), ' ', MAX(due_day)) FROM supplier_payables "
                "y JOIN goods_receipts g ON g.id = y.receipt_pk WHERE "
                "g.receipt_id = 'GR1-1'"),
            "1 4440 440 " + Day(30));

  // 4 + 7 exceeds the 10 ordered (the store's tolerance is 0): refused, and
  // nothing changes.
  auto over = Receive(manager_b_, "GR1-2", "GR-PO-1", {{"GR-RICE", 7000}});
  EXPECT_EQ(over.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(over.status().reason(), "OVER_RECEIPT");
  EXPECT_EQ(OnHand("GR-RICE"), 4000);
  EXPECT_EQ(Order("GR-PO-1").lines(0).received_milli(), 4000);
  EXPECT_EQ(scratch_->CountRows("goods_receipts WHERE receipt_id = 'GR1-2'"),
            0);

  // Asked for approval, it waits, posting nothing.
  auto pending = Receive(manager_b_, "GR1-2", "GR-PO-1", {{"GR-RICE", 7000}},
                         /*request_approval=*/true);
  ASSERT_TRUE(pending.ok()) << pending.status();
  EXPECT_EQ(pending->goods_receipt().state(),
            v1::GOODS_RECEIPT_STATE_PENDING_APPROVAL);
  EXPECT_EQ(pending->goods_receipt().approval_reason(),
            v1::RECEIPT_APPROVAL_REASON_OVER_RECEIPT);
  EXPECT_EQ(pending->goods_receipt().payable_due_date(), "");
  EXPECT_EQ(OnHand("GR-RICE"), 4000);
  EXPECT_EQ(Order("GR-PO-1").lines(0).received_milli(), 4000);
  EXPECT_EQ(scratch_->CountRows(
                "supplier_payables WHERE receipt_pk IN (SELECT id FROM " +
                scratch_->config().database +
                ".goods_receipts WHERE receipt_id = 'GR1-2')"),
            0);

  // Its receiver does not approve it; staff cannot; another manager does.
  auto self = Approve(manager_b_, "GR1-2");
  EXPECT_EQ(self.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(self.status().reason(), "SELF_APPROVAL_FORBIDDEN");
  EXPECT_EQ(Approve(staff_, "GR1-2").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(OnHand("GR-RICE"), 4000);
  auto approved = Approve(manager_c_, "GR1-2");
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->goods_receipt().state(), v1::GOODS_RECEIPT_STATE_POSTED);
  EXPECT_EQ(approved->goods_receipt().payable_amount().minor_units(), 7770);
  EXPECT_EQ(approved->goods_receipt().payable_due_date(), Day(30));
  EXPECT_EQ(OnHand("GR-RICE"), 11000);
  order = Order("GR-PO-1");
  EXPECT_EQ(order.state(), v1::PURCHASE_ORDER_STATE_RECEIVED);
  EXPECT_EQ(order.lines(0).received_milli(), 11000);
  EXPECT_EQ(order.lines(0).rejected_milli(), 1000);
  // Approving it again returns it, posting nothing more.
  auto again = Approve(manager_c_, "GR1-2");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->goods_receipt().state(), v1::GOODS_RECEIPT_STATE_POSTED);
  EXPECT_EQ(OnHand("GR-RICE"), 11000);
  EXPECT_EQ(scratch_->CountRows(
                "supplier_payables WHERE receipt_pk IN (SELECT id FROM " +
                scratch_->config().database +
                ".goods_receipts WHERE order_pk IS NOT NULL AND receipt_id "
                "LIKE 'GR1-%')"),
            2);
  // A received order takes nothing more.
  auto closed = Receive(staff_, "GR1-3", "GR-PO-1", {{"GR-RICE", 1000}});
  EXPECT_EQ(closed.status().reason(), "ORDER_NOT_RECEIVABLE");
  ExpectCleanLedger();
}

TEST_F(GoodsReceiptE2eTest, AReplayChangesNothingAndOtherContentIsRefused) {
  ASSERT_NO_FATAL_FAILURE(ApprovedOrder("GR-PO-2", "GR-SOAP", 10000));
  auto first = Receive(staff_, "GR2-1", "GR-PO-2", {{"GR-SOAP", 3000}});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->replayed());
  auto replay = Receive(staff_, "GR2-1", "GR-PO-2", {{"GR-SOAP", 3000}});
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->replayed());
  EXPECT_EQ(replay->goods_receipt().state(), v1::GOODS_RECEIPT_STATE_POSTED);
  EXPECT_EQ(replay->goods_receipt().payable_amount().minor_units(), 3330);
  EXPECT_EQ(OnHand("GR-SOAP"), 3000);
  EXPECT_EQ(Order("GR-PO-2").lines(0).received_milli(), 3000);
  auto reused = Receive(staff_, "GR2-1", "GR-PO-2", {{"GR-SOAP", 4000}});
  EXPECT_EQ(reused.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(reused.status().reason(), "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(OnHand("GR-SOAP"), 3000);
  EXPECT_EQ(scratch_->CountRows(
                "supplier_payables WHERE receipt_pk IN (SELECT id FROM " +
                scratch_->config().database +
                ".goods_receipts WHERE receipt_id = 'GR2-1')"),
            1);
  EXPECT_EQ(scratch_->CountRows("stock_movements WHERE document_key = "
                                "'GR2-1' AND movement_type = 'RECEIPT'"),
            1);
  v1::GetGoodsReceiptRequest get;
  get.set_store_code("GR");
  get.set_receipt_id("GR2-1");
  auto got = GoodsReceiptClient(server_->Connect(staff_)).GetGoodsReceipt(get);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->goods_receipt().lines(0).received_milli(), 3000);
  ExpectCleanLedger();
}

// Eight receivers at once each bring 3 of an order of 10: the order's lock
// lets exactly three through; the others exceed it.
TEST_F(GoodsReceiptE2eTest, ConcurrentReceiptsNeverExceedTheOrder) {
  ASSERT_NO_FATAL_FAILURE(ApprovedOrder("GR-PO-3", "GR-SUGAR", 10000));
  constexpr int kReceivers = 8;
  std::atomic<int> posted{0};
  std::atomic<int> over{0};
  RunConcurrently(kReceivers, [&](int i) {
    auto r =
        Receive(i % 2 == 0 ? staff_ : manager_b_, "GR3-" + std::to_string(i),
                "GR-PO-3", {{"GR-SUGAR", 3000}});
    if (r.ok()) {
      EXPECT_EQ(r->goods_receipt().state(), v1::GOODS_RECEIPT_STATE_POSTED);
      ++posted;
    } else if (r.status().reason() == "OVER_RECEIPT") {
      ++over;
    } else {
      ADD_FAILURE() << "receiver " << i << ": " << r.status();
    }
  });
  EXPECT_EQ(posted.load(), 3);
  EXPECT_EQ(over.load(), kReceivers - 3);
  v1::PurchaseOrder order = Order("GR-PO-3");
  EXPECT_EQ(order.lines(0).received_milli(), 9000);
  EXPECT_EQ(order.state(), v1::PURCHASE_ORDER_STATE_PARTIALLY_RECEIVED);
  EXPECT_EQ(OnHand("GR-SUGAR"), 9000);
  EXPECT_EQ(One("SELECT CONCAT(COUNT(*), ' ', SUM(l.received_milli)) FROM "
                "goods_receipts g JOIN goods_receipt_lines l ON l.receipt_pk "
                "= g.id WHERE g.receipt_id LIKE 'GR3-%' AND g.state = "
                "'POSTED'"),
            "3 9000");
  EXPECT_EQ(scratch_->CountRows(
                "supplier_payables WHERE receipt_pk IN (SELECT id FROM " +
                scratch_->config().database +
                ".goods_receipts WHERE receipt_id LIKE 'GR3-%')"),
            3);
  ExpectCleanLedger();
}

// Three lots expiring in 30, 10 and 20 days: sales take the one expiring
// first, then the next; a return goes back to the lot its sale took from;
// a lot no longer sellable and a lot without its number are refused.
TEST_F(GoodsReceiptE2eTest, FirstExpiryFirstOutAndReturnsToTheirLot) {
  ASSERT_NO_FATAL_FAILURE(ApprovedOrder("GR-PO-4", "GR-MILK", 40000));
  const std::string in10 = Day(10);
  const std::string in20 = Day(20);
  const std::string in30 = Day(30);
  auto no_lot =
      Receive(staff_, "GR4-0", "GR-PO-4", {{"GR-MILK", 1000, 0, "", in10}});
  EXPECT_EQ(no_lot.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(no_lot.status().reason(), "LOT_REQUIRED");
  auto no_expiry =
      Receive(staff_, "GR4-0", "GR-PO-4", {{"GR-MILK", 1000, 0, "L0", ""}});
  EXPECT_EQ(no_expiry.status().reason(), "EXPIRY_DATE_REQUIRED");
  // Expiring tomorrow, sellable until 2 days before: no longer.
  auto too_late =
      Receive(staff_, "GR4-0", "GR-PO-4", {{"GR-MILK", 1000, 0, "L0", Day(1)}});
  EXPECT_EQ(too_late.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(too_late.status().reason(), "LOT_NOT_SELLABLE");
  EXPECT_EQ(OnHand("GR-MILK"), 0);

  auto received = Receive(staff_, "GR4-1", "GR-PO-4",
                          {{"GR-MILK", 10000, 0, "L30", in30},
                           {"GR-MILK", 10000, 0, "L10", in10},
                           {"GR-MILK", 10000, 0, "L20", in20}});
  ASSERT_TRUE(received.ok()) << received.status();
  EXPECT_EQ(OnHand("GR-MILK"), 30000);
  EXPECT_EQ(Lots("GR-MILK"),
            (std::vector<std::string>{"L10 " + in10 + " 10000",
                                      "L20 " + in20 + " 10000",
                                      "L30 " + in30 + " 10000"}));

  ASSERT_NO_FATAL_FAILURE(Sell("GR4-S1", "GR-MILK", 12000));
  EXPECT_EQ(MovementLots("SALE", "GR4-S1"),
            (std::vector<std::string>{"L10 -10000", "L20 -2000"}));
  // The sale made the unknown lot (empty): what no lot covers goes there.
  EXPECT_EQ(Lots("GR-MILK"), (std::vector<std::string>{
                                 "L10 " + in10 + " 0", "L20 " + in20 + " 8000",
                                 "L30 " + in30 + " 10000", " never 0"}));
  // All at 500: the sale cost 12 x 500.
  EXPECT_EQ(SaleCost("GR4-S1"), "500 6000");

  // 3 come back: to the lot the sale took first.
  ASSERT_NO_FATAL_FAILURE(Return("GR4-R1", "GR4-S1", 3000));
  EXPECT_EQ(MovementLots("RETURN", "GR4-R1"),
            (std::vector<std::string>{"L10 3000"}));
  // 10 more come back, the rest of L10's 10 and then L20's 2.
  ASSERT_NO_FATAL_FAILURE(Return("GR4-R2", "GR4-S1", 9000));
  EXPECT_EQ(MovementLots("RETURN", "GR4-R2"),
            (std::vector<std::string>{"L10 7000", "L20 2000"}));
  EXPECT_EQ(Lots("GR-MILK"),
            (std::vector<std::string>{"L10 " + in10 + " 10000",
                                      "L20 " + in20 + " 10000",
                                      "L30 " + in30 + " 10000", " never 0"}));

  // The next sale takes L10 again, all of it, then L20.
  ASSERT_NO_FATAL_FAILURE(Sell("GR4-S2", "GR-MILK", 25000));
  EXPECT_EQ(
      MovementLots("SALE", "GR4-S2"),
      (std::vector<std::string>{"L10 -10000", "L20 -10000", "L30 -5000"}));
  // Beyond every lot, the rest goes to the unknown lot, below zero.
  ASSERT_NO_FATAL_FAILURE(Sell("GR4-S3", "GR-MILK", 7000));
  EXPECT_EQ(MovementLots("SALE", "GR4-S3"),
            (std::vector<std::string>{"L30 -5000", " -2000"}));
  EXPECT_EQ(OnHand("GR-MILK"), -2000);
  EXPECT_EQ(Lots("GR-MILK"), (std::vector<std::string>{
                                 "L10 " + in10 + " 0", "L20 " + in20 + " 0",
                                 "L30 " + in30 + " 0", " never -2000"}));
  ExpectCleanLedger();
}

// Sold before anything was received, the stock goes below zero at a cost
// of 0; the first receipt's cost becomes the average; a second, with stock
// on hand, moves it to the weighted mean, rounded half up; each sale line
// costs its quantity at the average of its moment.
TEST_F(GoodsReceiptE2eTest, MovingAverageAtZeroBelowZeroAndWeighted) {
  ASSERT_NO_FATAL_FAILURE(Sell("GR5-S1", "GR-OIL", 2000));
  EXPECT_EQ(OnHand("GR-OIL"), -2000);
  EXPECT_EQ(SaleCost("GR5-S1"), "0 0");
  EXPECT_EQ(AverageCost("GR-OIL"), "0");

  ASSERT_NO_FATAL_FAILURE(ApprovedOrder("GR-PO-5", "GR-OIL", 10000));
  // Below zero: the receipt's cost (the invoice's 1200, not the order's
  // 1000) becomes the average.
  auto first =
      Receive(staff_, "GR5-1", "GR-PO-5", {{"GR-OIL", 4000, 0, "", "", 1200}});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE(first->goods_receipt().lines(0).cost_differs());
  EXPECT_EQ(first->goods_receipt().cost_variance().minor_units(), 800);
  EXPECT_EQ(OnHand("GR-OIL"), 2000);
  EXPECT_EQ(AverageCost("GR-OIL"), "1200");
  ASSERT_NO_FATAL_FAILURE(Sell("GR5-S2", "GR-OIL", 1000));
  EXPECT_EQ(SaleCost("GR5-S2"), "1200 1200");

  // 1 on hand at 1200 and 3 at 1001: 4203 / 4 = 1050.75 -> 1051.
  auto second =
      Receive(staff_, "GR5-2", "GR-PO-5", {{"GR-OIL", 3000, 0, "", "", 1001}});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(OnHand("GR-OIL"), 4000);
  EXPECT_EQ(AverageCost("GR-OIL"), "1051");
  // 1.5 at 1051: 1576.5 -> 1577.
  ASSERT_NO_FATAL_FAILURE(Sell("GR5-S3", "GR-OIL", 1500));
  EXPECT_EQ(SaleCost("GR5-S3"), "1051 1577");

  // Back to exactly zero, then received again: the new cost again.
  ASSERT_NO_FATAL_FAILURE(Sell("GR5-S4", "GR-OIL", 2500));
  EXPECT_EQ(OnHand("GR-OIL"), 0);
  auto third = Receive(staff_, "GR5-3", "GR-PO-5", {{"GR-OIL", 2000}});
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(AverageCost("GR-OIL"), "1000");
  ASSERT_NO_FATAL_FAILURE(Sell("GR5-S5", "GR-OIL", 1000));
  EXPECT_EQ(SaleCost("GR5-S5"), "1000 1000");
  ExpectCleanLedger();
}

// The store's tolerance lets a receipt bring a little more than ordered
// without approval, and no more. A delivery without an order waits for a
// manager: rejected, it posts nothing; approved, it posts at the supplier
// item's cost with its payable.
TEST_F(GoodsReceiptE2eTest, ToleranceAndReceiptsWithoutAnOrder) {
  PurchaseOrderClient settings(server_->Connect(head_office_));
  auto set_tolerance = [&](int basis_points) {
    v1::UpdatePurchasingSettingsRequest request;
    request.mutable_settings()->set_store_code("GR");
    request.mutable_settings()->set_receipt_tolerance_basis_points(
        basis_points);
    request.mutable_update_mask()->add_paths("receipt_tolerance_basis_points");
    return settings.UpdatePurchasingSettings(request).status();
  };
  ASSERT_TRUE(set_tolerance(1000).ok());  // 10%.
  // Back to 0 however the test ends: the other tests count on it.
  struct Reset {
    std::function<Status(int)> set;
    ~Reset() { EXPECT_TRUE(set(0).ok()); }
  } reset{set_tolerance};

  ASSERT_NO_FATAL_FAILURE(ApprovedOrder("GR-PO-7", "GR-TEA", 10000));
  ASSERT_TRUE(Receive(staff_, "GR7-1", "GR-PO-7", {{"GR-TEA", 6000}}).ok());
  EXPECT_EQ(Order("GR-PO-7").state(),
            v1::PURCHASE_ORDER_STATE_PARTIALLY_RECEIVED);
  // 6 + 5.5 is beyond 10 + 10%.
  auto beyond = Receive(staff_, "GR7-2", "GR-PO-7", {{"GR-TEA", 5500}});
  EXPECT_EQ(beyond.status().reason(), "OVER_RECEIPT");
  // 6 + 5 is within it: posted at once.
  auto within = Receive(staff_, "GR7-2", "GR-PO-7", {{"GR-TEA", 5000}});
  ASSERT_TRUE(within.ok()) << within.status();
  EXPECT_EQ(within->goods_receipt().state(), v1::GOODS_RECEIPT_STATE_POSTED);
  v1::PurchaseOrder order = Order("GR-PO-7");
  EXPECT_EQ(order.state(), v1::PURCHASE_ORDER_STATE_RECEIVED);
  EXPECT_EQ(order.lines(0).received_milli(), 11000);
  EXPECT_EQ(OnHand("GR-TEA"), 11000);

  // Without an order: pending, then rejected; nothing posted.
  auto no_order = [&](const std::string& id) {
    v1::CreateGoodsReceiptRequest request =
        ReceiptRequest(id, "", {{"GR-TEA", 2000}});
    request.set_supplier_code("GR-SUP");
    return GoodsReceiptClient(server_->Connect(staff_))
        .CreateGoodsReceipt(request);
  };
  auto refused = no_order("GR7-N1");
  ASSERT_TRUE(refused.ok()) << refused.status();
  EXPECT_EQ(refused->goods_receipt().state(),
            v1::GOODS_RECEIPT_STATE_PENDING_APPROVAL);
  EXPECT_EQ(refused->goods_receipt().approval_reason(),
            v1::RECEIPT_APPROVAL_REASON_NO_ORDER);
  v1::RejectGoodsReceiptRequest reject;
  reject.set_store_code("GR");
  reject.set_receipt_id("GR7-N1");
  reject.set_reason("not what we buy");
  auto rejected = GoodsReceiptClient(server_->Connect(manager_b_))
                      .RejectGoodsReceipt(reject);
  ASSERT_TRUE(rejected.ok()) << rejected.status();
  EXPECT_EQ(rejected->goods_receipt().state(),
            v1::GOODS_RECEIPT_STATE_REJECTED);
  EXPECT_EQ(Approve(manager_b_, "GR7-N1").status().reason(),
            "RECEIPT_NOT_PENDING");
  EXPECT_EQ(OnHand("GR-TEA"), 11000);

  // Approved: posted at the supplier item's 1000 a unit, plus 11% VAT.
  auto accepted = no_order("GR7-N2");
  ASSERT_TRUE(accepted.ok()) << accepted.status();
  EXPECT_EQ(OnHand("GR-TEA"), 11000);
  auto approved = Approve(manager_b_, "GR7-N2");
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->goods_receipt().state(), v1::GOODS_RECEIPT_STATE_POSTED);
  EXPECT_EQ(approved->goods_receipt().payable_amount().minor_units(), 2220);
  EXPECT_EQ(approved->goods_receipt().payable_due_date(), Day(30));
  EXPECT_EQ(OnHand("GR-TEA"), 13000);
  EXPECT_EQ(scratch_->CountRows(
                "supplier_payables WHERE order_pk IS NULL AND receipt_pk IN "
                "(SELECT id FROM " +
                scratch_->config().database +
                ".goods_receipts WHERE receipt_id LIKE 'GR7-N%')"),
            1);
  ExpectCleanLedger();
}

// Receipts are created (each retried by the SDK by its receipt id) while
// the server is killed and restarted, then all sent again: each posted
// once, with one movement and one payable, and the order's received
// quantity their sum.
TEST_F(GoodsReceiptE2eTest, ServerKilledMidReceiptsPostsEachOnce) {
  constexpr int kReceipts = 40;
  ASSERT_NO_FATAL_FAILURE(ApprovedOrder("GR-PO-6", "GR-FLOUR", 100000));
  ConnectionOptions options;
  options.address = server_->address();
  options.token = staff_;
  options.timeout = std::chrono::milliseconds(5000);
  options.retry.max_attempts = 60;
  options.retry.initial_backoff = std::chrono::milliseconds(50);
  options.retry.max_backoff = std::chrono::milliseconds(250);
  GoodsReceiptClient receipts(*MakeConnection(options));
  auto send = [&](int i) {
    return receipts.CreateGoodsReceipt(ReceiptRequest(
        "GR6-" + std::to_string(i), "GR-PO-6", {{"GR-FLOUR", 1000}}));
  };
  std::atomic<int> done{0};
  std::atomic<int> failed{0};
  std::thread receiver([&] {
    for (int i = 1; i <= kReceipts; ++i) {
      auto r = send(i);
      if (!r.ok()) {
        ++failed;
        ADD_FAILURE() << "receipt " << i << ": " << r.status();
      }
      ++done;
    }
  });
  while (done.load() < 10) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  server_->Kill();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server_->Restart();
  receiver.join();
  EXPECT_EQ(failed.load(), 0);
  for (int i = 1; i <= kReceipts; ++i) {
    auto r = send(i);
    ASSERT_TRUE(r.ok()) << i << ": " << r.status();
    EXPECT_TRUE(r->replayed()) << i;
  }
  EXPECT_EQ(OnHand("GR-FLOUR"), kReceipts * 1000);
  EXPECT_EQ(Order("GR-PO-6").lines(0).received_milli(), kReceipts * 1000);
  EXPECT_EQ(scratch_->CountRows("goods_receipts WHERE receipt_id LIKE 'GR6-%' "
                                "AND state = 'POSTED'"),
            kReceipts);
  EXPECT_EQ(scratch_->CountRows("stock_movements WHERE document_key LIKE "
                                "'GR6-%' AND movement_type = 'RECEIPT'"),
            kReceipts);
  EXPECT_EQ(scratch_->CountRows(
                "supplier_payables WHERE receipt_pk IN (SELECT id FROM " +
                scratch_->config().database +
                ".goods_receipts WHERE receipt_id LIKE 'GR6-%')"),
            kReceipts);
  ExpectCleanLedger();
}

}  // namespace
}  // namespace backoffice

namespace backoffice {
namespace {

// Verify finds each broken invariant of lots, receipts, payables and cost,
// each broken by hand and put right again.
TEST_F(GoodsReceiptE2eTest, VerifyFindsBrokenLotsReceiptsAndPayables) {
  MakeProduct("GR-SALT", 0, 0, 800);
  ApprovedOrder("GR-PO-V", "GR-SALT", 5000);
  auto received = Receive(staff_, "GRV-1", "GR-PO-V",
                          {{"GR-SALT", 5000, 0, "LV", "2099-01-01"}});
  ASSERT_TRUE(received.ok()) << received.status();
  Sell("GRV-S1", "GR-SALT", 1000);
  ExpectCleanLedger();

  auto execute = [](const std::string& sql) {
    domain::Status status = db_->WithSession([&](soci::session& session) {
      session << sql;
      return domain::Status();
    });
    ASSERT_TRUE(status.ok()) << sql << ": " << status;
  };
  auto kinds = [] {
    std::set<std::string> out;
    auto report = ReconciliationClient(server_->Connect(head_office_))
                      .VerifyLedger(v1::VerifyLedgerRequest());
    EXPECT_TRUE(report.ok()) << report.status();
    if (report.ok()) {
      for (const auto& v : report->violations()) out.insert(v.kind());
    }
    return out;
  };
  const std::string salt =
      "(SELECT id FROM (SELECT id FROM products WHERE sku = 'GR-SALT') p)";
  const std::string receipt =
      "(SELECT id FROM (SELECT id FROM goods_receipts WHERE receipt_id = "
      "'GRV-1') g)";
  // What each break must make verify say: the check it aims at, and the
  // neighbouring check that the same row also feeds.
  struct Break {
    std::set<std::string> kinds;
    std::string break_sql;
    std::string repair_sql;
  };
  const std::vector<Break> breaks = {
      {{"BALANCE_MISMATCH", "LOT_SUM_MISMATCH"},
       "UPDATE stock_balances SET on_hand_milli = on_hand_milli + 1 WHERE "
       "product_id = " +
           salt,
       "UPDATE stock_balances SET on_hand_milli = on_hand_milli - 1 WHERE "
       "product_id = " +
           salt},
      {{"LOT_LEDGER_MISMATCH", "LOT_SUM_MISMATCH"},
       "UPDATE stock_lots SET quantity_milli = quantity_milli + 1 WHERE "
       "lot_code = 'LV'",
       "UPDATE stock_lots SET quantity_milli = quantity_milli - 1 WHERE "
       "lot_code = 'LV'"},
      {{"MOVEMENT_LOTS_MISMATCH", "LOT_LEDGER_MISMATCH"},
       "UPDATE stock_movement_lots SET quantity_milli = quantity_milli + 1 "
       "WHERE movement_id = (SELECT id FROM (SELECT id FROM stock_movements "
       "WHERE document_key = 'GRV-S1') m)",
       "UPDATE stock_movement_lots SET quantity_milli = quantity_milli - 1 "
       "WHERE movement_id = (SELECT id FROM (SELECT id FROM stock_movements "
       "WHERE document_key = 'GRV-S1') m)"},
      {{"PURCHASE_ORDER_RECEIVED_MISMATCH"},
       "UPDATE purchase_order_lines SET received_milli = received_milli + 1 "
       "WHERE product_id = " +
           salt,
       "UPDATE purchase_order_lines SET received_milli = received_milli - 1 "
       "WHERE product_id = " +
           salt},
      {{"RECEIPT_TOTALS_MISMATCH", "RECEIPT_PAYABLE_MISMATCH"},
       "UPDATE goods_receipts SET total_tax_minor = total_tax_minor + 1 "
       "WHERE receipt_id = 'GRV-1'",
       "UPDATE goods_receipts SET total_tax_minor = total_tax_minor - 1 "
       "WHERE receipt_id = 'GRV-1'"},
      {{"RECEIPT_MOVEMENTS_MISMATCH"},
       "UPDATE stock_movements SET document_line = 2 WHERE document_key = "
       "'GRV-1'",
       "UPDATE stock_movements SET document_line = 1 WHERE document_key = "
       "'GRV-1'"},
      // The payable is also its supplier's ledger charge, which now
      // disagrees with it.
      {{"PAYABLE_LEDGER_MISMATCH", "RECEIPT_PAYABLE_MISMATCH"},
       "UPDATE supplier_payables SET amount_minor = amount_minor + 1 WHERE "
       "receipt_pk = " +
           receipt,
       "UPDATE supplier_payables SET amount_minor = amount_minor - 1 WHERE "
       "receipt_pk = " +
           receipt},
      {{"RECEIPT_SELF_APPROVED"},
       "UPDATE goods_receipts SET decided_by = received_by WHERE receipt_id = "
       "'GRV-1'",
       "UPDATE goods_receipts SET decided_by = NULL WHERE receipt_id = "
       "'GRV-1'"},
      {{"SALE_COST_MISMATCH"},
       "UPDATE sale_lines SET cost_minor = cost_minor + 1 WHERE sale_pk = "
       "(SELECT id FROM sales WHERE sale_id = 'GRV-S1')",
       "UPDATE sale_lines SET cost_minor = cost_minor - 1 WHERE sale_pk = "
       "(SELECT id FROM sales WHERE sale_id = 'GRV-S1')"},
  };
  for (const Break& b : breaks) {
    execute(b.break_sql);
    EXPECT_EQ(kinds(), b.kinds) << b.break_sql;
    execute(b.repair_sql);
    EXPECT_TRUE(kinds().empty()) << b.repair_sql;
  }
}

}  // namespace
}  // namespace backoffice
