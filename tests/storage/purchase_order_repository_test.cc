// Purchase orders and suggestions against the private MariaDB with the real
// migrations, through the domain services: suggestions (packs, minimums,
// the expiry cap, what is on order, repeatability), drafts from
// suggestions (adding to the open draft, a second run adding nothing,
// concurrent runs, replays), maker-checker and the approval limit, etags,
// transitions, replayed creates, store scope, and verify catching broken
// orders. Without a database these tests fail (ScratchDatabase throws);
// they never skip.
#include <gtest/gtest.h>

#include "catalog/domain/catalog.h"
#include "catalog/storage/mysql_catalog_repository.h"
#include "core/storage/migrations.h"
#include "purchasing/domain/purchase_orders.h"
#include "purchasing/domain/purchasing.h"
#include "purchasing/storage/mysql_purchase_order_repository.h"
#include "purchasing/storage/mysql_purchasing_repository.h"
#include "reconciliation/domain/reconciliation.h"
#include "reconciliation/storage/mysql_reconciliation_repository.h"
#include "run_concurrently.h"
#include "test_env.h"

namespace backoffice::storage {
namespace {

using domain::OrderAction;
using domain::OrderLineInput;
using domain::PurchaseOrder;
using domain::PurchaseOrderState;
using domain::RequestContext;
using domain::Role;

// 2026-01-11 03:00 UTC is 10:00 in Jakarta: the business day 2026-01-11,
// whose demand window (28 days) is 2025-12-14 .. 2026-01-10.
constexpr domain::TimeMicros kNow = 1768100400LL * 1'000'000;

class PurchaseOrderRepositoryTest : public ::testing::Test {
 protected:
  PurchaseOrderRepositoryTest()
      : db_(scratch_.config()),
        catalog_repository_(db_),
        purchasing_repository_(db_),
        order_repository_(db_),
        reconciliation_repository_(db_),
        catalog_(catalog_repository_),
        purchasing_(purchasing_repository_),
        orders_(order_repository_, [] { return kNow; }),
        reconciliation_(reconciliation_repository_) {
    auto migrated = Migrate(db_);
    if (!migrated.ok()) throw std::runtime_error(migrated.status().ToString());
    head_office_ = Ctx(1, Role::kHeadOffice);
    for (const std::string code : {"S1", "S2"}) {
      Must(catalog_
               .CreateStore(head_office_, {code, "Store " + code,
                                           "Asia/Jakarta", "IDR", 0, 0})
               .status());
    }
    for (const std::string sku : {"RICE", "OIL", "MILK"}) {
      domain::Product product;
      product.sku = sku;
      product.display_name = sku;
      product.unit_of_measure = "pcs";
      product.default_price = domain::Money{"IDR", 1000};
      Must(catalog_.CreateProduct(head_office_, product).status());
    }
    for (const std::string code : {"SUP1", "SUP2"}) {
      domain::Supplier supplier;
      supplier.code = code;
      supplier.display_name = "Supplier " + code;
      supplier.payment_terms_days = 30;
      Must(catalog_.CreateSupplier(head_office_, supplier).status());
    }
    Must(purchasing_
             .CreateSupplierItem(head_office_,
                                 Item("SUP1", "RICE", 12000, 24000, 700, 2))
             .status());
    Must(purchasing_
             .CreateSupplierItem(head_office_,
                                 Item("SUP1", "OIL", 6000, 0, 2000, 2))
             .status());
    Must(purchasing_
             .CreateSupplierItem(head_office_,
                                 Item("SUP2", "MILK", 6000, 12000, 500, 1))
             .status());
    scratch_.Execute(
        "UPDATE products SET shelf_life_days = 7, sell_by_margin_days = 2 "
        "WHERE sku = 'MILK'");
    SeedDemand("S1", "RICE", 1000);  // 1 a day
    SeedDemand("S1", "MILK", 2000);  // 2 a day
  }

  static void Must(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.ToString());
  }

  static RequestContext Ctx(std::int64_t token, Role role,
                            const std::string& store = "S1") {
    RequestContext ctx;
    ctx.principal =
        domain::Principal{token, "person " + std::to_string(token), role,
                          domain::IsChainWide(role) ? "" : store, ""};
    ctx.method = "/test";
    ctx.peer = "test";
    ctx.request_id = "req";
    return ctx;
  }

  static domain::SupplierItem Item(const std::string& supplier,
                                   const std::string& sku, long long pack,
                                   long long moq, long long cost, int lead) {
    domain::SupplierItem i;
    i.supplier_code = supplier;
    i.sku = sku;
    i.supplier_sku = supplier + "-" + sku;
    i.pack_size_milli = pack;
    i.min_order_quantity_milli = moq;
    i.unit_cost = domain::Money{"IDR", cost};
    i.tax_rate_basis_points = 1100;
    i.lead_time_days = lead;
    return i;
  }

  // `per_day` of `sku` sold on each of the 28 days of the window.
  void SeedDemand(const std::string& store, const std::string& sku,
                  long long per_day) {
    scratch_.Execute(
        "INSERT INTO daily_demand (store_id, product_id, business_day, "
        "sold_milli, returned_milli, voided_milli, sale_count) SELECT st.id, "
        "p.id, DATE_SUB('2026-01-10', INTERVAL n.n DAY), " +
        std::to_string(per_day) +
        ", 0, 0, 1 FROM stores st JOIN products p JOIN (SELECT seq AS n FROM "
        "seq_0_to_27) n WHERE st.code = '" +
        store + "' AND p.sku = '" + sku + "'");
  }

  const domain::SuggestionLine* Line(const domain::SuggestionReport& report,
                                     const std::string& sku) {
    for (const auto& g : report.groups) {
      for (const auto& l : g.lines) {
        if (l.sku == sku) return &l;
      }
    }
    return nullptr;
  }

  domain::SuggestionReport Suggest(const std::string& store = "S1") {
    auto report = orders_.SuggestOrders(head_office_, store, "", "", 0, "");
    if (!report.ok()) throw std::runtime_error(report.status().ToString());
    return *report;
  }

  PurchaseOrder Create(const RequestContext& ctx, const std::string& id,
                       const std::string& supplier,
                       std::vector<OrderLineInput> lines) {
    domain::NewPurchaseOrder order{"S1", id, supplier, std::move(lines)};
    auto created = orders_.CreateOrder(ctx, order);
    if (!created.ok()) throw std::runtime_error(created.status().ToString());
    return created->order;
  }

  StatusOr<PurchaseOrder> Act(const RequestContext& ctx,
                              const PurchaseOrder& order, OrderAction action,
                              const std::string& reason = "") {
    return orders_.Transition(ctx, order.store_code, order.order_id, action,
                              std::to_string(order.version), reason);
  }

  std::vector<domain::LedgerViolation> Violations() {
    auto report = reconciliation_.VerifyLedger(head_office_, "");
    if (!report.ok()) throw std::runtime_error(report.status().ToString());
    return report->violations;
  }

  // The rollup is seeded by hand (no sales), so only the orders' own checks
  // are expected clean.
  void ExpectNoOrderViolations() {
    for (const auto& v : Violations()) {
      if (v.kind.rfind("PURCHASE_ORDER_", 0) == 0) {
        ADD_FAILURE() << v.kind << " " << v.entity_id << ": " << v.detail;
      }
    }
  }

  bool HasViolation(const std::string& kind) {
    for (const auto& v : Violations()) {
      if (v.kind == kind) return true;
    }
    return false;
  }

  testing::ScratchDatabase scratch_;
  Database db_;
  MySqlCatalogRepository catalog_repository_;
  MySqlPurchasingRepository purchasing_repository_;
  MySqlPurchaseOrderRepository order_repository_;
  MySqlReconciliationRepository reconciliation_repository_;
  domain::Catalog catalog_;
  domain::Purchasing purchasing_;
  domain::PurchaseOrders orders_;
  domain::Reconciliation reconciliation_;
  RequestContext head_office_;
};

TEST_F(PurchaseOrderRepositoryTest, SuggestsWholePacksAndMinimumTwiceTheSame) {
  const auto first = Suggest();
  const auto* rice = Line(first, "RICE");
  ASSERT_NE(rice, nullptr);
  EXPECT_EQ(rice->supplier_code, "SUP1");
  EXPECT_EQ(rice->window_demand_milli, 28000);
  EXPECT_EQ(rice->trigger_milli, 9000);  // 1/day x (2 + 7)
  EXPECT_EQ(rice->target_milli, 16000);  // 1/day x (2 + 14)
  EXPECT_EQ(rice->need_milli, 16000);
  EXPECT_EQ(rice->rounded_milli, 24000);  // 2 packs of 12 (= the minimum)
  EXPECT_EQ(rice->suggested_milli, 24000);
  EXPECT_EQ(rice->line_cost_minor, 16800);
  EXPECT_FALSE(rice->explanation.empty());
  // OIL has no demand and no reorder point: nothing to suggest.
  EXPECT_EQ(Line(first, "OIL"), nullptr);
  const auto second = Suggest();
  ASSERT_EQ(second.groups.size(), first.groups.size());
  for (std::size_t g = 0; g < first.groups.size(); ++g) {
    ASSERT_EQ(second.groups[g].lines.size(), first.groups[g].lines.size());
    EXPECT_EQ(second.groups[g].total_cost_minor,
              first.groups[g].total_cost_minor);
    for (std::size_t i = 0; i < first.groups[g].lines.size(); ++i) {
      EXPECT_EQ(second.groups[g].lines[i].explanation,
                first.groups[g].lines[i].explanation);
    }
  }
  EXPECT_EQ(first.as_of_day, "2026-01-11");
  // A store staff of S2 cannot read S1's suggestions.
  auto out = orders_.SuggestOrders(Ctx(5, Role::kStoreStaff, "S2"), "S1", "",
                                   "", 0, "");
  EXPECT_EQ(out.status().reason(), "STORE_OUT_OF_SCOPE");
}

TEST_F(PurchaseOrderRepositoryTest, ExpiryCapLimitsPerishables) {
  const auto report = Suggest();
  const auto* milk = Line(report, "MILK");
  ASSERT_NE(milk, nullptr);
  EXPECT_EQ(milk->supplier_code, "SUP2");
  EXPECT_EQ(milk->rounded_milli, 30000);     // 2/day x (1 + 14) = 30
  EXPECT_EQ(milk->expiry_cap_milli, 12000);  // 2/day x (1 + 7 - 2) = 12
  EXPECT_TRUE(milk->cap_binds);
  EXPECT_EQ(milk->suggested_milli, 12000);
}

TEST_F(PurchaseOrderRepositoryTest, NoDuplicateSuggestionWithAnOrderOpen) {
  const auto maker = Ctx(11, Role::kStoreStaff);
  const auto manager = Ctx(12, Role::kStoreManager);
  PurchaseOrder order =
      Create(maker, "PO-1", "SUP1", {{"RICE", 24000, {}, ""}});
  // A draft already counts as on order.
  const auto* rice = Line(Suggest(), "RICE");
  EXPECT_EQ(rice, nullptr);
  auto submitted = Act(maker, order, OrderAction::kSubmit);
  ASSERT_TRUE(submitted.ok()) << submitted.status();
  auto approved = Act(manager, *submitted, OrderAction::kApprove);
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->approved_by, "tok_12");
  // After the approval nothing is suggested for RICE, now or tomorrow.
  EXPECT_EQ(Line(Suggest(), "RICE"), nullptr);
  auto sent = Act(maker, *approved, OrderAction::kSend);
  ASSERT_TRUE(sent.ok()) << sent.status();
  EXPECT_EQ(sent->expected_date, "2026-01-13");
  EXPECT_EQ(Line(Suggest(), "RICE"), nullptr);
  // Cancelled, it no longer covers anything.
  auto cancelled = Act(manager, *sent, OrderAction::kCancel, "supplier gone");
  ASSERT_TRUE(cancelled.ok()) << cancelled.status();
  ASSERT_NE(Line(Suggest(), "RICE"), nullptr);
  ExpectNoOrderViolations();
}

TEST_F(PurchaseOrderRepositoryTest, DraftsFromSuggestionsAddToTheOpenDraft) {
  const auto staff = Ctx(11, Role::kStoreStaff);
  PurchaseOrder hand = Create(staff, "HAND-1", "SUP1", {{"OIL", 6000, {}, ""}});
  auto run = orders_.DraftOrdersFromSuggestions(staff, "S1", "RUN1");
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_FALSE(run->replayed);
  ASSERT_EQ(run->orders.size(), 2u);
  EXPECT_EQ(scratch_.CountRows("purchase_orders"), 2);
  auto updated = orders_.GetOrder(staff, "S1", "HAND-1");
  ASSERT_TRUE(updated.ok());
  ASSERT_EQ(updated->lines.size(), 2u);
  EXPECT_EQ(updated->lines[1].sku, "RICE");
  EXPECT_EQ(updated->lines[1].quantity_milli, 24000);
  EXPECT_EQ(updated->version, hand.version + 1);
  auto milk = orders_.GetOrder(staff, "S1", "RUN1-SUP2");
  ASSERT_TRUE(milk.ok()) << milk.status();
  EXPECT_EQ(milk->lines[0].quantity_milli, 12000);
  // A second run finds everything on order: it adds nothing.
  auto second = orders_.DraftOrdersFromSuggestions(staff, "S1", "RUN2");
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(second->orders.empty());
  EXPECT_EQ(scratch_.CountRows("purchase_orders"), 2);
  EXPECT_EQ(scratch_.CountRows("purchase_order_lines"), 3);
  // A replay of the first run returns its drafts.
  auto replay = orders_.DraftOrdersFromSuggestions(staff, "S1", "RUN1");
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->replayed);
  ASSERT_EQ(replay->orders.size(), 2u);
  EXPECT_EQ(replay->orders[0].order_id, run->orders[0].order_id);
  // The same run id for another day is another request: refused.
  auto reused =
      orders_.DraftOrdersFromSuggestions(staff, "S1", "RUN1", "2026-01-05");
  EXPECT_EQ(reused.status().reason(), "IDEMPOTENCY_KEY_REUSED");
  ExpectNoOrderViolations();
}

TEST_F(PurchaseOrderRepositoryTest, ConcurrentRunsDraftEachNeedOnce) {
  testing::RunConcurrently(4, [&](int i) {
    auto run = orders_.DraftOrdersFromSuggestions(
        Ctx(11 + i, Role::kStoreStaff), "S1", "RUN" + std::to_string(i));
    EXPECT_TRUE(run.ok()) << run.status();
  });
  EXPECT_EQ(scratch_.CountRows("purchase_orders WHERE state = 'DRAFT'"), 2);
  EXPECT_EQ(scratch_.CountRows("purchase_order_lines"), 2);
  EXPECT_EQ(scratch_.CountRows("purchase_order_lines l JOIN products p ON "
                               "p.id = l.product_id WHERE p.sku = 'RICE' AND "
                               "l.quantity_milli = 24000"),
            1);
  EXPECT_EQ(scratch_.CountRows("suggestion_runs"), 4);
}

TEST_F(PurchaseOrderRepositoryTest, SelfApprovalIsRefusedWhateverTheRole) {
  const auto maker = Ctx(21, Role::kHeadOffice);
  const auto changer = Ctx(12, Role::kStoreManager);
  const auto submitter = Ctx(14, Role::kStoreManager);
  PurchaseOrder order =
      Create(maker, "PO-1", "SUP1", {{"RICE", 24000, {}, ""}});
  auto changed =
      orders_.AddLines(changer, "S1", "PO-1", std::to_string(order.version),
                       {{"OIL", 6000, {}, ""}});
  ASSERT_TRUE(changed.ok()) << changed.status();
  auto submitted = Act(submitter, *changed, OrderAction::kSubmit);
  ASSERT_TRUE(submitted.ok()) << submitted.status();
  for (const auto* who : {&maker, &changer, &submitter}) {
    auto refused = Act(*who, *submitted, OrderAction::kApprove);
    EXPECT_EQ(refused.status().code(), domain::StatusCode::kPermissionDenied);
    EXPECT_EQ(refused.status().reason(), "SELF_APPROVAL_FORBIDDEN")
        << who->principal.token_id << " created " << submitted->created_by
        << " changed " << submitted->last_changed_by << " submitted "
        << submitted->submitted_by;
  }
  auto still = orders_.GetOrder(maker, "S1", "PO-1");
  EXPECT_EQ(still->state, PurchaseOrderState::kSubmitted);
  EXPECT_EQ(still->version, submitted->version);
  auto approved =
      Act(Ctx(22, Role::kHeadOffice), *submitted, OrderAction::kApprove);
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->approved_by, "tok_22");
  // The approval is its own audited action with the approver.
  EXPECT_EQ(scratch_.CountRows("audit_records WHERE entity_type = "
                               "'purchase_order' AND principal_id = 22"),
            1);
  ExpectNoOrderViolations();
}

TEST_F(PurchaseOrderRepositoryTest, ApprovalAboveTheLimitNeedsHeadOffice) {
  domain::PurchasingSettings patch;
  patch.store_code = "S1";
  patch.approval_limit_minor = 10000;
  auto settings =
      orders_.UpdateSettings(head_office_, patch, {"approval_limit"});
  ASSERT_TRUE(settings.ok()) << settings.status();
  EXPECT_EQ(settings->approval_limit_minor.value_or(-1), 10000);
  auto manager_update = orders_.GetSettings(Ctx(12, Role::kStoreManager), "S1");
  ASSERT_TRUE(manager_update.ok());
  EXPECT_EQ(manager_update->review_period_days, 7);
  // 24 x 700 = 16800 + 11% VAT = 18648, above 10000.
  PurchaseOrder order = Create(Ctx(11, Role::kStoreStaff), "PO-1", "SUP1",
                               {{"RICE", 24000, {}, ""}});
  auto submitted = Act(Ctx(11, Role::kStoreStaff), order, OrderAction::kSubmit);
  ASSERT_TRUE(submitted.ok());
  auto refused =
      Act(Ctx(12, Role::kStoreManager), *submitted, OrderAction::kApprove);
  EXPECT_EQ(refused.status().reason(), "APPROVAL_LIMIT_EXCEEDED");
  auto approved = Act(head_office_, *submitted, OrderAction::kApprove);
  ASSERT_TRUE(approved.ok()) << approved.status();
}

TEST_F(PurchaseOrderRepositoryTest, StaleEtagsAndInvalidChangesWriteNothing) {
  const auto staff = Ctx(11, Role::kStoreStaff);
  PurchaseOrder order =
      Create(staff, "PO-1", "SUP1", {{"RICE", 24000, {}, ""}});
  auto added =
      orders_.AddLines(staff, "S1", "PO-1", "1", {{"RICE", 12000, {}, ""}});
  ASSERT_TRUE(added.ok()) << added.status();
  EXPECT_EQ(added->lines[0].quantity_milli, 36000);
  EXPECT_EQ(added->total_cost_minor, 25200);
  // The same etag again is stale.
  auto stale =
      orders_.AddLines(staff, "S1", "PO-1", "1", {{"RICE", 12000, {}, ""}});
  EXPECT_EQ(stale.status().code(), domain::StatusCode::kAborted);
  EXPECT_EQ(stale.status().reason(), "ETAG_MISMATCH");
  auto off_pack =
      orders_.AddLines(staff, "S1", "PO-1", "2", {{"RICE", 5000, {}, ""}});
  EXPECT_EQ(off_pack.status().reason(), "QUANTITY_NOT_WHOLE_PACKS");
  auto below = Create(staff, "PO-X", "SUP2", {});
  auto moq =
      orders_.AddLines(staff, "S1", "PO-X", "1", {{"MILK", 6000, {}, ""}});
  EXPECT_EQ(moq.status().reason(), "BELOW_MINIMUM_ORDER_QUANTITY");
  auto now = orders_.GetOrder(staff, "S1", "PO-1");
  EXPECT_EQ(now->version, 2);
  EXPECT_EQ(now->lines[0].quantity_milli, 36000);
  // Transitions that do not exist.
  auto send = Act(staff, *now, OrderAction::kSend);
  EXPECT_EQ(send.status().reason(), "INVALID_STATE_TRANSITION");
  auto submitted = Act(staff, *now, OrderAction::kSubmit);
  ASSERT_TRUE(submitted.ok());
  // A retried submit returns the order unchanged.
  auto retried = Act(staff, *now, OrderAction::kSubmit);
  ASSERT_TRUE(retried.ok()) << retried.status();
  EXPECT_EQ(retried->version, submitted->version);
  auto edit =
      orders_.AddLines(staff, "S1", "PO-1", std::to_string(submitted->version),
                       {{"RICE", 12000, {}, ""}});
  EXPECT_EQ(edit.status().reason(), "ORDER_NOT_DRAFT");
  auto close = Act(Ctx(12, Role::kStoreManager), *submitted,
                   OrderAction::kClose, "short");
  EXPECT_EQ(close.status().reason(), "INVALID_STATE_TRANSITION");
  // Rejected back to draft while another draft for SUP1 exists: refused.
  auto rejected = Act(Ctx(12, Role::kStoreManager), *submitted,
                      OrderAction::kReject, "fewer packs");
  ASSERT_TRUE(rejected.ok()) << rejected.status();
  EXPECT_EQ(rejected->state, PurchaseOrderState::kDraft);
  EXPECT_EQ(rejected->state_reason, "fewer packs");
  EXPECT_EQ(scratch_.CountRows("purchase_orders WHERE order_id = 'PO-1' AND "
                               "version = 4"),
            1);
}

TEST_F(PurchaseOrderRepositoryTest, ReplayedCreateReturnsTheSameOrder) {
  const auto staff = Ctx(11, Role::kStoreStaff);
  domain::NewPurchaseOrder request{
      "S1", "PO-1", "SUP1", {{"RICE", 24000, {}, ""}}};
  auto first = orders_.CreateOrder(staff, request);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->replayed);
  auto again = orders_.CreateOrder(staff, request);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->order.version, first->order.version);
  request.lines[0].quantity_milli = 36000;
  auto changed = orders_.CreateOrder(staff, request);
  EXPECT_EQ(changed.status().code(), domain::StatusCode::kAlreadyExists);
  EXPECT_EQ(changed.status().reason(), "IDEMPOTENCY_KEY_REUSED");
  // One open draft per supplier.
  request.order_id = "PO-2";
  auto second_draft = orders_.CreateOrder(staff, request);
  EXPECT_EQ(second_draft.status().reason(), "OPEN_DRAFT_EXISTS");
  EXPECT_EQ(scratch_.CountRows("purchase_orders"), 1);
  EXPECT_EQ(scratch_.CountRows("purchase_order_lines"), 1);
  // Bad input is refused before anything is written.
  request.order_id = "PO-3";
  request.supplier_code = "SUP2";
  request.lines = {{"MILK", -1, {}, ""}};
  EXPECT_EQ(orders_.CreateOrder(staff, request).status().code(),
            domain::StatusCode::kInvalidArgument);
  EXPECT_EQ(scratch_.CountRows("purchase_orders"), 1);
}

TEST_F(PurchaseOrderRepositoryTest, StorePrincipalsReachTheirStoreOnly) {
  const auto staff = Ctx(11, Role::kStoreStaff);
  PurchaseOrder order =
      Create(staff, "PO-1", "SUP1", {{"RICE", 24000, {}, ""}});
  auto submitted = Act(staff, order, OrderAction::kSubmit);
  ASSERT_TRUE(submitted.ok());
  const auto other = Ctx(31, Role::kStoreManager, "S2");
  EXPECT_EQ(orders_.GetOrder(other, "S1", "PO-1").status().reason(),
            "STORE_OUT_OF_SCOPE");
  EXPECT_EQ(Act(other, *submitted, OrderAction::kApprove).status().reason(),
            "STORE_OUT_OF_SCOPE");
  EXPECT_EQ(orders_.ListOrders(other, "S1", {}, 0, "").status().reason(),
            "STORE_OUT_OF_SCOPE");
  auto mine = orders_.ListOrders(other, "S2", {}, 0, "");
  ASSERT_TRUE(mine.ok());
  EXPECT_TRUE(mine->items.empty());
  // Head office pages through every store's suggestions.
  auto page = orders_.SuggestOrders(head_office_, "", "", "", 1, "");
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_FALSE(page->next_page_token.empty());
  auto next =
      orders_.SuggestOrders(head_office_, "", "", "", 1, page->next_page_token);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_TRUE(next->next_page_token.empty());
  EXPECT_EQ(orders_.SuggestOrders(staff, "", "", "", 0, "").status().reason(),
            "STORE_OUT_OF_SCOPE");
}

TEST_F(PurchaseOrderRepositoryTest, VerifyFindsBrokenOrders) {
  const auto staff = Ctx(11, Role::kStoreStaff);
  PurchaseOrder order =
      Create(staff, "PO-1", "SUP1", {{"RICE", 24000, {}, ""}});
  auto submitted = Act(staff, order, OrderAction::kSubmit);
  ASSERT_TRUE(submitted.ok());
  ASSERT_TRUE(
      Act(Ctx(12, Role::kStoreManager), *submitted, OrderAction::kApprove)
          .ok());
  Create(staff, "PO-2", "SUP2", {{"MILK", 12000, {}, ""}});
  ExpectNoOrderViolations();

  scratch_.Execute(
      "UPDATE purchase_orders SET total_cost_minor = total_cost_minor + 1 "
      "WHERE order_id = 'PO-2'");
  EXPECT_TRUE(HasViolation("PURCHASE_ORDER_TOTALS_MISMATCH"));
  scratch_.Execute(
      "UPDATE purchase_orders SET total_cost_minor = total_cost_minor - 1 "
      "WHERE order_id = 'PO-2'");

  // Received quantities that no posted receipt accounts for.
  scratch_.Execute(
      "UPDATE purchase_order_lines SET received_milli = quantity_milli + 1");
  EXPECT_TRUE(HasViolation("PURCHASE_ORDER_RECEIVED_MISMATCH"));
  scratch_.Execute("UPDATE purchase_order_lines SET received_milli = 0");

  scratch_.Execute(
      "UPDATE purchase_orders SET approved_by = created_by WHERE order_id = "
      "'PO-1'");
  EXPECT_TRUE(HasViolation("PURCHASE_ORDER_SELF_APPROVED"));
  scratch_.Execute(
      "UPDATE purchase_orders SET approved_by = NULL WHERE order_id = 'PO-1'");
  EXPECT_TRUE(HasViolation("PURCHASE_ORDER_SELF_APPROVED"));
  scratch_.Execute(
      "UPDATE purchase_orders SET approved_by = 'tok_12' WHERE order_id = "
      "'PO-1'");

  scratch_.Execute(
      "ALTER TABLE purchase_orders DROP INDEX uk_purchase_orders_open_draft");
  scratch_.Execute(
      "UPDATE purchase_orders SET state = 'DRAFT', supplier_id = (SELECT id "
      "FROM suppliers WHERE code = 'SUP2') WHERE order_id = 'PO-1'");
  EXPECT_TRUE(HasViolation("PURCHASE_ORDER_DUPLICATE_DRAFT"));
}

}  // namespace
}  // namespace backoffice::storage
