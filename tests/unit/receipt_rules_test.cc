// The receiving rules alone: what a valid receipt is, its cost, VAT and
// cost variance, the tolerance over the ordered quantity (within, beyond,
// beyond with a request for approval), receipts without an order, lots and
// expiry of products with a shelf life, segregation of duties between the
// order's approver and its receiver, who may approve a pending receipt, and
// the order's state after a receipt.
#include "receiving/domain/receipt_rules.h"

#include <gtest/gtest.h>

#include "purchasing/domain/purchase_order_rules.h"

namespace backoffice::domain {
namespace {

constexpr std::int64_t kApprover = 2;
constexpr std::int64_t kReceiver = 3;

Principal Person(std::int64_t id, Role role) {
  return Principal{id, "person " + std::to_string(id), role, "S1", ""};
}

// An approved order of 10 RICE at 1000 (VAT 11%) and 4 MILK at 500 (no VAT),
// nothing received yet; MILK has a shelf life with a sell-by margin of 2
// days; today is 2026-01-10.
ReceiptFacts OrderFacts() {
  ReceiptFacts facts;
  facts.currency_code = "IDR";
  facts.business_day = "2026-01-10";
  facts.supplier_code = "SUP1";
  facts.has_order = true;
  facts.order_state = "APPROVED";
  facts.order_approved_by = FormatTokenId(kApprover);
  ReceivableOrderLine rice;
  rice.line_number = 1;
  rice.sku = "RICE";
  rice.quantity_milli = 10000;
  rice.unit_cost_minor = 1000;
  rice.tax_rate_basis_points = 1100;
  ReceivableOrderLine milk;
  milk.line_number = 2;
  milk.sku = "MILK";
  milk.quantity_milli = 4000;
  milk.unit_cost_minor = 500;
  facts.order_lines = {rice, milk};
  ReceivableProduct rice_product;
  rice_product.sku = "RICE";
  ReceivableProduct milk_product;
  milk_product.sku = "MILK";
  milk_product.shelf_life_days = 14;
  milk_product.sell_by_margin_days = 2;
  ReceivableProduct soap;
  soap.sku = "SOAP";
  soap.item_unit_cost_minor = 300;
  soap.item_tax_rate_basis_points = 1100;
  facts.products = {rice_product, milk_product, soap};
  return facts;
}

ReceiptLineInput Line(const std::string& sku, std::int64_t received,
                      const std::string& lot = "",
                      const std::string& expiry = "") {
  ReceiptLineInput line;
  line.sku = sku;
  line.received_milli = received;
  line.lot_code = lot;
  line.expiry_date = expiry;
  return line;
}

NewGoodsReceipt Receipt(std::vector<ReceiptLineInput> lines) {
  NewGoodsReceipt r;
  r.store_code = "S1";
  r.receipt_id = "GR-1";
  r.order_id = "PO-1";
  r.lines = std::move(lines);
  return r;
}

StatusOr<GoodsReceipt> Plan(const NewGoodsReceipt& input,
                            const ReceiptFacts& facts = OrderFacts(),
                            std::int64_t receiver = kReceiver) {
  return PlanReceipt(input, facts, Person(receiver, Role::kStoreStaff));
}

TEST(ReceiptRulesReceivableLimitTest,
     TheToleranceIsBasisPointsOfTheOrderRoundedDown) {
  EXPECT_EQ(ReceivableLimit(10000, 0), 10000);
  EXPECT_EQ(ReceivableLimit(10000, 500), 10500);
  EXPECT_EQ(ReceivableLimit(3333, 1000), 3666);  // 333.3 -> 333
  EXPECT_EQ(ReceivableLimit(10000, 10000), 20000);
  EXPECT_EQ(ReceivableLimit(0, 500), 0);
}

TEST(ReceiptRulesPlanReceiptTest,
     AReceiptOfAnApprovedOrderPostsWithCostAndVat) {
  NewGoodsReceipt input = Receipt({Line("RICE", 3000)});
  input.lines[0].rejected_milli = 1000;
  input.lines[0].reject_reason = RejectReason::kDamaged;
  auto receipt = Plan(input);
  ASSERT_TRUE(receipt.ok()) << receipt.status();
  EXPECT_EQ(receipt->state, ReceiptState::kPosted);
  EXPECT_EQ(receipt->approval_reason, ReceiptApprovalReason::kNone);
  EXPECT_EQ(receipt->received_by, "tok_3");
  EXPECT_EQ(receipt->supplier_code, "SUP1");
  EXPECT_EQ(receipt->business_day, "2026-01-10");
  ASSERT_EQ(receipt->lines.size(), 1u);
  const GoodsReceiptLine& line = receipt->lines[0];
  EXPECT_EQ(line.order_line_number, 1);
  EXPECT_EQ(line.unit_cost_minor, 1000);  // The order's.
  EXPECT_FALSE(line.cost_differs());
  EXPECT_EQ(line.rejected_milli, 1000);
  EXPECT_EQ(line.line_cost_minor, 3000);  // Only what was received.
  EXPECT_EQ(line.line_tax_minor, 330);
  EXPECT_EQ(receipt->total_cost_minor, 3000);
  EXPECT_EQ(receipt->total_tax_minor, 330);
  EXPECT_EQ(receipt->cost_variance_minor, 0);
}

TEST(ReceiptRulesPlanReceiptTest, AnInvoiceCostOtherThanTheOrdersIsAVariance) {
  NewGoodsReceipt input = Receipt({Line("RICE", 2500)});
  input.lines[0].unit_cost_minor = 1100;
  auto receipt = Plan(input);
  ASSERT_TRUE(receipt.ok()) << receipt.status();
  const GoodsReceiptLine& line = receipt->lines[0];
  EXPECT_EQ(line.unit_cost_minor, 1100);
  ASSERT_TRUE(line.ordered_unit_cost_minor.has_value());
  EXPECT_EQ(*line.ordered_unit_cost_minor, 1000);
  EXPECT_TRUE(line.cost_differs());
  EXPECT_EQ(line.line_cost_minor, 2750);
  EXPECT_EQ(line.line_tax_minor, 303);  // 302.5 -> 303
  EXPECT_EQ(receipt->cost_variance_minor, 250);
}

TEST(ReceiptRulesPlanReceiptTest, ExactlyTheOrderedQuantityWithoutTolerance) {
  ReceiptFacts facts = OrderFacts();
  facts.order_lines[0].received_milli = 6000;
  facts.order_state = "PARTIALLY_RECEIVED";
  auto receipt = Plan(Receipt({Line("RICE", 4000)}), facts);
  ASSERT_TRUE(receipt.ok()) << receipt.status();
  EXPECT_EQ(receipt->state, ReceiptState::kPosted);
  auto over = Plan(Receipt({Line("RICE", 4001)}), facts);
  EXPECT_EQ(over.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(over.status().reason(), "OVER_RECEIPT");
  EXPECT_EQ(over.status().metadata().at("limit_milli"), "10000");
  EXPECT_EQ(over.status().metadata().at("sku"), "RICE");
}

TEST(ReceiptRulesPlanReceiptTest, WithinTheTolerancePostsBeyondItIsRefused) {
  ReceiptFacts facts = OrderFacts();
  facts.receipt_tolerance_basis_points = 500;  // 5%: up to 10.5.
  auto within = Plan(Receipt({Line("RICE", 10500)}), facts);
  ASSERT_TRUE(within.ok()) << within.status();
  EXPECT_EQ(within->state, ReceiptState::kPosted);
  auto over = Plan(Receipt({Line("RICE", 10501)}), facts);
  EXPECT_EQ(over.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(over.status().reason(), "OVER_RECEIPT");
  EXPECT_EQ(over.status().metadata().at("limit_milli"), "10500");
  // What was received before counts.
  facts.order_lines[0].received_milli = 10000;
  auto after = Plan(Receipt({Line("RICE", 501)}), facts);
  EXPECT_EQ(after.status().reason(), "OVER_RECEIPT");
  auto fits = Plan(Receipt({Line("RICE", 500)}), facts);
  EXPECT_TRUE(fits.ok()) << fits.status();
}

TEST(ReceiptRulesPlanReceiptTest, LinesOfOneProductAddUpAgainstItsLimit) {
  // Two lots of MILK, each within the order, together beyond it.
  auto receipt = Plan(Receipt({Line("MILK", 3000, "L1", "2026-01-24"),
                               Line("MILK", 2000, "L2", "2026-01-25")}));
  EXPECT_EQ(receipt.status().reason(), "OVER_RECEIPT");
  EXPECT_EQ(receipt.status().metadata().at("sku"), "MILK");
}

TEST(ReceiptRulesPlanReceiptTest, RejectedQuantitiesDoNotCountAgainstTheLimit) {
  NewGoodsReceipt input = Receipt({Line("RICE", 10000)});
  input.lines[0].rejected_milli = 5000;
  input.lines[0].reject_reason = RejectReason::kDamaged;
  auto receipt = Plan(input);
  ASSERT_TRUE(receipt.ok()) << receipt.status();
  EXPECT_EQ(receipt->state, ReceiptState::kPosted);
}

TEST(ReceiptRulesPlanReceiptTest, AnOverReceiptWithARequestWaitsForApproval) {
  NewGoodsReceipt input = Receipt({Line("RICE", 12000)});
  input.request_approval = true;
  auto receipt = Plan(input);
  ASSERT_TRUE(receipt.ok()) << receipt.status();
  EXPECT_EQ(receipt->state, ReceiptState::kPendingApproval);
  EXPECT_EQ(receipt->approval_reason, ReceiptApprovalReason::kOverReceipt);
  EXPECT_EQ(receipt->total_cost_minor, 12000);
  // Asking for approval of what fits posts at once.
  input.lines[0].received_milli = 10000;
  auto fits = Plan(input);
  ASSERT_TRUE(fits.ok()) << fits.status();
  EXPECT_EQ(fits->state, ReceiptState::kPosted);
}

TEST(ReceiptRulesPlanReceiptTest, WithoutAnOrderAReceiptWaitsForApproval) {
  NewGoodsReceipt input = Receipt({Line("SOAP", 2000)});
  input.order_id.clear();
  input.supplier_code = "SUP1";
  ReceiptFacts facts = OrderFacts();
  facts.has_order = false;
  facts.order_lines.clear();
  facts.order_approved_by.clear();
  auto receipt = Plan(input, facts);
  ASSERT_TRUE(receipt.ok()) << receipt.status();
  EXPECT_EQ(receipt->state, ReceiptState::kPendingApproval);
  EXPECT_EQ(receipt->approval_reason, ReceiptApprovalReason::kNoOrder);
  EXPECT_EQ(receipt->lines[0].unit_cost_minor, 300);  // The supplier item's.
  EXPECT_EQ(receipt->lines[0].tax_rate_basis_points, 1100);
  EXPECT_FALSE(receipt->lines[0].ordered_unit_cost_minor.has_value());
  EXPECT_EQ(receipt->total_cost_minor, 600);
  EXPECT_EQ(receipt->total_tax_minor, 66);
  // A product the supplier has no item for needs the invoice's cost.
  input.lines[0].sku = "RICE";
  auto no_cost = Plan(input, facts);
  EXPECT_EQ(no_cost.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(no_cost.status().reason(), "UNIT_COST_REQUIRED");
  input.lines[0].unit_cost_minor = 900;
  auto with_cost = Plan(input, facts);
  ASSERT_TRUE(with_cost.ok()) << with_cost.status();
  EXPECT_EQ(with_cost->total_cost_minor, 1800);
}

TEST(ReceiptRulesPlanReceiptTest, TheOrdersApproverDoesNotReceiveIt) {
  auto receipt = Plan(Receipt({Line("RICE", 1000)}), OrderFacts(), kApprover);
  EXPECT_EQ(receipt.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(receipt.status().reason(), "SEGREGATION_OF_DUTIES");
  // Whatever the role.
  auto as_manager = PlanReceipt(Receipt({Line("RICE", 1000)}), OrderFacts(),
                                Person(kApprover, Role::kStoreManager));
  EXPECT_EQ(as_manager.status().reason(), "SEGREGATION_OF_DUTIES");
  EXPECT_TRUE(Plan(Receipt({Line("RICE", 1000)})).ok());
}

TEST(ReceiptRulesPlanReceiptTest,
     OnlyAnApprovedSentOrPartlyReceivedOrderTakesGoods) {
  for (const char* state : {"APPROVED", "SENT", "PARTIALLY_RECEIVED"}) {
    ReceiptFacts facts = OrderFacts();
    facts.order_state = state;
    EXPECT_TRUE(Plan(Receipt({Line("RICE", 1000)}), facts).ok()) << state;
  }
  for (const char* state :
       {"DRAFT", "SUBMITTED", "RECEIVED", "CANCELLED", "REJECTED"}) {
    ReceiptFacts facts = OrderFacts();
    facts.order_state = state;
    auto receipt = Plan(Receipt({Line("RICE", 1000)}), facts);
    EXPECT_EQ(receipt.status().reason(), "ORDER_NOT_RECEIVABLE") << state;
    EXPECT_EQ(receipt.status().code(), StatusCode::kFailedPrecondition);
  }
}

TEST(ReceiptRulesPlanReceiptTest, OrderAndSupplierMismatches) {
  NewGoodsReceipt other_supplier = Receipt({Line("RICE", 1000)});
  other_supplier.supplier_code = "SUP2";
  EXPECT_EQ(Plan(other_supplier).status().reason(), "SUPPLIER_MISMATCH");
  auto not_on_order = Plan(Receipt({Line("SOAP", 1000)}));
  EXPECT_EQ(not_on_order.status().reason(), "PRODUCT_NOT_ON_ORDER");
  EXPECT_EQ(not_on_order.status().metadata().at("line_number"), "1");
  // A wrong item sent back whole is recorded, not refused.
  ReceiptLineInput wrong = Line("SOAP", 0);
  wrong.rejected_milli = 1000;
  wrong.reject_reason = RejectReason::kWrongItem;
  auto sent_back = Plan(Receipt({Line("RICE", 1000), wrong}));
  ASSERT_TRUE(sent_back.ok()) << sent_back.status();
  EXPECT_EQ(sent_back->lines[1].order_line_number, 0);
  EXPECT_EQ(sent_back->lines[1].line_cost_minor, 0);
  ReceiptFacts inactive = OrderFacts();
  inactive.supplier_active = false;
  EXPECT_EQ(Plan(Receipt({Line("RICE", 1000)}), inactive).status().reason(),
            "SUPPLIER_INACTIVE");
  auto unknown = Plan(Receipt({Line("NOPE", 1000)}));
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.status().reason(), "PRODUCT_NOT_FOUND");
  NewGoodsReceipt dollars = Receipt({Line("RICE", 1000)});
  dollars.lines[0].unit_cost_minor = 100;
  dollars.lines[0].unit_cost_currency = "USD";
  EXPECT_EQ(Plan(dollars).status().reason(), "CURRENCY_MISMATCH");
}

TEST(ReceiptRulesPlanReceiptTest, ProductsWithAShelfLifeNeedALotAndAnExpiry) {
  auto no_lot = Plan(Receipt({Line("MILK", 1000, "", "2026-01-24")}));
  EXPECT_EQ(no_lot.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(no_lot.status().reason(), "LOT_REQUIRED");
  auto no_expiry = Plan(Receipt({Line("MILK", 1000, "L1")}));
  EXPECT_EQ(no_expiry.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(no_expiry.status().reason(), "EXPIRY_DATE_REQUIRED");
  auto both = Plan(Receipt({Line("MILK", 1000, "L1", "2026-01-24")}));
  ASSERT_TRUE(both.ok()) << both.status();
  EXPECT_EQ(both->lines[0].lot_code, "L1");
  EXPECT_EQ(both->lines[0].expiry_date, "2026-01-24");
  // A whole line sent back needs neither.
  ReceiptLineInput rejected = Line("MILK", 0);
  rejected.rejected_milli = 1000;
  rejected.reject_reason = RejectReason::kExpired;
  EXPECT_TRUE(Plan(Receipt({rejected})).ok());
  // Products without a shelf life take lots too, but need none.
  EXPECT_TRUE(Plan(Receipt({Line("RICE", 1000)})).ok());
}

TEST(ReceiptRulesPlanReceiptTest, ALotThatCanNoLongerBeSoldIsNotReceived) {
  // MILK's margin is 2 days: a lot expiring 2026-01-12 may be sold until
  // 2026-01-10, today; one expiring 2026-01-11 no longer.
  auto last_day = Plan(Receipt({Line("MILK", 1000, "L1", "2026-01-12")}));
  EXPECT_TRUE(last_day.ok()) << last_day.status();
  auto too_late = Plan(Receipt({Line("MILK", 1000, "L1", "2026-01-11")}));
  EXPECT_EQ(too_late.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(too_late.status().reason(), "LOT_NOT_SELLABLE");
  auto expired = Plan(Receipt({Line("RICE", 1000, "R1", "2026-01-09")}));
  EXPECT_EQ(expired.status().reason(), "LOT_NOT_SELLABLE");
}

// A receipt that waited for its approval is judged on the day it posts:
// its lot's sell-by day (expiry minus the margin) must not have passed.
TEST(ReceiptRulesCheckLotsStillSellableTest, JudgedOnTheDayItPosts) {
  GoodsReceipt receipt;
  GoodsReceiptLine line;
  line.line_number = 1;
  line.sku = "MILK";
  line.received_milli = 1000;
  line.lot_code = "L1";
  line.expiry_date = "2026-12-10";
  receipt.lines.push_back(line);
  ReceiptFacts facts;
  ReceivableProduct milk;
  milk.sku = "MILK";
  milk.sell_by_margin_days = 2;
  facts.products.push_back(milk);
  facts.business_day = "2026-12-08";
  EXPECT_TRUE(CheckLotsStillSellable(receipt, facts).ok());
  facts.business_day = "2026-12-09";
  Status late = CheckLotsStillSellable(receipt, facts);
  EXPECT_EQ(late.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(late.reason(), "LOT_NOT_SELLABLE");
  // A rejected-only line brings no lot into stock.
  receipt.lines[0].received_milli = 0;
  receipt.lines[0].rejected_milli = 1000;
  EXPECT_TRUE(CheckLotsStillSellable(receipt, facts).ok());
}

TEST(ReceiptRulesCheckReceiptDeciderTest, AManagerWhoIsNotTheReceiverDecides) {
  GoodsReceipt receipt;
  receipt.receipt_id = "GR-1";
  receipt.received_by = FormatTokenId(kReceiver);
  EXPECT_TRUE(
      CheckReceiptDecider(receipt, Person(7, Role::kStoreManager)).ok());
  EXPECT_TRUE(CheckReceiptDecider(receipt, Person(8, Role::kHeadOffice)).ok());
  const Status self =
      CheckReceiptDecider(receipt, Person(kReceiver, Role::kStoreManager));
  EXPECT_EQ(self.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(self.reason(), "SELF_APPROVAL_FORBIDDEN");
  const Status self_admin =
      CheckReceiptDecider(receipt, Person(kReceiver, Role::kAdmin));
  EXPECT_EQ(self_admin.reason(), "SELF_APPROVAL_FORBIDDEN");
  const Status staff =
      CheckReceiptDecider(receipt, Person(9, Role::kStoreStaff));
  EXPECT_EQ(staff.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(staff.reason(), "ROLE_NOT_ALLOWED");
  EXPECT_EQ(
      CheckReceiptDecider(receipt, Person(9, Role::kPosTerminal)).reason(),
      "ROLE_NOT_ALLOWED");
}

TEST(ReceiptRulesOrderStateAfterReceiptTest,
     ReceivedWhenEveryLineHasItsQuantity) {
  ReceivableOrderLine a;
  a.quantity_milli = 10000;
  a.received_milli = 10000;
  ReceivableOrderLine b;
  b.quantity_milli = 4000;
  b.received_milli = 3999;
  EXPECT_EQ(OrderStateAfterReceipt({a, b}), "PARTIALLY_RECEIVED");
  b.received_milli = 0;
  EXPECT_EQ(OrderStateAfterReceipt({a, b}), "PARTIALLY_RECEIVED");
  b.received_milli = 4000;
  EXPECT_EQ(OrderStateAfterReceipt({a, b}), "RECEIVED");
  a.received_milli = 10500;  // Within a tolerance.
  EXPECT_EQ(OrderStateAfterReceipt({a, b}), "RECEIVED");
}

TEST(ReceiptRulesPayableDueDayTest, TheBusinessDayPlusThePaymentTerms) {
  EXPECT_EQ(PayableDueDay("2026-01-20", 30), "2026-02-19");
  EXPECT_EQ(PayableDueDay("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(PayableDueDay("2026-01-20", 0), "2026-01-20");
}

TEST(ReceiptRulesValidateNewReceiptTest, AWellFormedReceiptPasses) {
  NewGoodsReceipt r =
      Receipt({Line("RICE", 1000), Line("MILK", 1000, "L1", "2026-01-24")});
  EXPECT_TRUE(ValidateNewReceipt(r).ok()) << ValidateNewReceipt(r);
  // One product in two lots is two lines.
  r.lines.push_back(Line("MILK", 1000, "L2", "2026-01-24"));
  EXPECT_TRUE(ValidateNewReceipt(r).ok()) << ValidateNewReceipt(r);
}

TEST(ReceiptRulesValidateNewReceiptTest,
     MalformedReceiptsAreRefusedWithTheirField) {
  struct Case {
    const char* name;
    void (*mutate)(NewGoodsReceipt&);
    const char* reason;
  };
  const Case cases[] = {
      {"no lines", [](NewGoodsReceipt& r) { r.lines.clear(); },
       "INVALID_LINES"},
      {"bad receipt id", [](NewGoodsReceipt& r) { r.receipt_id = "a b"; },
       "INVALID_RECEIPT_ID"},
      {"no order and no supplier",
       [](NewGoodsReceipt& r) { r.order_id.clear(); }, "INVALID_SUPPLIER_CODE"},
      {"nothing received or rejected",
       [](NewGoodsReceipt& r) { r.lines[0].received_milli = 0; },
       "INVALID_LINES_RECEIVED_MILLI"},
      {"negative quantity",
       [](NewGoodsReceipt& r) { r.lines[0].received_milli = -1; },
       "INVALID_LINES_RECEIVED_MILLI"},
      {"rejected without a reason",
       [](NewGoodsReceipt& r) { r.lines[0].rejected_milli = 1000; },
       "INVALID_LINES_REJECT_REASON"},
      {"a reason without a rejection",
       [](NewGoodsReceipt& r) {
         r.lines[0].reject_reason = RejectReason::kDamaged;
       },
       "INVALID_LINES_REJECT_REASON"},
      {"bad expiry date",
       [](NewGoodsReceipt& r) { r.lines[0].expiry_date = "2026-02-30"; },
       "INVALID_LINES_EXPIRY_DATE"},
      {"negative cost",
       [](NewGoodsReceipt& r) { r.lines[0].unit_cost_minor = -1; },
       "INVALID_LINES_UNIT_COST"},
      {"the same product and lot twice",
       [](NewGoodsReceipt& r) { r.lines.push_back(r.lines[0]); },
       "DUPLICATE_LINE"},
      {"too many lines",
       [](NewGoodsReceipt& r) {
         for (int i = 0; i < kMaxReceiptLines; ++i) {
           r.lines.push_back(Line("P" + std::to_string(i), 1000));
         }
       },
       "RECEIPT_TOO_LARGE"},
  };
  for (const Case& c : cases) {
    NewGoodsReceipt r = Receipt({Line("RICE", 1000)});
    c.mutate(r);
    const Status status = ValidateNewReceipt(r);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_EQ(status.reason(), c.reason) << c.name << ": " << status;
  }
}

TEST(ReceiptRulesReceiptFingerprintTest, TellsAReplayFromAReuseOfTheId) {
  const NewGoodsReceipt r = Receipt({Line("RICE", 1000)});
  EXPECT_EQ(ReceiptFingerprint(r), ReceiptFingerprint(r));
  NewGoodsReceipt more = r;
  more.lines[0].received_milli = 2000;
  EXPECT_NE(ReceiptFingerprint(r), ReceiptFingerprint(more));
  NewGoodsReceipt asked = r;
  asked.request_approval = true;
  EXPECT_NE(ReceiptFingerprint(r), ReceiptFingerprint(asked));
  NewGoodsReceipt costed = r;
  costed.lines[0].unit_cost_minor = 0;  // Set to 0 is not unset.
  EXPECT_NE(ReceiptFingerprint(r), ReceiptFingerprint(costed));
}

}  // namespace
}  // namespace backoffice::domain
