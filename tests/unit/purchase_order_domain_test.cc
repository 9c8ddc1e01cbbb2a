// Purchase orders' domain alone: the money arithmetic, whole packs and
// minimums, the state machine with its etag, maker-checker and the approval
// limit, and the replenishment arithmetic (triggers, targets, rounding, the
// expiry cap, what is already on order, the choice of supplier).
#include <gtest/gtest.h>

#include "core/domain/validation.h"
#include "purchasing/domain/demand.h"
#include "purchasing/domain/purchase_order_rules.h"
#include "purchasing/domain/replenishment.h"

namespace backoffice::domain {
namespace {

Principal Person(std::int64_t id, Role role, const std::string& store = "S1") {
  return Principal{id, "person " + std::to_string(id), role,
                   IsChainWide(role) ? "" : store, ""};
}

PurchaseOrder Draft() {
  PurchaseOrder o;
  o.store_code = "S1";
  o.order_id = "PO-1";
  o.supplier_code = "SUP1";
  o.state = PurchaseOrderState::kDraft;
  o.currency_code = "IDR";
  o.version = 1;
  o.created_by = "tok_1";
  o.last_changed_by = "tok_1";
  PurchaseOrderLine line;
  line.line_number = 1;
  line.sku = "RICE";
  line.quantity_milli = 24000;
  line.pack_size_milli = 12000;
  line.unit_cost_minor = 1000;
  line.tax_rate_basis_points = 1100;
  o.lines.push_back(line);
  RecomputeTotals(o);
  return o;
}

StatusOr<bool> Apply(PurchaseOrder& o, OrderAction action, const Principal& p,
                     const std::string& reason = "",
                     std::optional<std::int64_t> limit = std::nullopt) {
  TransitionFacts facts;
  facts.approval_limit_minor = limit;
  facts.max_lead_time_days = 3;
  facts.store_time_zone = "Asia/Jakarta";
  // 2026-01-10 03:00 UTC: 10:00 in Jakarta.
  return ApplyTransition(o, action, p, FormatEtag(o.version), reason, facts,
                         1768014000LL * 1'000'000);
}

TEST(PurchaseOrderMoneyTest, LineCostAndTaxRoundHalfUp) {
  EXPECT_EQ(LineCostMinor(1500, 333), 500);  // 499.5 -> 500
  EXPECT_EQ(LineCostMinor(1000, 333), 333);
  EXPECT_EQ(LineCostMinor(1, 499), 0);  // 0.499 -> 0
  EXPECT_EQ(TaxMinor(24000, 1100), 2640);
  EXPECT_EQ(TaxMinor(5, 1000), 1);  // 0.5 -> 1
  PurchaseOrder o = Draft();
  EXPECT_EQ(o.total_cost_minor, 24000);
  EXPECT_EQ(o.total_tax_minor, 2640);
}

TEST(PurchaseOrderLinesTest, WholePacksAndMinimum) {
  EXPECT_TRUE(CheckLineQuantity("RICE", 24000, 12000, 24000).ok());
  EXPECT_EQ(CheckLineQuantity("RICE", 18000, 12000, 0).reason(),
            "QUANTITY_NOT_WHOLE_PACKS");
  EXPECT_EQ(CheckLineQuantity("RICE", 12000, 12000, 24000).reason(),
            "BELOW_MINIMUM_ORDER_QUANTITY");
  EXPECT_EQ(CheckLineQuantity("RICE", 0, 12000, 0).reason(),
            "INVALID_QUANTITY");
}

TEST(PurchaseOrderLinesTest, AddingGoesToTheProductsLine) {
  PurchaseOrder o = Draft();
  std::map<std::string, ReplenishmentItem> items;
  items["RICE"] = ReplenishmentItem{"SUP1", 12000, 24000, 1000, "IDR", 1100, 2};
  items["OIL"] = ReplenishmentItem{"SUP1", 6000, 0, 2000, "IDR", 0, 2};
  ASSERT_TRUE(
      AddLinesToOrder(
          o, {{"RICE", 12000, std::nullopt, ""}, {"OIL", 6000, 1500, "IDR"}},
          items)
          .ok());
  ASSERT_EQ(o.lines.size(), 2u);
  EXPECT_EQ(o.lines[0].quantity_milli, 36000);
  EXPECT_EQ(o.lines[1].line_number, 2);
  EXPECT_EQ(o.lines[1].unit_cost_minor, 1500);
  EXPECT_EQ(o.total_cost_minor, 36000 + 9000);
  EXPECT_EQ(
      AddLinesToOrder(o, {{"OIL", 1000, std::nullopt, ""}}, items).reason(),
      "QUANTITY_NOT_WHOLE_PACKS");
  EXPECT_EQ(
      AddLinesToOrder(o, {{"SUGAR", 1000, std::nullopt, ""}}, items).reason(),
      "SUPPLIER_ITEM_NOT_FOUND");
  EXPECT_EQ(AddLinesToOrder(o, {{"OIL", 6000, 10, "USD"}}, items).reason(),
            "CURRENCY_MISMATCH");
  EXPECT_EQ(ValidateLineInputs({{"OIL", 6000, std::nullopt, ""},
                                {"OIL", 6000, std::nullopt, ""}})
                .reason(),
            "DUPLICATE_LINE");
}

// Amounts stay exact: a quantity or cost that would wrap 64 bits (a
// million-unit line at a huge cost once totalled to 0 and passed any
// approval limit) is refused before anything is computed in 64 bits.
TEST(PurchaseOrderLinesTest, AmountsThatWouldOverflowAreRefused) {
  PurchaseOrder o = Draft();
  o.lines.clear();
  RecomputeTotals(o);
  std::map<std::string, ReplenishmentItem> items;
  items["RICE"] = ReplenishmentItem{"SUP1", 1000, 0, 1000, "IDR", 1100, 2};
  EXPECT_EQ(AddLinesToOrder(
                o, {{"RICE", 17'592'186'044'416'000LL, 1048576, "IDR"}}, items)
                .reason(),
            "INVALID_QUANTITY");
  EXPECT_EQ(
      AddLinesToOrder(o, {{"RICE", 1000, kMaxAmountMinor + 1, "IDR"}}, items)
          .reason(),
      "INVALID_UNIT_COST");
  // A million units at a billion each: within each bound, too large a total.
  EXPECT_EQ(AddLinesToOrder(
                o, {{"RICE", kMaxQuantityMilli, 1'000'000'000, "IDR"}}, items)
                .reason(),
            "ORDER_TOO_LARGE");
  // Two additions that each fit but together exceed a million units.
  PurchaseOrder p = Draft();
  p.lines.clear();
  RecomputeTotals(p);
  ASSERT_TRUE(
      AddLinesToOrder(p, {{"RICE", kMaxQuantityMilli, 1, "IDR"}}, items).ok());
  EXPECT_EQ(AddLinesToOrder(p, {{"RICE", 1000, 1, "IDR"}}, items).reason(),
            "INVALID_QUANTITY");
}

TEST(PurchaseOrderStateTest, HappyPathWithAnotherApprover) {
  PurchaseOrder o = Draft();
  const Principal maker = Person(1, Role::kStoreStaff);
  const Principal manager = Person(2, Role::kStoreManager);
  ASSERT_TRUE(*Apply(o, OrderAction::kSubmit, maker));
  EXPECT_EQ(o.state, PurchaseOrderState::kSubmitted);
  EXPECT_EQ(o.version, 2);
  EXPECT_EQ(o.submitted_by, "tok_1");
  ASSERT_TRUE(*Apply(o, OrderAction::kApprove, manager));
  EXPECT_EQ(o.approved_by, "tok_2");
  EXPECT_NE(o.approve_time, 0);
  // A retry of the approval by the same approver changes nothing.
  auto again =
      ApplyTransition(o, OrderAction::kApprove, manager, "1", "", {}, 0);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  ASSERT_TRUE(*Apply(o, OrderAction::kSend, maker));
  EXPECT_EQ(o.state, PurchaseOrderState::kSent);
  EXPECT_EQ(o.expected_date, "2026-01-13");  // 10 Jan + 3 days' lead time
  // Only the approver's fields changed on approval and send.
  EXPECT_EQ(o.last_changed_by, "tok_1");
}

TEST(PurchaseOrderStateTest, SelfApprovalIsRefusedWhateverTheRole) {
  for (Role role : {Role::kStoreManager, Role::kHeadOffice, Role::kAdmin}) {
    // The maker.
    PurchaseOrder o = Draft();
    o.created_by = "tok_7";
    ASSERT_TRUE(*Apply(o, OrderAction::kSubmit, Person(2, Role::kStoreStaff)));
    auto r = Apply(o, OrderAction::kApprove, Person(7, role));
    EXPECT_EQ(r.status().reason(), "SELF_APPROVAL_FORBIDDEN");
    EXPECT_EQ(o.state, PurchaseOrderState::kSubmitted);
    // The last changer.
    o = Draft();
    o.last_changed_by = "tok_8";
    ASSERT_TRUE(*Apply(o, OrderAction::kSubmit, Person(1, Role::kStoreStaff)));
    o.last_changed_by = "tok_8";
    EXPECT_EQ(
        Apply(o, OrderAction::kApprove, Person(8, role)).status().reason(),
        "SELF_APPROVAL_FORBIDDEN");
    // The submitter.
    o = Draft();
    ASSERT_TRUE(*Apply(o, OrderAction::kSubmit, Person(9, role)));
    EXPECT_EQ(
        Apply(o, OrderAction::kApprove, Person(9, role)).status().reason(),
        "SELF_APPROVAL_FORBIDDEN");
  }
}

TEST(PurchaseOrderStateTest, ApprovalLimitNeedsHeadOffice) {
  PurchaseOrder o = Draft();  // 24000 + 2640 VAT = 26640
  ASSERT_TRUE(*Apply(o, OrderAction::kSubmit, Person(1, Role::kStoreStaff)));
  auto refused = Apply(o, OrderAction::kApprove, Person(2, Role::kStoreManager),
                       "", 26639);
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(refused.status().reason(), "APPROVAL_LIMIT_EXCEEDED");
  // At the limit exactly, a manager approves.
  PurchaseOrder at = o;
  EXPECT_TRUE(Apply(at, OrderAction::kApprove, Person(2, Role::kStoreManager),
                    "", 26640)
                  .ok());
  EXPECT_TRUE(
      Apply(o, OrderAction::kApprove, Person(3, Role::kHeadOffice), "", 26639)
          .ok());
  PurchaseOrder staff = Draft();
  ASSERT_TRUE(
      *Apply(staff, OrderAction::kSubmit, Person(1, Role::kStoreStaff)));
  EXPECT_EQ(Apply(staff, OrderAction::kApprove, Person(4, Role::kStoreStaff))
                .status()
                .reason(),
            "ROLE_NOT_ALLOWED");
}

// An order to a supplier deactivated meanwhile goes no further towards it;
// it can still be cancelled.
TEST(PurchaseOrderStateTest, AnInactiveSupplierStopsTheOrder) {
  PurchaseOrder o = Draft();
  const Principal maker = Person(1, Role::kStoreStaff);
  TransitionFacts facts;
  facts.store_time_zone = "Asia/Jakarta";
  facts.supplier_active = false;
  auto submitted = ApplyTransition(o, OrderAction::kSubmit, maker,
                                   FormatEtag(o.version), "", facts, 0);
  EXPECT_EQ(submitted.status().reason(), "SUPPLIER_INACTIVE");
  EXPECT_EQ(o.state, PurchaseOrderState::kDraft);
  auto cancelled =
      ApplyTransition(o, OrderAction::kCancel, maker, FormatEtag(o.version),
                      "supplier gone", facts, 0);
  ASSERT_TRUE(cancelled.ok()) << cancelled.status();
  EXPECT_EQ(o.state, PurchaseOrderState::kCancelled);
}

TEST(PurchaseOrderStateTest, StaleEtagChangesNothing) {
  PurchaseOrder o = Draft();
  const PurchaseOrder before = o;
  auto r = ApplyTransition(o, OrderAction::kSubmit,
                           Person(1, Role::kStoreStaff), "0", "", {}, 0);
  EXPECT_EQ(r.status().code(), StatusCode::kAborted);
  EXPECT_EQ(r.status().reason(), "ETAG_MISMATCH");
  EXPECT_EQ(o.state, before.state);
  EXPECT_EQ(o.version, before.version);
  EXPECT_EQ(ApplyTransition(o, OrderAction::kSubmit,
                            Person(1, Role::kStoreStaff), "", "", {}, 0)
                .status()
                .reason(),
            "ETAG_REQUIRED");
}

TEST(PurchaseOrderStateTest, InvalidTransitionsAreRefused) {
  PurchaseOrder o = Draft();
  const Principal manager = Person(2, Role::kStoreManager);
  EXPECT_EQ(Apply(o, OrderAction::kApprove, manager).status().reason(),
            "INVALID_STATE_TRANSITION");
  EXPECT_EQ(Apply(o, OrderAction::kSend, manager).status().reason(),
            "INVALID_STATE_TRANSITION");
  EXPECT_EQ(Apply(o, OrderAction::kClose, manager, "short").status().reason(),
            "INVALID_STATE_TRANSITION");
  EXPECT_EQ(o.state, PurchaseOrderState::kDraft);
  PurchaseOrder empty = Draft();
  empty.lines.clear();
  EXPECT_EQ(Apply(empty, OrderAction::kSubmit, manager).status().reason(),
            "ORDER_HAS_NO_LINES");
  ASSERT_TRUE(*Apply(o, OrderAction::kSubmit, Person(1, Role::kStoreStaff)));
  EXPECT_EQ(Apply(o, OrderAction::kReject, manager).status().reason(),
            "REASON_REQUIRED");
  ASSERT_TRUE(*Apply(o, OrderAction::kReject, manager, "too much rice"));
  EXPECT_EQ(o.state, PurchaseOrderState::kDraft);
  EXPECT_EQ(o.state_reason, "too much rice");
  EXPECT_EQ(CheckEditable(o).code(), StatusCode::kOk);
  ASSERT_TRUE(*Apply(o, OrderAction::kSubmit, Person(1, Role::kStoreStaff)));
  EXPECT_EQ(CheckEditable(o).reason(), "ORDER_NOT_DRAFT");
  ASSERT_TRUE(*Apply(o, OrderAction::kApprove, Person(3, Role::kHeadOffice)));
  ASSERT_TRUE(*Apply(o, OrderAction::kSend, Person(1, Role::kStoreStaff)));
  // A sent order is cancelled by a manager with a reason only.
  EXPECT_EQ(Apply(o, OrderAction::kCancel, Person(1, Role::kStoreStaff), "x")
                .status()
                .reason(),
            "ROLE_NOT_ALLOWED");
  EXPECT_EQ(Apply(o, OrderAction::kCancel, manager).status().reason(),
            "REASON_REQUIRED");
  PurchaseOrder closed = o;
  ASSERT_TRUE(*Apply(closed, OrderAction::kClose, manager, "supplier short"));
  EXPECT_EQ(closed.state, PurchaseOrderState::kClosedShort);
  ASSERT_TRUE(*Apply(o, OrderAction::kCancel, manager, "supplier closed"));
  EXPECT_EQ(o.state, PurchaseOrderState::kCancelled);
  EXPECT_FALSE(*Apply(o, OrderAction::kCancel, manager, "again"));
  EXPECT_EQ(Apply(o, OrderAction::kSubmit, manager).status().reason(),
            "INVALID_STATE_TRANSITION");
}

// ---- Replenishment ---------------------------------------------------------

ReplenishmentProduct Rice() {
  ReplenishmentProduct p;
  p.sku = "RICE";
  p.display_name = "Rice";
  p.items.push_back(
      ReplenishmentItem{"SUP1", 12000, 30000, 700, "IDR", 1100, 2});
  return p;
}

ProductDemand Demand(std::int64_t net, int days) {
  ProductDemand d;
  d.sku = "RICE";
  d.net_quantity_milli = net;
  d.days_in_window = days;
  return d;
}

SuggestionLine Suggest(const ReplenishmentProduct& p, const ProductDemand& d,
                       bool* triggered, int review = 7) {
  auto chosen = ChooseSupplier(p, "IDR");
  EXPECT_TRUE(chosen.has_value());
  return SuggestLine(p, *chosen, d, review, triggered);
}

TEST(ReplenishmentTest, RoundsUpToPacksThenToTheMinimum) {
  ReplenishmentProduct p = Rice();
  p.on_hand_milli = 5000;
  bool triggered = false;
  // 28 over 28 days: 1/day. Trigger: 2+7 = 9; target 2+14 = 16.
  SuggestionLine line = Suggest(p, Demand(28000, 28), &triggered);
  EXPECT_TRUE(triggered);
  EXPECT_EQ(line.trigger_milli, 9000);
  EXPECT_EQ(line.target_milli, 16000);
  EXPECT_EQ(line.need_milli, 11000);
  // 11 -> one pack of 12 -> minimum 30 rounded up to packs = 36.
  EXPECT_EQ(line.rounded_milli, 36000);
  EXPECT_EQ(line.suggested_milli, 36000);
  EXPECT_EQ(line.line_cost_minor, 25200);
  EXPECT_EQ(line.line_tax_minor, 2772);
  EXPECT_NE(line.explanation.find("minimum 36"), std::string::npos)
      << line.explanation;
  // Without a minimum: one pack.
  p.items[0].min_order_quantity_milli = 0;
  EXPECT_EQ(Suggest(p, Demand(28000, 28), &triggered).suggested_milli, 12000);
}

TEST(ReplenishmentTest, UsesReorderPointAndMaximumWhenSet) {
  ReplenishmentProduct p = Rice();
  p.items[0].min_order_quantity_milli = 0;
  p.reorder_point_milli = 20000;
  p.max_quantity_milli = 50000;
  p.on_hand_milli = 20000;
  bool triggered = false;
  SuggestionLine line = Suggest(p, Demand(0, 28), &triggered);
  EXPECT_TRUE(triggered);  // at the point
  EXPECT_TRUE(line.trigger_is_reorder_point);
  EXPECT_TRUE(line.target_is_max_quantity);
  EXPECT_EQ(line.need_milli, 30000);
  EXPECT_EQ(line.suggested_milli, 36000);
  p.on_hand_milli = 20001;
  Suggest(p, Demand(0, 28), &triggered);
  EXPECT_FALSE(triggered);
  // Without a maximum the target clears the reorder point by a review
  // period of demand (1/day x 7), however small the cover is.
  p.max_quantity_milli = 0;
  p.on_hand_milli = 3000;
  line = Suggest(p, Demand(28000, 28), &triggered);
  EXPECT_TRUE(triggered);
  EXPECT_EQ(line.target_milli, 27000);  // 20 + 7 > cover(2 + 14) = 16
  EXPECT_EQ(line.need_milli, 24000);
}

TEST(ReplenishmentTest, WhatIsOnOrderCountsSoNothingIsOrderedTwice) {
  ReplenishmentProduct p = Rice();
  p.on_hand_milli = 5000;
  p.on_order_approved_milli = 36000;  // an approved order covers it
  bool triggered = true;
  SuggestionLine line = Suggest(p, Demand(28000, 28), &triggered);
  EXPECT_FALSE(triggered);
  EXPECT_EQ(line.projected_milli, 41000);
  EXPECT_EQ(line.suggested_milli, 0);
  p.on_order_approved_milli = 0;
  p.on_order_draft_milli = 36000;  // so does a draft
  Suggest(p, Demand(28000, 28), &triggered);
  EXPECT_FALSE(triggered);
}

TEST(ReplenishmentTest, ExpiryCapBindsAndCanSuggestNothing) {
  ReplenishmentProduct p = Rice();
  p.items[0].min_order_quantity_milli = 0;
  p.items[0].pack_size_milli = 6000;
  p.max_quantity_milli = 60000;
  p.reorder_point_milli = 10000;
  p.on_hand_milli = 0;
  p.shelf_life_days = 10;
  p.sell_by_margin_days = 2;
  bool triggered = false;
  // 2/day; sellable within 2 + 10 - 2 = 10 days: 20 -> 18 in packs of 6.
  SuggestionLine line = Suggest(p, Demand(56000, 28), &triggered);
  EXPECT_TRUE(triggered);
  EXPECT_EQ(line.rounded_milli, 60000);
  EXPECT_EQ(line.expiry_cap_milli, 18000);
  EXPECT_TRUE(line.cap_binds);
  EXPECT_EQ(line.suggested_milli, 18000);
  // With a minimum of 24 the cap leaves nothing worth ordering.
  p.items[0].min_order_quantity_milli = 24000;
  line = Suggest(p, Demand(56000, 28), &triggered);
  EXPECT_EQ(line.suggested_milli, 0);
  EXPECT_EQ(line.zero_reason, "EXPIRY_CAP_BELOW_MINIMUM");
}

// A new perishable has no rate of sale yet: a cap computed from it would be
// 0 and the product never ordered, so never sold. Its configured levels
// decide alone until it sells.
TEST(ReplenishmentTest, ANewPerishableIsOrderedToItsLevels) {
  ReplenishmentProduct p = Rice();
  p.items[0].min_order_quantity_milli = 0;
  p.items[0].pack_size_milli = 6000;
  p.reorder_point_milli = 10000;
  p.max_quantity_milli = 20000;
  p.shelf_life_days = 7;
  p.sell_by_margin_days = 1;
  bool triggered = false;
  SuggestionLine line = Suggest(p, Demand(0, 28), &triggered);
  EXPECT_TRUE(triggered);
  EXPECT_FALSE(line.cap_binds);
  EXPECT_EQ(line.suggested_milli, 24000);  // 20 -> 4 packs of 6
  EXPECT_NE(line.explanation.find("shelf-life cap not applied"),
            std::string::npos)
      << line.explanation;
}

TEST(ReplenishmentTest, ChoosesTheSupplierByStatedRule) {
  ReplenishmentProduct p = Rice();
  p.items.push_back(ReplenishmentItem{"SUP0", 12000, 0, 800, "IDR", 0, 1});
  p.items.push_back(ReplenishmentItem{"SUP2", 12000, 0, 600, "USD", 0, 1});
  auto chosen = ChooseSupplier(p, "IDR");
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->item->supplier_code, "SUP1");  // cheapest in IDR
  EXPECT_EQ(chosen->rule, SupplierRule::kCheapestSupplier);
  p.product_preferred_supplier = "SUP0";
  EXPECT_EQ(ChooseSupplier(p, "IDR")->rule, SupplierRule::kProductPreferred);
  p.store_preferred_supplier = "SUP1";
  EXPECT_EQ(ChooseSupplier(p, "IDR")->item->supplier_code, "SUP1");
  EXPECT_EQ(ChooseSupplier(p, "IDR")->rule, SupplierRule::kStorePreferred);
  EXPECT_FALSE(ChooseSupplier(p, "EUR").has_value());
}

TEST(ReplenishmentTest, StoreSuggestionsAreGroupedAndRepeatable) {
  ReplenishmentData data;
  data.settings.store_code = "S1";
  data.settings.currency_code = "IDR";
  ReplenishmentProduct rice = Rice();
  ReplenishmentProduct oil = Rice();
  oil.sku = "OIL";
  oil.items[0].supplier_code = "SUP2";
  oil.reorder_point_milli = 1;  // never below it with stock
  oil.on_hand_milli = 5000;
  data.products = {oil, rice};
  auto window = MakeDemandWindow(28, "2026-01-09");
  ASSERT_TRUE(window.ok());
  for (int day = 0; day < 28; ++day) {
    DemandDay d;
    d.sku = "RICE";
    d.business_day = "2026-01-0" + std::to_string(1 + day % 9);
    d.sold_milli = 1000;
    data.demand_days.push_back(d);
  }
  auto first = SuggestForStore(data, *window, "S1", "");
  auto second = SuggestForStore(data, *window, "S1", "");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].supplier_code, "SUP1");
  ASSERT_EQ(first[0].lines.size(), 1u);
  EXPECT_EQ(first[0].total_cost_minor, first[0].lines[0].line_cost_minor);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].lines[0].suggested_milli,
            first[0].lines[0].suggested_milli);
  EXPECT_EQ(second[0].lines[0].explanation, first[0].lines[0].explanation);
  EXPECT_TRUE(SuggestForStore(data, *window, "S1", "SUP2").empty());
}

}  // namespace
}  // namespace backoffice::domain
