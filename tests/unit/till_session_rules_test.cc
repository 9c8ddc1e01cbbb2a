// The pure rules of till sessions: the expected cash, the count by
// denomination, the variance against the threshold, and who may accept it
// (never who opened or closed the till, whatever the role), and a till's
// own token kept to its own sessions.
#include "closing/domain/till_session_rules.h"

#include <gtest/gtest.h>

namespace backoffice::domain {
namespace {

Principal Person(std::int64_t token, Role role, const std::string& store,
                 const std::string& terminal = "") {
  Principal p;
  p.token_id = token;
  p.role = role;
  p.store_code = store;
  p.terminal_code = terminal;
  return p;
}

TEST(TillSessionRulesTest, ExpectedCashIsFloatPlusWhatCameInMinusWhatLeft) {
  TillCash cash;
  cash.cash_sales_minor = 140000;  // Tendered minus change.
  cash.cash_refunds_minor = 70000;
  cash.cash_on_account_minor = 25000;
  cash.payouts_minor = 20000;
  cash.drops_minor = 100000;
  EXPECT_EQ(ExpectedCash(500000, cash), 475000);
  EXPECT_EQ(ExpectedCash(0, TillCash{}), 0);
}

TEST(TillSessionRulesTest, AVarianceAboveTheThresholdEitherWayWaits) {
  EXPECT_EQ(StateAfterClose(0, 0), TillSessionState::kClosed);
  EXPECT_EQ(StateAfterClose(-1, 0), TillSessionState::kVariancePending);
  EXPECT_EQ(StateAfterClose(2000, 2000), TillSessionState::kClosed);
  EXPECT_EQ(StateAfterClose(-2001, 2000), TillSessionState::kVariancePending);
  EXPECT_EQ(StateAfterClose(2001, 2000), TillSessionState::kVariancePending);
}

TEST(TillSessionRulesTest, DenominationsAddUpToTheCount) {
  TillCount count;
  count.store_code = "S";
  count.session_id = "X";
  count.denominations = {{100000, 2}, {500, 3}};
  ASSERT_TRUE(ValidateTillCount(count).ok());
  EXPECT_EQ(CountedCash(count), 201500);
  count.has_total = true;
  count.counted_minor = 201000;
  EXPECT_EQ(ValidateTillCount(count).reason(), "COUNT_MISMATCH");
  count.counted_minor = 201500;
  EXPECT_TRUE(ValidateTillCount(count).ok());
  // The same count told two ways is the same close.
  TillCount total_only;
  total_only.store_code = "S";
  total_only.session_id = "X";
  total_only.has_total = true;
  total_only.counted_minor = 201500;
  EXPECT_NE(TillCountFingerprint(total_only), TillCountFingerprint(count))
      << "denominations are part of what was counted";
  count.denominations.push_back({500, 1});
  EXPECT_EQ(ValidateTillCount(count).code(), StatusCode::kInvalidArgument);
  TillCount nothing;
  nothing.store_code = "S";
  nothing.session_id = "X";
  EXPECT_EQ(ValidateTillCount(nothing).code(), StatusCode::kInvalidArgument);
}

TEST(TillSessionRulesTest, APayoutSaysWhy) {
  NewCashMovement m{"S", "X", "M", CashMovementKind::kPayout, "", 1000, ""};
  EXPECT_EQ(ValidateNewCashMovement(m).reason(), "REASON_REQUIRED");
  m.reason = "ice";
  EXPECT_TRUE(ValidateNewCashMovement(m).ok());
  m.kind = CashMovementKind::kDrop;
  m.amount_minor = 0;
  EXPECT_EQ(ValidateNewCashMovement(m).code(), StatusCode::kInvalidArgument);
}

TEST(TillSessionRulesTest, NeitherTheOpenerNorTheCloserAccepts) {
  TillSession s;
  s.session_id = "X";
  s.store_code = "S";
  s.terminal_code = "T1";
  s.state = TillSessionState::kVariancePending;
  s.opened_by = "tok_1";
  s.closed_by = "tok_2";
  EXPECT_TRUE(
      CheckVarianceAccepter(s, Person(3, Role::kStoreManager, "S")).ok());
  EXPECT_EQ(CheckVarianceAccepter(s, Person(1, Role::kHeadOffice, "")).reason(),
            "SELF_APPROVAL_FORBIDDEN");
  EXPECT_EQ(
      CheckVarianceAccepter(s, Person(2, Role::kStoreManager, "S")).reason(),
      "SELF_APPROVAL_FORBIDDEN");
  EXPECT_EQ(
      CheckVarianceAccepter(s, Person(3, Role::kStoreStaff, "S")).reason(),
      "ROLE_NOT_ALLOWED");
  s.state = TillSessionState::kClosed;
  EXPECT_EQ(
      CheckVarianceAccepter(s, Person(3, Role::kStoreManager, "S")).reason(),
      "SESSION_STATE_CONFLICT");
}

TEST(TillSessionRulesTest, ATillReachesOnlyItsOwnSessions) {
  EXPECT_TRUE(
      CheckTillScope(Person(1, Role::kPosTerminal, "S", "T1"), "S", "T1").ok());
  EXPECT_EQ(CheckTillScope(Person(1, Role::kPosTerminal, "S", "T1"), "S", "T2")
                .reason(),
            "TERMINAL_OUT_OF_SCOPE");
  EXPECT_TRUE(
      CheckTillScope(Person(1, Role::kStoreStaff, "S"), "S", "T2").ok());
  EXPECT_EQ(
      CheckTillScope(Person(1, Role::kStoreStaff, "S"), "R", "T2").reason(),
      "STORE_OUT_OF_SCOPE");
}

}  // namespace
}  // namespace backoffice::domain
