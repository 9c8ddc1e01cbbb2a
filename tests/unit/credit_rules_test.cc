// The party ledger's pure rules: the hard limit, maker-checker on
// overrides, what a tender's authorization says, allocation oldest due
// first or as named, the ageing buckets, validation and fingerprints.
#include "credit/domain/credit_rules.h"

#include <gtest/gtest.h>

namespace backoffice::domain {
namespace {

Principal Manager(std::int64_t token_id) {
  Principal p;
  p.token_id = token_id;
  p.role = Role::kStoreManager;
  p.store_code = "S1";
  return p;
}

CreditAuthorization OverLimit(const std::string& requested_by) {
  CreditAuthorization a;
  a.authorization_id = "A1";
  a.state = AuthorizationState::kOverLimit;
  a.requested_by = requested_by;
  return a;
}

TEST(CreditLimitTest, BalancePlusHoldsPlusAmountMayReachTheLimitNotPassIt) {
  const CreditPosition position{60000, 30000, 100000};
  EXPECT_TRUE(WithinCreditLimit(position, 10000));
  EXPECT_FALSE(WithinCreditLimit(position, 10001));
  // A credit balance (an overpayment) leaves more room.
  EXPECT_TRUE(WithinCreditLimit({-5000, 0, 100000}, 105000));
  EXPECT_FALSE(WithinCreditLimit({0, 0, 0}, 1));
}

TEST(CreditOverrideTest, OnlyASecondManagerOverridesARefusal) {
  EXPECT_EQ(CheckOverrider(OverLimit("tok_7"), Manager(7)).reason(),
            "SELF_APPROVAL_FORBIDDEN");
  Principal head_office = Manager(7);
  head_office.role = Role::kHeadOffice;
  EXPECT_EQ(CheckOverrider(OverLimit("tok_7"), head_office).reason(),
            "SELF_APPROVAL_FORBIDDEN")
      << "whatever the role";
  Principal staff = Manager(8);
  staff.role = Role::kStoreStaff;
  EXPECT_EQ(CheckOverrider(OverLimit("tok_7"), staff).reason(),
            "ROLE_NOT_ALLOWED");
  EXPECT_TRUE(CheckOverrider(OverLimit("tok_7"), Manager(8)).ok());
  CreditAuthorization held = OverLimit("tok_7");
  held.state = AuthorizationState::kHeld;
  EXPECT_EQ(CheckOverrider(held, Manager(8)).reason(),
            "AUTHORIZATION_NOT_OVER_LIMIT");
}

TEST(CreditHoldTest, AHoldPastItsExpiryHoldsNothing) {
  CreditAuthorization a;
  a.state = AuthorizationState::kHeld;
  a.expire_time = 1000;
  EXPECT_EQ(EffectiveState(a, 999), AuthorizationState::kHeld);
  EXPECT_EQ(EffectiveState(a, 1000), AuthorizationState::kExpired);
  a.state = AuthorizationState::kConsumed;
  EXPECT_EQ(EffectiveState(a, 5000), AuthorizationState::kConsumed);
}

TEST(CreditTenderTest, EachWayATenderLacksAValidHoldHasItsKind) {
  TenderAuthorization held{true, true, AuthorizationState::kHeld, 1000, 5000};
  EXPECT_EQ(CreditExceptionKind("A1", &held, 5000, 0, 900), "");
  EXPECT_EQ(CreditExceptionKind("", nullptr, 5000, 0, 900), "NO_AUTHORIZATION");
  EXPECT_EQ(CreditExceptionKind("A1", nullptr, 5000, 0, 900),
            "AUTHORIZATION_NOT_FOUND");
  // Judged when the sale reaches the server: a hold that has expired no
  // longer counts against the limit, whatever the till's clock says.
  EXPECT_EQ(CreditExceptionKind("A1", &held, 5000, 0, 999), "");
  EXPECT_EQ(CreditExceptionKind("A1", &held, 5000, 0, 1000),
            "AUTHORIZATION_EXPIRED");
  EXPECT_EQ(CreditExceptionKind("A1", &held, 5001, 0, 900),
            "AUTHORIZATION_AMOUNT_EXCEEDED");
  // Two tenders cannot both spend one hold.
  EXPECT_EQ(CreditExceptionKind("A1", &held, 3000, 3000, 900),
            "AUTHORIZATION_AMOUNT_EXCEEDED");
  EXPECT_EQ(CreditExceptionKind("A1", &held, 2000, 3000, 900), "");
  TenderAuthorization other = held;
  other.same_customer = false;
  EXPECT_EQ(CreditExceptionKind("A1", &other, 5000, 0, 900),
            "AUTHORIZATION_OTHER_CUSTOMER");
  TenderAuthorization elsewhere = held;
  elsewhere.same_terminal = false;
  EXPECT_EQ(CreditExceptionKind("A1", &elsewhere, 5000, 0, 900),
            "AUTHORIZATION_OTHER_TERMINAL");
  TenderAuthorization used = held;
  used.state = AuthorizationState::kConsumed;
  EXPECT_EQ(CreditExceptionKind("A1", &used, 5000, 0, 900),
            "AUTHORIZATION_NOT_HELD");
}

TEST(AllocationTest, APaymentPaysOldestDueFirstAndKeepsTheRest) {
  const std::vector<OpenItem> open = {{11, "2026-01-01", 3000},
                                      {12, "2026-02-01", 2000},
                                      {13, "2026-03-01", 4000}};
  auto plan = PlanAllocations(6000, open, {});
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->allocations.size(), 3u);
  EXPECT_EQ(plan->allocations[0].document_number, 11);
  EXPECT_EQ(plan->allocations[0].amount_minor, 3000);
  EXPECT_EQ(plan->allocations[2].amount_minor, 1000);
  EXPECT_EQ(plan->left_over_minor, 0);
  auto over = PlanAllocations(10000, open, {});
  ASSERT_TRUE(over.ok());
  EXPECT_EQ(over->left_over_minor, 1000);
  auto none = PlanAllocations(500, {}, {});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->allocations.empty());
  EXPECT_EQ(none->left_over_minor, 500);
}

TEST(AllocationTest, NamedAllocationsGoWhereTheCallerSays) {
  const std::vector<OpenItem> open = {{11, "2026-01-01", 3000},
                                      {12, "2026-02-01", 2000}};
  auto plan = PlanAllocations(5000, open, {{12, 2000}});
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->allocations.size(), 1u);
  EXPECT_EQ(plan->allocations[0].document_number, 12);
  EXPECT_EQ(plan->left_over_minor, 3000) << "kept as credit, not sent to 11";
  EXPECT_EQ(PlanAllocations(5000, open, {{12, 2001}}).status().reason(),
            "ALLOCATION_EXCEEDS_OPEN");
  EXPECT_EQ(PlanAllocations(5000, open, {{99, 1}}).status().reason(),
            "DOCUMENT_NOT_OPEN");
  EXPECT_EQ(
      PlanAllocations(2500, open, {{11, 2000}, {12, 1000}}).status().reason(),
      "ALLOCATION_EXCEEDS_PAYMENT");
}

TEST(AgeingTest, BucketsByDaysPastDue) {
  EXPECT_EQ(AgeingBucketOf("2026-03-31", "2026-04-01"), 0);
  EXPECT_EQ(AgeingBucketOf("2026-04-01", "2026-04-01"), 0);
  EXPECT_EQ(AgeingBucketOf("2026-04-02", "2026-04-01"), 1);
  EXPECT_EQ(AgeingBucketOf("2026-05-01", "2026-04-01"), 1);  // 30 days.
  EXPECT_EQ(AgeingBucketOf("2026-05-02", "2026-04-01"), 2);  // 31.
  EXPECT_EQ(AgeingBucketOf("2026-05-31", "2026-04-01"), 2);  // 60.
  EXPECT_EQ(AgeingBucketOf("2026-06-01", "2026-04-01"), 3);  // 61.
  EXPECT_EQ(AgeingBucketOf("2026-06-30", "2026-04-01"), 3);  // 90.
  EXPECT_EQ(AgeingBucketOf("2026-07-01", "2026-04-01"), 4);  // 91.
  AgeingBuckets b;
  b.current_minor = 100;
  b.over_90_minor = 50;
  b.unallocated_credit_minor = 30;
  EXPECT_EQ(b.total_minor(), 120);
}

TEST(CreditValidationTest, PaymentsAndAuthorizationsAreCheckedBeforeStorage) {
  NewPayment p;
  p.store_code = "S1";
  p.payment_id = "P-1";
  p.party = {PartyKind::kCustomer, "C1"};
  p.amount = {"IDR", 1000};
  p.method = PaymentMethod::kCash;
  EXPECT_TRUE(ValidateNewPayment(p).ok());
  NewPayment bad = p;
  bad.amount.minor_units = 0;
  EXPECT_EQ(ValidateNewPayment(bad).code(), StatusCode::kInvalidArgument);
  bad = p;
  bad.method = PaymentMethod::kUnspecified;
  EXPECT_EQ(ValidateNewPayment(bad).reason(), "INVALID_METHOD");
  bad = p;
  bad.allocations = {{5, 600}, {6, 600}};
  EXPECT_EQ(ValidateNewPayment(bad).reason(), "ALLOCATION_EXCEEDS_PAYMENT");
  bad = p;
  bad.allocations = {{5, 100}, {5, 100}};
  EXPECT_EQ(ValidateNewPayment(bad).reason(), "INVALID_ALLOCATIONS");
  bad = p;
  bad.party.kind = PartyKind::kSupplier;
  bad.terminal_code = "T1";
  EXPECT_EQ(ValidateNewPayment(bad).reason(), "INVALID_TERMINAL_CODE");

  NewAuthorization a{"S1", "A-1", "C1", "T1", {"IDR", 1000}};
  EXPECT_TRUE(ValidateNewAuthorization(a).ok());
  a.amount.minor_units = kMaxLedgerAmountMinor + 1;
  EXPECT_EQ(ValidateNewAuthorization(a).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateDay("day", "2026-02-30").code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(ValidateDay("day", "2026-02-28").ok());
}

TEST(CreditFingerprintTest, TellsAReplayFromAReuseOfTheId) {
  NewPayment p;
  p.store_code = "S1";
  p.payment_id = "P-1";
  p.party = {PartyKind::kCustomer, "C1"};
  p.amount = {"IDR", 1000};
  p.method = PaymentMethod::kCash;
  NewPayment same = p;
  EXPECT_EQ(PaymentFingerprint(p), PaymentFingerprint(same));
  NewPayment other = p;
  other.allocations = {{5, 100}};
  EXPECT_NE(PaymentFingerprint(p), PaymentFingerprint(other));
  NewAuthorization a{"S1", "A-1", "C1", "T1", {"IDR", 1000}};
  NewAuthorization b = a;
  b.amount.minor_units = 1001;
  EXPECT_NE(AuthorizationFingerprint(a), AuthorizationFingerprint(b));
}

}  // namespace
}  // namespace backoffice::domain
