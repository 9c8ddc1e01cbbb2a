// Lots, expiry and cost alone: the sellable rule with its sell-by margin,
// first-expiry-first-out over several lots (expired ones skipped, lots
// without expiry after those with one, the rest to the unknown lot, which
// may go negative), the moving-average cost at zero, below zero and in the
// weighted case, and the rounding of the cost of a quantity.
#include "inventory/domain/lots.h"

#include <gtest/gtest.h>

namespace backoffice::domain {

// Where ADL finds them, for EXPECT_EQ on vectors of takes.
bool operator==(const LotTake& a, const LotTake& b) {
  return a.lot_id == b.lot_id && a.quantity_milli == b.quantity_milli;
}

void PrintTo(const LotTake& take, std::ostream* os) {
  *os << "{lot " << take.lot_id << ": " << take.quantity_milli << "}";
}

namespace {

LotStock Lot(std::int64_t id, const std::string& expiry,
             std::int64_t quantity_milli, bool unknown = false) {
  LotStock lot;
  lot.lot_id = id;
  lot.expiry_date = expiry;
  lot.quantity_milli = quantity_milli;
  lot.unknown = unknown;
  return lot;
}

std::int64_t QuantityOf(const std::vector<LotStock>& lots, std::int64_t id) {
  for (const auto& lot : lots) {
    if (lot.lot_id == id) return lot.quantity_milli;
  }
  ADD_FAILURE() << "no lot " << id;
  return 0;
}

TEST(LotsSellableTest, TheMarginComesOffTheExpiry) {
  EXPECT_EQ(SellableUntil("2026-03-10", 3), "2026-03-07");
  EXPECT_EQ(SellableUntil("2026-03-02", 3), "2026-02-27");  // Across a month.
  EXPECT_EQ(SellableUntil("2026-03-10", 0), "2026-03-10");
  EXPECT_EQ(SellableUntil("", 3), "");  // No expiry: for ever.
}

TEST(LotsSellableTest, SellableUpToAndIncludingTheLastDay) {
  EXPECT_TRUE(IsSellableOn("2026-03-10", 3, "2026-03-06"));
  EXPECT_TRUE(IsSellableOn("2026-03-10", 3, "2026-03-07"));
  EXPECT_FALSE(IsSellableOn("2026-03-10", 3, "2026-03-08"));
  EXPECT_TRUE(IsSellableOn("2026-03-10", 0, "2026-03-10"));
  EXPECT_FALSE(IsSellableOn("2026-03-10", 0, "2026-03-11"));
  EXPECT_TRUE(IsSellableOn("", 30, "2099-12-31"));
}

// Three lots with an expiry, in no particular order, one of them past its
// sellable day; a lot without expiry; the unknown lot, empty. A sale of
// more than the sellable stock takes the earliest expiry first, skips the
// expired lot, takes the lot without expiry after those with one, and puts
// the rest on the unknown lot, which goes negative.
TEST(LotsFirstExpiryFirstOutTest, EarliestFirstExpiredSkippedRestToUnknown) {
  std::vector<LotStock> lots = {
      Lot(1, "", 0, /*unknown=*/true),
      Lot(10, "2026-03-01", 2000),  // Third.
      Lot(11, "2026-02-01", 1000),  // Second.
      Lot(12, "2026-01-05", 5000),  // Expired on 2026-01-10: skipped.
      Lot(13, "2026-01-20", 1500),  // First.
      Lot(14, "", 3000),            // No expiry: after every dated lot.
  };
  const auto takes = TakeFirstExpiryFirstOut(lots, 9000, 2, "2026-01-10", 1);
  const std::vector<LotTake> expected = {
      {13, 1500}, {11, 1000}, {10, 2000}, {14, 3000}, {1, 1500}};
  EXPECT_EQ(takes, expected);
  EXPECT_EQ(QuantityOf(lots, 13), 0);
  EXPECT_EQ(QuantityOf(lots, 11), 0);
  EXPECT_EQ(QuantityOf(lots, 10), 0);
  EXPECT_EQ(QuantityOf(lots, 12), 5000);  // Untouched.
  EXPECT_EQ(QuantityOf(lots, 14), 0);
  EXPECT_EQ(QuantityOf(lots, 1), -1500);
}

TEST(LotsFirstExpiryFirstOutTest, PartOfTheFirstLotOnlyWhenItIsEnough) {
  std::vector<LotStock> lots = {Lot(1, "", 0, true), Lot(5, "2026-02-10", 4000),
                                Lot(6, "2026-02-01", 4000)};
  const auto takes = TakeFirstExpiryFirstOut(lots, 2500, 0, "2026-01-10", 1);
  const std::vector<LotTake> expected = {{6, 2500}};
  EXPECT_EQ(takes, expected);
  EXPECT_EQ(QuantityOf(lots, 6), 1500);
  EXPECT_EQ(QuantityOf(lots, 5), 4000);
  EXPECT_EQ(QuantityOf(lots, 1), 0);
}

TEST(LotsFirstExpiryFirstOutTest, TheMarginMakesALotUnsellableBeforeItsExpiry) {
  // Expires 2026-01-12; with a margin of 3 it may be sold until 01-09.
  std::vector<LotStock> lots = {Lot(1, "", 0, true), Lot(7, "2026-01-12", 1000),
                                Lot(8, "2026-01-30", 1000)};
  const auto takes = TakeFirstExpiryFirstOut(lots, 1000, 3, "2026-01-10", 1);
  const std::vector<LotTake> expected = {{8, 1000}};
  EXPECT_EQ(takes, expected);
  // Without the margin the near lot goes first.
  std::vector<LotStock> again = {Lot(1, "", 0, true),
                                 Lot(7, "2026-01-12", 1000),
                                 Lot(8, "2026-01-30", 1000)};
  const std::vector<LotTake> near = {{7, 1000}};
  EXPECT_EQ(TakeFirstExpiryFirstOut(again, 1000, 0, "2026-01-10", 1), near);
}

TEST(LotsFirstExpiryFirstOutTest, SameExpiryByIdAndLotsWithoutExpiryById) {
  std::vector<LotStock> lots = {Lot(9, "", 1000), Lot(4, "2026-02-01", 1000),
                                Lot(3, "2026-02-01", 1000), Lot(2, "", 1000),
                                Lot(1, "", 0, true)};
  const auto takes = TakeFirstExpiryFirstOut(lots, 4000, 0, "2026-01-10", 1);
  const std::vector<LotTake> expected = {
      {3, 1000}, {4, 1000}, {2, 1000}, {9, 1000}};
  EXPECT_EQ(takes, expected);
}

// The unknown lot holding stock is one of the lots without expiry; what no
// lot covers then goes to it in the same take, not a second one.
TEST(LotsFirstExpiryFirstOutTest, UnknownLotWithStockTakesTheRestInOneTake) {
  std::vector<LotStock> lots = {Lot(1, "", 500, true), Lot(2, "", 1000),
                                Lot(3, "2026-02-01", 200)};
  const auto takes = TakeFirstExpiryFirstOut(lots, 3000, 0, "2026-01-10", 1);
  const std::vector<LotTake> expected = {{3, 200}, {1, 1800}, {2, 1000}};
  EXPECT_EQ(takes, expected);
  EXPECT_EQ(QuantityOf(lots, 1), -1300);
  EXPECT_EQ(QuantityOf(lots, 2), 0);
  EXPECT_EQ(QuantityOf(lots, 3), 0);
}

TEST(LotsFirstExpiryFirstOutTest, NegativeAndEmptyLotsAreSkipped) {
  std::vector<LotStock> lots = {Lot(1, "", -2000, true),
                                Lot(2, "2026-02-01", 0)};
  const auto takes = TakeFirstExpiryFirstOut(lots, 1000, 0, "2026-01-10", 1);
  const std::vector<LotTake> expected = {{1, 1000}};
  EXPECT_EQ(takes, expected);
  EXPECT_EQ(QuantityOf(lots, 1), -3000);
}

// Several lines of one document in a row: the second sees what the first
// took.
TEST(LotsFirstExpiryFirstOutTest, ConsecutiveTakesSeeEachOther) {
  std::vector<LotStock> lots = {Lot(1, "", 0, true), Lot(2, "2026-02-01", 1500),
                                Lot(3, "2026-03-01", 1500)};
  const std::vector<LotTake> first = {{2, 1000}};
  EXPECT_EQ(TakeFirstExpiryFirstOut(lots, 1000, 0, "2026-01-10", 1), first);
  const std::vector<LotTake> second = {{2, 500}, {3, 500}};
  EXPECT_EQ(TakeFirstExpiryFirstOut(lots, 1000, 0, "2026-01-10", 1), second);
  const std::vector<LotTake> third = {{3, 1000}, {1, 500}};
  EXPECT_EQ(TakeFirstExpiryFirstOut(lots, 1500, 0, "2026-01-10", 1), third);
  EXPECT_EQ(QuantityOf(lots, 1), -500);
}

TEST(LotsMovingAverageCostTest, AtZeroStockTheReceiptsCostBecomesTheAverage) {
  EXPECT_EQ(MovingAverageCost(0, 0, 5000, 1200), 1200);
  EXPECT_EQ(MovingAverageCost(0, 9999, 5000, 1200), 1200);
}

TEST(LotsMovingAverageCostTest, BelowZeroTheReceiptsCostBecomesTheAverage) {
  // Three units were sold that nobody had received, at an average of 800.
  EXPECT_EQ(MovingAverageCost(-3000, 800, 10000, 1200), 1200);
  EXPECT_EQ(MovingAverageCost(-3000, 0, 1000, 1200), 1200);
}

TEST(LotsMovingAverageCostTest, WeightedMeanWithStockOnHand) {
  // 10 at 1000 and 5 at 1300: 16500 / 15 = 1100.
  EXPECT_EQ(MovingAverageCost(10000, 1000, 5000, 1300), 1100);
  // 1 at 100 and 2 at 101: 302 / 3 = 100.67 -> 101.
  EXPECT_EQ(MovingAverageCost(1000, 100, 2000, 101), 101);
  // 2 at 100 and 1 at 101: 301 / 3 = 100.33 -> 100.
  EXPECT_EQ(MovingAverageCost(2000, 100, 1000, 101), 100);
  // 1 at 100 and 1 at 101: 100.5, half up -> 101.
  EXPECT_EQ(MovingAverageCost(1000, 100, 1000, 101), 101);
  // Fractions of a unit weigh as much as they are: 0.5 at 0 and 1.5 at 1001
  // -> 1501.5 / 2 = 750.75 -> 751.
  EXPECT_EQ(MovingAverageCost(500, 0, 1500, 1001), 751);
  // Large values do not overflow.
  EXPECT_EQ(MovingAverageCost(1'000'000'000'000, 1'000'000'000'000,
                              1'000'000'000'000, 1'000'000'000'000),
            1'000'000'000'000);
}

TEST(LotsMovingAverageCostTest, NothingReceivedLeavesTheAverage) {
  EXPECT_EQ(MovingAverageCost(10000, 1000, 0, 5000), 1000);
  EXPECT_EQ(MovingAverageCost(-1000, 1000, 0, 5000), 1000);
}

TEST(LotsCostOfQuantityTest, RoundsHalfUpAwayFromZeroBothWays) {
  EXPECT_EQ(CostOfQuantity(3000, 1100), 3300);
  EXPECT_EQ(CostOfQuantity(1500, 333), 500);  // 499.5 -> 500
  EXPECT_EQ(CostOfQuantity(1000, 333), 333);
  EXPECT_EQ(CostOfQuantity(1, 499), 0);  // 0.499 -> 0
  EXPECT_EQ(CostOfQuantity(1, 500), 1);  // 0.5 -> 1
  EXPECT_EQ(CostOfQuantity(-1500, 333), -500);
  EXPECT_EQ(CostOfQuantity(0, 333), 0);
}

}  // namespace
}  // namespace backoffice::domain
