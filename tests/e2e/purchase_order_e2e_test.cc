// Purchase orders through the real server, the SDK and the CLI: a replayed
// create, maker-checker over the wire (the maker's own approval refused
// whatever the role, a second manager approves, head office above the
// limit), a stale etag, store scope, the CLI's order commands, and a
// SIGKILL of the server while orders are created and submitted.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "backoffice/client.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using testing::RunCli;
using testing::RunningServer;
using testing::ScratchDatabase;

class PurchaseOrderE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      CatalogClient admin(server_->Connect(server_->admin_token()));
      for (const std::string code : {"S1", "S2"}) {
        v1::CreateStoreRequest s;
        s.mutable_store()->set_code(code);
        s.mutable_store()->set_display_name("Toko " + code);
        s.mutable_store()->set_time_zone("Asia/Jakarta");
        s.mutable_store()->set_currency_code("IDR");
        Must(admin.CreateStore(s).status());
      }
      v1::CreateProductRequest p;
      p.mutable_product()->set_sku("RICE");
      p.mutable_product()->set_display_name("Beras");
      p.mutable_product()->set_unit_of_measure("pcs");
      p.mutable_product()->set_tax_rate_basis_points(1100);
      p.mutable_product()->mutable_default_price()->set_currency_code("IDR");
      p.mutable_product()->mutable_default_price()->set_minor_units(78000);
      p.mutable_product()->set_active(true);
      Must(admin.CreateProduct(p).status());
      v1::CreateSupplierRequest supplier;
      supplier.mutable_supplier()->set_code("SUP1");
      supplier.mutable_supplier()->set_display_name("PT Beras");
      supplier.mutable_supplier()->set_payment_terms_days(30);
      supplier.mutable_supplier()->set_active(true);
      Must(admin.CreateSupplier(supplier).status());
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, "S1");
      manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, "S1");
      manager_s2_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, "S2");
      v1::CreateSupplierItemRequest item;
      auto* i = item.mutable_supplier_item();
      i->set_supplier_code("SUP1");
      i->set_sku("RICE");
      i->set_supplier_sku("B5");
      i->set_pack_size_milli(4000);
      i->set_min_order_quantity_milli(8000);
      i->mutable_unit_cost()->set_currency_code("IDR");
      i->mutable_unit_cost()->set_minor_units(65000);
      i->set_tax_rate_basis_points(1100);
      i->set_lead_time_days(2);
      i->set_active(true);
      Must(PurchasingClient(server_->Connect(head_office_))
               .CreateSupplierItem(item)
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

  static PurchaseOrderClient Client(const std::string& token) {
    return PurchaseOrderClient(server_->Connect(token));
  }

  // A client that keeps retrying while the server is down and restarting.
  static PurchaseOrderClient PatientClient(const std::string& token) {
    ConnectionOptions options;
    options.address = server_->address();
    options.token = token;
    options.timeout = std::chrono::milliseconds(5000);
    options.retry.max_attempts = 60;
    options.retry.initial_backoff = std::chrono::milliseconds(50);
    options.retry.max_backoff = std::chrono::milliseconds(250);
    return PurchaseOrderClient(*MakeConnection(options));
  }

  static inline ScratchDatabase* scratch_ = nullptr;
  static inline RunningServer* server_ = nullptr;
  static inline std::string head_office_;
  static inline std::string manager_a_;
  static inline std::string manager_b_;
  static inline std::string manager_s2_;
};

TEST_F(PurchaseOrderE2eTest, MakerCheckerOverTheWire) {
  PurchaseOrderClient maker = Client(manager_a_);
  v1::CreatePurchaseOrderRequest create;
  create.set_store_code("S1");
  create.set_order_id("PO-E2E-1");
  create.set_supplier_code("SUP1");
  auto* line = create.add_lines();
  line->set_sku("RICE");
  line->set_quantity_milli(8000);
  auto created = maker.CreatePurchaseOrder(create);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_FALSE(created->replayed());
  EXPECT_EQ(created->purchase_order().total_cost().minor_units(), 520000);
  // The same request again is a replay; other content under the id is not.
  auto replayed = maker.CreatePurchaseOrder(create);
  ASSERT_TRUE(replayed.ok()) << replayed.status();
  EXPECT_TRUE(replayed->replayed());
  line->set_quantity_milli(12000);
  auto reused = maker.CreatePurchaseOrder(create);
  EXPECT_EQ(reused.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(reused.status().reason(), "IDEMPOTENCY_KEY_REUSED");

  v1::SubmitPurchaseOrderRequest submit;
  submit.set_store_code("S1");
  submit.set_order_id("PO-E2E-1");
  submit.set_etag(created->purchase_order().etag());
  auto submitted = maker.SubmitPurchaseOrder(submit);
  ASSERT_TRUE(submitted.ok()) << submitted.status();

  v1::ApprovePurchaseOrderRequest approve;
  approve.set_store_code("S1");
  approve.set_order_id("PO-E2E-1");
  approve.set_etag(created->purchase_order().etag());  // stale
  auto stale = Client(manager_b_).ApprovePurchaseOrder(approve);
  EXPECT_EQ(stale.status().code(), StatusCode::kAborted);
  EXPECT_EQ(stale.status().reason(), "ETAG_MISMATCH");
  approve.set_etag(submitted->purchase_order().etag());
  auto self = maker.ApprovePurchaseOrder(approve);
  EXPECT_EQ(self.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(self.status().reason(), "SELF_APPROVAL_FORBIDDEN");
  auto other_store = Client(manager_s2_).ApprovePurchaseOrder(approve);
  EXPECT_EQ(other_store.status().reason(), "STORE_OUT_OF_SCOPE");
  auto approved = Client(manager_b_).ApprovePurchaseOrder(approve);
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->purchase_order().state(),
            v1::PURCHASE_ORDER_STATE_APPROVED);
  // A retried approval by the same approver returns the order unchanged.
  auto again = Client(manager_b_).ApprovePurchaseOrder(approve);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->purchase_order().etag(), approved->purchase_order().etag());
}

TEST_F(PurchaseOrderE2eTest, AboveTheLimitHeadOfficeApprovesAndTheCliShows) {
  v1::UpdatePurchasingSettingsRequest limit;
  limit.mutable_settings()->set_store_code("S1");
  limit.mutable_settings()->mutable_approval_limit()->set_minor_units(100000);
  limit.mutable_update_mask()->add_paths("approval_limit");
  ASSERT_TRUE(Client(head_office_).UpdatePurchasingSettings(limit).ok());
  EXPECT_EQ(
      Client(manager_a_).UpdatePurchasingSettings(limit).status().reason(),
      "ROLE_NOT_ALLOWED");

  std::string out;
  std::string err;
  ASSERT_EQ(RunCli(*server_, manager_a_,
                   {"order", "create", "--store", "S1", "--id", "PO-E2E-2",
                    "--supplier", "SUP1", "--line", "RICE=8", "-o", "json"},
                   &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("\"order_id\": \"PO-E2E-2\""), std::string::npos) << out;
  ASSERT_EQ(RunCli(*server_, manager_a_,
                   {"order", "submit", "--store", "S1", "--id", "PO-E2E-2",
                    "--etag", "1"},
                   &out, &err),
            0)
      << err;
  // A submitted order no longer takes lines.
  EXPECT_NE(RunCli(*server_, manager_a_,
                   {"order", "add", "--store", "S1", "--id", "PO-E2E-2",
                    "--etag", "2", "--line", "RICE=1"},
                   &out, &err),
            0);
  EXPECT_NE(err.find("ORDER_NOT_DRAFT"), std::string::npos) << err;
  EXPECT_NE(RunCli(*server_, manager_b_,
                   {"order", "approve", "--store", "S1", "--id", "PO-E2E-2",
                    "--etag", "2"},
                   &out, &err),
            0);
  EXPECT_NE(err.find("APPROVAL_LIMIT_EXCEEDED"), std::string::npos) << err;
  ASSERT_EQ(RunCli(*server_, head_office_,
                   {"order", "approve", "--store", "S1", "--id", "PO-E2E-2",
                    "--etag", "2"},
                   &out, &err),
            0)
      << err;
  ASSERT_EQ(
      RunCli(*server_, manager_a_,
             {"order", "get", "--store", "S1", "--id", "PO-E2E-2"}, &out, &err),
      0)
      << err;
  EXPECT_NE(out.find("APPROVED"), std::string::npos) << out;
  ASSERT_EQ(
      RunCli(*server_, manager_a_, {"order", "suggest", "S1"}, &out, &err), 0)
      << err;
}

// Orders are created and submitted (each create and submit retried by the
// SDK, the create by its order id, the submit by the order's state) while
// the server is killed and restarted: every order exists once, submitted,
// with one audit record per action, and the books verify clean.
TEST_F(PurchaseOrderE2eTest, ServerKilledMidOrdersLosesAndDoublesNothing) {
  constexpr int kOrders = 80;
  std::atomic<int> done{0};
  std::atomic<int> failed{0};
  std::thread buyer([&] {
    PurchaseOrderClient orders = PatientClient(manager_s2_);
    for (int i = 1; i <= kOrders; ++i) {
      v1::CreatePurchaseOrderRequest create;
      create.set_store_code("S2");
      create.set_order_id("PO-KILL-" + std::to_string(i));
      create.set_supplier_code("SUP1");
      auto* line = create.add_lines();
      line->set_sku("RICE");
      line->set_quantity_milli(4000 * (2 + i % 3));
      auto created = orders.CreatePurchaseOrder(create);
      if (!created.ok()) {
        ++failed;
        ADD_FAILURE() << "create " << i << ": " << created.status();
        continue;
      }
      v1::SubmitPurchaseOrderRequest submit;
      submit.set_store_code("S2");
      submit.set_order_id(create.order_id());
      submit.set_etag(created->purchase_order().etag());
      auto submitted = orders.SubmitPurchaseOrder(submit);
      if (!submitted.ok()) {
        ++failed;
        ADD_FAILURE() << "submit " << i << ": " << submitted.status();
      }
      ++done;
    }
  });
  while (done.load() < 15) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  server_->Kill();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server_->Restart();
  buyer.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(scratch_->CountRows("purchase_orders WHERE order_id LIKE "
                                "'PO-KILL-%' AND state = 'SUBMITTED'"),
            kOrders);
  EXPECT_EQ(scratch_->CountRows("audit_records WHERE entity_type = "
                                "'purchase_order' AND entity_id LIKE "
                                "'PO-KILL-%'"),
            2 * kOrders);
  ReconciliationClient reconciliation(server_->Connect(head_office_));
  auto report = reconciliation.VerifyLedger(v1::VerifyLedgerRequest());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->violations_size(), 0) << report->DebugString();
}

}  // namespace
}  // namespace backoffice
