// Write-offs of stock through the real server and the SDK: below the
// store's threshold they post at once with their value at cost; above it,
// by store staff or a manager, they wait for a second person (never the
// maker, whatever the role) and touch nothing until approved; replays, the
// approval inbox, a SIGKILL of the server during write-offs, and verify
// finding each broken write-off invariant.
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

using testing::RunningServer;
using testing::ScratchDatabase;

constexpr char kStore[] = "WO";

class WriteOffE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      CatalogClient admin(server_->Connect(server_->admin_token()));
      v1::CreateStoreRequest s;
      s.mutable_store()->set_code(kStore);
      s.mutable_store()->set_display_name("Toko Rusak");
      s.mutable_store()->set_time_zone("Asia/Jakarta");
      s.mutable_store()->set_currency_code("IDR");
      Must(admin.CreateStore(s).status());
      v1::CreateSupplierRequest supplier;
      supplier.mutable_supplier()->set_code("WO-SUP");
      supplier.mutable_supplier()->set_display_name("PT Minyak");
      supplier.mutable_supplier()->set_payment_terms_days(30);
      supplier.mutable_supplier()->set_active(true);
      Must(admin.CreateSupplier(supplier).status());
      v1::CreateProductRequest p;
      p.mutable_product()->set_sku("WO-OIL");
      p.mutable_product()->set_display_name("Minyak");
      p.mutable_product()->set_unit_of_measure("pcs");
      *p.mutable_product()->mutable_default_price() = Idr(20000);
      p.mutable_product()->set_active(true);
      Must(admin.CreateProduct(p).status());
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      staff_ = server_->CreateToken(v1::ROLE_STORE_STAFF, kStore);
      manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      v1::CreateSupplierItemRequest item;
      auto* i = item.mutable_supplier_item();
      i->set_supplier_code("WO-SUP");
      i->set_sku("WO-OIL");
      i->set_supplier_sku("S-OIL");
      i->set_pack_size_milli(1000);
      i->set_min_order_quantity_milli(1000);
      *i->mutable_unit_cost() = Idr(10000);
      i->set_tax_rate_basis_points(0);
      i->set_lead_time_days(1);
      i->set_active(true);
      Must(PurchasingClient(server_->Connect(head_office_))
               .CreateSupplierItem(item)
               .status());
      // 100 units at 10,000 each.
      v1::CreateGoodsReceiptRequest receipt;
      receipt.set_store_code(kStore);
      receipt.set_receipt_id("WO-GR-1");
      receipt.set_supplier_code("WO-SUP");
      receipt.add_lines()->set_sku("WO-OIL");
      receipt.mutable_lines(0)->set_received_milli(100000);
      Must(GoodsReceiptClient(server_->Connect(manager_a_))
               .CreateGoodsReceipt(receipt)
               .status());
      v1::ApproveGoodsReceiptRequest approve;
      approve.set_store_code(kStore);
      approve.set_receipt_id("WO-GR-1");
      Must(GoodsReceiptClient(server_->Connect(manager_b_))
               .ApproveGoodsReceipt(approve)
               .status());
      v1::UpdateInventorySettingsRequest settings;
      settings.mutable_settings()->set_store_code(kStore);
      *settings.mutable_settings()->mutable_write_off_approval_threshold() =
          Idr(25000);
      Must(InventoryClient(server_->Connect(head_office_))
               .UpdateInventorySettings(settings)
               .status());
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }
  static void Must(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.message());
  }

  static StatusOr<v1::AdjustStockResponse> WriteOff(const std::string& token,
                                                    const std::string& id,
                                                    std::int64_t units) {
    v1::AdjustStockRequest r;
    r.set_adjustment_id(id);
    r.set_store_code(kStore);
    r.set_sku("WO-OIL");
    r.set_quantity_delta_milli(-units * 1000);
    r.set_reason(v1::ADJUSTMENT_REASON_DAMAGE);
    r.set_note("crate dropped");
    return InventoryClient(server_->Connect(token)).AdjustStock(r);
  }

  static StatusOr<v1::ApproveStockAdjustmentResponse> Approve(
      const std::string& token, const std::string& id) {
    v1::ApproveStockAdjustmentRequest r;
    r.set_store_code(kStore);
    r.set_adjustment_id(id);
    return InventoryClient(server_->Connect(token)).ApproveStockAdjustment(r);
  }

  static std::int64_t OnHand() {
    v1::GetStockLevelRequest r;
    r.set_store_code(kStore);
    r.set_sku("WO-OIL");
    auto level =
        InventoryClient(server_->Connect(head_office_)).GetStockLevel(r);
    if (!level.ok()) {
      ADD_FAILURE() << level.status();
      return -1;
    }
    return level->stock_level().on_hand_milli();
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

TEST_F(WriteOffE2eTest,
       AboveTheThresholdASecondPersonApprovesBeforeStockMoves) {
  const std::int64_t start = OnHand();
  ASSERT_EQ(start, 100000);
  // Head office sets the threshold; the store does not.
  v1::UpdateInventorySettingsRequest settings;
  settings.mutable_settings()->set_store_code(kStore);
  *settings.mutable_settings()->mutable_write_off_approval_threshold() = Idr(0);
  EXPECT_EQ(InventoryClient(server_->Connect(manager_a_))
                .UpdateInventorySettings(settings)
                .status()
                .code(),
            StatusCode::kPermissionDenied);

  // Within the threshold: posted at once, with its value at cost.
  auto small = WriteOff(staff_, "WO-1", 2);
  ASSERT_TRUE(small.ok()) << small.status();
  EXPECT_FALSE(small->has_approval_request());
  EXPECT_EQ(small->stock_movement().quantity_milli(), -2000);
  EXPECT_EQ(small->value().minor_units(), -20000);
  EXPECT_EQ(OnHand(), start - 2000);

  // Above it: a request, and nothing moves; replayed; the id is bound.
  auto big = WriteOff(staff_, "WO-2", 3);
  ASSERT_TRUE(big.ok()) << big.status();
  ASSERT_TRUE(big->has_approval_request());
  EXPECT_EQ(big->approval_request().state(),
            v1::STOCK_ADJUSTMENT_REQUEST_STATE_PENDING_APPROVAL);
  EXPECT_EQ(big->approval_request().value().minor_units(), -30000);
  EXPECT_FALSE(big->has_stock_movement());
  EXPECT_EQ(OnHand(), start - 2000);
  auto replay = WriteOff(staff_, "WO-2", 3);
  ASSERT_TRUE(replay.ok());
  EXPECT_TRUE(replay->replayed());
  EXPECT_TRUE(replay->has_approval_request());
  EXPECT_EQ(WriteOff(staff_, "WO-2", 4).status().reason(),
            "IDEMPOTENCY_KEY_REUSED");
  // A manager's own write-off waits too, and he may not approve it.
  auto own = WriteOff(manager_a_, "WO-3", 5);
  ASSERT_TRUE(own.ok()) << own.status();
  ASSERT_TRUE(own->has_approval_request());
  EXPECT_EQ(Approve(manager_a_, "WO-3").status().reason(),
            "SELF_APPROVAL_FORBIDDEN");
  EXPECT_EQ(Approve(staff_, "WO-2").status().code(),
            StatusCode::kPermissionDenied);

  // Both wait in the inbox with their value.
  v1::ListApprovalsRequest inbox;
  inbox.set_store_code(kStore);
  auto waiting =
      ApprovalClient(server_->Connect(manager_b_)).ListApprovals(inbox);
  ASSERT_TRUE(waiting.ok()) << waiting.status();
  ASSERT_EQ(waiting->approvals_size(), 2);
  EXPECT_EQ(waiting->approvals(0).kind(), v1::APPROVAL_KIND_STOCK_WRITE_OFF);
  EXPECT_EQ(waiting->approvals(0).document_id(), "WO-2");
  EXPECT_EQ(waiting->approvals(0).amount().minor_units(), 30000);

  // A second manager approves: stock moves by exactly the request.
  auto approved = Approve(manager_b_, "WO-2");
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->request().state(),
            v1::STOCK_ADJUSTMENT_REQUEST_STATE_POSTED);
  EXPECT_EQ(approved->stock_movement().quantity_milli(), -3000);
  EXPECT_EQ(approved->value().minor_units(), -30000);
  EXPECT_EQ(OnHand(), start - 5000);
  EXPECT_TRUE(Approve(manager_b_, "WO-2").ok()) << "approving again";
  EXPECT_EQ(OnHand(), start - 5000);
  auto maker_retry = WriteOff(staff_, "WO-2", 3);
  ASSERT_TRUE(maker_retry.ok()) << maker_retry.status();
  EXPECT_TRUE(maker_retry->replayed());
  EXPECT_FALSE(maker_retry->has_approval_request());
  EXPECT_EQ(maker_retry->stock_movement().quantity_milli(), -3000);

  // Rejected: nothing moves, and a reason is required.
  v1::RejectStockAdjustmentRequest reject;
  reject.set_store_code(kStore);
  reject.set_adjustment_id("WO-3");
  EXPECT_EQ(InventoryClient(server_->Connect(manager_b_))
                .RejectStockAdjustment(reject)
                .status()
                .reason(),
            "REASON_REQUIRED");
  reject.set_reason("the crate was only dented");
  ASSERT_TRUE(InventoryClient(server_->Connect(manager_b_))
                  .RejectStockAdjustment(reject)
                  .ok());
  EXPECT_EQ(Approve(manager_b_, "WO-3").status().reason(),
            "REQUEST_NOT_PENDING");
  EXPECT_EQ(OnHand(), start - 5000);

  // Head office is the checker and writes off at once.
  auto by_head_office = WriteOff(head_office_, "WO-4", 4);
  ASSERT_TRUE(by_head_office.ok()) << by_head_office.status();
  EXPECT_FALSE(by_head_office->has_approval_request());
  EXPECT_EQ(OnHand(), start - 9000);

  v1::ListStockAdjustmentRequestsRequest list;
  list.set_store_code(kStore);
  std::vector<std::string> ids;
  ASSERT_TRUE(InventoryClient(server_->Connect(staff_))
                  .ForEachStockAdjustmentRequest(
                      list,
                      [&](const v1::StockAdjustmentRequest& r) {
                        ids.push_back(r.adjustment_id());
                        return true;
                      })
                  .ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"WO-3", "WO-2"}));
  ExpectCleanLedger();
}

TEST_F(WriteOffE2eTest, ServerKilledMidWriteOffsPostsEachOnce) {
  constexpr int kWriteOffs = 10;
  const std::int64_t start = OnHand();
  auto client = [&](const std::string& token) {
    return InventoryClient(testing::RetryingConnection(*server_, token));
  };
  InventoryClient maker = client(staff_);
  InventoryClient checker = client(manager_b_);
  auto run = [&](int i) -> Status {
    v1::AdjustStockRequest r;
    r.set_adjustment_id("WO-K" + std::to_string(i));
    r.set_store_code(kStore);
    r.set_sku("WO-OIL");
    r.set_quantity_delta_milli(-3000);
    r.set_reason(v1::ADJUSTMENT_REASON_THEFT);
    if (auto asked = maker.AdjustStock(r); !asked.ok()) return asked.status();
    v1::ApproveStockAdjustmentRequest approve;
    approve.set_store_code(kStore);
    approve.set_adjustment_id(r.adjustment_id());
    return checker.ApproveStockAdjustment(approve).status();
  };
  testing::RunThroughAKill(*server_, kWriteOffs, 2, "write-off", run);
  for (int i = 1; i <= kWriteOffs; ++i) ASSERT_TRUE(run(i).ok()) << i;
  EXPECT_EQ(
      scratch_->CountRows("stock_adjustments WHERE adjustment_id LIKE 'WO-K%'"),
      kWriteOffs);
  EXPECT_EQ(scratch_->CountRows("stock_adjustment_requests WHERE "
                                "adjustment_id LIKE 'WO-K%' AND state = "
                                "'POSTED'"),
            kWriteOffs);
  EXPECT_EQ(OnHand(), start - kWriteOffs * 3000);
  ExpectCleanLedger();
}

TEST_F(WriteOffE2eTest, VerifyFindsEachBrokenWriteOffInvariant) {
  ASSERT_TRUE(WriteOff(staff_, "WO-V", 3).ok());
  ASSERT_TRUE(Approve(manager_a_, "WO-V").ok());
  ExpectCleanLedger();
  const std::string db = scratch_->config().database;
  auto expect_kind = [&](const std::string& what) {
    testing::ExpectViolation(*server_, head_office_, "STOCK_WRITE_OFF_MISMATCH",
                             what);
  };
  scratch_->Execute("UPDATE " + db +
                    ".stock_adjustment_requests SET decided_by = "
                    "requested_by WHERE adjustment_id = 'WO-V'");
  expect_kind("self-approved");
  scratch_->Execute("UPDATE " + db +
                    ".stock_adjustment_requests SET decided_by = "
                    "'tok_999999' WHERE adjustment_id = 'WO-V'");
  ExpectCleanLedger();
  scratch_->Execute("UPDATE " + db +
                    ".stock_adjustments SET value_minor = value_minor + 1 "
                    "WHERE adjustment_id = 'WO-V'");
  expect_kind("value not at cost");
  scratch_->Execute("UPDATE " + db +
                    ".stock_adjustments SET value_minor = value_minor - 1 "
                    "WHERE adjustment_id = 'WO-V'");
  scratch_->Execute("UPDATE " + db +
                    ".stock_adjustment_requests SET quantity_delta_milli = "
                    "quantity_delta_milli - 1 WHERE adjustment_id = 'WO-V'");
  expect_kind("posted other than asked");
  scratch_->Execute("UPDATE " + db +
                    ".stock_adjustment_requests SET quantity_delta_milli = "
                    "quantity_delta_milli + 1 WHERE adjustment_id = 'WO-V'");
  ExpectCleanLedger();
}

}  // namespace
}  // namespace backoffice
