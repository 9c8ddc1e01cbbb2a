// Payment runs' pure rules: what a line pays (due payables less open
// credits), how it settles, run-line payment ids, validation, the
// fingerprint and maker-checker on the decision.
#include "credit/domain/payment_run_rules.h"

#include <gtest/gtest.h>

namespace backoffice::domain {
namespace {

TEST(PaymentRunLineTest, PaysPayablesDueByTheDayLessOpenCreditsOldestFirst) {
  const std::vector<OpenItem> debits = {{11, "2026-12-01", 30000},
                                        {12, "2026-12-10", 20000},
                                        {13, "2026-12-31", 50000}};
  const std::vector<OpenItem> credits = {{21, "2026-11-20", 5000},
                                         {22, "2026-11-25", 40000}};
  auto line = PlanRunLine(debits, credits, "2026-12-10");
  ASSERT_TRUE(line.has_value());
  ASSERT_EQ(line->payables.size(), 2u) << "13 is due after the day";
  EXPECT_EQ(line->payables[0].document_number, 11);
  EXPECT_EQ(line->payables[0].amount_minor, 30000);
  EXPECT_EQ(line->gross_minor, 50000);
  ASSERT_EQ(line->credits.size(), 2u);
  EXPECT_EQ(line->credits[0].document_number, 21);
  EXPECT_EQ(line->credits_minor, 45000);
  EXPECT_EQ(line->amount_minor, 5000);
  // Credits that cover everything due leave nothing to pay.
  EXPECT_FALSE(PlanRunLine(debits, {{21, "2026-11-20", 70000}}, "2026-12-10")
                   .has_value());
}

TEST(PaymentRunLineTest, NothingToPayWhenNothingIsDueOrCreditsCoverIt) {
  const std::vector<OpenItem> debits = {{11, "2026-12-20", 30000}};
  EXPECT_FALSE(PlanRunLine(debits, {}, "2026-12-19").has_value());
  EXPECT_FALSE(PlanRunLine(debits, {{21, "2026-12-01", 30000}}, "2026-12-20")
                   .has_value());
  auto line = PlanRunLine(debits, {{21, "2026-12-01", 10000}}, "2026-12-20");
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->amount_minor, 20000);
  EXPECT_EQ(line->gross_minor, line->amount_minor + line->credits_minor);
}

TEST(PaymentRunLineTest, CreditsSettleFirstThenThePaymentExactlyItsAmount) {
  PaymentRunLine line;
  line.payables = {{11, "2026-12-01", 30000}, {12, "2026-12-02", 20000}};
  line.credits = {{21, "2026-11-01", 35000}};
  line.gross_minor = 50000;
  line.credits_minor = 35000;
  line.amount_minor = 15000;
  const auto settlements = SettleRunLine(line);
  ASSERT_EQ(settlements.size(), 3u);
  EXPECT_EQ(settlements[0].debit_document_number, 11);
  EXPECT_EQ(settlements[0].credit_document_number, 21);
  EXPECT_EQ(settlements[0].amount_minor, 30000);
  EXPECT_EQ(settlements[1].debit_document_number, 12);
  EXPECT_EQ(settlements[1].credit_document_number, 21);
  EXPECT_EQ(settlements[1].amount_minor, 5000);
  EXPECT_EQ(settlements[2].debit_document_number, 12);
  EXPECT_EQ(settlements[2].credit_document_number, 0) << "the payment";
  EXPECT_EQ(settlements[2].amount_minor, 15000);
}

TEST(PaymentRunIdTest, LinePaymentIdsCannotCollideWithClientIds) {
  EXPECT_EQ(RunLinePaymentId("RUN-7", 3), "RUN-7.3");
  EXPECT_TRUE(IsRunLinePaymentId("RUN-7.3"));
  EXPECT_FALSE(IsRunLinePaymentId("RUN-7"));
  EXPECT_FALSE(IsRunLinePaymentId("RUN-7."));
  EXPECT_FALSE(IsRunLinePaymentId(".3"));
  EXPECT_FALSE(IsRunLinePaymentId("RUN 7.3"));
  EXPECT_FALSE(IsRunLinePaymentId("RUN-7.x"));
  EXPECT_FALSE(IsRunLinePaymentId(std::string(49, 'a') + ".1"));
}

TEST(PaymentRunValidationTest, NamesTheFieldAndFingerprintsIgnoreOrder) {
  NewPaymentRun run;
  run.store_code = "S1";
  run.payment_run_id = "RUN-1";
  run.due_by_day = "2026-12-31";
  run.supplier_codes = {"B", "A"};
  EXPECT_TRUE(ValidateNewPaymentRun(run).ok());
  NewPaymentRun other = run;
  other.supplier_codes = {"A", "B"};
  EXPECT_EQ(PaymentRunFingerprint(run), PaymentRunFingerprint(other));
  other.due_by_day = "2027-01-01";
  EXPECT_NE(PaymentRunFingerprint(run), PaymentRunFingerprint(other));
  NewPaymentRun bad = run;
  bad.payment_run_id = std::string(49, 'a');
  EXPECT_EQ(ValidateNewPaymentRun(bad).code(), StatusCode::kInvalidArgument);
  bad = run;
  bad.due_by_day = "2026-02-30";
  EXPECT_EQ(ValidateNewPaymentRun(bad).code(), StatusCode::kInvalidArgument);
  bad = run;
  bad.supplier_codes = {"A", "A"};
  EXPECT_EQ(ValidateNewPaymentRun(bad).code(), StatusCode::kInvalidArgument);
}

TEST(PaymentRunDeciderTest, ASecondManagerDecidesHeadOfficeAboveTheLimit) {
  PaymentRun run;
  run.payment_run_id = "RUN-1";
  run.state = LedgerRequestState::kPendingApproval;
  run.prepared_by = "tok_7";
  Principal manager;
  manager.token_id = 7;
  manager.role = Role::kStoreManager;
  manager.store_code = "S1";
  EXPECT_EQ(CheckPaymentRunDecider(run, manager).reason(),
            "SELF_APPROVAL_FORBIDDEN");
  Principal head_office = manager;
  head_office.role = Role::kHeadOffice;
  EXPECT_EQ(CheckPaymentRunDecider(run, head_office).reason(),
            "SELF_APPROVAL_FORBIDDEN")
      << "whatever the role";
  manager.token_id = 8;
  EXPECT_TRUE(CheckPaymentRunDecider(run, manager).ok());
  Principal staff = manager;
  staff.role = Role::kStoreStaff;
  EXPECT_EQ(CheckPaymentRunDecider(run, staff).reason(), "ROLE_NOT_ALLOWED");
  run.needs_head_office = true;
  EXPECT_EQ(CheckPaymentRunDecider(run, manager).reason(),
            "APPROVAL_LIMIT_EXCEEDED");
  head_office.token_id = 9;
  EXPECT_TRUE(CheckPaymentRunDecider(run, head_office).ok());
  run.state = LedgerRequestState::kPosted;
  EXPECT_EQ(CheckPaymentRunDecider(run, head_office).reason(),
            "PAYMENT_RUN_NOT_PENDING");
  CreditSettings settings;
  settings.payment_run_head_office_limit_minor = 100;
  EXPECT_FALSE(PaymentRunNeedsHeadOffice(settings, 100));
  EXPECT_TRUE(PaymentRunNeedsHeadOffice(settings, 101));
}

}  // namespace
}  // namespace backoffice::domain
