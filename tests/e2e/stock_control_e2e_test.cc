// Stock control through the real server and the SDK: lots near and past
// their sellable-until day judged by the same rule as FEFO (a lot that
// expires between two reads is listed apart and no longer sold), slow
// movers read from the demand rollup, and returns to the supplier drafted,
// refused to their maker, approved by a second person and shipped: the lot
// leaves stock and the supplier's ledger gets the credit note; replays, a
// SIGKILL of the server during returns, and verify finding each broken
// return invariant.
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "backoffice/client.h"
#include "ledger_helpers.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using testing::Idr;
using testing::JakartaDayFromToday;

using google::protobuf::util::TimeUtil;
using testing::RunningServer;
using testing::ScratchDatabase;

constexpr char kStore[] = "SC";

class StockControlE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      CatalogClient admin(server_->Connect(server_->admin_token()));
      v1::CreateStoreRequest s;
      s.mutable_store()->set_code(kStore);
      s.mutable_store()->set_display_name("Toko Gudang");
      s.mutable_store()->set_time_zone("Asia/Jakarta");
      s.mutable_store()->set_currency_code("IDR");
      Must(admin.CreateStore(s).status());
      v1::CreateTerminalRequest t;
      t.mutable_terminal()->set_store_code(kStore);
      t.mutable_terminal()->set_code("T1");
      t.mutable_terminal()->set_display_name("T1");
      t.mutable_terminal()->set_active(true);
      Must(admin.CreateTerminal(t).status());
      v1::CreateSupplierRequest supplier;
      supplier.mutable_supplier()->set_code("SC-SUP");
      supplier.mutable_supplier()->set_display_name("PT Susu");
      supplier.mutable_supplier()->set_payment_terms_days(30);
      supplier.mutable_supplier()->set_active(true);
      Must(admin.CreateSupplier(supplier).status());
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      staff_ = server_->CreateToken(v1::ROLE_STORE_STAFF, kStore);
      manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }
  static void Must(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.message());
  }

  // A product of the supplier's at `cost` (before VAT, 11% VAT), priced
  // at 2x, with a shelf life when `shelf_life_days` is set.
  static void MakeProduct(const std::string& sku, std::int64_t cost,
                          int shelf_life_days = 0, int margin_days = 0) {
    v1::CreateProductRequest p;
    p.mutable_product()->set_sku(sku);
    p.mutable_product()->set_display_name("Product " + sku);
    p.mutable_product()->set_unit_of_measure("pcs");
    *p.mutable_product()->mutable_default_price() = Idr(2 * cost);
    p.mutable_product()->set_shelf_life_days(shelf_life_days);
    p.mutable_product()->set_sell_by_margin_days(margin_days);
    p.mutable_product()->set_active(true);
    Must(CatalogClient(server_->Connect(head_office_))
             .CreateProduct(p)
             .status());
    v1::CreateSupplierItemRequest item;
    auto* i = item.mutable_supplier_item();
    i->set_supplier_code("SC-SUP");
    i->set_sku(sku);
    i->set_supplier_sku("S-" + sku);
    i->set_pack_size_milli(1000);
    i->set_min_order_quantity_milli(1000);
    *i->mutable_unit_cost() = Idr(cost);
    i->set_tax_rate_basis_points(1100);
    i->set_lead_time_days(1);
    i->set_active(true);
    Must(PurchasingClient(server_->Connect(head_office_))
             .CreateSupplierItem(item)
             .status());
    v1::UpdateProductRequest prefer;
    prefer.mutable_product()->set_sku(sku);
    prefer.mutable_product()->set_preferred_supplier("SC-SUP");
    prefer.mutable_update_mask()->add_paths("preferred_supplier");
    Must(CatalogClient(server_->Connect(head_office_))
             .UpdateProduct(prefer)
             .status());
  }

  struct Lot {
    std::string sku;
    std::string code;
    std::string expiry;  // "" none.
    std::int64_t units = 0;
  };

  // A market delivery of `lots`, approved by a second manager.
  static void Receive(const std::string& receipt_id,
                      const std::vector<Lot>& lots) {
    v1::CreateGoodsReceiptRequest receipt;
    receipt.set_store_code(kStore);
    receipt.set_receipt_id(receipt_id);
    receipt.set_supplier_code("SC-SUP");
    for (const auto& lot : lots) {
      auto* line = receipt.add_lines();
      line->set_sku(lot.sku);
      line->set_received_milli(lot.units * 1000);
      line->set_lot_code(lot.code);
      line->set_expiry_date(lot.expiry);
    }
    Must(GoodsReceiptClient(server_->Connect(manager_a_))
             .CreateGoodsReceipt(receipt)
             .status());
    v1::ApproveGoodsReceiptRequest approve;
    approve.set_store_code(kStore);
    approve.set_receipt_id(receipt_id);
    Must(GoodsReceiptClient(server_->Connect(manager_b_))
             .ApproveGoodsReceipt(approve)
             .status());
  }

  // A cash sale of `units` of `sku` at 2x `cost`, `days_ago` days back.
  static void Sell(const std::string& sale_id, const std::string& sku,
                   std::int64_t units, std::int64_t price, int days_ago = 0) {
    static std::atomic<long long> receipt_number{0};
    v1::RecordSaleRequest request;
    v1::Sale& sale = *request.mutable_sale();
    sale.set_sale_id(sale_id);
    sale.set_store_code(kStore);
    sale.set_terminal_code("T1");
    sale.set_cashier("ani");
    sale.set_receipt_number(++receipt_number);
    *sale.mutable_sale_time() = TimeUtil::GetCurrentTime() -
                                TimeUtil::SecondsToDuration(1) -
                                TimeUtil::HoursToDuration(24 * days_ago);
    v1::SaleLine& line = *sale.add_lines();
    line.set_line_number(1);
    line.set_sku(sku);
    line.set_quantity_milli(units * 1000);
    line.set_unit_price_minor(price);
    line.set_amount_minor(units * price);
    v1::Tender& tender = *sale.add_tenders();
    tender.set_type(v1::TENDER_TYPE_CASH);
    tender.set_amount_minor(units * price);
    Must(SalesClient(server_->Connect(head_office_))
             .RecordSale(request)
             .status());
  }

  static std::vector<v1::ExpiringLot> Expiring(
      bool expired, const std::string& store = kStore, int within_days = 7) {
    v1::ListExpiringLotsRequest r;
    r.set_store_code(store);
    r.set_within_days(within_days);
    r.set_expired(expired);
    std::vector<v1::ExpiringLot> out;
    Status s = StockControlClient(server_->Connect(head_office_))
                   .ForEachExpiringLot(r, [&](const v1::ExpiringLot& l) {
                     out.push_back(l);
                     return true;
                   });
    EXPECT_TRUE(s.ok()) << s;
    return out;
  }

  static v1::SupplierReturnLineInput ReturnLine(const std::string& sku,
                                                const std::string& lot,
                                                const std::string& expiry,
                                                std::int64_t units) {
    v1::SupplierReturnLineInput line;
    line.set_sku(sku);
    line.set_lot_code(lot);
    line.set_expiry_date(expiry);
    line.set_quantity_milli(units * 1000);
    line.set_reason(v1::RETURN_REASON_EXPIRED);
    return line;
  }

  static StatusOr<v1::CreateSupplierReturnResponse> Draft(
      const std::string& token, const std::string& return_id,
      const std::vector<v1::SupplierReturnLineInput>& lines,
      v1::ReturnSettlement settlement = v1::RETURN_SETTLEMENT_UNSPECIFIED) {
    v1::CreateSupplierReturnRequest r;
    r.set_store_code(kStore);
    r.set_return_id(return_id);
    r.set_supplier_code("SC-SUP");
    r.set_settlement(settlement);
    for (const auto& l : lines) *r.add_lines() = l;
    return StockControlClient(server_->Connect(token)).CreateSupplierReturn(r);
  }

  static StatusOr<v1::ApproveSupplierReturnResponse> Approve(
      const std::string& token, const std::string& return_id) {
    v1::ApproveSupplierReturnRequest r;
    r.set_store_code(kStore);
    r.set_return_id(return_id);
    return StockControlClient(server_->Connect(token)).ApproveSupplierReturn(r);
  }

  static StatusOr<v1::ShipSupplierReturnResponse> Ship(
      const std::string& token, const std::string& return_id) {
    v1::ShipSupplierReturnRequest r;
    r.set_store_code(kStore);
    r.set_return_id(return_id);
    return StockControlClient(server_->Connect(token)).ShipSupplierReturn(r);
  }

  static std::int64_t OnHand(const std::string& sku) {
    v1::GetStockLevelRequest r;
    r.set_store_code(kStore);
    r.set_sku(sku);
    auto level =
        InventoryClient(server_->Connect(head_office_)).GetStockLevel(r);
    if (!level.ok()) {
      ADD_FAILURE() << sku << ": " << level.status();
      return -1;
    }
    return level->stock_level().on_hand_milli();
  }

  static std::int64_t SupplierBalance() {
    v1::GetAccountRequest get;
    get.set_store_code(kStore);
    get.mutable_party()->set_kind(v1::PARTY_KIND_SUPPLIER);
    get.mutable_party()->set_code("SC-SUP");
    auto account = CreditClient(server_->Connect(manager_a_)).GetAccount(get);
    if (!account.ok()) {
      ADD_FAILURE() << account.status();
      return -1;
    }
    return account->account().balance().minor_units();
  }

  static void ExpectCleanLedger() {
    testing::ExpectCleanLedger(*server_, head_office_);
  }

  static inline ScratchDatabase* scratch_ = nullptr;
  static inline RunningServer* server_ = nullptr;
  static inline std::string head_office_;
  static inline std::string staff_;
  static inline std::string manager_a_;
  static inline std::string manager_b_;
};

TEST_F(StockControlE2eTest,
       NearExpiryUsesTheSellableRuleOfFefoEvenAsItChanges) {
  MakeProduct("SC-MILK", 5000, 30, 2);
  // Sellable until today+1, today+7 and today+8.
  Receive("SC-GR-MILK", {{"SC-MILK", "A", JakartaDayFromToday(3), 10},
                         {"SC-MILK", "B", JakartaDayFromToday(9), 5},
                         {"SC-MILK", "C", JakartaDayFromToday(10), 4}});
  Sell("SC-S1", "SC-MILK", 2, 10000);  // FEFO: from lot A.

  auto near = Expiring(false);
  ASSERT_EQ(near.size(), 2u) << "lot C is sellable past the 7 days";
  EXPECT_EQ(near[0].lot_code(), "A");
  EXPECT_EQ(near[0].sellable_until(), JakartaDayFromToday(1));
  EXPECT_EQ(near[0].days_left(), 1);
  EXPECT_EQ(near[0].quantity_milli(), 8000);
  EXPECT_EQ(near[0].unit_cost().minor_units(), 5000);
  EXPECT_EQ(near[0].value().minor_units(), 40000);
  // No demand before today in the rollup's window: all of it is excess.
  EXPECT_EQ(near[0].excess_milli(), 8000);
  EXPECT_EQ(near[0].suggested_action(), v1::EXPIRY_ACTION_DISCOUNT);
  EXPECT_EQ(near[0].supplier_code(), "SC-SUP");
  EXPECT_EQ(near[1].lot_code(), "B");
  EXPECT_EQ(near[1].days_left(), 7);
  EXPECT_TRUE(Expiring(true).empty());

  // The margin grows by two days: lot A is no longer sellable, in this
  // list and for FEFO alike, between two reads.
  v1::UpdateProductRequest margin;
  margin.mutable_product()->set_sku("SC-MILK");
  margin.mutable_product()->set_sell_by_margin_days(4);
  margin.mutable_update_mask()->add_paths("sell_by_margin_days");
  ASSERT_TRUE(
      CatalogClient(server_->Connect(head_office_)).UpdateProduct(margin).ok());
  auto expired = Expiring(true);
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0].lot_code(), "A");
  EXPECT_EQ(expired[0].days_left(), -1);
  EXPECT_EQ(expired[0].suggested_action(),
            v1::EXPIRY_ACTION_RETURN_TO_SUPPLIER);
  near = Expiring(false);
  ASSERT_EQ(near.size(), 2u);
  EXPECT_EQ(near[0].lot_code(), "B");
  EXPECT_EQ(near[0].sellable_until(), JakartaDayFromToday(5));
  EXPECT_EQ(near[1].lot_code(), "C");
  Sell("SC-S2", "SC-MILK", 1, 10000);  // FEFO: from B, never the expired A.
  near = Expiring(false);
  EXPECT_EQ(near[0].quantity_milli(), 4000);
  EXPECT_EQ(Expiring(true)[0].quantity_milli(), 8000);

  // Chain-wide for head office only.
  EXPECT_EQ(Expiring(true, "").size(), 1u);
  v1::ListExpiringLotsRequest chain;
  chain.set_expired(true);
  auto refused =
      StockControlClient(server_->Connect(staff_)).ListExpiringLots(chain);
  EXPECT_EQ(refused.status().reason(), "STORE_OUT_OF_SCOPE");
  chain.set_store_code(kStore);
  chain.set_within_days(400);
  EXPECT_EQ(StockControlClient(server_->Connect(staff_))
                .ListExpiringLots(chain)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  ExpectCleanLedger();
}

TEST_F(StockControlE2eTest,
       ExpiredLotGoesBackToItsSupplierForCreditByFourEyes) {
  MakeProduct("SC-YOG", 4000, 20, 1);
  Receive("SC-GR-YOG", {{"SC-YOG", "Y1", JakartaDayFromToday(2), 6},
                        {"SC-YOG", "Y2", JakartaDayFromToday(15), 10}});
  const std::int64_t owed = SupplierBalance();
  ASSERT_EQ(owed, 16 * 4000 + 16 * 440);

  // Bad drafts name their line and write nothing.
  auto short_lot = Draft(
      staff_, "RET-X", {ReturnLine("SC-YOG", "Y1", JakartaDayFromToday(2), 7)});
  EXPECT_EQ(short_lot.status().reason(), "LOT_QUANTITY_SHORT");
  auto no_lot = Draft(staff_, "RET-X",
                      {ReturnLine("SC-YOG", "Y9", JakartaDayFromToday(2), 1)});
  EXPECT_EQ(no_lot.status().reason(), "LOT_NOT_FOUND");
  v1::SupplierReturnLineInput no_reason =
      ReturnLine("SC-YOG", "Y1", JakartaDayFromToday(2), 1);
  no_reason.set_reason(v1::RETURN_REASON_UNSPECIFIED);
  EXPECT_EQ(Draft(staff_, "RET-X", {no_reason}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(scratch_->CountRows("supplier_returns"), 0);

  // Drafted by staff; replayed; the id with other content refused.
  const auto line = ReturnLine("SC-YOG", "Y1", JakartaDayFromToday(2), 6);
  auto drafted = Draft(staff_, "RET-1", {line});
  ASSERT_TRUE(drafted.ok()) << drafted.status();
  EXPECT_EQ(drafted->supplier_return().state(),
            v1::SUPPLIER_RETURN_STATE_DRAFT);
  EXPECT_EQ(drafted->supplier_return().settlement(),
            v1::RETURN_SETTLEMENT_CREDIT_NOTE);
  auto replay = Draft(staff_, "RET-1", {line});
  ASSERT_TRUE(replay.ok());
  EXPECT_TRUE(replay->replayed());
  EXPECT_EQ(Draft(staff_, "RET-1",
                  {ReturnLine("SC-YOG", "Y1", JakartaDayFromToday(2), 5)})
                .status()
                .reason(),
            "IDEMPOTENCY_KEY_REUSED");

  // Nothing ships before a second person approves; nobody approves what
  // they drafted, whatever their role.
  EXPECT_EQ(Ship(staff_, "RET-1").status().reason(), "RETURN_STATE_CONFLICT");
  EXPECT_EQ(Approve(staff_, "RET-1").status().code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(Draft(head_office_, "RET-HO",
                    {ReturnLine("SC-YOG", "Y2", JakartaDayFromToday(15), 1)})
                  .ok());
  EXPECT_EQ(Approve(head_office_, "RET-HO").status().reason(),
            "SELF_APPROVAL_FORBIDDEN");
  auto approved = Approve(manager_b_, "RET-1");
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->supplier_return().state(),
            v1::SUPPLIER_RETURN_STATE_APPROVED);
  EXPECT_EQ(OnHand("SC-YOG"), 16000) << "approval moves nothing";
  // A decided return is read back only by whom the decision is allowed.
  EXPECT_TRUE(Approve(manager_b_, "RET-1").ok());
  EXPECT_EQ(Approve(staff_, "RET-1").status().code(),
            StatusCode::kPermissionDenied);
  // A payment run waits for the delivery's payable meanwhile.
  v1::PreparePaymentRunRequest run;
  run.set_store_code(kStore);
  run.set_payment_run_id("RUN-SC");
  run.set_due_by_day(JakartaDayFromToday(60));
  ASSERT_TRUE(
      CreditClient(server_->Connect(manager_a_)).PreparePaymentRun(run).ok());

  // Shipped: the lot leaves stock at its cost, the supplier credits it.
  auto shipped = Ship(staff_, "RET-1");
  ASSERT_TRUE(shipped.ok()) << shipped.status();
  const v1::SupplierReturn& r = shipped->supplier_return();
  EXPECT_EQ(r.state(), v1::SUPPLIER_RETURN_STATE_SHIPPED);
  EXPECT_EQ(r.lines(0).unit_cost().minor_units(), 4000);
  EXPECT_EQ(r.total_cost().minor_units(), 24000);
  EXPECT_EQ(r.total_tax().minor_units(), 2640);
  EXPECT_GT(r.credit_note_document_number(), 0);
  EXPECT_EQ(OnHand("SC-YOG"), 10000);
  EXPECT_EQ(SupplierBalance(), owed - 24000 - 2640);
  // The credit note left the reserved payable to the run, which still
  // pays it in full: the store is owed the note.
  v1::ApprovePaymentRunRequest pay_run;
  pay_run.set_store_code(kStore);
  pay_run.set_payment_run_id("RUN-SC");
  auto paid =
      CreditClient(server_->Connect(head_office_)).ApprovePaymentRun(pay_run);
  ASSERT_TRUE(paid.ok()) << paid.status();
  EXPECT_EQ(paid->payment_run().total().minor_units(), owed);
  EXPECT_EQ(SupplierBalance(), -(24000 + 2640));
  auto again = Ship(manager_a_, "RET-1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->supplier_return().credit_note_document_number(),
            r.credit_note_document_number());
  EXPECT_EQ(OnHand("SC-YOG"), 10000) << "shipping again moves nothing";
  EXPECT_EQ(scratch_->CountRows("stock_movements WHERE movement_type = "
                                "'SUPPLIER_RETURN'"),
            1);

  // An exchange leaves stock without a credit note; a rejected return
  // never ships.
  ASSERT_TRUE(Draft(staff_, "RET-EX",
                    {ReturnLine("SC-YOG", "Y2", JakartaDayFromToday(15), 2)},
                    v1::RETURN_SETTLEMENT_EXCHANGE)
                  .ok());
  ASSERT_TRUE(Approve(manager_a_, "RET-EX").ok());
  auto exchanged = Ship(staff_, "RET-EX");
  ASSERT_TRUE(exchanged.ok()) << exchanged.status();
  EXPECT_EQ(exchanged->supplier_return().credit_note_document_number(), 0);
  EXPECT_EQ(SupplierBalance(), -(24000 + 2640));
  EXPECT_EQ(OnHand("SC-YOG"), 8000);
  v1::RejectSupplierReturnRequest reject;
  reject.set_store_code(kStore);
  reject.set_return_id("RET-HO");
  reject.set_reason("the supplier takes back only expired goods");
  auto rejected = StockControlClient(server_->Connect(manager_a_))
                      .RejectSupplierReturn(reject);
  ASSERT_TRUE(rejected.ok()) << rejected.status();
  EXPECT_EQ(Ship(staff_, "RET-HO").status().reason(), "RETURN_STATE_CONFLICT");

  v1::ListSupplierReturnsRequest list;
  list.set_store_code(kStore);
  list.set_state(v1::SUPPLIER_RETURN_STATE_SHIPPED);
  std::vector<std::string> ids;
  ASSERT_TRUE(StockControlClient(server_->Connect(staff_))
                  .ForEachSupplierReturn(list,
                                         [&](const v1::SupplierReturn& x) {
                                           ids.push_back(x.return_id());
                                           return true;
                                         })
                  .ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"RET-EX", "RET-1"}));
  ExpectCleanLedger();
}

TEST_F(StockControlE2eTest, SlowMoversComeFromTheRollupByValueTiedUp) {
  MakeProduct("SC-SOAP", 3000);
  MakeProduct("SC-TEA", 2000);
  MakeProduct("SC-RICE", 1000);
  Receive("SC-GR-SLOW", {{"SC-SOAP", "", "", 50},
                         {"SC-TEA", "", "", 100},
                         {"SC-RICE", "", "", 40}});
  // Tea sells one a day for ten days (28 days of demand: 10 units, 357
  // thousandths a day: 90 units cover 252 days); rice sells 14 a day
  // before today, covering less than a day; soap never sold.
  for (int d = 1; d <= 10; ++d) {
    Sell("SC-TEA-" + std::to_string(d), "SC-TEA", 1, 4000, d);
  }
  Sell("SC-RICE-1", "SC-RICE", 14, 2000, 1);
  v1::ListSlowMoversRequest r;
  r.set_store_code(kStore);
  std::vector<v1::SlowMover> movers;
  ASSERT_TRUE(StockControlClient(server_->Connect(staff_))
                  .ForEachSlowMover(r,
                                    [&](const v1::SlowMover& m) {
                                      movers.push_back(m);
                                      return true;
                                    })
                  .ok());
  ASSERT_EQ(movers.size(), 2u);
  // Most value first: tea 90 x 2000 = 180,000, soap 50 x 3000 = 150,000.
  EXPECT_EQ(movers[0].sku(), "SC-TEA");
  EXPECT_EQ(movers[0].value().minor_units(), 180000);
  EXPECT_EQ(movers[0].demand_per_day_milli(), 357);
  EXPECT_EQ(movers[0].cover_days(), 252);
  EXPECT_EQ(movers[0].reason(), v1::SLOW_MOVER_REASON_COVER_EXCEEDED);
  EXPECT_EQ(movers[0].last_sale_day(), JakartaDayFromToday(-1));
  EXPECT_EQ(movers[1].sku(), "SC-SOAP");
  EXPECT_EQ(movers[1].reason(), v1::SLOW_MOVER_REASON_NO_SALES);
  EXPECT_EQ(movers[1].last_sale_day(), "");
  // Pages of one walk the same list.
  r.set_page_size(1);
  auto first = StockControlClient(server_->Connect(staff_)).ListSlowMovers(r);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->slow_movers_size(), 1);
  r.set_page_token(first->next_page_token());
  auto second = StockControlClient(server_->Connect(staff_)).ListSlowMovers(r);
  ASSERT_TRUE(second.ok()) << second.status();
  ASSERT_EQ(second->slow_movers_size(), 1);
  EXPECT_EQ(second->slow_movers(0).sku(), "SC-SOAP");
  // A longer cover allowance keeps tea off; idle for a day only, soap stays.
  v1::ListSlowMoversRequest strict;
  strict.set_store_code(kStore);
  strict.set_cover_days(300);
  auto fewer =
      StockControlClient(server_->Connect(head_office_)).ListSlowMovers(strict);
  ASSERT_TRUE(fewer.ok()) << fewer.status();
  ASSERT_EQ(fewer->slow_movers_size(), 1);
  EXPECT_EQ(fewer->slow_movers(0).sku(), "SC-SOAP");
  v1::ListSlowMoversRequest chain;
  auto chain_wide =
      StockControlClient(server_->Connect(head_office_)).ListSlowMovers(chain);
  ASSERT_TRUE(chain_wide.ok()) << chain_wide.status();
  EXPECT_EQ(chain_wide->slow_movers_size(), 2);
}

TEST_F(StockControlE2eTest, ServerKilledMidReturnsShipsEachOnce) {
  constexpr int kReturns = 8;
  MakeProduct("SC-KILL", 1000, 30, 1);
  Receive("SC-GR-KILL", {{"SC-KILL", "K", JakartaDayFromToday(20), 20}});
  auto client = [&](const std::string& token) {
    return StockControlClient(testing::RetryingConnection(*server_, token));
  };
  StockControlClient maker = client(staff_);
  StockControlClient checker = client(manager_b_);
  auto run = [&](int i) -> Status {
    v1::CreateSupplierReturnRequest create;
    create.set_store_code(kStore);
    create.set_return_id("RET-K" + std::to_string(i));
    create.set_supplier_code("SC-SUP");
    *create.add_lines() =
        ReturnLine("SC-KILL", "K", JakartaDayFromToday(20), 1);
    auto created = maker.CreateSupplierReturn(create);
    if (!created.ok()) return created.status();
    v1::ApproveSupplierReturnRequest approve;
    approve.set_store_code(kStore);
    approve.set_return_id(create.return_id());
    if (auto a = checker.ApproveSupplierReturn(approve); !a.ok()) {
      return a.status();
    }
    v1::ShipSupplierReturnRequest ship;
    ship.set_store_code(kStore);
    ship.set_return_id(create.return_id());
    return maker.ShipSupplierReturn(ship).status();
  };
  testing::RunThroughAKill(*server_, kReturns, 2, "return", run);
  for (int i = 1; i <= kReturns; ++i) {
    ASSERT_TRUE(run(i).ok()) << i;
  }
  EXPECT_EQ(scratch_->CountRows("stock_movements WHERE movement_type = "
                                "'SUPPLIER_RETURN'"),
            kReturns);
  EXPECT_EQ(scratch_->CountRows("party_documents WHERE source_type = "
                                "'SUPPLIER_RETURN'"),
            kReturns);
  EXPECT_EQ(OnHand("SC-KILL"), (20 - kReturns) * 1000);
  ExpectCleanLedger();
}

TEST_F(StockControlE2eTest, VerifyFindsEachBrokenReturnInvariant) {
  MakeProduct("SC-V", 1000, 30, 1);
  Receive("SC-GR-V", {{"SC-V", "V", JakartaDayFromToday(20), 5}});
  ASSERT_TRUE(Draft(staff_, "RET-V",
                    {ReturnLine("SC-V", "V", JakartaDayFromToday(20), 2)})
                  .ok());
  ASSERT_TRUE(Approve(manager_a_, "RET-V").ok());
  ASSERT_TRUE(Ship(staff_, "RET-V").ok());
  ExpectCleanLedger();
  const std::string db = scratch_->config().database;
  auto expect_kind = [&](const std::string& what) {
    testing::ExpectViolation(*server_, head_office_, "SUPPLIER_RETURN_MISMATCH",
                             what);
  };
  scratch_->Execute("UPDATE " + db +
                    ".supplier_returns SET decided_by = created_by WHERE "
                    "return_id = 'RET-V'");
  expect_kind("self-approved");
  scratch_->Execute("UPDATE " + db +
                    ".supplier_returns SET decided_by = 'tok_999999' WHERE "
                    "return_id = 'RET-V'");
  ExpectCleanLedger();
  scratch_->Execute("UPDATE " + db +
                    ".supplier_return_lines SET quantity_milli = "
                    "quantity_milli + 1");
  expect_kind("a line that is not its movement");
  scratch_->Execute("UPDATE " + db +
                    ".supplier_return_lines SET quantity_milli = "
                    "quantity_milli - 1");
  ExpectCleanLedger();
  scratch_->Execute("UPDATE " + db +
                    ".supplier_returns SET total_tax_minor = total_tax_minor "
                    "+ 1 WHERE return_id = 'RET-V'");
  expect_kind("totals and credit note");
  scratch_->Execute("UPDATE " + db +
                    ".supplier_returns SET total_tax_minor = total_tax_minor "
                    "- 1 WHERE return_id = 'RET-V'");
  scratch_->Execute("UPDATE " + db +
                    ".supplier_returns SET state = 'APPROVED' WHERE "
                    "return_id = 'RET-V'");
  expect_kind("movements of a return that did not ship");
  scratch_->Execute("UPDATE " + db +
                    ".supplier_returns SET state = 'SHIPPED' WHERE "
                    "return_id = 'RET-V'");
  ExpectCleanLedger();
}

}  // namespace
}  // namespace backoffice
