// The pure rules of transfers and counts: validation and fingerprints, a
// receipt applied to the sent lines, a line's lots sliced for what arrived
// and what is resolved, a count's variance and approval level, and who may
// take each step (never the receiver, the poster or a counter).
#include <gtest/gtest.h>

#include "stockcontrol/domain/count_rules.h"
#include "stockcontrol/domain/transfer_rules.h"

namespace backoffice::domain {
namespace {

Principal Person(std::int64_t token, Role role, const std::string& store) {
  Principal p;
  p.token_id = token;
  p.role = role;
  p.store_code = store;
  return p;
}

NewStockTransfer Transfer() {
  NewStockTransfer t;
  t.from_store_code = "A";
  t.transfer_id = "T-1";
  t.to_store_code = "B";
  t.lines = {{"MILK", 12000, "", ""}, {"SOAP", 5000, "L1", "2027-01-01"}};
  return t;
}

TEST(TransferRulesTest, ValidatesStoresLinesAndLotsOnce) {
  EXPECT_TRUE(ValidateNewStockTransfer(Transfer()).ok());
  NewStockTransfer same = Transfer();
  same.to_store_code = "A";
  EXPECT_EQ(ValidateNewStockTransfer(same).reason(), "TRANSFER_TO_SAME_STORE");
  NewStockTransfer zero = Transfer();
  zero.lines[0].quantity_milli = 0;
  EXPECT_EQ(ValidateNewStockTransfer(zero).code(),
            StatusCode::kInvalidArgument);
  // A product by FEFO is its only line; a named lot is named once.
  NewStockTransfer twice = Transfer();
  twice.lines.push_back({"MILK", 1000, "L9", "2027-02-01"});
  EXPECT_EQ(ValidateNewStockTransfer(twice).code(),
            StatusCode::kInvalidArgument);
  NewStockTransfer lots = Transfer();
  lots.lines.push_back({"SOAP", 1000, "L2", "2027-01-01"});
  EXPECT_TRUE(ValidateNewStockTransfer(lots).ok());
  lots.lines.push_back({"SOAP", 1000, "L2", "2027-01-01"});
  EXPECT_EQ(ValidateNewStockTransfer(lots).code(),
            StatusCode::kInvalidArgument);
  NewStockTransfer other = Transfer();
  other.lines[0].quantity_milli = 11000;
  EXPECT_NE(StockTransferFingerprint(other),
            StockTransferFingerprint(Transfer()));
}

StockTransfer Sent() {
  StockTransfer t;
  t.transfer_id = "T-1";
  t.from_store_code = "A";
  t.to_store_code = "B";
  t.state = TransferState::kInTransit;
  t.lines.resize(2);
  t.lines[0].line_number = 1;
  t.lines[0].quantity_milli = 10000;
  t.lines[1].line_number = 2;
  t.lines[1].quantity_milli = 4000;
  return t;
}

TEST(TransferRulesTest, AReceiptCoversEveryLineOnceAndNeverMoreThanSent) {
  TransferReceipt all;
  auto full = PlanTransferReceipt(Sent(), all);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ((*full)[0].received_milli, 10000);
  EXPECT_EQ(StateAfterReceipt(*full, Sent()), TransferState::kReceived);
  TransferReceipt short_one;
  short_one.lines = {{2, 4000, 0}, {1, 7000, 2000}};
  auto plan = PlanTransferReceipt(Sent(), short_one);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ((*plan)[0].received_milli, 7000);
  EXPECT_EQ((*plan)[0].damaged_milli, 2000);
  EXPECT_EQ(StateAfterReceipt(*plan, Sent()), TransferState::kDifferenceOpen);
  // A receipt means its plan: named in another order, or everything named
  // in full against nothing named, it is the same receipt.
  TransferReceipt reordered = short_one;
  std::swap(reordered.lines[0], reordered.lines[1]);
  EXPECT_EQ(TransferReceiptFingerprint(reordered,
                                       *PlanTransferReceipt(Sent(), reordered)),
            TransferReceiptFingerprint(short_one, *plan));
  TransferReceipt named_in_full;
  named_in_full.lines = {{1, 10000, 0}, {2, 4000, 0}};
  EXPECT_EQ(TransferReceiptFingerprint(
                named_in_full, *PlanTransferReceipt(Sent(), named_in_full)),
            TransferReceiptFingerprint(all, *full));
  EXPECT_NE(TransferReceiptFingerprint(short_one, *plan),
            TransferReceiptFingerprint(all, *full));
  TransferReceipt over;
  over.lines = {{1, 9000, 2000}, {2, 4000, 0}};
  EXPECT_EQ(PlanTransferReceipt(Sent(), over).status().reason(),
            "TRANSFER_OVER_RECEIVED");
  TransferReceipt missing;
  missing.lines = {{1, 10000, 0}};
  EXPECT_EQ(PlanTransferReceipt(Sent(), missing).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(TransferRulesTest, LotsAreSlicedFirstExpiryFirst) {
  const std::vector<TransferLot> lots = {{"L1", "2027-01-01", 10000},
                                         {"L2", "2027-02-01", 2000}};
  auto received = SliceTransferLots(lots, 0, 11000);
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].quantity_milli, 10000);
  EXPECT_EQ(received[1].quantity_milli, 1000);
  auto rest = SliceTransferLots(lots, 11000, 1000);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].lot_code, "L2");
  EXPECT_EQ(rest[0].quantity_milli, 1000);
  EXPECT_TRUE(SliceTransferLots(lots, 12000, 0).empty());
}

TEST(TransferRulesTest, TheReceiverNeverResolvesItsOwnDifference) {
  StockTransfer t = Sent();
  t.received_by = "tok_7";
  EXPECT_EQ(
      CheckTransferResolver(t, Person(8, Role::kStoreManager, "B")).reason(),
      "TRANSFER_STATE_CONFLICT");
  t.state = TransferState::kDifferenceOpen;
  EXPECT_TRUE(
      CheckTransferResolver(t, Person(8, Role::kStoreManager, "B")).ok());
  EXPECT_EQ(CheckTransferResolver(t, Person(7, Role::kHeadOffice, "")).reason(),
            "SELF_APPROVAL_FORBIDDEN");
  EXPECT_EQ(
      CheckTransferResolver(t, Person(9, Role::kStoreStaff, "B")).reason(),
      "ROLE_NOT_ALLOWED");
  // Either store sees it; a third does not.
  EXPECT_TRUE(CheckTransferScope(t, Person(1, Role::kStoreStaff, "A")).ok());
  EXPECT_TRUE(CheckTransferScope(t, Person(1, Role::kStoreStaff, "B")).ok());
  EXPECT_FALSE(CheckTransferScope(t, Person(1, Role::kStoreStaff, "C")).ok());
}

TEST(CountRulesTest, TheVarianceIsWhatNothingExplains) {
  // Frozen 100, 7 sold before the entry, 91 on the shelf: 2 unexplained.
  EXPECT_EQ(CountVariance(91000, 100000, -7000), -2000);
  EXPECT_EQ(CountVariance(100000, 100000, 0), 0);
  const CountThresholds t{5000, 50000};
  EXPECT_EQ(RequiredCountApproval(5000, t), CountApprovalLevel::kNone);
  EXPECT_EQ(RequiredCountApproval(5001, t), CountApprovalLevel::kManager);
  EXPECT_EQ(RequiredCountApproval(50001, t), CountApprovalLevel::kHeadOffice);
  EXPECT_EQ(RequiredCountApproval(10'000'000, {5000, 0}),
            CountApprovalLevel::kManager)
      << "no head-office threshold: a manager";
}

TEST(CountRulesTest, NeitherACounterNorThePosterApproves) {
  StockCount c;
  c.count_id = "C-1";
  c.state = CountState::kPendingApproval;
  c.approval_level = CountApprovalLevel::kManager;
  c.counted_by = {"tok_3", "tok_4"};
  c.post_requested_by = "tok_5";
  EXPECT_TRUE(CheckCountStep(c, CountStep::kApprove,
                             Person(6, Role::kStoreManager, "S"))
                  .ok());
  for (std::int64_t maker : {3, 4, 5}) {
    EXPECT_EQ(CheckCountStep(c, CountStep::kApprove,
                             Person(maker, Role::kHeadOffice, ""))
                  .reason(),
              "SELF_APPROVAL_FORBIDDEN")
        << maker;
  }
  EXPECT_EQ(
      CheckCountStep(c, CountStep::kApprove, Person(6, Role::kStoreStaff, "S"))
          .reason(),
      "ROLE_NOT_ALLOWED");
  c.approval_level = CountApprovalLevel::kHeadOffice;
  EXPECT_EQ(CheckCountStep(c, CountStep::kApprove,
                           Person(6, Role::kStoreManager, "S"))
                .reason(),
            "ROLE_NOT_ALLOWED");
  EXPECT_TRUE(
      CheckCountStep(c, CountStep::kApprove, Person(6, Role::kHeadOffice, ""))
          .ok());
  EXPECT_EQ(
      CheckCountStep(c, CountStep::kPost, Person(6, Role::kStoreStaff, "S"))
          .reason(),
      "COUNT_STATE_CONFLICT");
  c.state = CountState::kOpen;
  EXPECT_TRUE(
      CheckCountStep(c, CountStep::kPost, Person(3, Role::kStoreStaff, "S"))
          .ok());
  EXPECT_EQ(
      CheckCountStep(c, CountStep::kCancel, Person(3, Role::kStoreStaff, "S"))
          .reason(),
      "ROLE_NOT_ALLOWED");
}

TEST(CountRulesTest, EntriesAndOpeningsAreValidatedAndFingerprinted) {
  NewStockCount open{"S", "C-1", {"A", "B"}, ""};
  EXPECT_TRUE(ValidateNewStockCount(open).ok());
  NewStockCount reordered{"S", "C-1", {"B", "A"}, ""};
  EXPECT_EQ(StockCountFingerprint(open), StockCountFingerprint(reordered));
  NewStockCount twice{"S", "C-1", {"A", "A"}, ""};
  EXPECT_EQ(ValidateNewStockCount(twice).code(), StatusCode::kInvalidArgument);
  CountEntry entry{"S", "C-1", "E-1", {{"A", 5000}, {"B", 0}}};
  EXPECT_TRUE(ValidateCountEntry(entry).ok());
  CountEntry negative = entry;
  negative.lines[0].counted_milli = -1;
  EXPECT_EQ(ValidateCountEntry(negative).code(), StatusCode::kInvalidArgument);
  CountEntry other = entry;
  other.lines[1].counted_milli = 1000;
  EXPECT_NE(CountEntryFingerprint(other), CountEntryFingerprint(entry));
}

}  // namespace
}  // namespace backoffice::domain
