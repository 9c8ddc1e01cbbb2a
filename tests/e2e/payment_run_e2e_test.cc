// Payment runs through the real server and the SDK: one run prepared by
// one person pays every supplier owed by a day, once a second person
// approves it (never the preparer, head office above the store's limit);
// replays and stale runs; a rejected run frees its payables; blocked
// invoices stay out; a run line's payment is reversed like any other;
// verify clean after all of it and after a SIGKILL of the server during
// runs, and finding each broken run invariant.
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

using testing::RunCli;
using testing::RunningServer;
using testing::ScratchDatabase;

constexpr char kStore[] = "PR";

class PaymentRunE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      CatalogClient admin(server_->Connect(server_->admin_token()));
      v1::CreateStoreRequest s;
      s.mutable_store()->set_code(kStore);
      s.mutable_store()->set_display_name("Toko Bayar");
      s.mutable_store()->set_time_zone("Asia/Jakarta");
      s.mutable_store()->set_currency_code("IDR");
      Must(admin.CreateStore(s).status());
      v1::CreateProductRequest p;
      p.mutable_product()->set_sku("PR-OIL");
      p.mutable_product()->set_display_name("Minyak");
      p.mutable_product()->set_unit_of_measure("pcs");
      *p.mutable_product()->mutable_default_price() = Idr(20000);
      p.mutable_product()->set_active(true);
      Must(admin.CreateProduct(p).status());
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      staff_ = server_->CreateToken(v1::ROLE_STORE_STAFF, kStore);
      manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      // Runs up to 1,000,000 are a store manager's to approve; supplier
      // payments by hand up to it need no second person.
      v1::UpdateCreditSettingsRequest settings;
      auto* c = settings.mutable_settings();
      c->set_store_code(kStore);
      *c->mutable_supplier_payment_approval_limit() = Idr(1000000);
      *c->mutable_write_off_head_office_limit() = Idr(0);
      *c->mutable_invoice_match_tolerance() = Idr(0);
      *c->mutable_payment_run_head_office_limit() = Idr(1000000);
      Must(CreditClient(server_->Connect(head_office_))
               .UpdateCreditSettings(settings)
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

  static void MakeSupplier(const std::string& code, int terms_days = 14) {
    v1::CreateSupplierRequest supplier;
    supplier.mutable_supplier()->set_code(code);
    supplier.mutable_supplier()->set_display_name("PT " + code);
    supplier.mutable_supplier()->set_payment_terms_days(terms_days);
    supplier.mutable_supplier()->set_active(true);
    Must(CatalogClient(server_->Connect(head_office_))
             .CreateSupplier(supplier)
             .status());
    v1::CreateSupplierItemRequest item;
    auto* i = item.mutable_supplier_item();
    i->set_supplier_code(code);
    i->set_sku("PR-OIL");
    i->set_supplier_sku(code + "-OIL");
    i->set_pack_size_milli(1000);
    i->set_min_order_quantity_milli(1000);
    *i->mutable_unit_cost() = Idr(10000);
    i->set_tax_rate_basis_points(0);
    i->set_lead_time_days(1);
    i->set_active(true);
    Must(PurchasingClient(server_->Connect(head_office_))
             .CreateSupplierItem(item)
             .status());
  }

  // A market delivery of `units` without an order, approved by a second
  // manager; returns its payable.
  static std::int64_t Deliver(const std::string& supplier,
                              const std::string& receipt_id, int units) {
    v1::CreateGoodsReceiptRequest receipt;
    receipt.set_store_code(kStore);
    receipt.set_receipt_id(receipt_id);
    receipt.set_supplier_code(supplier);
    auto* line = receipt.add_lines();
    line->set_sku("PR-OIL");
    line->set_received_milli(units * 1000);
    Must(GoodsReceiptClient(server_->Connect(manager_a_))
             .CreateGoodsReceipt(receipt)
             .status());
    v1::ApproveGoodsReceiptRequest approve;
    approve.set_store_code(kStore);
    approve.set_receipt_id(receipt_id);
    auto approved = GoodsReceiptClient(server_->Connect(manager_b_))
                        .ApproveGoodsReceipt(approve);
    Must(approved.status());
    return approved->goods_receipt().payable_amount().minor_units();
  }

  static StatusOr<v1::PreparePaymentRunResponse> Prepare(
      const std::string& token, const std::string& run_id, int due_in_days,
      const std::vector<std::string>& suppliers = {}) {
    v1::PreparePaymentRunRequest r;
    r.set_store_code(kStore);
    r.set_payment_run_id(run_id);
    r.set_due_by_day(JakartaDayFromToday(due_in_days));
    r.set_reference("BATCH-" + run_id);
    for (const auto& s : suppliers) r.add_supplier_codes(s);
    return CreditClient(server_->Connect(token)).PreparePaymentRun(r);
  }

  static StatusOr<v1::ApprovePaymentRunResponse> Approve(
      const std::string& token, const std::string& run_id) {
    v1::ApprovePaymentRunRequest r;
    r.set_store_code(kStore);
    r.set_payment_run_id(run_id);
    return CreditClient(server_->Connect(token)).ApprovePaymentRun(r);
  }

  static std::int64_t Balance(const std::string& supplier) {
    v1::GetAccountRequest get;
    get.set_store_code(kStore);
    get.mutable_party()->set_kind(v1::PARTY_KIND_SUPPLIER);
    get.mutable_party()->set_code(supplier);
    auto account = CreditClient(server_->Connect(manager_a_)).GetAccount(get);
    if (!account.ok()) {
      ADD_FAILURE() << supplier << ": " << account.status();
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

TEST_F(PaymentRunE2eTest,
       OnePreparesAnotherApprovesAndEverySupplierIsPaidOnce) {
  MakeSupplier("PR-A");
  MakeSupplier("PR-B");
  MakeSupplier("PR-LATER", 60);
  const std::int64_t a1 = Deliver("PR-A", "PR-GR-A1", 3);
  const std::int64_t a2 = Deliver("PR-A", "PR-GR-A2", 2);
  const std::int64_t b1 = Deliver("PR-B", "PR-GR-B1", 4);
  const std::int64_t later = Deliver("PR-LATER", "PR-GR-L1", 1);
  ASSERT_EQ(a1, 30000);
  ASSERT_EQ(b1, 40000);

  // Prepared by a manager: what is due within 30 days, per supplier.
  auto prepared = Prepare(manager_a_, "RUN-1", 30);
  ASSERT_TRUE(prepared.ok()) << prepared.status();
  const v1::PaymentRun& run = prepared->payment_run();
  EXPECT_EQ(run.state(), v1::PAYMENT_RUN_STATE_PENDING_APPROVAL);
  EXPECT_EQ(run.method(), v1::PAYMENT_METHOD_BANK_TRANSFER);
  ASSERT_EQ(run.lines_size(), 2);
  EXPECT_EQ(run.lines(0).supplier_code(), "PR-A");
  EXPECT_EQ(run.lines(0).payables_size(), 2);
  EXPECT_EQ(run.lines(0).amount().minor_units(), a1 + a2);
  EXPECT_EQ(run.lines(1).supplier_code(), "PR-B");
  EXPECT_EQ(run.lines(1).amount().minor_units(), b1);
  EXPECT_EQ(run.total().minor_units(), a1 + a2 + b1);
  EXPECT_FALSE(run.needs_head_office());
  EXPECT_EQ(run.lines(0).document_number(), 0);
  EXPECT_EQ(Balance("PR-A"), a1 + a2) << "nothing is paid before approval";

  // The same run again is a replay; the id with other content is refused;
  // a second run finds nothing left that another run does not hold.
  auto replay = Prepare(manager_a_, "RUN-1", 30);
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->replayed());
  EXPECT_EQ(replay->payment_run().total().minor_units(), a1 + a2 + b1);
  auto reused = Prepare(manager_a_, "RUN-1", 31);
  EXPECT_EQ(reused.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(reused.status().reason(), "IDEMPOTENCY_KEY_REUSED");
  auto second = Prepare(staff_, "RUN-2", 30);
  EXPECT_EQ(second.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(second.status().reason(), "NOTHING_DUE");

  // The preparer may not approve, whatever the role; staff never; a
  // second manager does.
  auto self = Approve(manager_a_, "RUN-1");
  EXPECT_EQ(self.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(self.status().reason(), "SELF_APPROVAL_FORBIDDEN");
  EXPECT_EQ(Approve(staff_, "RUN-1").status().code(),
            StatusCode::kPermissionDenied);
  auto approved = Approve(manager_b_, "RUN-1");
  ASSERT_TRUE(approved.ok()) << approved.status();
  const v1::PaymentRun& posted = approved->payment_run();
  EXPECT_EQ(posted.state(), v1::PAYMENT_RUN_STATE_POSTED);
  EXPECT_FALSE(posted.decided_by().empty());
  EXPECT_NE(posted.decided_by(), posted.prepared_by());
  EXPECT_EQ(posted.lines(0).payment_id(), "RUN-1.1");
  EXPECT_GT(posted.lines(0).document_number(), 0);
  EXPECT_EQ(Balance("PR-A"), 0);
  EXPECT_EQ(Balance("PR-B"), 0);
  EXPECT_EQ(Balance("PR-LATER"), later) << "not due by the run's day";

  // Approving again returns the posted run and pays nothing more; it can
  // no longer be rejected.
  auto again = Approve(head_office_, "RUN-1");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(Approve(manager_a_, "RUN-1").status().reason(),
            "SELF_APPROVAL_FORBIDDEN")
      << "a decided run is not read back as its preparer's approval";
  EXPECT_EQ(again->payment_run().lines(0).document_number(),
            posted.lines(0).document_number());
  EXPECT_EQ(
      scratch_->CountRows("party_documents WHERE source_type = 'PAYMENT_RUN'"),
      2);
  v1::RejectPaymentRunRequest reject;
  reject.set_store_code(kStore);
  reject.set_payment_run_id("RUN-1");
  reject.set_reason("too late");
  auto late =
      CreditClient(server_->Connect(head_office_)).RejectPaymentRun(reject);
  EXPECT_EQ(late.status().reason(), "PAYMENT_RUN_NOT_PENDING");

  // A bounced transfer of one line is reversed like any payment: that
  // supplier's payables are open again.
  v1::ReversePaymentRequest reverse;
  reverse.set_store_code(kStore);
  reverse.set_payment_id("RUN-1.2");
  reverse.set_reason("transfer bounced");
  auto reversed =
      CreditClient(server_->Connect(manager_a_)).ReversePayment(reverse);
  ASSERT_TRUE(reversed.ok()) << reversed.status();
  EXPECT_EQ(Balance("PR-B"), b1);

  // Listed, newest first, and read back whole.
  v1::ListPaymentRunsRequest list;
  list.set_store_code(kStore);
  std::vector<std::string> ids;
  ASSERT_TRUE(CreditClient(server_->Connect(staff_))
                  .ForEachPaymentRun(list,
                                     [&](const v1::PaymentRun& r) {
                                       ids.push_back(r.payment_run_id());
                                       return true;
                                     })
                  .ok());
  EXPECT_EQ(ids, std::vector<std::string>{"RUN-1"});
  v1::GetPaymentRunRequest get;
  get.set_store_code(kStore);
  get.set_payment_run_id("RUN-1");
  auto read = CreditClient(server_->Connect(staff_)).GetPaymentRun(get);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->payment_run().lines(0).payables_size(), 2);
  ExpectCleanLedger();
}

TEST_F(PaymentRunE2eTest, StaleRunsAreRefusedRejectedRunsFreeTheirPayables) {
  MakeSupplier("PR-C");
  MakeSupplier("PR-D");
  const std::int64_t c1 = Deliver("PR-C", "PR-GR-C1", 2);
  const std::int64_t d1 = Deliver("PR-D", "PR-GR-D1", 5);
  auto prepared = Prepare(staff_, "RUN-C", 30, {"PR-C", "PR-D"});
  ASSERT_TRUE(prepared.ok()) << prepared.status();
  ASSERT_EQ(prepared->payment_run().total().minor_units(), c1 + d1);

  // The payable of PR-C is paid by hand meanwhile: the run is stale and
  // its approval posts nothing, not even PR-D's line.
  v1::RecordPaymentRequest by_hand;
  by_hand.set_store_code(kStore);
  by_hand.set_payment_id("PR-C-HAND");
  by_hand.mutable_party()->set_kind(v1::PARTY_KIND_SUPPLIER);
  by_hand.mutable_party()->set_code("PR-C");
  *by_hand.mutable_amount() = Idr(c1);
  by_hand.set_method(v1::PAYMENT_METHOD_CASH);
  ASSERT_TRUE(
      CreditClient(server_->Connect(manager_a_)).RecordPayment(by_hand).ok());
  auto stale = Approve(manager_a_, "RUN-C");
  EXPECT_EQ(stale.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(stale.status().reason(), "PAYMENT_RUN_STALE");
  EXPECT_EQ(Balance("PR-D"), d1);
  EXPECT_EQ(scratch_->CountRows(
                "party_documents WHERE source_type = 'PAYMENT_RUN' AND "
                "source_id = 'RUN-C'"),
            0);

  // Rejected (a reason is required): PR-D's payable is free for the next
  // run, which pays it.
  v1::RejectPaymentRunRequest reject;
  reject.set_store_code(kStore);
  reject.set_payment_run_id("RUN-C");
  EXPECT_EQ(CreditClient(server_->Connect(manager_a_))
                .RejectPaymentRun(reject)
                .status()
                .reason(),
            "REASON_REQUIRED");
  reject.set_reason("PR-C was paid in cash");
  auto rejected =
      CreditClient(server_->Connect(manager_a_)).RejectPaymentRun(reject);
  ASSERT_TRUE(rejected.ok()) << rejected.status();
  EXPECT_EQ(rejected->payment_run().state(), v1::PAYMENT_RUN_STATE_REJECTED);
  EXPECT_EQ(Approve(manager_b_, "RUN-C").status().reason(),
            "PAYMENT_RUN_NOT_PENDING");
  auto next = Prepare(staff_, "RUN-D", 30, {"PR-C", "PR-D"});
  ASSERT_TRUE(next.ok()) << next.status();
  ASSERT_EQ(next->payment_run().lines_size(), 1);
  EXPECT_EQ(next->payment_run().lines(0).supplier_code(), "PR-D");

  // Above the store's run limit, only head office approves.
  MakeSupplier("PR-BIG");
  Deliver("PR-BIG", "PR-GR-BIG", 150);
  auto big = Prepare(manager_a_, "RUN-BIG", 30, {"PR-BIG"});
  ASSERT_TRUE(big.ok()) << big.status();
  EXPECT_TRUE(big->payment_run().needs_head_office());
  EXPECT_EQ(Approve(manager_b_, "RUN-BIG").status().reason(),
            "APPROVAL_LIMIT_EXCEEDED");
  ASSERT_TRUE(Approve(head_office_, "RUN-BIG").ok());
  EXPECT_EQ(Balance("PR-BIG"), 0);

  // Payables billed by a blocked invoice stay out of every run.
  MakeSupplier("PR-E");
  Deliver("PR-E", "PR-GR-E1", 1);
  v1::MatchSupplierInvoiceRequest invoice;
  invoice.set_store_code(kStore);
  invoice.set_invoice_id("PR-INV-E1");
  invoice.set_supplier_code("PR-E");
  invoice.set_supplier_document("E/001");
  invoice.add_receipt_ids("PR-GR-E1");
  *invoice.mutable_invoice_amount() = Idr(15000);
  auto matched =
      CreditClient(server_->Connect(staff_)).MatchSupplierInvoice(invoice);
  ASSERT_TRUE(matched.ok()) << matched.status();
  ASSERT_EQ(matched->invoice().state(), v1::SUPPLIER_INVOICE_STATE_BLOCKED);
  EXPECT_EQ(Prepare(staff_, "RUN-E", 30, {"PR-E"}).status().reason(),
            "NOTHING_DUE");
  // Bad input names its field.
  auto bad = Prepare(staff_, "RUN.X", 30);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  auto unknown = Prepare(staff_, "RUN-X", 30, {"PR-NOBODY"});
  EXPECT_EQ(unknown.status().reason(), "SUPPLIER_NOT_FOUND");
  ExpectCleanLedger();
}

TEST_F(PaymentRunE2eTest, TheCliPreparesApprovesAndShowsARun) {
  MakeSupplier("PR-CLI");
  const std::int64_t owed = Deliver("PR-CLI", "PR-GR-CLI1", 3);
  std::string out, err;
  ASSERT_EQ(RunCli(*server_, manager_a_,
                   {"payment-run", "prepare", kStore, "--due-by",
                    JakartaDayFromToday(30), "--supplier", "PR-CLI", "--id",
                    "RUN-CLI", "--reference", "BCA-1"},
                   &out, &err),
            0)
      << err;
  EXPECT_NE(err.find("backofficectl payment-run approve PR RUN-CLI"),
            std::string::npos)
      << err;
  // The preparer's approval fails with the reason, and nothing is paid.
  EXPECT_NE(RunCli(*server_, manager_a_,
                   {"payment-run", "approve", kStore, "RUN-CLI"}, &out, &err),
            0);
  EXPECT_NE(err.find("SELF_APPROVAL_FORBIDDEN"), std::string::npos) << err;
  EXPECT_EQ(Balance("PR-CLI"), owed);
  ASSERT_EQ(RunCli(*server_, manager_b_,
                   {"payment-run", "approve", kStore, "RUN-CLI"}, &out, &err),
            0)
      << err;
  EXPECT_EQ(Balance("PR-CLI"), 0);
  ASSERT_EQ(RunCli(*server_, staff_,
                   {"payment-run", "get", kStore, "RUN-CLI", "-o", "json"},
                   &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("PAYMENT_RUN_STATE_POSTED"), std::string::npos) << out;
  EXPECT_NE(out.find("RUN-CLI.1"), std::string::npos) << out;
  ASSERT_EQ(
      RunCli(*server_, staff_,
             {"payment-run", "list", kStore, "--state", "posted"}, &out, &err),
      0)
      << err;
  EXPECT_NE(out.find("RUN-CLI"), std::string::npos) << out;
}

TEST_F(PaymentRunE2eTest, ServerKilledMidRunsPostsEachOnce) {
  constexpr int kRuns = 12;
  for (int i = 1; i <= kRuns; ++i) {
    const std::string code = "PR-K" + std::to_string(i);
    MakeSupplier(code);
    Deliver(code, "PR-GR-K" + std::to_string(i), 1);
  }
  auto client = [&](const std::string& token) {
    return CreditClient(testing::RetryingConnection(*server_, token));
  };
  CreditClient maker = client(staff_);
  CreditClient checker = client(manager_b_);
  auto prepare = [&](int i) {
    v1::PreparePaymentRunRequest r;
    r.set_store_code(kStore);
    r.set_payment_run_id("RUN-K" + std::to_string(i));
    r.set_due_by_day(JakartaDayFromToday(30));
    r.add_supplier_codes("PR-K" + std::to_string(i));
    return maker.PreparePaymentRun(r);
  };
  auto approve = [&](int i) {
    v1::ApprovePaymentRunRequest r;
    r.set_store_code(kStore);
    r.set_payment_run_id("RUN-K" + std::to_string(i));
    return checker.ApprovePaymentRun(r);
  };
  std::atomic<int> done{0};
  std::atomic<int> failed{0};
  std::thread runs([&] {
    for (int i = 1; i <= kRuns; ++i) {
      auto p = prepare(i);
      auto a = p.ok() ? approve(i)
                      : StatusOr<v1::ApprovePaymentRunResponse>(p.status());
      if (!a.ok()) {
        ++failed;
        ADD_FAILURE() << "run " << i << ": " << a.status();
      }
      ++done;
    }
  });
  while (done.load() < 3) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  server_->Kill();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server_->Restart();
  runs.join();
  EXPECT_EQ(failed.load(), 0);
  for (int i = 1; i <= kRuns; ++i) {
    auto p = prepare(i);
    ASSERT_TRUE(p.ok()) << i << ": " << p.status();
    EXPECT_TRUE(p->replayed()) << i;
    auto a = approve(i);
    ASSERT_TRUE(a.ok()) << i << ": " << a.status();
    EXPECT_EQ(a->payment_run().state(), v1::PAYMENT_RUN_STATE_POSTED);
    EXPECT_EQ(Balance("PR-K" + std::to_string(i)), 0) << i;
  }
  EXPECT_EQ(scratch_->CountRows("payment_runs WHERE payment_run_id LIKE "
                                "'RUN-K%'"),
            kRuns);
  EXPECT_EQ(scratch_->CountRows(
                "party_documents WHERE source_type = 'PAYMENT_RUN' AND "
                "source_id LIKE 'RUN-K%'"),
            kRuns);
  ExpectCleanLedger();
}

TEST_F(PaymentRunE2eTest, VerifyFindsEachBrokenRunInvariant) {
  MakeSupplier("PR-V");
  Deliver("PR-V", "PR-GR-V1", 2);
  ASSERT_TRUE(Prepare(staff_, "RUN-V", 30, {"PR-V"}).ok());
  ASSERT_TRUE(Approve(manager_b_, "RUN-V").ok());
  ExpectCleanLedger();
  const std::string db = scratch_->config().database;
  auto expect_kind = [&](const std::string& what) {
    testing::ExpectViolation(*server_, head_office_, "PAYMENT_RUN_MISMATCH",
                             what);
  };
  const std::string run =
      "(SELECT id FROM " + db + ".payment_runs WHERE payment_run_id = 'RUN-V')";
  // Decided by its own preparer.
  scratch_->Execute("UPDATE " + db +
                    ".payment_runs SET decided_by = prepared_by WHERE "
                    "payment_run_id = 'RUN-V'");
  expect_kind("self-approved");
  scratch_->Execute("UPDATE " + db +
                    ".payment_runs SET decided_by = 'tok_999999' WHERE "
                    "payment_run_id = 'RUN-V'");
  ExpectCleanLedger();
  // A total that is not its lines'.
  scratch_->Execute("UPDATE " + db +
                    ".payment_runs SET total_minor = total_minor + 1 WHERE "
                    "payment_run_id = 'RUN-V'");
  expect_kind("total");
  scratch_->Execute("UPDATE " + db +
                    ".payment_runs SET total_minor = total_minor - 1 WHERE "
                    "payment_run_id = 'RUN-V'");
  // A posted run whose line has no payment.
  scratch_->Execute("UPDATE " + db + ".payment_run_lines l JOIN " + db +
                    ".payment_runs r ON r.id = l.run_pk SET l.document_id = "
                    "NULL WHERE r.payment_run_id = 'RUN-V'");
  expect_kind("unpaid line");
  scratch_->Execute("UPDATE " + db + ".payment_run_lines l JOIN " + db +
                    ".payment_runs r ON r.id = l.run_pk JOIN " + db +
                    ".party_documents d ON d.source_type = 'PAYMENT_RUN' AND "
                    "d.source_id = 'RUN-V' SET l.document_id = d.id WHERE "
                    "r.payment_run_id = 'RUN-V'");
  ExpectCleanLedger();
  // A decided run that still reserves its payable.
  scratch_->Execute("UPDATE " + db +
                    ".payment_run_items SET reserved_document_id = "
                    "document_id WHERE run_pk = " +
                    run);
  expect_kind("reservation");
  scratch_->Execute("UPDATE " + db +
                    ".payment_run_items SET reserved_document_id = NULL "
                    "WHERE run_pk = " +
                    run);
  ExpectCleanLedger();
}

}  // namespace
}  // namespace backoffice
