// Till sessions through the real server and the SDK: a session opened on
// a till with its float (one open per till, idempotent by id), drops and
// payouts, the expected cash from the till's own cash sales (net of
// change), cash refunds and cash payments on account of the session's
// window, a variance above the store's threshold accepted only by a second
// person, a SIGKILL of the server mid-sessions, and verify finding each
// broken invariant.
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <chrono>

#include "backoffice/client.h"
#include "ledger_helpers.h"
#include "server_fixture.h"
#include "store_stock_helpers.h"

namespace backoffice {
namespace {

using google::protobuf::util::TimeUtil;
using testing::Idr;
using testing::RunningServer;
using testing::ScratchDatabase;

constexpr char kStore[] = "TS";

// Now, to the microsecond (TimeUtil::GetCurrentTime keeps whole seconds
// here, which would put a sale before the session it follows).
google::protobuf::Timestamp Now() {
  return TimeUtil::MicrosecondsToTimestamp(
      std::chrono::duration_cast<std::chrono::microseconds>(
          std::chrono::system_clock::now().time_since_epoch())
          .count());
}

class TillSessionE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      testing::MakeStoreWithTill(*server_, kStore);
      CatalogClient admin(server_->Connect(server_->admin_token()));
      v1::CreateTerminalRequest t2;
      t2.mutable_terminal()->set_store_code(kStore);
      t2.mutable_terminal()->set_code("T2");
      t2.mutable_terminal()->set_display_name("T2");
      t2.mutable_terminal()->set_active(true);
      testing::MustOk(admin.CreateTerminal(t2).status());
      v1::CreateProductRequest p;
      p.mutable_product()->set_sku("TS-RICE");
      p.mutable_product()->set_display_name("Beras");
      p.mutable_product()->set_unit_of_measure("pcs");
      *p.mutable_product()->mutable_default_price() = Idr(70000);
      p.mutable_product()->set_active(true);
      testing::MustOk(admin.CreateProduct(p).status());
      v1::CreateCustomerRequest customer;
      customer.mutable_customer()->set_store_code(kStore);
      customer.mutable_customer()->set_code("TS-C1");
      customer.mutable_customer()->set_display_name("Warung");
      *customer.mutable_customer()->mutable_credit_limit() = Idr(1000000);
      customer.mutable_customer()->set_active(true);
      testing::MustOk(admin.CreateCustomer(customer).status());
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      till_ = server_->CreateToken(v1::ROLE_POS_TERMINAL, kStore, "T1");
      other_till_ = server_->CreateToken(v1::ROLE_POS_TERMINAL, kStore, "T2");
      manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      v1::UpdateClosingSettingsRequest settings;
      settings.mutable_settings()->set_store_code(kStore);
      *settings.mutable_settings()->mutable_till_variance_threshold() =
          Idr(1000);
      testing::MustOk(ClosingClient(server_->Connect(head_office_))
                          .UpdateClosingSettings(settings)
                          .status());
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }

  static StatusOr<v1::OpenTillSessionResponse> Open(
      const std::string& token, const std::string& id,
      const std::string& terminal = "T1", std::int64_t float_minor = 500000) {
    v1::OpenTillSessionRequest r;
    r.set_store_code(kStore);
    r.set_terminal_code(terminal);
    r.set_session_id(id);
    r.set_cashier("ani");
    *r.mutable_opening_float() = Idr(float_minor);
    return ClosingClient(server_->Connect(token)).OpenTillSession(r);
  }

  static StatusOr<v1::RecordCashMovementResponse> Move(
      const std::string& token, const std::string& session,
      const std::string& id, v1::CashMovementKind kind, std::int64_t amount,
      const std::string& reason = "") {
    v1::RecordCashMovementRequest r;
    r.set_store_code(kStore);
    r.set_session_id(session);
    r.set_movement_id(id);
    r.set_kind(kind);
    *r.mutable_amount() = Idr(amount);
    r.set_reason(reason);
    return ClosingClient(server_->Connect(token)).RecordCashMovement(r);
  }

  static StatusOr<v1::CloseTillSessionResponse> Close(
      const std::string& token, const std::string& session,
      std::int64_t counted) {
    v1::CloseTillSessionRequest r;
    r.set_store_code(kStore);
    r.set_session_id(session);
    *r.mutable_counted_cash() = Idr(counted);
    return ClosingClient(server_->Connect(token)).CloseTillSession(r);
  }

  static StatusOr<v1::AcceptTillVarianceResponse> Accept(
      const std::string& token, const std::string& session) {
    v1::AcceptTillVarianceRequest r;
    r.set_store_code(kStore);
    r.set_session_id(session);
    r.set_reason("counted twice, coins missing");
    return ClosingClient(server_->Connect(token)).AcceptTillVariance(r);
  }

  // A sale of one bag at `price` at `terminal`, paid with `tendered` in
  // `type` and `change` given back.
  static Status Sell(const std::string& id, const std::string& terminal,
                     std::int64_t price, v1::TenderType type,
                     std::int64_t tendered, std::int64_t change) {
    static std::atomic<long long> receipt{0};
    v1::RecordSaleRequest request;
    v1::Sale& sale = *request.mutable_sale();
    sale.set_sale_id(id);
    sale.set_store_code(kStore);
    sale.set_terminal_code(terminal);
    sale.set_cashier("ani");
    sale.set_receipt_number(++receipt);
    *sale.mutable_sale_time() = Now();
    v1::SaleLine& line = *sale.add_lines();
    line.set_line_number(1);
    line.set_sku("TS-RICE");
    line.set_quantity_milli(1000);
    line.set_unit_price_minor(price);
    line.set_amount_minor(price);
    v1::Tender& tender = *sale.add_tenders();
    tender.set_type(type);
    tender.set_amount_minor(tendered);
    tender.set_change_minor(change);
    return SalesClient(server_->Connect(head_office_))
        .RecordSale(request)
        .status();
  }

  static void ExpectCleanLedger() {
    testing::ExpectCleanLedger(*server_, head_office_);
  }

  static inline ScratchDatabase* scratch_ = nullptr;
  static inline RunningServer* server_ = nullptr;
  static inline std::string head_office_;
  static inline std::string till_;
  static inline std::string other_till_;
  static inline std::string manager_a_;
  static inline std::string manager_b_;
};

TEST_F(TillSessionE2eTest,
       TheTillsCashIsCountedAgainstItsDayAndAVarianceNeedsASecondPerson) {
  // Opened by the till itself; one open session per till; replayed by id.
  auto opened = Open(till_, "TS-S1");
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->session().state(), v1::TILL_SESSION_STATE_OPEN);
  EXPECT_TRUE(Open(till_, "TS-S1")->replayed());
  EXPECT_EQ(Open(till_, "TS-S1", "T1", 400000).status().reason(),
            "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(Open(till_, "TS-S1b").status().reason(), "SESSION_ALREADY_OPEN");
  EXPECT_EQ(Open(other_till_, "TS-S1c", "T1").status().reason(),
            "TERMINAL_OUT_OF_SCOPE");

  // The day at T1: a cash sale with change, a card sale, a cash sale
  // returned for cash, a cash payment on account; T2's sale is not T1's.
  ASSERT_TRUE(
      Sell("TS-1", "T1", 70000, v1::TENDER_TYPE_CASH, 100000, 30000).ok());
  ASSERT_TRUE(Sell("TS-2", "T1", 70000, v1::TENDER_TYPE_CARD, 70000, 0).ok());
  ASSERT_TRUE(Sell("TS-3", "T1", 70000, v1::TENDER_TYPE_CASH, 70000, 0).ok());
  ASSERT_TRUE(Sell("TS-4", "T2", 70000, v1::TENDER_TYPE_CASH, 70000, 0).ok());
  v1::RecordReturnRequest back;
  v1::SaleReturn& r = *back.mutable_sale_return();
  r.set_return_id("TS-R1");
  r.set_store_code(kStore);
  r.set_terminal_code("T1");
  r.set_cashier("ani");
  r.set_sale_id("TS-3");
  *r.mutable_return_time() = Now();
  r.add_lines()->set_sale_line_number(1);
  r.mutable_lines(0)->set_quantity_milli(1000);
  r.set_refund_tender_type(v1::TENDER_TYPE_CASH);
  ASSERT_TRUE(
      SalesClient(server_->Connect(head_office_)).RecordReturn(back).ok());
  v1::RecordPaymentRequest pay;
  pay.set_store_code(kStore);
  pay.set_payment_id("TS-PAY-1");
  pay.mutable_party()->set_kind(v1::PARTY_KIND_CUSTOMER);
  pay.mutable_party()->set_code("TS-C1");
  *pay.mutable_amount() = Idr(25000);
  pay.set_method(v1::PAYMENT_METHOD_CASH);
  pay.set_terminal_code("T1");
  auto paid = CreditClient(server_->Connect(till_)).RecordPayment(pay);
  ASSERT_TRUE(paid.ok()) << paid.status();

  // Drops and payouts; a payout says why.
  ASSERT_TRUE(
      Move(till_, "TS-S1", "D1", v1::CASH_MOVEMENT_KIND_DROP, 100000).ok());
  EXPECT_EQ(Move(till_, "TS-S1", "P1", v1::CASH_MOVEMENT_KIND_PAYOUT, 20000)
                .status()
                .reason(),
            "REASON_REQUIRED");
  ASSERT_TRUE(Move(till_, "TS-S1", "P1", v1::CASH_MOVEMENT_KIND_PAYOUT, 20000,
                   "ice for the fish counter")
                  .ok());
  EXPECT_TRUE(Move(till_, "TS-S1", "D1", v1::CASH_MOVEMENT_KIND_DROP, 100000)
                  ->replayed());

  // What the drawer should hold: 500,000 + (100,000 - 30,000) + 70,000 -
  // 70,000 + 25,000 - 20,000 - 100,000 = 475,000.
  constexpr std::int64_t kExpected = 475000;
  v1::GetTillSessionRequest get;
  get.set_store_code(kStore);
  get.set_session_id("TS-S1");
  auto now = ClosingClient(server_->Connect(manager_a_)).GetTillSession(get);
  ASSERT_TRUE(now.ok()) << now.status();
  EXPECT_EQ(now->session().expected_cash().minor_units(), kExpected)
      << now->DebugString();
  EXPECT_EQ(now->movements_size(), 2);

  // Counted 3,000 short, above the 1,000 threshold: it waits.
  auto closed = Close(manager_a_, "TS-S1", kExpected - 3000);
  ASSERT_TRUE(closed.ok()) << closed.status();
  const v1::TillSession& s = closed->session();
  EXPECT_EQ(s.state(), v1::TILL_SESSION_STATE_VARIANCE_PENDING);
  EXPECT_EQ(s.cash_sales().minor_units(), 140000);
  EXPECT_EQ(s.cash_refunds().minor_units(), 70000);
  EXPECT_EQ(s.cash_on_account().minor_units(), 25000);
  EXPECT_EQ(s.payouts().minor_units(), 20000);
  EXPECT_EQ(s.drops().minor_units(), 100000);
  EXPECT_EQ(s.expected_cash().minor_units(), kExpected);
  EXPECT_EQ(s.variance().minor_units(), -3000);
  EXPECT_EQ(s.sale_count(), 3);
  EXPECT_TRUE(Close(manager_a_, "TS-S1", kExpected - 3000).ok())
      << "closing again with the same count";
  EXPECT_EQ(Close(manager_a_, "TS-S1", kExpected).status().reason(),
            "SESSION_ALREADY_CLOSED");
  EXPECT_EQ(Move(till_, "TS-S1", "D2", v1::CASH_MOVEMENT_KIND_DROP, 1000)
                .status()
                .reason(),
            "SESSION_NOT_OPEN");

  // The inbox shows it; the till and the closer may not accept it.
  v1::ListApprovalsRequest inbox;
  inbox.set_store_code(kStore);
  auto waiting =
      ApprovalClient(server_->Connect(manager_b_)).ListApprovals(inbox);
  ASSERT_TRUE(waiting.ok()) << waiting.status();
  ASSERT_EQ(waiting->approvals_size(), 1);
  EXPECT_EQ(waiting->approvals(0).kind(), v1::APPROVAL_KIND_TILL_VARIANCE);
  EXPECT_EQ(waiting->approvals(0).document_id(), "TS-S1");
  EXPECT_EQ(waiting->approvals(0).amount().minor_units(), 3000);
  EXPECT_EQ(Accept(till_, "TS-S1").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Accept(manager_a_, "TS-S1").status().reason(),
            "SELF_APPROVAL_FORBIDDEN");
  auto accepted = Accept(manager_b_, "TS-S1");
  ASSERT_TRUE(accepted.ok()) << accepted.status();
  EXPECT_EQ(accepted->session().state(), v1::TILL_SESSION_STATE_ACCEPTED);
  EXPECT_TRUE(Accept(manager_b_, "TS-S1").ok()) << "accepting again";
  EXPECT_EQ(Accept(head_office_, "TS-S1").status().reason(),
            "SESSION_STATE_CONFLICT")
      << "only who accepted it, with the same reason, is answered a replay";

  // A sale of the session's window that arrives after the close is not
  // counted into it: the close stands.
  v1::RecordSaleRequest late;
  v1::Sale& sale = *late.mutable_sale();
  sale.set_sale_id("TS-LATE");
  sale.set_store_code(kStore);
  sale.set_terminal_code("T1");
  sale.set_cashier("ani");
  sale.set_receipt_number(900);
  *sale.mutable_sale_time() = TimeUtil::MicrosecondsToTimestamp(
      TimeUtil::TimestampToMicroseconds(s.close_time()) - 1000000);
  v1::SaleLine& line = *sale.add_lines();
  line.set_line_number(1);
  line.set_sku("TS-RICE");
  line.set_quantity_milli(1000);
  line.set_unit_price_minor(70000);
  line.set_amount_minor(70000);
  sale.add_tenders()->set_type(v1::TENDER_TYPE_CASH);
  sale.mutable_tenders(0)->set_amount_minor(70000);
  ASSERT_TRUE(
      SalesClient(server_->Connect(head_office_)).RecordSale(late).ok());
  auto after = ClosingClient(server_->Connect(manager_a_)).GetTillSession(get);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->session().expected_cash().minor_units(), kExpected);
  // A new session on T1 may open now. A sale S1 counted is voided during
  // S2: its cash leaves S2's drawer.
  ASSERT_TRUE(Open(till_, "TS-S2").ok());
  v1::VoidSaleRequest void_sale;
  void_sale.set_store_code(kStore);
  void_sale.set_sale_id("TS-1");
  void_sale.set_reason("customer changed her mind");
  ASSERT_TRUE(
      SalesClient(server_->Connect(manager_a_)).VoidSale(void_sale).ok());
  auto s2 = Close(manager_a_, "TS-S2", 430000);
  ASSERT_TRUE(s2.ok()) << s2.status();
  EXPECT_EQ(s2->session().cash_refunds().minor_units(), 70000);
  EXPECT_EQ(s2->session().expected_cash().minor_units(), 430000);
  EXPECT_EQ(s2->session().state(), v1::TILL_SESSION_STATE_CLOSED);
  ExpectCleanLedger();
}

TEST_F(TillSessionE2eTest, WithinTheThresholdItClosesAndCountsByDenomination) {
  ASSERT_TRUE(Open(other_till_, "TS-D1", "T2", 200000).ok());
  ASSERT_TRUE(
      Sell("TS-D-1", "T2", 70000, v1::TENDER_TYPE_CASH, 100000, 30000).ok());
  // 270,000 expected; counted 269,500: within 1,000.
  v1::CloseTillSessionRequest r;
  r.set_store_code(kStore);
  r.set_session_id("TS-D1");
  for (const auto& [value, count] :
       std::vector<std::pair<std::int64_t, std::int64_t>>{{100000, 2},
                                                          {50000, 1},
                                                          {10000, 1},
                                                          {5000, 1},
                                                          {2000, 2},
                                                          {500, 1}}) {
    auto* d = r.add_denominations();
    d->set_value_minor(value);
    d->set_count(count);
  }
  *r.mutable_counted_cash() = Idr(269000);
  EXPECT_EQ(ClosingClient(server_->Connect(other_till_))
                .CloseTillSession(r)
                .status()
                .reason(),
            "COUNT_MISMATCH");
  r.clear_counted_cash();
  auto closed =
      ClosingClient(server_->Connect(other_till_)).CloseTillSession(r);
  ASSERT_TRUE(closed.ok()) << closed.status();
  EXPECT_EQ(closed->session().state(), v1::TILL_SESSION_STATE_CLOSED);
  EXPECT_EQ(closed->session().counted_cash().minor_units(), 269500);
  EXPECT_EQ(closed->session().variance().minor_units(), -500);
  EXPECT_EQ(closed->session().denominations_size(), 6);
  EXPECT_EQ(Accept(manager_b_, "TS-D1").status().reason(),
            "SESSION_STATE_CONFLICT");
  ExpectCleanLedger();
}

TEST_F(TillSessionE2eTest, ServerKilledMidSessionsCountsEachOnce) {
  constexpr int kSessions = 8;
  ClosingClient till(testing::RetryingConnection(*server_, other_till_));
  auto run = [&](int i) -> Status {
    const std::string id = "TS-K" + std::to_string(i);
    v1::OpenTillSessionRequest open;
    open.set_store_code(kStore);
    open.set_terminal_code("T2");
    open.set_session_id(id);
    open.set_cashier("budi");
    *open.mutable_opening_float() = Idr(100000);
    if (auto s = till.OpenTillSession(open); !s.ok()) return s.status();
    v1::RecordCashMovementRequest drop;
    drop.set_store_code(kStore);
    drop.set_session_id(id);
    drop.set_movement_id("D");
    drop.set_kind(v1::CASH_MOVEMENT_KIND_DROP);
    *drop.mutable_amount() = Idr(40000);
    if (auto s = till.RecordCashMovement(drop); !s.ok()) return s.status();
    v1::CloseTillSessionRequest close;
    close.set_store_code(kStore);
    close.set_session_id(id);
    *close.mutable_counted_cash() = Idr(60000);
    return till.CloseTillSession(close).status();
  };
  testing::RunThroughAKill(*server_, kSessions, 2, "session", run);
  for (int i = 1; i <= kSessions; ++i) ASSERT_TRUE(run(i).ok()) << i;
  EXPECT_EQ(scratch_->CountRows("till_sessions WHERE session_id LIKE 'TS-K%' "
                                "AND state = 'CLOSED' AND variance_minor = 0"),
            kSessions);
  EXPECT_EQ(scratch_->CountRows("till_cash_movements m JOIN " +
                                scratch_->config().database +
                                ".till_sessions x ON x.id = m.session_pk "
                                "WHERE x.session_id LIKE 'TS-K%'"),
            kSessions);
  ExpectCleanLedger();
}

TEST_F(TillSessionE2eTest, VerifyFindsEachBrokenSessionInvariant) {
  ASSERT_TRUE(Open(till_, "TS-V").ok());
  ASSERT_TRUE(Sell("TS-V-1", "T1", 70000, v1::TENDER_TYPE_CASH, 70000, 0).ok());
  ASSERT_TRUE(Close(manager_a_, "TS-V", 560000).ok());
  ExpectCleanLedger();
  const std::string db = scratch_->config().database;
  auto expect_kind = [&](const std::string& what) {
    testing::ExpectViolation(*server_, head_office_, "TILL_SESSION_MISMATCH",
                             what);
  };
  scratch_->Execute("UPDATE " + db +
                    ".till_sessions SET cash_sales_minor = cash_sales_minor "
                    "+ 1, expected_minor = expected_minor + 1, "
                    "variance_minor = variance_minor - 1 WHERE session_id = "
                    "'TS-V'");
  expect_kind("sales not what it counted");
  scratch_->Execute("UPDATE " + db +
                    ".till_sessions SET cash_sales_minor = cash_sales_minor "
                    "- 1, expected_minor = expected_minor - 1, "
                    "variance_minor = variance_minor + 1 WHERE session_id = "
                    "'TS-V'");
  ExpectCleanLedger();
  scratch_->Execute("UPDATE " + db + ".till_session_documents d JOIN " + db +
                    ".till_sessions x ON x.id = d.session_pk SET "
                    "d.cash_minor = d.cash_minor + 5, x.cash_sales_minor = "
                    "x.cash_sales_minor + 5, x.expected_minor = "
                    "x.expected_minor + 5, x.variance_minor = "
                    "x.variance_minor - 5 WHERE x.session_id = 'TS-V'");
  expect_kind("a sale counted for more cash than it brought");
  scratch_->Execute("UPDATE " + db + ".till_session_documents d JOIN " + db +
                    ".till_sessions x ON x.id = d.session_pk SET "
                    "d.cash_minor = d.cash_minor - 5, x.cash_sales_minor = "
                    "x.cash_sales_minor - 5, x.expected_minor = "
                    "x.expected_minor - 5, x.variance_minor = "
                    "x.variance_minor + 5 WHERE x.session_id = 'TS-V'");
  ExpectCleanLedger();
  scratch_->Execute("UPDATE " + db +
                    ".till_sessions SET state = 'ACCEPTED', variance_minor = "
                    "variance_minor, accepted_by = closed_by WHERE "
                    "session_id = 'TS-V'");
  expect_kind("accepted by its closer");
}

}  // namespace
}  // namespace backoffice
