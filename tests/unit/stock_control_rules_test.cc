// Stock control's pure rules: a lot judged on its store's day by the one
// sellable rule, slow movers by cover and idle days, supplier return
// validation, fingerprints and maker-checker.
#include "stockcontrol/domain/stock_control_rules.h"

#include <gtest/gtest.h>

#include "inventory/domain/lots.h"
#include "inventory/domain/stock_rules.h"

namespace backoffice::domain {
namespace {

LotFacts Lot(const std::string& expiry, int margin, std::int64_t quantity,
             std::int64_t window_demand, const std::string& supplier = "S") {
  LotFacts f;
  f.expiry_date = expiry;
  f.sell_by_margin_days = margin;
  f.quantity_milli = quantity;
  f.unit_cost_minor = 2500;
  f.window_demand_milli = window_demand;
  f.supplier_code = supplier;
  f.as_of_day = "2026-12-04";
  return f;
}

TEST(ExpiringLotTest, JudgedByTheSellableRuleThatFefoUses) {
  // Expiry the 10th, margin 2: sellable through the 8th, 4 days ahead.
  const ExpiringLot lot = JudgeExpiringLot(Lot("2026-12-10", 2, 10000, 28000));
  EXPECT_EQ(lot.sellable_until, SellableUntil("2026-12-10", 2));
  EXPECT_EQ(lot.days_left, 4);
  EXPECT_EQ(IsSellableOn("2026-12-10", 2, "2026-12-08"), lot.days_left >= 0);
  EXPECT_EQ(lot.value_minor, 25000);
  // 1 unit a day for 5 selling days (today included): 5 sold, 5 excess.
  EXPECT_EQ(lot.demand_per_day_milli, 1000);
  EXPECT_EQ(lot.expected_sales_milli, 5000);
  EXPECT_EQ(lot.excess_milli, 5000);
  EXPECT_EQ(lot.action, ExpiryAction::kDiscount);
  // Demand that sells it in time: sell it first.
  EXPECT_EQ(JudgeExpiringLot(Lot("2026-12-10", 2, 4000, 28000)).action,
            ExpiryAction::kSellFirst);
  // Today is the last day: still sellable, one day of demand.
  const ExpiringLot last = JudgeExpiringLot(Lot("2026-12-06", 2, 3000, 28000));
  EXPECT_EQ(last.days_left, 0);
  EXPECT_EQ(last.expected_sales_milli, 1000);
}

TEST(ExpiringLotTest, TheLotsFefoSellsFirstTakeTheirShareOfDemand) {
  // 1 unit a day; this lot is sellable 5 more days (5 units of demand),
  // but 3 units of earlier lots sell first: only 2 of its 4 sell in time.
  LotFacts later = Lot("2026-12-10", 2, 4000, 28000);
  later.earlier_lots_milli = 3000;
  const ExpiringLot lot = JudgeExpiringLot(later);
  EXPECT_EQ(lot.expected_sales_milli, 2000);
  EXPECT_EQ(lot.excess_milli, 2000);
  EXPECT_EQ(lot.action, ExpiryAction::kDiscount);
  later.earlier_lots_milli = 9000;
  EXPECT_EQ(JudgeExpiringLot(later).expected_sales_milli, 0);
}

TEST(ExpiringLotTest, PastItsDayItGoesBackOrIsWrittenOff) {
  const ExpiringLot expired =
      JudgeExpiringLot(Lot("2026-12-05", 2, 3000, 28000));
  EXPECT_EQ(expired.days_left, -1);
  EXPECT_FALSE(IsSellableOn("2026-12-05", 2, "2026-12-04"));
  EXPECT_EQ(expired.expected_sales_milli, 0);
  EXPECT_EQ(expired.excess_milli, 3000);
  EXPECT_EQ(expired.action, ExpiryAction::kReturnToSupplier);
  EXPECT_EQ(JudgeExpiringLot(Lot("2026-12-05", 2, 3000, 0, "")).action,
            ExpiryAction::kWriteOff);
}

StockFacts Stock(std::int64_t on_hand, std::int64_t window_demand,
                 const std::string& last_sale) {
  StockFacts f;
  f.on_hand_milli = on_hand;
  f.unit_cost_minor = 1000;
  f.window_demand_milli = window_demand;
  f.last_sale_day = last_sale;
  f.as_of_day = "2026-12-04";
  return f;
}

TEST(SlowMoverTest, CoverBeyondTheDaysOrNoSaleForTheIdleDays) {
  SlowMoversQuery q;  // 60 days of cover, 30 idle, 28 of window.
  auto covered = JudgeSlowMover(Stock(90000, 10000, "2026-12-03"), q);
  ASSERT_TRUE(covered.has_value());
  EXPECT_EQ(covered->reason, SlowMoverReason::kCoverExceeded);
  EXPECT_EQ(covered->demand_per_day_milli, 357);
  EXPECT_EQ(covered->cover_days, 252);
  EXPECT_EQ(covered->value_minor, 90000);
  EXPECT_FALSE(JudgeSlowMover(Stock(10000, 10000, "2026-12-03"), q))
      << "28 days of cover";
  auto never = JudgeSlowMover(Stock(5000, 0, ""), q);
  ASSERT_TRUE(never.has_value());
  EXPECT_EQ(never->reason, SlowMoverReason::kNoSales);
  // The last sale 30 days ago is idle; 29 days ago is not.
  EXPECT_TRUE(JudgeSlowMover(Stock(1000, 0, "2026-11-04"), q).has_value());
  EXPECT_FALSE(JudgeSlowMover(Stock(1000, 28000, "2026-11-05"), q));
  EXPECT_FALSE(JudgeSlowMover(Stock(0, 0, ""), q)) << "nothing on hand";
}

NewSupplierReturn Return() {
  NewSupplierReturn r;
  r.store_code = "S1";
  r.return_id = "RET-1";
  r.supplier_code = "SUP";
  r.lines = {{"SKU-1", "L1", "2026-12-10", 2000, ReturnReason::kExpired}};
  return r;
}

TEST(SupplierReturnRulesTest, ValidationNamesTheLineAndFingerprintsContent) {
  EXPECT_TRUE(ValidateNewSupplierReturn(Return()).ok());
  NewSupplierReturn twice = Return();
  twice.lines.push_back(twice.lines[0]);
  Status s = ValidateNewSupplierReturn(twice);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.metadata().at("line_number"), "2");
  NewSupplierReturn same_lot = Return();
  same_lot.lines[0].expiry_date = "";
  same_lot.lines.push_back(same_lot.lines[0]);
  same_lot.lines[1].expiry_date = "9999-12-31";
  EXPECT_EQ(ValidateNewSupplierReturn(same_lot).code(),
            StatusCode::kInvalidArgument)
      << "no expiry is stored as the last day";
  NewSupplierReturn zero = Return();
  zero.lines[0].quantity_milli = 0;
  EXPECT_EQ(ValidateNewSupplierReturn(zero).code(),
            StatusCode::kInvalidArgument);
  NewSupplierReturn none = Return();
  none.lines.clear();
  EXPECT_EQ(ValidateNewSupplierReturn(none).code(),
            StatusCode::kInvalidArgument);
  NewSupplierReturn other = Return();
  other.lines[0].quantity_milli = 2001;
  EXPECT_NE(SupplierReturnFingerprint(Return()),
            SupplierReturnFingerprint(other));
  EXPECT_EQ(SupplierReturnFingerprint(Return()),
            SupplierReturnFingerprint(Return()));
}

TEST(SupplierReturnRulesTest, ASecondManagerDecidesAndOnlyApprovedShips) {
  SupplierReturn r;
  r.return_id = "RET-1";
  r.state = SupplierReturnState::kDraft;
  r.created_by = "tok_5";
  Principal maker;
  maker.token_id = 5;
  maker.role = Role::kHeadOffice;
  EXPECT_EQ(CheckReturnStep(r, ReturnStep::kApprove, maker).reason(),
            "SELF_APPROVAL_FORBIDDEN");
  EXPECT_EQ(CheckReturnStep(r, ReturnStep::kReject, maker).reason(),
            "SELF_APPROVAL_FORBIDDEN");
  Principal staff;
  staff.token_id = 6;
  staff.role = Role::kStoreStaff;
  EXPECT_EQ(CheckReturnStep(r, ReturnStep::kApprove, staff).reason(),
            "ROLE_NOT_ALLOWED");
  EXPECT_EQ(CheckReturnStep(r, ReturnStep::kShip, staff).reason(),
            "RETURN_STATE_CONFLICT");
  Principal manager;
  manager.token_id = 7;
  manager.role = Role::kStoreManager;
  EXPECT_TRUE(CheckReturnStep(r, ReturnStep::kApprove, manager).ok());
  r.state = SupplierReturnState::kApproved;
  EXPECT_TRUE(CheckReturnStep(r, ReturnStep::kShip, staff).ok());
  EXPECT_TRUE(CheckReturnStep(r, ReturnStep::kReject, manager).ok());
  r.state = SupplierReturnState::kShipped;
  EXPECT_EQ(CheckReturnStep(r, ReturnStep::kReject, manager).reason(),
            "RETURN_STATE_CONFLICT");
}

TEST(WriteOffRuleTest, AboveTheThresholdOrAtAnUnknownCostASecondPersonDecides) {
  Principal staff;
  staff.token_id = 3;
  staff.role = Role::kStoreStaff;
  Principal manager = staff;
  manager.role = Role::kStoreManager;
  Principal head_office = staff;
  head_office.role = Role::kHeadOffice;
  EXPECT_TRUE(WriteOffNeedsApproval(staff, -1000, -25001, 25000, true));
  EXPECT_FALSE(WriteOffNeedsApproval(staff, -1000, -25000, 25000, true));
  EXPECT_TRUE(WriteOffNeedsApproval(manager, -1000, -25001, 25000, true));
  EXPECT_FALSE(WriteOffNeedsApproval(head_office, -1000, -99999, 0, true));
  EXPECT_FALSE(WriteOffNeedsApproval(staff, 1000, 99999, 0, true))
      << "stock found is not written off";
  EXPECT_TRUE(WriteOffNeedsApproval(staff, -1000, 0, 25000, false))
      << "no known cost: its value cannot show it is under the threshold";
  AdjustmentRequest request;
  request.adjustment_id = "WO-1";
  request.state = AdjustmentRequestState::kPendingApproval;
  request.requested_by = "tok_3";
  EXPECT_EQ(CheckAdjustmentDecider(request, manager).reason(),
            "SELF_APPROVAL_FORBIDDEN");
  head_office.token_id = 4;
  EXPECT_TRUE(CheckAdjustmentDecider(request, head_office).ok());
  staff.token_id = 5;
  EXPECT_EQ(CheckAdjustmentDecider(request, staff).reason(),
            "ROLE_NOT_ALLOWED");
  request.state = AdjustmentRequestState::kRejected;
  EXPECT_EQ(CheckAdjustmentDecider(request, head_office).reason(),
            "REQUEST_NOT_PENDING");
}

}  // namespace
}  // namespace backoffice::domain
