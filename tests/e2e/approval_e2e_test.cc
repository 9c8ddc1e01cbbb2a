// The approval inbox through the real server, the SDK and the CLI: one
// list of everything waiting for a second person in a store (a submitted
// order, a receipt without an order, a refused credit hold, a supplier
// payment above the limit, a payment run, a drafted supplier return), with
// who asked, how much and since when, oldest first and paged; decided from
// the CLI through each module's own RPC, never by the maker.
#include <gtest/gtest.h>

#include <map>

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

constexpr char kStore[] = "AP";

void Must(const Status& s) {
  if (!s.ok()) throw std::runtime_error(s.ToString());
}

TEST(ApprovalE2eTest, OneInboxListsEveryKindAndDecidesThroughItsOwner) {
  ScratchDatabase scratch;
  RunningServer server(scratch.config());
  CatalogClient catalog(server.Connect(server.admin_token()));
  v1::CreateStoreRequest store;
  store.mutable_store()->set_code(kStore);
  store.mutable_store()->set_display_name("Toko Persetujuan");
  store.mutable_store()->set_time_zone("Asia/Jakarta");
  store.mutable_store()->set_currency_code("IDR");
  Must(catalog.CreateStore(store).status());
  const std::string head_office = server.CreateToken(v1::ROLE_HEAD_OFFICE);
  const std::string staff = server.CreateToken(v1::ROLE_STORE_STAFF, kStore);
  const std::string maker = server.CreateToken(v1::ROLE_STORE_MANAGER, kStore);
  const std::string checker =
      server.CreateToken(v1::ROLE_STORE_MANAGER, kStore);
  v1::CreateTerminalRequest till;
  till.mutable_terminal()->set_store_code(kStore);
  till.mutable_terminal()->set_code("T1");
  till.mutable_terminal()->set_display_name("T1");
  till.mutable_terminal()->set_active(true);
  Must(catalog.CreateTerminal(till).status());
  v1::CreateSupplierRequest supplier;
  supplier.mutable_supplier()->set_code("AP-SUP");
  supplier.mutable_supplier()->set_display_name("PT Setuju");
  supplier.mutable_supplier()->set_payment_terms_days(7);
  supplier.mutable_supplier()->set_active(true);
  Must(catalog.CreateSupplier(supplier).status());
  v1::CreateProductRequest product;
  product.mutable_product()->set_sku("AP-OIL");
  product.mutable_product()->set_display_name("Minyak");
  product.mutable_product()->set_unit_of_measure("pcs");
  *product.mutable_product()->mutable_default_price() = Idr(20000);
  product.mutable_product()->set_active(true);
  Must(catalog.CreateProduct(product).status());
  v1::CreateSupplierItemRequest item;
  item.mutable_supplier_item()->set_supplier_code("AP-SUP");
  item.mutable_supplier_item()->set_sku("AP-OIL");
  item.mutable_supplier_item()->set_supplier_sku("S-OIL");
  item.mutable_supplier_item()->set_pack_size_milli(1000);
  item.mutable_supplier_item()->set_min_order_quantity_milli(1000);
  *item.mutable_supplier_item()->mutable_unit_cost() = Idr(10000);
  item.mutable_supplier_item()->set_tax_rate_basis_points(0);
  item.mutable_supplier_item()->set_lead_time_days(1);
  item.mutable_supplier_item()->set_active(true);
  Must(PurchasingClient(server.Connect(head_office))
           .CreateSupplierItem(item)
           .status());
  v1::CreateCustomerRequest customer;
  customer.mutable_customer()->set_store_code(kStore);
  customer.mutable_customer()->set_code("AP-C1");
  customer.mutable_customer()->set_display_name("Warung Satu");
  *customer.mutable_customer()->mutable_credit_limit() = Idr(1000);
  customer.mutable_customer()->set_active(true);
  Must(catalog.CreateCustomer(customer).status());

  // A delivery approved by a second manager: stock and a payable.
  v1::CreateGoodsReceiptRequest receipt;
  receipt.set_store_code(kStore);
  receipt.set_receipt_id("AP-GR-1");
  receipt.set_supplier_code("AP-SUP");
  auto* line = receipt.add_lines();
  line->set_sku("AP-OIL");
  line->set_received_milli(5000);
  GoodsReceiptClient receiving(server.Connect(maker));
  Must(receiving.CreateGoodsReceipt(receipt).status());
  v1::ApproveGoodsReceiptRequest approve_receipt;
  approve_receipt.set_store_code(kStore);
  approve_receipt.set_receipt_id("AP-GR-1");
  Must(GoodsReceiptClient(server.Connect(checker))
           .ApproveGoodsReceipt(approve_receipt)
           .status());

  // Six things that wait, one of each kind, oldest first.
  v1::CreatePurchaseOrderRequest order;
  order.set_store_code(kStore);
  order.set_order_id("AP-PO-1");
  order.set_supplier_code("AP-SUP");
  order.add_lines()->set_sku("AP-OIL");
  order.mutable_lines(0)->set_quantity_milli(3000);
  PurchaseOrderClient orders(server.Connect(maker));
  auto created = orders.CreatePurchaseOrder(order);
  Must(created.status());
  v1::SubmitPurchaseOrderRequest submit;
  submit.set_store_code(kStore);
  submit.set_order_id("AP-PO-1");
  submit.set_etag(created->purchase_order().etag());
  Must(orders.SubmitPurchaseOrder(submit).status());
  receipt.set_receipt_id("AP-GR-2");
  Must(receiving.CreateGoodsReceipt(receipt).status());
  v1::AuthorizeCreditRequest hold;
  hold.set_store_code(kStore);
  hold.set_authorization_id("AP-AUTH-1");
  hold.set_customer_code("AP-C1");
  hold.set_terminal_code("T1");
  *hold.mutable_amount() = Idr(5000);
  EXPECT_EQ(CreditClient(server.Connect(staff))
                .AuthorizeCredit(hold)
                .status()
                .reason(),
            "CREDIT_LIMIT_EXCEEDED");
  v1::RecordPaymentRequest pay;
  pay.set_store_code(kStore);
  pay.set_payment_id("AP-PAY-1");
  pay.mutable_party()->set_kind(v1::PARTY_KIND_SUPPLIER);
  pay.mutable_party()->set_code("AP-SUP");
  *pay.mutable_amount() = Idr(10000);
  pay.set_method(v1::PAYMENT_METHOD_BANK_TRANSFER);
  auto paid = CreditClient(server.Connect(staff)).RecordPayment(pay);
  ASSERT_TRUE(paid.ok()) << paid.status();
  ASSERT_TRUE(paid->has_approval_request()) << "no limit set: it waits";
  v1::PreparePaymentRunRequest run;
  run.set_store_code(kStore);
  run.set_payment_run_id("AP-RUN-1");
  run.set_due_by_day(JakartaDayFromToday(30));
  Must(CreditClient(server.Connect(maker)).PreparePaymentRun(run).status());
  v1::CreateSupplierReturnRequest back;
  back.set_store_code(kStore);
  back.set_return_id("AP-RET-1");
  back.set_supplier_code("AP-SUP");
  auto* lot = back.add_lines();
  lot->set_sku("AP-OIL");
  lot->set_quantity_milli(1000);
  lot->set_reason(v1::RETURN_REASON_DAMAGED);
  Must(StockControlClient(server.Connect(staff))
           .CreateSupplierReturn(back)
           .status());

  ApprovalClient inbox(server.Connect(checker));
  v1::ListApprovalsRequest list;
  list.set_store_code(kStore);
  std::vector<v1::Approval> items;
  ASSERT_TRUE(inbox
                  .ForEachApproval(list,
                                   [&](const v1::Approval& a) {
                                     items.push_back(a);
                                     return true;
                                   })
                  .ok());
  ASSERT_EQ(items.size(), 6u);
  const std::vector<v1::ApprovalKind> kinds = {
      v1::APPROVAL_KIND_PURCHASE_ORDER,  v1::APPROVAL_KIND_GOODS_RECEIPT,
      v1::APPROVAL_KIND_CREDIT_OVERRIDE, v1::APPROVAL_KIND_SUPPLIER_PAYMENT,
      v1::APPROVAL_KIND_PAYMENT_RUN,     v1::APPROVAL_KIND_SUPPLIER_RETURN};
  const std::vector<std::string> ids = {"AP-PO-1",  "AP-GR-2",  "AP-AUTH-1",
                                        "AP-PAY-1", "AP-RUN-1", "AP-RET-1"};
  const std::vector<std::int64_t> amounts = {30000, 50000, 5000,
                                             10000, 50000, 10000};
  std::map<std::string, std::string> askers;
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].kind(), kinds[i]) << i;
    EXPECT_EQ(items[i].document_id(), ids[i]) << i;
    EXPECT_EQ(items[i].amount().minor_units(), amounts[i]) << ids[i];
    EXPECT_FALSE(items[i].approve_with().empty());
    EXPECT_GT(items[i].since().seconds(), 0);
    if (i > 0) {
      EXPECT_LE(items[i - 1].since().seconds(), items[i].since().seconds());
    }
    askers[ids[i]] = items[i].requested_by();
  }
  EXPECT_EQ(askers["AP-PO-1"], askers["AP-RUN-1"]) << "the maker manager";
  EXPECT_EQ(askers["AP-AUTH-1"], askers["AP-RET-1"]) << "the staff member";
  EXPECT_NE(askers["AP-PO-1"], askers["AP-RET-1"]);
  EXPECT_EQ(items[1].summary(), "supplier AP-SUP");
  EXPECT_EQ(items[2].summary(), "customer AP-C1");

  // Pages of two walk the same list; the inbox is the checkers'.
  list.set_page_size(2);
  std::vector<std::string> paged;
  for (;;) {
    auto page = inbox.ListApprovals(list);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& a : page->approvals()) paged.push_back(a.document_id());
    if (page->next_page_token().empty()) break;
    list.set_page_token(page->next_page_token());
  }
  EXPECT_EQ(paged, ids);
  EXPECT_EQ(ApprovalClient(server.Connect(staff))
                .ListApprovals(v1::ListApprovalsRequest())
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(inbox.ListApprovals(v1::ListApprovalsRequest()).status().reason(),
            "STORE_OUT_OF_SCOPE");
  auto chain = ApprovalClient(server.Connect(head_office))
                   .ListApprovals(v1::ListApprovalsRequest());
  ASSERT_TRUE(chain.ok()) << chain.status();
  EXPECT_EQ(chain->approvals_size(), 6);

  // Decided from the CLI by each module's own RPC: never by the maker.
  std::string out, err;
  EXPECT_NE(RunCli(server, maker,
                   {"approvals", "approve", kStore, "--kind", "payment_run",
                    "AP-RUN-1"},
                   &out, &err),
            0);
  EXPECT_NE(err.find("SELF_APPROVAL_FORBIDDEN"), std::string::npos) << err;
  // No limits were set: the run is head office's to approve.
  EXPECT_TRUE(items[4].needs_head_office());
  EXPECT_NE(RunCli(server, checker,
                   {"approvals", "approve", kStore, "--kind", "payment_run",
                    "AP-RUN-1"},
                   &out, &err),
            0);
  EXPECT_NE(err.find("APPROVAL_LIMIT_EXCEEDED"), std::string::npos) << err;
  EXPECT_EQ(RunCli(server, head_office,
                   {"approvals", "approve", kStore, "--kind", "payment_run",
                    "AP-RUN-1"},
                   &out, &err),
            0)
      << err;
  EXPECT_EQ(RunCli(server, checker,
                   {"approvals", "approve", kStore, "--kind", "purchase_order",
                    "AP-PO-1"},
                   &out, &err),
            0)
      << err;
  EXPECT_EQ(RunCli(server, checker,
                   {"approvals", "reject", kStore, "--kind", "supplier_return",
                    "AP-RET-1", "--reason", "not damaged after all"},
                   &out, &err),
            0)
      << err;
  EXPECT_EQ(RunCli(server, checker,
                   {"approvals", "approve", kStore, "--kind", "credit_override",
                    "AP-AUTH-1", "--reason", "known customer"},
                   &out, &err),
            0)
      << err;
  ASSERT_EQ(RunCli(server, checker, {"approvals", "list", kStore, "-o", "csv"},
                   &out, &err),
            0)
      << err;
  EXPECT_EQ(out.find("AP-RUN-1"), std::string::npos) << out;
  EXPECT_EQ(out.find("AP-PO-1"), std::string::npos) << out;
  EXPECT_EQ(out.find("AP-AUTH-1"), std::string::npos) << out;
  EXPECT_NE(out.find("AP-GR-2"), std::string::npos) << out;
  EXPECT_NE(out.find("AP-PAY-1"), std::string::npos) << out;
  auto report = ReconciliationClient(server.Connect(head_office))
                    .VerifyLedger(v1::VerifyLedgerRequest());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->violations_size(), 0) << report->DebugString();
}

}  // namespace
}  // namespace backoffice
