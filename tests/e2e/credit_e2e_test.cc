// Debts and credit through the real server and the SDK: a hard credit
// limit with holds that 16 concurrent tills never exceed together, an
// override refused to its requester and granted by a second manager, a
// sale consuming its hold, offline store-credit sales recorded and listed,
// payments allocated oldest due first, sent twice, overpaying into a
// credit the next charge uses, reversed; returns to store credit and voids
// settling through the same ledger; ageing as of a past day equal to what
// it was then; statements; supplier payables in the ledger; verify clean
// after all of it and after a SIGKILL of the server during payments, and
// finding each broken invariant.
#include <absl/time/civil_time.h>
#include <absl/time/clock.h>
#include <absl/time/time.h>
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "backoffice/client.h"
#include "run_concurrently.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using google::protobuf::util::TimeUtil;
using testing::RunConcurrently;
using testing::RunningServer;
using testing::ScratchDatabase;

constexpr char kStore[] = "CR";

v1::Money Idr(std::int64_t minor) {
  v1::Money m;
  m.set_currency_code("IDR");
  m.set_minor_units(minor);
  return m;
}

v1::Party Customer(const std::string& code) {
  v1::Party p;
  p.set_kind(v1::PARTY_KIND_CUSTOMER);
  p.set_code(code);
  return p;
}

// The store's business day `days_ago` days before today (Asia/Jakarta).
std::string DayAgo(int days_ago) {
  const absl::TimeZone jakarta = absl::FixedTimeZone(7 * 3600);
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), jakarta);
  return absl::FormatCivilTime(today - days_ago);
}

class CreditE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      CatalogClient admin(server_->Connect(server_->admin_token()));
      v1::CreateStoreRequest s;
      s.mutable_store()->set_code(kStore);
      s.mutable_store()->set_display_name("Toko Kredit");
      s.mutable_store()->set_time_zone("Asia/Jakarta");
      s.mutable_store()->set_currency_code("IDR");
      Must(admin.CreateStore(s).status());
      for (const char* code : {"T1", "T2"}) {
        v1::CreateTerminalRequest t;
        t.mutable_terminal()->set_store_code(kStore);
        t.mutable_terminal()->set_code(code);
        t.mutable_terminal()->set_display_name(code);
        t.mutable_terminal()->set_active(true);
        Must(admin.CreateTerminal(t).status());
      }
      v1::CreateProductRequest p;
      p.mutable_product()->set_sku("CR-RICE");
      p.mutable_product()->set_display_name("Beras");
      p.mutable_product()->set_unit_of_measure("pcs");
      *p.mutable_product()->mutable_default_price() = Idr(1000);
      p.mutable_product()->set_active(true);
      Must(admin.CreateProduct(p).status());
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      till_ = server_->CreateToken(v1::ROLE_POS_TERMINAL, kStore, "T1");
      staff_ = server_->CreateToken(v1::ROLE_STORE_STAFF, kStore);
      manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }
  static void Must(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.message());
  }

  static void MakeCustomer(const std::string& code, std::int64_t limit,
                           int terms_days = 30) {
    v1::CreateCustomerRequest c;
    c.mutable_customer()->set_store_code(kStore);
    c.mutable_customer()->set_code(code);
    c.mutable_customer()->set_display_name("Warung " + code);
    *c.mutable_customer()->mutable_credit_limit() = Idr(limit);
    c.mutable_customer()->set_credit_terms_days(terms_days);
    c.mutable_customer()->set_active(true);
    auto created =
        CatalogClient(server_->Connect(head_office_)).CreateCustomer(c);
    ASSERT_TRUE(created.ok()) << created.status();
  }

  static StatusOr<v1::AuthorizeCreditResponse> Authorize(
      const std::string& token, const std::string& id,
      const std::string& customer, std::int64_t amount,
      const std::string& terminal = "T1") {
    v1::AuthorizeCreditRequest r;
    r.set_store_code(kStore);
    r.set_authorization_id(id);
    r.set_customer_code(customer);
    r.set_terminal_code(terminal);
    *r.mutable_amount() = Idr(amount);
    return CreditClient(server_->Connect(token)).AuthorizeCredit(r);
  }

  // A sale of `amount` on store credit to `customer`, `days_ago` days
  // back, carrying `authorization_id` (empty: an offline till).
  static StatusOr<v1::RecordSaleResponse> SellOnCredit(
      const std::string& sale_id, const std::string& customer,
      std::int64_t amount, const std::string& authorization_id,
      int days_ago = 0) {
    return SalesClient(server_->Connect(head_office_))
        .RecordSale(
            CreditSale(sale_id, customer, amount, authorization_id, days_ago));
  }

  static v1::RecordSaleRequest CreditSale(const std::string& sale_id,
                                          const std::string& customer,
                                          std::int64_t amount,
                                          const std::string& authorization_id,
                                          int days_ago = 0) {
    static std::atomic<long long> receipt_number{0};
    v1::RecordSaleRequest request;
    v1::Sale& sale = *request.mutable_sale();
    sale.set_sale_id(sale_id);
    sale.set_store_code(kStore);
    sale.set_terminal_code("T1");
    sale.set_cashier("ani");
    sale.set_receipt_number(++receipt_number);
    *sale.mutable_sale_time() = TimeUtil::GetCurrentTime() -
                                TimeUtil::SecondsToDuration(1) -
                                TimeUtil::HoursToDuration(24 * days_ago);
    v1::SaleLine& line = *sale.add_lines();
    line.set_line_number(1);
    line.set_sku("CR-RICE");
    line.set_quantity_milli(amount);
    line.set_unit_price_minor(1000);
    line.set_amount_minor(amount);
    v1::Tender& tender = *sale.add_tenders();
    tender.set_type(v1::TENDER_TYPE_STORE_CREDIT);
    tender.set_amount_minor(amount);
    tender.set_customer_code(customer);
    tender.set_authorization_id(authorization_id);
    return request;
  }

  static StatusOr<v1::RecordPaymentResponse> Pay(
      const std::string& payment_id, const std::string& customer,
      std::int64_t amount,
      const std::vector<std::pair<std::int64_t, std::int64_t>>& allocations =
          {}) {
    v1::RecordPaymentRequest r;
    r.set_store_code(kStore);
    r.set_payment_id(payment_id);
    *r.mutable_party() = Customer(customer);
    *r.mutable_amount() = Idr(amount);
    r.set_method(v1::PAYMENT_METHOD_BANK_TRANSFER);
    r.set_reference("TRF-" + payment_id);
    for (const auto& [document, part] : allocations) {
      auto* a = r.add_allocations();
      a->set_document_number(document);
      *a->mutable_amount() = Idr(part);
    }
    return CreditClient(server_->Connect(staff_)).RecordPayment(r);
  }

  static v1::Account Account(const std::string& customer) {
    v1::GetAccountRequest r;
    r.set_store_code(kStore);
    *r.mutable_party() = Customer(customer);
    auto account = CreditClient(server_->Connect(staff_)).GetAccount(r);
    if (!account.ok()) {
      ADD_FAILURE() << customer << ": " << account.status();
      return v1::Account();
    }
    return account->account();
  }

  static std::vector<v1::PartyDocument> OpenItems(const std::string& customer) {
    v1::ListOpenItemsRequest r;
    r.set_store_code(kStore);
    *r.mutable_party() = Customer(customer);
    std::vector<v1::PartyDocument> out;
    Status status = CreditClient(server_->Connect(staff_))
                        .ForEachOpenItem(r, [&](const v1::PartyDocument& d) {
                          out.push_back(d);
                          return true;
                        });
    EXPECT_TRUE(status.ok()) << status;
    return out;
  }

  static v1::GetAgeingResponse Ageing(const std::string& as_of_day,
                                      const std::string& store = kStore,
                                      const std::string& token = "") {
    v1::GetAgeingRequest r;
    r.set_store_code(store);
    r.set_party_kind(v1::PARTY_KIND_CUSTOMER);
    r.set_as_of_day(as_of_day);
    r.set_page_size(1000);
    auto ageing =
        CreditClient(server_->Connect(token.empty() ? manager_a_ : token))
            .GetAgeing(r);
    if (!ageing.ok()) {
      ADD_FAILURE() << ageing.status();
      return v1::GetAgeingResponse();
    }
    return *ageing;
  }

  static const v1::AgeingRow* RowOf(const v1::GetAgeingResponse& ageing,
                                    const std::string& customer) {
    for (const auto& row : ageing.rows()) {
      if (row.party().code() == customer) return &row;
    }
    return nullptr;
  }

  static void ExpectCleanLedger() {
    auto report = ReconciliationClient(server_->Connect(head_office_))
                      .VerifyLedger(v1::VerifyLedgerRequest());
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_EQ(report->violations_size(), 0) << report->DebugString();
  }

  static std::vector<std::string> ViolationKinds() {
    auto report = ReconciliationClient(server_->Connect(head_office_))
                      .VerifyLedger(v1::VerifyLedgerRequest());
    std::vector<std::string> kinds;
    if (!report.ok()) {
      ADD_FAILURE() << report.status();
      return kinds;
    }
    for (const auto& v : report->violations()) kinds.push_back(v.kind());
    return kinds;
  }

  static inline ScratchDatabase* scratch_ = nullptr;
  static inline RunningServer* server_ = nullptr;
  static inline std::string head_office_;
  static inline std::string till_;
  static inline std::string staff_;
  static inline std::string manager_a_;
  static inline std::string manager_b_;
};

TEST_F(CreditE2eTest, HardLimitHoldsOverrideBySecondPersonAndConsumption) {
  ASSERT_NO_FATAL_FAILURE(MakeCustomer("W1", 100000));
  auto held = Authorize(till_, "W1-A1", "W1", 60000);
  ASSERT_TRUE(held.ok()) << held.status();
  EXPECT_EQ(held->authorization().state(), v1::CREDIT_AUTHORIZATION_STATE_HELD);
  EXPECT_EQ(held->authorization().credit_limit().minor_units(), 100000);

  // 60,000 held + 50,000 is over 100,000: refused, whoever asks.
  auto refused = Authorize(manager_a_, "W1-A2", "W1", 50000);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().reason(), "CREDIT_LIMIT_EXCEEDED");
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  // Asked again, the same refusal (a replay), never a hold.
  auto again = Authorize(manager_a_, "W1-A2", "W1", 50000);
  EXPECT_EQ(again.status().reason(), "CREDIT_LIMIT_EXCEEDED");
  // The same id with another amount is another request.
  EXPECT_EQ(Authorize(manager_a_, "W1-A2", "W1", 40000).status().reason(),
            "IDEMPOTENCY_KEY_REUSED");

  v1::OverrideCreditAuthorizationRequest override_request;
  override_request.set_store_code(kStore);
  override_request.set_authorization_id("W1-A2");
  override_request.set_reason("regular customer, pays on Friday");
  // Who asked may not override, whatever the role.
  auto self = CreditClient(server_->Connect(manager_a_))
                  .OverrideCreditAuthorization(override_request);
  EXPECT_EQ(self.status().reason(), "SELF_APPROVAL_FORBIDDEN");
  // A till or store staff may not override at all.
  EXPECT_EQ(CreditClient(server_->Connect(staff_))
                .OverrideCreditAuthorization(override_request)
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  auto overridden = CreditClient(server_->Connect(manager_b_))
                        .OverrideCreditAuthorization(override_request);
  ASSERT_TRUE(overridden.ok()) << overridden.status();
  EXPECT_EQ(overridden->authorization().state(),
            v1::CREDIT_AUTHORIZATION_STATE_HELD);
  EXPECT_FALSE(overridden->authorization().overridden_by().empty());
  EXPECT_NE(overridden->authorization().overridden_by(),
            overridden->authorization().requested_by());

  v1::Account account = Account("W1");
  EXPECT_EQ(account.balance().minor_units(), 0);
  EXPECT_EQ(account.open_holds().minor_units(), 110000);
  EXPECT_EQ(account.available().minor_units(), -10000);

  // The sale uses its hold: the hold becomes the charge.
  auto sale = SellOnCredit("W1-S1", "W1", 60000, "W1-A1");
  ASSERT_TRUE(sale.ok()) << sale.status();
  EXPECT_EQ(sale->sale().exceptions_size(), 0);
  v1::GetCreditAuthorizationRequest get;
  get.set_store_code(kStore);
  get.set_authorization_id("W1-A1");
  auto consumed =
      CreditClient(server_->Connect(staff_)).GetCreditAuthorization(get);
  ASSERT_TRUE(consumed.ok()) << consumed.status();
  EXPECT_EQ(consumed->authorization().state(),
            v1::CREDIT_AUTHORIZATION_STATE_CONSUMED);
  EXPECT_EQ(consumed->authorization().sale_id(), "W1-S1");
  account = Account("W1");
  EXPECT_EQ(account.balance().minor_units(), 60000);
  EXPECT_EQ(account.open_holds().minor_units(), 50000);

  // A released hold holds nothing.
  v1::ReleaseCreditAuthorizationRequest release;
  release.set_store_code(kStore);
  release.set_authorization_id("W1-A2");
  ASSERT_TRUE(CreditClient(server_->Connect(till_))
                  .ReleaseCreditAuthorization(release)
                  .ok());
  EXPECT_EQ(Account("W1").open_holds().minor_units(), 0);
  // A used hold cannot be used twice: the second sale is recorded and
  // listed.
  auto twice = SellOnCredit("W1-S2", "W1", 10000, "W1-A1");
  ASSERT_TRUE(twice.ok()) << twice.status();
  ASSERT_EQ(twice->sale().exceptions_size(), 1);
  EXPECT_EQ(twice->sale().exceptions(0).kind(), "CREDIT_WITHOUT_AUTHORIZATION");
  // A till acts only for its own terminal.
  EXPECT_EQ(Authorize(till_, "W1-A3", "W1", 1000, "T2").status().reason(),
            "TERMINAL_MISMATCH");
  ExpectCleanLedger();
}

TEST_F(CreditE2eTest, SixteenConcurrentAuthorizationsNeverExceedTheLimit) {
  ASSERT_NO_FATAL_FAILURE(MakeCustomer("W2", 50000));
  std::atomic<int> held{0};
  std::atomic<int> refused{0};
  std::atomic<int> other{0};
  RunConcurrently(16, [&](int i) {
    auto r = Authorize(till_, "W2-A" + std::to_string(i), "W2", 10000);
    if (r.ok()) {
      ++held;
    } else if (r.status().reason() == "CREDIT_LIMIT_EXCEEDED") {
      ++refused;
    } else {
      ++other;
      ADD_FAILURE() << r.status();
    }
  });
  EXPECT_EQ(held.load(), 5);
  EXPECT_EQ(refused.load(), 11);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Account("W2").open_holds().minor_units(), 50000);
  ExpectCleanLedger();
}

TEST_F(CreditE2eTest, PaymentsAllocateOldestFirstReplayAndOverpayIntoCredit) {
  ASSERT_NO_FATAL_FAILURE(MakeCustomer("W3", 1000000));
  // Two charges: the older one is due first.
  ASSERT_TRUE(SellOnCredit("W3-S1", "W3", 30000, "", 5).ok());
  ASSERT_TRUE(SellOnCredit("W3-S2", "W3", 20000, "", 1).ok());
  auto open = OpenItems("W3");
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].source_id(), "W3-S1");
  EXPECT_EQ(open[0].due_day(), DayAgo(5 - 30));

  // 70,000 pays both (oldest first) and leaves 20,000 of open credit.
  auto paid = Pay("W3-P1", "W3", 70000);
  ASSERT_TRUE(paid.ok()) << paid.status();
  EXPECT_FALSE(paid->replayed());
  ASSERT_EQ(paid->allocations_size(), 2);
  EXPECT_EQ(paid->allocations(0).debit_document_number(),
            open[0].document_number());
  EXPECT_EQ(paid->allocations(0).amount().minor_units(), 30000);
  EXPECT_EQ(paid->allocations(1).amount().minor_units(), 20000);
  EXPECT_EQ(paid->payment().open_amount().minor_units(), 20000);

  // Sent twice: the same payment, nothing new.
  auto replay = Pay("W3-P1", "W3", 70000);
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->replayed());
  EXPECT_EQ(replay->payment().document_number(),
            paid->payment().document_number());
  EXPECT_EQ(Pay("W3-P1", "W3", 60000).status().reason(),
            "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(scratch_->CountRows("party_documents WHERE payment_id = 'W3-P1'"),
            1);

  v1::Account account = Account("W3");
  EXPECT_EQ(account.balance().minor_units(), -20000);
  EXPECT_EQ(account.open_debits().minor_units(), 0);
  EXPECT_EQ(account.open_credits().minor_units(), 20000);

  // The next charge uses the credit up: 15,000 of the 20,000.
  ASSERT_TRUE(SellOnCredit("W3-S3", "W3", 15000, "").ok());
  account = Account("W3");
  EXPECT_EQ(account.balance().minor_units(), -5000);
  EXPECT_EQ(account.open_debits().minor_units(), 0);
  EXPECT_EQ(account.open_credits().minor_units(), 5000);
  open = OpenItems("W3");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].type(), v1::PARTY_DOCUMENT_TYPE_PAYMENT);
  EXPECT_EQ(open[0].open_amount().minor_units(), 5000);

  // Named allocations: only open charges, within what is open.
  ASSERT_TRUE(SellOnCredit("W3-S4", "W3", 40000, "").ok());
  open = OpenItems("W3");
  std::int64_t charge = 0;
  for (const auto& d : open) {
    if (d.source_id() == "W3-S4") charge = d.document_number();
  }
  ASSERT_NE(charge, 0);
  EXPECT_EQ(open.size(), 1u) << "the 5,000 credit went to W3-S4";
  EXPECT_EQ(Pay("W3-P2", "W3", 50000, {{charge, 36000}}).status().reason(),
            "ALLOCATION_EXCEEDS_OPEN");
  EXPECT_EQ(
      Pay("W3-P3", "W3", 10000, {{paid->payment().document_number(), 1000}})
          .status()
          .reason(),
      "DOCUMENT_NOT_OPEN");
  auto named = Pay("W3-P4", "W3", 50000, {{charge, 35000}});
  ASSERT_TRUE(named.ok()) << named.status();
  EXPECT_EQ(named->payment().open_amount().minor_units(), 15000);
  EXPECT_EQ(Account("W3").balance().minor_units(), -15000);
  ExpectCleanLedger();
}

TEST_F(CreditE2eTest, ReversalsReturnsAndVoidsSettleThroughTheLedger) {
  ASSERT_NO_FATAL_FAILURE(MakeCustomer("W4", 1000000));
  // A bounced payment: the charge it paid is open again.
  ASSERT_TRUE(SellOnCredit("W4-S1", "W4", 30000, "").ok());
  ASSERT_TRUE(Pay("W4-P1", "W4", 30000).ok());
  EXPECT_EQ(Account("W4").balance().minor_units(), 0);
  v1::ReversePaymentRequest reverse;
  reverse.set_store_code(kStore);
  reverse.set_payment_id("W4-P1");
  reverse.set_reason("giro bounced");
  EXPECT_EQ(CreditClient(server_->Connect(staff_))
                .ReversePayment(reverse)
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  auto reversed =
      CreditClient(server_->Connect(manager_a_)).ReversePayment(reverse);
  ASSERT_TRUE(reversed.ok()) << reversed.status();
  EXPECT_EQ(reversed->reversal().type(), v1::PARTY_DOCUMENT_TYPE_REVERSAL);
  EXPECT_EQ(reversed->reversal().open_amount().minor_units(), 0);
  auto again =
      CreditClient(server_->Connect(manager_a_)).ReversePayment(reverse);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->replayed());
  v1::Account account = Account("W4");
  EXPECT_EQ(account.balance().minor_units(), 30000);
  EXPECT_EQ(account.open_debits().minor_units(), 30000);
  EXPECT_EQ(account.open_credits().minor_units(), 0);

  // A return refunded to store credit is a credit note against its sale.
  v1::RecordReturnRequest ret;
  auto& r = *ret.mutable_sale_return();
  r.set_return_id("W4-R1");
  r.set_store_code(kStore);
  r.set_terminal_code("T1");
  r.set_cashier("ani");
  r.set_sale_id("W4-S1");
  *r.mutable_return_time() = TimeUtil::GetCurrentTime();
  auto* line = r.add_lines();
  line->set_sale_line_number(1);
  line->set_quantity_milli(10000);
  r.set_refund_tender_type(v1::TENDER_TYPE_STORE_CREDIT);
  auto returned = SalesClient(server_->Connect(head_office_)).RecordReturn(ret);
  ASSERT_TRUE(returned.ok()) << returned.status();
  EXPECT_EQ(Account("W4").balance().minor_units(), 20000);
  auto open = OpenItems("W4");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].source_id(), "W4-S1");
  EXPECT_EQ(open[0].open_amount().minor_units(), 20000);

  // A void reverses the charge; what paid it stays an open credit.
  ASSERT_TRUE(SellOnCredit("W4-S2", "W4", 25000, "").ok());
  ASSERT_TRUE(Pay("W4-P2", "W4", 45000).ok());
  EXPECT_EQ(Account("W4").balance().minor_units(), 0);
  v1::VoidSaleRequest void_request;
  void_request.set_store_code(kStore);
  void_request.set_sale_id("W4-S2");
  void_request.set_reason("rang up twice");
  ASSERT_TRUE(
      SalesClient(server_->Connect(manager_a_)).VoidSale(void_request).ok());
  account = Account("W4");
  EXPECT_EQ(account.balance().minor_units(), -25000);
  EXPECT_EQ(account.open_debits().minor_units(), 0);
  EXPECT_EQ(account.open_credits().minor_units(), 25000);
  ExpectCleanLedger();

  // A cash sale cannot be refunded to an account it never had.
  v1::RecordSaleRequest cash;
  v1::Sale& sale = *cash.mutable_sale();
  sale.set_sale_id("W4-CASH");
  sale.set_store_code(kStore);
  sale.set_terminal_code("T2");
  sale.set_cashier("ani");
  sale.set_receipt_number(1);
  *sale.mutable_sale_time() = TimeUtil::GetCurrentTime();
  auto* l = sale.add_lines();
  l->set_line_number(1);
  l->set_sku("CR-RICE");
  l->set_quantity_milli(1000);
  l->set_unit_price_minor(1000);
  l->set_amount_minor(1000);
  auto* t = sale.add_tenders();
  t->set_type(v1::TENDER_TYPE_CASH);
  t->set_amount_minor(1000);
  ASSERT_TRUE(
      SalesClient(server_->Connect(head_office_)).RecordSale(cash).ok());
  r.set_return_id("W4-R2");
  r.set_sale_id("W4-CASH");
  line->set_quantity_milli(1000);
  EXPECT_EQ(SalesClient(server_->Connect(head_office_))
                .RecordReturn(ret)
                .status()
                .reason(),
            "STORE_CREDIT_REFUND_NEEDS_ACCOUNT");
}

TEST_F(CreditE2eTest, OfflineStoreCreditSalesAreRecordedAndListed) {
  ASSERT_NO_FATAL_FAILURE(MakeCustomer("W5", 10000));
  // Offline: no authorization, and far over the limit: still recorded.
  const v1::RecordSaleRequest offline_sale =
      CreditSale("W5-S1", "W5", 50000, "");
  SalesClient sales(server_->Connect(head_office_));
  auto offline = sales.RecordSale(offline_sale);
  ASSERT_TRUE(offline.ok()) << offline.status();
  ASSERT_EQ(offline->sale().exceptions_size(), 1);
  auto unknown = SellOnCredit("W5-S2", "W5", 1000, "W5-NOPE");
  ASSERT_TRUE(unknown.ok()) << unknown.status();
  // Replayed, the sale keeps its exception.
  auto replay = sales.RecordSale(offline_sale);
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->replayed());
  EXPECT_EQ(replay->sale().exceptions_size(), 1);
  EXPECT_EQ(Account("W5").balance().minor_units(), 51000);

  v1::ListCreditExceptionsRequest list;
  list.set_store_code(kStore);
  list.set_page_size(1000);
  auto exceptions =
      CreditClient(server_->Connect(manager_a_)).ListCreditExceptions(list);
  ASSERT_TRUE(exceptions.ok()) << exceptions.status();
  std::map<std::string, std::string> kinds;
  for (const auto& e : exceptions->exceptions()) kinds[e.sale_id()] = e.kind();
  EXPECT_EQ(kinds["W5-S1"], "NO_AUTHORIZATION");
  EXPECT_EQ(kinds["W5-S2"], "AUTHORIZATION_NOT_FOUND");
  // Staff do not see the manager's list.
  EXPECT_EQ(CreditClient(server_->Connect(staff_))
                .ListCreditExceptions(list)
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  // The customer is now over the limit: the next hold is refused.
  EXPECT_EQ(Authorize(till_, "W5-A1", "W5", 1).status().reason(),
            "CREDIT_LIMIT_EXCEEDED");
  ExpectCleanLedger();
}

TEST_F(CreditE2eTest, AgeingAsOfAPastDayIsWhatItWasThen) {
  ASSERT_NO_FATAL_FAILURE(MakeCustomer("W6", 1000000, 30));
  // Due 70, 15 days ago and in 20 days: 61-90, 1-30 and current today.
  ASSERT_TRUE(SellOnCredit("W6-S1", "W6", 10000, "", 100).ok());
  ASSERT_TRUE(SellOnCredit("W6-S2", "W6", 20000, "", 45).ok());
  ASSERT_TRUE(SellOnCredit("W6-S3", "W6", 40000, "", 10).ok());
  const std::string yesterday = DayAgo(1);
  const v1::GetAgeingResponse before = Ageing(yesterday);
  const v1::AgeingRow* row = RowOf(before, "W6");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->buckets().days_61_90().minor_units(), 10000);
  EXPECT_EQ(row->buckets().days_1_30().minor_units(), 20000);
  EXPECT_EQ(row->buckets().current().minor_units(), 40000);
  EXPECT_EQ(row->buckets().total().minor_units(), 70000);
  // As of 80 days ago only the first sale existed, and it was not yet
  // due.
  const v1::AgeingRow* early = RowOf(Ageing(DayAgo(80)), "W6");
  ASSERT_NE(early, nullptr);
  EXPECT_EQ(early->buckets().current().minor_units(), 10000);
  EXPECT_EQ(early->buckets().total().minor_units(), 10000);

  // Today's payment settles the oldest; yesterday's ageing is unchanged.
  ASSERT_TRUE(Pay("W6-P1", "W6", 15000).ok());
  const v1::GetAgeingResponse after = Ageing(yesterday);
  const v1::AgeingRow* same = RowOf(after, "W6");
  ASSERT_NE(same, nullptr);
  EXPECT_EQ(same->buckets().DebugString(), row->buckets().DebugString());
  const v1::AgeingRow* today = RowOf(Ageing(""), "W6");
  ASSERT_NE(today, nullptr);
  EXPECT_EQ(today->buckets().days_61_90().minor_units(), 0);
  EXPECT_EQ(today->buckets().days_1_30().minor_units(), 15000);
  EXPECT_EQ(today->buckets().total().minor_units(), 55000);

  // Head office sees every store, with the chain's total last; a store
  // manager cannot ask for the chain.
  const v1::GetAgeingResponse chain = Ageing("", "", head_office_);
  ASSERT_GE(chain.totals_size(), 2);
  EXPECT_EQ(chain.totals(chain.totals_size() - 1).store_code(), "");
  v1::GetAgeingRequest chain_request;
  chain_request.set_party_kind(v1::PARTY_KIND_CUSTOMER);
  EXPECT_EQ(CreditClient(server_->Connect(manager_a_))
                .GetAgeing(chain_request)
                .status()
                .reason(),
            "STORE_OUT_OF_SCOPE");

  // The statement of the last 60 days: the opening balance is the first
  // sale, then the other two and the payment.
  v1::GetStatementRequest statement_request;
  statement_request.set_store_code(kStore);
  *statement_request.mutable_party() = Customer("W6");
  statement_request.set_from_day(DayAgo(60));
  statement_request.set_to_day(DayAgo(-1));
  auto statement =
      CreditClient(server_->Connect(staff_)).GetStatement(statement_request);
  ASSERT_TRUE(statement.ok()) << statement.status();
  EXPECT_EQ(statement->opening_balance().minor_units(), 10000);
  ASSERT_EQ(statement->lines_size(), 3);
  EXPECT_EQ(statement->lines(2).running_balance().minor_units(), 55000);
  EXPECT_EQ(statement->closing_balance().minor_units(), 55000);
  EXPECT_EQ(statement->allocations_size(), 2);
  ExpectCleanLedger();
}

TEST_F(CreditE2eTest, ServerKilledMidPaymentsRecordsEachOnce) {
  constexpr int kPayments = 40;
  ASSERT_NO_FATAL_FAILURE(MakeCustomer("W7", 10000000));
  ASSERT_TRUE(SellOnCredit("W7-S1", "W7", 500000, "").ok());
  ConnectionOptions options;
  options.address = server_->address();
  options.token = staff_;
  options.timeout = std::chrono::milliseconds(5000);
  options.retry.max_attempts = 60;
  options.retry.initial_backoff = std::chrono::milliseconds(50);
  options.retry.max_backoff = std::chrono::milliseconds(250);
  CreditClient credit(*MakeConnection(options));
  auto send = [&](int i) {
    v1::RecordPaymentRequest r;
    r.set_store_code(kStore);
    r.set_payment_id("W7-P" + std::to_string(i));
    *r.mutable_party() = Customer("W7");
    *r.mutable_amount() = Idr(10000);
    r.set_method(v1::PAYMENT_METHOD_CASH);
    return credit.RecordPayment(r);
  };
  // Every fourth payment comes with a write-off request of another debt.
  auto ask_write_off = [&](int i) {
    v1::RequestWriteOffRequest r;
    r.set_store_code(kStore);
    r.set_write_off_id("W7-WO" + std::to_string(i));
    r.set_customer_code("W7");
    *r.mutable_amount() = Idr(1000);
    r.set_reason("disputed delivery");
    return credit.RequestWriteOff(r);
  };
  std::atomic<int> done{0};
  std::atomic<int> failed{0};
  std::thread payer([&] {
    for (int i = 1; i <= kPayments; ++i) {
      auto r = send(i);
      if (!r.ok()) {
        ++failed;
        ADD_FAILURE() << "payment " << i << ": " << r.status();
      }
      if (i % 4 == 0) {
        auto w = ask_write_off(i);
        if (!w.ok()) {
          ++failed;
          ADD_FAILURE() << "write-off " << i << ": " << w.status();
        }
      }
      ++done;
    }
  });
  while (done.load() < 10) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  server_->Kill();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server_->Restart();
  payer.join();
  EXPECT_EQ(failed.load(), 0);
  for (int i = 1; i <= kPayments; ++i) {
    auto r = send(i);
    ASSERT_TRUE(r.ok()) << i << ": " << r.status();
    EXPECT_TRUE(r->replayed()) << i;
  }
  for (int i = 4; i <= kPayments; i += 4) {
    auto w = ask_write_off(i);
    ASSERT_TRUE(w.ok()) << i << ": " << w.status();
    EXPECT_TRUE(w->replayed()) << i;
  }
  EXPECT_EQ(
      scratch_->CountRows("party_documents WHERE payment_id LIKE 'W7-P%'"),
      kPayments);
  EXPECT_EQ(scratch_->CountRows(
                "ledger_requests WHERE ledger_request_id LIKE 'W7-WO%'"),
            kPayments / 4);
  v1::Account account = Account("W7");
  EXPECT_EQ(account.balance().minor_units(), 500000 - kPayments * 10000);
  EXPECT_EQ(account.open_debits().minor_units(), 500000 - kPayments * 10000);
  ExpectCleanLedger();
}

TEST_F(CreditE2eTest, SupplierPaymentsAboveTheLimitWaitForASecondPerson) {
  v1::CreateSupplierRequest supplier;
  supplier.mutable_supplier()->set_code("CR-SUP");
  supplier.mutable_supplier()->set_display_name("PT Pasar");
  supplier.mutable_supplier()->set_payment_terms_days(14);
  supplier.mutable_supplier()->set_active(true);
  ASSERT_TRUE(CatalogClient(server_->Connect(head_office_))
                  .CreateSupplier(supplier)
                  .ok());
  v1::CreateSupplierItemRequest item;
  auto* i = item.mutable_supplier_item();
  i->set_supplier_code("CR-SUP");
  i->set_sku("CR-RICE");
  i->set_supplier_sku("S-RICE");
  i->set_pack_size_milli(1000);
  i->set_min_order_quantity_milli(1000);
  *i->mutable_unit_cost() = Idr(800);
  i->set_tax_rate_basis_points(1100);
  i->set_lead_time_days(1);
  i->set_active(true);
  ASSERT_TRUE(PurchasingClient(server_->Connect(head_office_))
                  .CreateSupplierItem(item)
                  .ok());
  // A market delivery without an order, approved by a second manager.
  v1::CreateGoodsReceiptRequest receipt;
  receipt.set_store_code(kStore);
  receipt.set_receipt_id("CR-GR1");
  receipt.set_supplier_code("CR-SUP");
  auto* line = receipt.add_lines();
  line->set_sku("CR-RICE");
  line->set_received_milli(10000);
  ASSERT_TRUE(GoodsReceiptClient(server_->Connect(manager_a_))
                  .CreateGoodsReceipt(receipt)
                  .ok());
  v1::ApproveGoodsReceiptRequest approve;
  approve.set_store_code(kStore);
  approve.set_receipt_id("CR-GR1");
  auto approved = GoodsReceiptClient(server_->Connect(manager_b_))
                      .ApproveGoodsReceipt(approve);
  ASSERT_TRUE(approved.ok()) << approved.status();
  const std::int64_t owed =
      approved->goods_receipt().payable_amount().minor_units();
  EXPECT_EQ(owed, 8000 + 880);

  v1::GetAccountRequest get;
  get.set_store_code(kStore);
  get.mutable_party()->set_kind(v1::PARTY_KIND_SUPPLIER);
  get.mutable_party()->set_code("CR-SUP");
  auto account = CreditClient(server_->Connect(manager_a_)).GetAccount(get);
  ASSERT_TRUE(account.ok()) << account.status();
  EXPECT_EQ(account->account().balance().minor_units(), owed);

  v1::GetAgeingRequest ageing;
  ageing.set_store_code(kStore);
  ageing.set_party_kind(v1::PARTY_KIND_SUPPLIER);
  auto payables = CreditClient(server_->Connect(manager_a_)).GetAgeing(ageing);
  ASSERT_TRUE(payables.ok()) << payables.status();
  ASSERT_EQ(payables->rows_size(), 1);
  EXPECT_EQ(payables->rows(0).buckets().current().minor_units(), owed);

  // What is due this week, by supplier.
  v1::ListPayablesDueRequest due;
  due.set_store_code(kStore);
  due.set_due_by_day(DayAgo(-14));
  auto payables_due =
      CreditClient(server_->Connect(staff_)).ListPayablesDue(due);
  ASSERT_TRUE(payables_due.ok()) << payables_due.status();
  ASSERT_EQ(payables_due->payables_size(), 1);
  EXPECT_EQ(payables_due->payables(0).supplier_code(), "CR-SUP");
  EXPECT_EQ(payables_due->payables(0).amount_due().minor_units(), owed);
  due.set_due_by_day(DayAgo(-13));
  EXPECT_EQ(CreditClient(server_->Connect(staff_))
                .ListPayablesDue(due)
                ->payables_size(),
            0)
      << "not due by then";

  // Head office sets the store's limit; a manager may not.
  v1::UpdateCreditSettingsRequest settings;
  settings.mutable_settings()->set_store_code(kStore);
  *settings.mutable_settings()->mutable_supplier_payment_approval_limit() =
      Idr(5000);
  *settings.mutable_settings()->mutable_write_off_head_office_limit() =
      Idr(10000);
  EXPECT_EQ(CreditClient(server_->Connect(manager_a_))
                .UpdateCreditSettings(settings)
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(CreditClient(server_->Connect(head_office_))
                  .UpdateCreditSettings(settings)
                  .ok());

  // Above the limit a supplier payment waits for a second person.
  v1::RecordPaymentRequest pay;
  pay.set_store_code(kStore);
  pay.set_payment_id("CR-SP1");
  *pay.mutable_party() = get.party();
  *pay.mutable_amount() = Idr(owed);
  pay.set_method(v1::PAYMENT_METHOD_BANK_TRANSFER);
  pay.set_reference("BCA-991");
  auto waiting = CreditClient(server_->Connect(manager_a_)).RecordPayment(pay);
  ASSERT_TRUE(waiting.ok()) << waiting.status();
  EXPECT_FALSE(waiting->has_payment());
  ASSERT_TRUE(waiting->has_approval_request());
  EXPECT_EQ(waiting->approval_request().state(),
            v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL);
  auto replay = CreditClient(server_->Connect(manager_a_)).RecordPayment(pay);
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->replayed());
  account = CreditClient(server_->Connect(manager_a_)).GetAccount(get);
  EXPECT_EQ(account->account().balance().minor_units(), owed)
      << "nothing paid yet";

  v1::ApproveLedgerRequestRequest approve_payment;
  approve_payment.set_store_code(kStore);
  approve_payment.set_ledger_request_id("CR-SP1");
  approve_payment.set_type(v1::LEDGER_REQUEST_TYPE_SUPPLIER_PAYMENT);
  EXPECT_EQ(CreditClient(server_->Connect(manager_a_))
                .ApproveLedgerRequest(approve_payment)
                .status()
                .reason(),
            "SELF_APPROVAL_FORBIDDEN");
  auto posted = CreditClient(server_->Connect(manager_b_))
                    .ApproveLedgerRequest(approve_payment);
  ASSERT_TRUE(posted.ok()) << posted.status();
  EXPECT_EQ(posted->request().state(), v1::LEDGER_REQUEST_STATE_POSTED);
  EXPECT_EQ(posted->document().type(), v1::PARTY_DOCUMENT_TYPE_PAYMENT);
  EXPECT_EQ(posted->allocations_size(), 1);
  auto again = CreditClient(server_->Connect(manager_b_))
                   .ApproveLedgerRequest(approve_payment);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->document().document_number(),
            posted->document().document_number());
  account = CreditClient(server_->Connect(manager_a_)).GetAccount(get);
  EXPECT_EQ(account->account().balance().minor_units(), 0);
  due.set_due_by_day(DayAgo(-14));
  EXPECT_EQ(CreditClient(server_->Connect(staff_))
                .ListPayablesDue(due)
                ->payables_size(),
            0);
  // The payment sent again after its approval is the posted payment.
  auto after = CreditClient(server_->Connect(manager_a_)).RecordPayment(pay);
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->payment().document_number(),
            posted->document().document_number());

  // Within the limit it posts at once (and is an open credit with nothing
  // owed).
  pay.set_payment_id("CR-SP2");
  *pay.mutable_amount() = Idr(3000);
  auto direct = CreditClient(server_->Connect(manager_a_)).RecordPayment(pay);
  ASSERT_TRUE(direct.ok()) << direct.status();
  EXPECT_FALSE(direct->has_approval_request());
  EXPECT_EQ(direct->payment().open_amount().minor_units(), 3000);
  // A till pays no supplier.
  pay.set_payment_id("CR-SP3");
  EXPECT_EQ(
      CreditClient(server_->Connect(till_)).RecordPayment(pay).status().code(),
      StatusCode::kPermissionDenied);
  ExpectCleanLedger();
}

TEST_F(CreditE2eTest, WriteOffsNeedASecondManagerAndHeadOfficeAboveTheLimit) {
  ASSERT_NO_FATAL_FAILURE(MakeCustomer("W8", 1000000));
  ASSERT_TRUE(SellOnCredit("W8-S1", "W8", 30000, "", 120).ok());
  v1::UpdateCreditSettingsRequest settings;
  settings.mutable_settings()->set_store_code(kStore);
  *settings.mutable_settings()->mutable_supplier_payment_approval_limit() =
      Idr(5000);
  *settings.mutable_settings()->mutable_write_off_head_office_limit() =
      Idr(10000);
  ASSERT_TRUE(CreditClient(server_->Connect(head_office_))
                  .UpdateCreditSettings(settings)
                  .ok());
  auto ask = [&](const std::string& token, const std::string& id,
                 std::int64_t amount) {
    v1::RequestWriteOffRequest r;
    r.set_store_code(kStore);
    r.set_write_off_id(id);
    r.set_customer_code("W8");
    *r.mutable_amount() = Idr(amount);
    r.set_reason("warung closed, owner moved away");
    return CreditClient(server_->Connect(token)).RequestWriteOff(r);
  };
  auto decide = [&](const std::string& token, const std::string& id,
                    bool approve) -> Status {
    CreditClient credit(server_->Connect(token));
    if (approve) {
      v1::ApproveLedgerRequestRequest r;
      r.set_store_code(kStore);
      r.set_ledger_request_id(id);
      r.set_type(v1::LEDGER_REQUEST_TYPE_WRITE_OFF);
      return credit.ApproveLedgerRequest(r).status();
    }
    v1::RejectLedgerRequestRequest r;
    r.set_store_code(kStore);
    r.set_ledger_request_id(id);
    r.set_type(v1::LEDGER_REQUEST_TYPE_WRITE_OFF);
    r.set_reason("collect it first");
    return credit.RejectLedgerRequest(r).status();
  };

  // Small: a manager who is not the maker approves it.
  auto small = ask(staff_, "W8-WO1", 5000);
  ASSERT_TRUE(small.ok()) << small.status();
  EXPECT_FALSE(small->request().needs_head_office());
  EXPECT_EQ(Account("W8").balance().minor_units(), 30000) << "waiting";
  EXPECT_EQ(decide(staff_, "W8-WO1", true).code(),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(decide(manager_b_, "W8-WO1", true).ok());
  EXPECT_EQ(Account("W8").balance().minor_units(), 25000);

  // Above the limit: not the maker, not a store manager, head office.
  auto large = ask(manager_a_, "W8-WO2", 20000);
  ASSERT_TRUE(large.ok()) << large.status();
  EXPECT_TRUE(large->request().needs_head_office());
  EXPECT_EQ(decide(manager_a_, "W8-WO2", true).reason(),
            "SELF_APPROVAL_FORBIDDEN");
  EXPECT_EQ(decide(manager_b_, "W8-WO2", true).reason(),
            "APPROVAL_LIMIT_EXCEEDED");
  EXPECT_TRUE(decide(head_office_, "W8-WO2", true).ok());
  EXPECT_EQ(Account("W8").balance().minor_units(), 5000);

  // No more than is owed; a rejected request posts nothing.
  EXPECT_EQ(ask(staff_, "W8-WO3", 6000).status().reason(),
            "WRITE_OFF_EXCEEDS_OPEN");
  ASSERT_TRUE(ask(staff_, "W8-WO4", 5000).ok());
  EXPECT_EQ(decide(staff_, "W8-WO4", false).code(),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(decide(manager_b_, "W8-WO4", false).ok());
  EXPECT_EQ(decide(head_office_, "W8-WO4", true).reason(),
            "REQUEST_NOT_PENDING");
  EXPECT_EQ(Account("W8").balance().minor_units(), 5000);

  v1::ListLedgerRequestsRequest list;
  list.set_store_code(kStore);
  auto requests =
      CreditClient(server_->Connect(manager_a_)).ListLedgerRequests(list);
  ASSERT_TRUE(requests.ok()) << requests.status();
  int write_offs = 0;
  for (const auto& r : requests->requests()) {
    if (r.type() == v1::LEDGER_REQUEST_TYPE_WRITE_OFF) ++write_offs;
  }
  EXPECT_EQ(write_offs, 3);
  ExpectCleanLedger();
}

TEST_F(CreditE2eTest, InvoicesMatchTheirReceiptsOrBlockPaymentUntilAccepted) {
  v1::CreateSupplierRequest supplier;
  supplier.mutable_supplier()->set_code("CR-INV");
  supplier.mutable_supplier()->set_display_name("PT Faktur");
  supplier.mutable_supplier()->set_payment_terms_days(30);
  supplier.mutable_supplier()->set_active(true);
  ASSERT_TRUE(CatalogClient(server_->Connect(head_office_))
                  .CreateSupplier(supplier)
                  .ok());
  v1::CreateSupplierItemRequest item;
  auto* i = item.mutable_supplier_item();
  i->set_supplier_code("CR-INV");
  i->set_sku("CR-RICE");
  i->set_supplier_sku("F-RICE");
  i->set_pack_size_milli(1000);
  i->set_min_order_quantity_milli(1000);
  *i->mutable_unit_cost() = Idr(800);
  i->set_tax_rate_basis_points(1100);
  i->set_lead_time_days(1);
  i->set_active(true);
  ASSERT_TRUE(PurchasingClient(server_->Connect(head_office_))
                  .CreateSupplierItem(item)
                  .ok());
  // Two market deliveries of 10 at 800 + 11% VAT: 8,880 owed for each.
  for (const char* id : {"INV-GR1", "INV-GR2"}) {
    v1::CreateGoodsReceiptRequest receipt;
    receipt.set_store_code(kStore);
    receipt.set_receipt_id(id);
    receipt.set_supplier_code("CR-INV");
    auto* line = receipt.add_lines();
    line->set_sku("CR-RICE");
    line->set_received_milli(10000);
    ASSERT_TRUE(GoodsReceiptClient(server_->Connect(manager_a_))
                    .CreateGoodsReceipt(receipt)
                    .ok());
    v1::ApproveGoodsReceiptRequest approve;
    approve.set_store_code(kStore);
    approve.set_receipt_id(id);
    ASSERT_TRUE(GoodsReceiptClient(server_->Connect(manager_b_))
                    .ApproveGoodsReceipt(approve)
                    .ok());
  }
  v1::UpdateCreditSettingsRequest settings;
  settings.mutable_settings()->set_store_code(kStore);
  *settings.mutable_settings()->mutable_supplier_payment_approval_limit() =
      Idr(1000000);
  *settings.mutable_settings()->mutable_write_off_head_office_limit() = Idr(0);
  *settings.mutable_settings()->mutable_invoice_match_tolerance() = Idr(100);
  ASSERT_TRUE(CreditClient(server_->Connect(head_office_))
                  .UpdateCreditSettings(settings)
                  .ok());
  CreditClient credit(server_->Connect(manager_a_));
  auto match = [&](const std::string& id, const std::string& receipt,
                   std::int64_t amount) {
    v1::MatchSupplierInvoiceRequest r;
    r.set_store_code(kStore);
    r.set_invoice_id(id);
    r.set_supplier_code("CR-INV");
    r.set_supplier_document("FKT-" + id);
    r.add_receipt_ids(receipt);
    *r.mutable_invoice_amount() = Idr(amount);
    return credit.MatchSupplierInvoice(r);
  };
  auto matched = match("INV-1", "INV-GR1", 8900);
  ASSERT_TRUE(matched.ok()) << matched.status();
  EXPECT_EQ(matched->invoice().state(), v1::SUPPLIER_INVOICE_STATE_MATCHED);
  EXPECT_EQ(matched->invoice().expected_amount().minor_units(), 8880);
  EXPECT_EQ(matched->invoice().difference().minor_units(), 20);
  EXPECT_TRUE(match("INV-1", "INV-GR1", 8900)->replayed());
  EXPECT_EQ(match("INV-3", "INV-GR1", 8880).status().reason(),
            "RECEIPT_ALREADY_INVOICED");
  auto blocked = match("INV-2", "INV-GR2", 9500);
  ASSERT_TRUE(blocked.ok()) << blocked.status();
  EXPECT_EQ(blocked->invoice().state(), v1::SUPPLIER_INVOICE_STATE_BLOCKED);

  v1::Party party;
  party.set_kind(v1::PARTY_KIND_SUPPLIER);
  party.set_code("CR-INV");
  v1::ListOpenItemsRequest open_request;
  open_request.set_store_code(kStore);
  *open_request.mutable_party() = party;
  std::int64_t blocked_payable = 0;
  ASSERT_TRUE(credit
                  .ForEachOpenItem(open_request,
                                   [&](const v1::PartyDocument& d) {
                                     if (d.source_id() == "INV-GR2") {
                                       blocked_payable = d.document_number();
                                     }
                                     return true;
                                   })
                  .ok());
  ASSERT_NE(blocked_payable, 0);
  auto pay = [&](const std::string& id, std::int64_t amount,
                 std::int64_t document) {
    v1::RecordPaymentRequest r;
    r.set_store_code(kStore);
    r.set_payment_id(id);
    *r.mutable_party() = party;
    *r.mutable_amount() = Idr(amount);
    r.set_method(v1::PAYMENT_METHOD_BANK_TRANSFER);
    if (document != 0) {
      auto* a = r.add_allocations();
      a->set_document_number(document);
      *a->mutable_amount() = Idr(amount);
    }
    return credit.RecordPayment(r);
  };
  // The blocked payable cannot be paid, by name or oldest-first.
  EXPECT_EQ(pay("INV-P1", 8880, blocked_payable).status().reason(),
            "PAYABLE_BLOCKED");
  auto unnamed = pay("INV-P2", 17760, 0);
  ASSERT_TRUE(unnamed.ok()) << unnamed.status();
  ASSERT_EQ(unnamed->allocations_size(), 1);
  EXPECT_NE(unnamed->allocations(0).debit_document_number(), blocked_payable);
  EXPECT_EQ(unnamed->payment().open_amount().minor_units(), 8880);

  v1::AcceptSupplierInvoiceRequest accept;
  accept.set_store_code(kStore);
  accept.set_invoice_id("INV-2");
  accept.set_reason("price rise agreed by phone");
  EXPECT_EQ(credit.AcceptSupplierInvoice(accept).status().reason(),
            "SELF_APPROVAL_FORBIDDEN");
  auto accepted =
      CreditClient(server_->Connect(manager_b_)).AcceptSupplierInvoice(accept);
  ASSERT_TRUE(accepted.ok()) << accepted.status();
  EXPECT_EQ(accepted->invoice().state(), v1::SUPPLIER_INVOICE_STATE_ACCEPTED);
  EXPECT_NE(accepted->invoice().adjustment_document_number(), 0);
  // Owed: two payables and the accepted 620 more, less the payment.
  v1::GetAccountRequest get;
  get.set_store_code(kStore);
  *get.mutable_party() = party;
  auto account = credit.GetAccount(get);
  ASSERT_TRUE(account.ok()) << account.status();
  EXPECT_EQ(account->account().balance().minor_units(),
            8880 + 8880 + 620 - 17760);
  // Released: now it can be paid.
  EXPECT_TRUE(pay("INV-P3", 100, blocked_payable).ok());
  ExpectCleanLedger();
}

TEST_F(CreditE2eTest, VerifyFindsEachBrokenLedgerInvariant) {
  ASSERT_NO_FATAL_FAILURE(MakeCustomer("W9", 1000000));
  ASSERT_TRUE(SellOnCredit("W9-S1", "W9", 12000, "").ok());
  ASSERT_TRUE(Pay("W9-P1", "W9", 5000).ok());
  ExpectCleanLedger();
  const std::string db = scratch_->config().database;
  auto expect_kind = [&](const std::string& kind) {
    auto kinds = ViolationKinds();
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), kind), kinds.end()) << kind;
  };
  // A balance that drifted from its documents.
  scratch_->Execute("UPDATE " + db + ".party_accounts a JOIN " + db +
                    ".customers c ON c.id = a.party_id SET a.balance_minor = "
                    "a.balance_minor + 1 WHERE c.code = 'W9'");
  expect_kind("PARTY_BALANCE_MISMATCH");
  scratch_->Execute("UPDATE " + db + ".party_accounts a JOIN " + db +
                    ".customers c ON c.id = a.party_id SET a.balance_minor = "
                    "a.balance_minor - 1 WHERE c.code = 'W9'");
  // An open amount that disagrees with its allocations.
  scratch_->Execute("UPDATE " + db +
                    ".party_documents SET allocated_minor = allocated_minor "
                    "+ 1 WHERE source_id = 'W9-S1'");
  expect_kind("ALLOCATION_MISMATCH");
  scratch_->Execute("UPDATE " + db +
                    ".party_documents SET allocated_minor = allocated_minor "
                    "- 1 WHERE source_id = 'W9-S1'");
  // A charge that is not its sale's store credit.
  scratch_->Execute("UPDATE " + db + ".sale_tenders t JOIN " + db +
                    ".sales x ON x.id = t.sale_pk SET t.amount_minor = 11000 "
                    "WHERE x.sale_id = 'W9-S1'");
  expect_kind("CREDIT_CHARGE_MISMATCH");
  scratch_->Execute("UPDATE " + db + ".sale_tenders t JOIN " + db +
                    ".sales x ON x.id = t.sale_pk SET t.amount_minor = 12000 "
                    "WHERE x.sale_id = 'W9-S1'");
  // A store-credit tender that is neither authorized nor listed.
  scratch_->Execute("DELETE e FROM " + db + ".credit_exceptions e JOIN " + db +
                    ".sales x ON x.id = e.sale_pk WHERE x.sale_id = 'W9-S1'");
  expect_kind("CREDIT_AUTHORIZATION_MISMATCH");
  scratch_->Execute("INSERT INTO " + db +
                    ".credit_exceptions (sale_pk, tender_number, store_id, "
                    "customer_id, kind, authorization_id, amount_minor) "
                    "SELECT x.id, 1, x.store_id, t.customer_id, "
                    "'NO_AUTHORIZATION', '', t.amount_minor FROM " +
                    db + ".sales x JOIN " + db +
                    ".sale_tenders t ON t.sale_pk = x.id WHERE x.sale_id = "
                    "'W9-S1'");
  // A request decided by its own maker.
  v1::RequestWriteOffRequest write_off;
  write_off.set_store_code(kStore);
  write_off.set_write_off_id("W9-WO1");
  write_off.set_customer_code("W9");
  *write_off.mutable_amount() = Idr(1000);
  write_off.set_reason("bad debt");
  ASSERT_TRUE(
      CreditClient(server_->Connect(staff_)).RequestWriteOff(write_off).ok());
  v1::ApproveLedgerRequestRequest approve;
  approve.set_store_code(kStore);
  approve.set_ledger_request_id("W9-WO1");
  approve.set_type(v1::LEDGER_REQUEST_TYPE_WRITE_OFF);
  ASSERT_TRUE(CreditClient(server_->Connect(head_office_))
                  .ApproveLedgerRequest(approve)
                  .ok());
  ExpectCleanLedger();
  scratch_->Execute("UPDATE " + db +
                    ".ledger_requests SET decided_by = requested_by WHERE "
                    "ledger_request_id = 'W9-WO1'");
  expect_kind("LEDGER_REQUEST_MISMATCH");
  scratch_->Execute("UPDATE " + db +
                    ".ledger_requests r SET decided_by = 'tok_999999' WHERE "
                    "ledger_request_id = 'W9-WO1'");
  // The ledger is append-only, even to direct SQL.
  EXPECT_THROW(scratch_->Execute("DELETE FROM " + db +
                                 ".party_allocations WHERE id > 0"),
               std::exception);
  ExpectCleanLedger();
}

}  // namespace
}  // namespace backoffice
