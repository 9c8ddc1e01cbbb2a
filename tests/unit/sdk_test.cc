// The SDK without a server: clients over the installed gMock connections,
// the pagers, and the retry decorator over a mock with a fake clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "backoffice/client.h"
#include "backoffice/mocks/mock_access_connection.h"
#include "backoffice/mocks/mock_audit_connection.h"
#include "backoffice/mocks/mock_catalog_connection.h"
#include "backoffice/mocks/mock_credit_connection.h"
#include "backoffice/mocks/mock_inventory_connection.h"
#include "backoffice/mocks/mock_reconciliation_connection.h"
#include "backoffice/mocks/mock_sales_connection.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {
namespace {

using ::backoffice::mocks::MockAccessConnection;
using ::backoffice::mocks::MockAuditConnection;
using ::backoffice::mocks::MockCatalogConnection;
using ::backoffice::mocks::MockCreditConnection;
using ::backoffice::mocks::MockInventoryConnection;
using ::backoffice::mocks::MockReconciliationConnection;
using ::backoffice::mocks::MockSalesConnection;
using ::std::chrono::milliseconds;
using ::testing::_;
using ::testing::AllOf;
using ::testing::Invoke;
using ::testing::Property;
using ::testing::Return;

Status Unavailable() {
  return Status(StatusCode::kUnavailable, "UNAVAILABLE", "connection refused");
}

// Existing callers build clients from a std::shared_ptr<Connection>; new
// ones may give their own per-service connection. Neither is ambiguous.
static_assert(
    std::is_constructible_v<SalesClient, std::shared_ptr<Connection>>);
static_assert(
    std::is_constructible_v<SalesClient, std::shared_ptr<SalesConnection>>);
static_assert(
    std::is_constructible_v<SalesClient, std::shared_ptr<MockSalesConnection>>);
static_assert(
    std::is_constructible_v<CatalogClient, std::shared_ptr<Connection>&>);
static_assert(!std::is_convertible_v<std::shared_ptr<Connection>, SalesClient>,
              "constructors stay explicit");

TEST(SdkClientTest, SalesClientPassesRequestAndResponseThrough) {
  auto mock = std::make_shared<MockSalesConnection>();
  v1::RecordSaleResponse answer;
  answer.set_replayed(true);
  EXPECT_CALL(*mock, RecordSale(Property(&v1::RecordSaleRequest::sale,
                                         Property(&v1::Sale::sale_id, "S-1"))))
      .WillOnce(Return(answer));
  SalesClient client(mock);
  v1::RecordSaleRequest request;
  request.mutable_sale()->set_sale_id("S-1");
  auto response = client.RecordSale(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_TRUE(response->replayed());
}

TEST(SdkClientTest, ErrorsComeBackAsTheyAre) {
  auto mock = std::make_shared<MockCatalogConnection>();
  EXPECT_CALL(*mock, CreateProduct(_))
      .WillOnce(Return(Status(StatusCode::kAlreadyExists, "SKU_ALREADY_EXISTS",
                              "SKU-1 exists")));
  CatalogClient client(mock);
  auto response = client.CreateProduct(v1::CreateProductRequest());
  EXPECT_EQ(response.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(response.status().reason(), "SKU_ALREADY_EXISTS");
}

TEST(SdkClientTest, EveryServiceHasAMockAndAClientOverIt) {
  auto access = std::make_shared<MockAccessConnection>();
  EXPECT_CALL(*access, GetCallerIdentity(_))
      .WillOnce(Return(v1::GetCallerIdentityResponse()));
  EXPECT_TRUE(AccessClient(access).GetCallerIdentity({}).ok());

  auto audit = std::make_shared<MockAuditConnection>();
  EXPECT_CALL(*audit, ListAuditRecords(_))
      .WillOnce(Return(v1::ListAuditRecordsResponse()));
  EXPECT_TRUE(AuditClient(audit).ListAuditRecords({}).ok());

  auto inventory = std::make_shared<MockInventoryConnection>();
  EXPECT_CALL(*inventory, AdjustStock(_))
      .WillOnce(Return(v1::AdjustStockResponse()));
  EXPECT_TRUE(InventoryClient(inventory).AdjustStock({}).ok());

  auto reconciliation = std::make_shared<MockReconciliationConnection>();
  EXPECT_CALL(*reconciliation, VerifyLedger(_))
      .WillOnce(Return(v1::VerifyLedgerResponse()));
  EXPECT_TRUE(ReconciliationClient(reconciliation).VerifyLedger({}).ok());

  auto credit = std::make_shared<MockCreditConnection>();
  EXPECT_CALL(*credit, GetAccount(_))
      .WillOnce(Return(v1::GetAccountResponse()));
  EXPECT_TRUE(CreditClient(credit).GetAccount({}).ok());
}

TEST(SdkClientTest, CreditClientPassesRequestAndResponseThrough) {
  auto mock = std::make_shared<MockCreditConnection>();
  v1::AuthorizeCreditResponse answer;
  answer.mutable_authorization()->set_authorization_id("A-1");
  answer.mutable_authorization()->set_state(
      v1::CREDIT_AUTHORIZATION_STATE_HELD);
  answer.set_replayed(true);
  EXPECT_CALL(*mock, AuthorizeCredit(Property(
                         &v1::AuthorizeCreditRequest::authorization_id, "A-1")))
      .WillOnce(Return(answer));
  EXPECT_CALL(*mock, RecordPayment(_))
      .WillOnce(Return(Status(StatusCode::kAlreadyExists,
                              "IDEMPOTENCY_KEY_REUSED", "different payment")));
  CreditClient client(mock);
  v1::AuthorizeCreditRequest request;
  request.set_store_code("JKT01");
  request.set_authorization_id("A-1");
  request.set_customer_code("C-1");
  request.mutable_amount()->set_minor_units(15000);
  auto response = client.AuthorizeCredit(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_TRUE(response->replayed());
  EXPECT_EQ(response->authorization().state(),
            v1::CREDIT_AUTHORIZATION_STATE_HELD);
  EXPECT_EQ(client.RecordPayment({}).status().reason(),
            "IDEMPOTENCY_KEY_REUSED");
}

TEST(SdkClientTest, CreditClientPassesLedgerRequestsThrough) {
  auto mock = std::make_shared<MockCreditConnection>();
  v1::RecordPaymentResponse waiting;
  v1::LedgerRequest& pending = *waiting.mutable_approval_request();
  pending.set_ledger_request_id("pay-9");
  pending.set_type(v1::LEDGER_REQUEST_TYPE_SUPPLIER_PAYMENT);
  pending.set_state(v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL);
  EXPECT_CALL(*mock, RecordPayment(_)).WillOnce(Return(waiting));
  v1::ApproveLedgerRequestResponse posted;
  posted.mutable_request()->set_ledger_request_id("pay-9");
  posted.mutable_request()->set_state(v1::LEDGER_REQUEST_STATE_POSTED);
  posted.mutable_request()->set_document_number(1042);
  posted.mutable_document()->set_document_number(1042);
  EXPECT_CALL(*mock,
              ApproveLedgerRequest(AllOf(
                  Property(&v1::ApproveLedgerRequestRequest::ledger_request_id,
                           "pay-9"),
                  Property(&v1::ApproveLedgerRequestRequest::type,
                           v1::LEDGER_REQUEST_TYPE_SUPPLIER_PAYMENT))))
      .WillOnce(Return(posted));
  EXPECT_CALL(*mock, RejectLedgerRequest(_))
      .WillOnce(Return(Status(StatusCode::kPermissionDenied,
                              "SELF_APPROVAL_FORBIDDEN", "the maker")));
  v1::GetCreditSettingsResponse settings;
  settings.mutable_settings()->set_store_code("JKT01");
  settings.mutable_settings()
      ->mutable_supplier_payment_approval_limit()
      ->set_minor_units(5000000);
  EXPECT_CALL(*mock, GetCreditSettings(Property(
                         &v1::GetCreditSettingsRequest::store_code, "JKT01")))
      .WillOnce(Return(settings));
  CreditClient client(mock);

  auto recorded = client.RecordPayment({});
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_FALSE(recorded->has_payment());
  EXPECT_EQ(recorded->approval_request().state(),
            v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL);
  v1::ApproveLedgerRequestRequest approve;
  approve.set_store_code("JKT01");
  approve.set_ledger_request_id("pay-9");
  approve.set_type(v1::LEDGER_REQUEST_TYPE_SUPPLIER_PAYMENT);
  auto approved = client.ApproveLedgerRequest(approve);
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->request().state(), v1::LEDGER_REQUEST_STATE_POSTED);
  EXPECT_EQ(approved->document().document_number(), 1042);
  EXPECT_EQ(client.RejectLedgerRequest({}).status().reason(),
            "SELF_APPROVAL_FORBIDDEN");
  v1::GetCreditSettingsRequest get;
  get.set_store_code("JKT01");
  auto read = client.GetCreditSettings(get);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->settings().supplier_payment_approval_limit().minor_units(),
            5000000);
}

TEST(SdkClientTest, CreditClientPassesSupplierInvoicesThrough) {
  auto mock = std::make_shared<MockCreditConnection>();
  v1::MatchSupplierInvoiceResponse blocked;
  v1::SupplierInvoice& invoice = *blocked.mutable_invoice();
  invoice.set_store_code("JKT01");
  invoice.set_invoice_id("inv-1");
  invoice.set_state(v1::SUPPLIER_INVOICE_STATE_BLOCKED);
  invoice.mutable_difference()->set_minor_units(25000);
  EXPECT_CALL(
      *mock,
      MatchSupplierInvoice(AllOf(
          Property(&v1::MatchSupplierInvoiceRequest::invoice_id, "inv-1"),
          Property(&v1::MatchSupplierInvoiceRequest::receipt_ids_size, 2))))
      .WillOnce(Return(blocked));
  v1::AcceptSupplierInvoiceResponse accepted;
  accepted.mutable_invoice()->set_invoice_id("inv-1");
  accepted.mutable_invoice()->set_state(v1::SUPPLIER_INVOICE_STATE_ACCEPTED);
  accepted.mutable_invoice()->set_adjustment_document_number(2001);
  EXPECT_CALL(
      *mock,
      AcceptSupplierInvoice(AllOf(
          Property(&v1::AcceptSupplierInvoiceRequest::invoice_id, "inv-1"),
          Property(&v1::AcceptSupplierInvoiceRequest::reason,
                   "freight agreed"))))
      .WillOnce(Return(accepted));
  EXPECT_CALL(*mock, GetSupplierInvoice(Property(
                         &v1::GetSupplierInvoiceRequest::invoice_id, "inv-2")))
      .WillOnce(Return(Status(StatusCode::kNotFound,
                              "SUPPLIER_INVOICE_NOT_FOUND", "inv-2")));
  CreditClient client(mock);

  v1::MatchSupplierInvoiceRequest match;
  match.set_store_code("JKT01");
  match.set_invoice_id("inv-1");
  match.add_receipt_ids("GR-1");
  match.add_receipt_ids("GR-2");
  auto matched = client.MatchSupplierInvoice(match);
  ASSERT_TRUE(matched.ok()) << matched.status();
  EXPECT_EQ(matched->invoice().state(), v1::SUPPLIER_INVOICE_STATE_BLOCKED);
  EXPECT_EQ(matched->invoice().difference().minor_units(), 25000);
  v1::AcceptSupplierInvoiceRequest accept;
  accept.set_store_code("JKT01");
  accept.set_invoice_id("inv-1");
  accept.set_reason("freight agreed");
  auto released = client.AcceptSupplierInvoice(accept);
  ASSERT_TRUE(released.ok()) << released.status();
  EXPECT_EQ(released->invoice().state(), v1::SUPPLIER_INVOICE_STATE_ACCEPTED);
  EXPECT_EQ(released->invoice().adjustment_document_number(), 2001);
  v1::GetSupplierInvoiceRequest get;
  get.set_invoice_id("inv-2");
  EXPECT_EQ(client.GetSupplierInvoice(get).status().reason(),
            "SUPPLIER_INVOICE_NOT_FOUND");
}

TEST(SdkClientTest, AConnectionOfYourOwnGetsUnimplementedForWhatItLacks) {
  class OnlyGetSale : public SalesConnection {
   public:
    StatusOr<v1::GetSaleResponse> GetSale(const v1::GetSaleRequest&) override {
      return v1::GetSaleResponse();
    }
  };
  SalesClient client(std::make_shared<OnlyGetSale>());
  EXPECT_TRUE(client.GetSale({}).ok());
  EXPECT_EQ(client.VoidSale({}).status().code(), StatusCode::kUnimplemented);
}

TEST(SdkClientTest, UploadBacklogSendsBatchesInOrder) {
  auto mock = std::make_shared<MockSalesConnection>();
  std::vector<int> batch_sizes;
  EXPECT_CALL(*mock, UploadSales(_))
      .Times(3)
      .WillRepeatedly(Invoke([&](const v1::UploadSalesRequest& request) {
        batch_sizes.push_back(request.sales_size());
        v1::UploadSalesResponse response;
        for (const auto& sale : request.sales()) {
          response.add_results()->set_sale_id(sale.sale_id());
        }
        return StatusOr<v1::UploadSalesResponse>(response);
      }));
  std::vector<v1::Sale> backlog(5);
  for (int i = 0; i < 5; ++i) backlog[i].set_sale_id("S" + std::to_string(i));
  auto results = SalesClient(mock).UploadBacklog(backlog, 2);
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ(batch_sizes, (std::vector<int>{2, 2, 1}));
  ASSERT_EQ(results->size(), 5u);
  EXPECT_EQ((*results)[4].sale_id(), "S4");
}

// ---------------------------------------------------------------- pagers

v1::ListStoresResponse StoresPage(std::vector<std::string> codes,
                                  std::string next) {
  v1::ListStoresResponse page;
  for (auto& code : codes) page.add_stores()->set_code(code);
  page.set_next_page_token(next);
  return page;
}

TEST(SdkPagerTest, ForEachFollowsNextPageTokenToTheEnd) {
  auto mock = std::make_shared<MockCatalogConnection>();
  std::vector<std::string> tokens;
  EXPECT_CALL(*mock, ListStores(_))
      .Times(3)
      .WillRepeatedly(Invoke([&](const v1::ListStoresRequest& request) {
        EXPECT_EQ(request.page_size(), 2);  // The request is kept.
        tokens.push_back(request.page_token());
        if (request.page_token().empty()) return StoresPage({"A", "B"}, "t1");
        if (request.page_token() == "t1") return StoresPage({"C", "D"}, "t2");
        return StoresPage({"E"}, "");
      }));
  v1::ListStoresRequest request;
  request.set_page_size(2);
  std::vector<std::string> seen;
  Status status =
      CatalogClient(mock).ForEachStore(request, [&](const v1::Store& store) {
        seen.push_back(store.code());
        return true;
      });
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_EQ(seen, (std::vector<std::string>{"A", "B", "C", "D", "E"}));
  EXPECT_EQ(tokens, (std::vector<std::string>{"", "t1", "t2"}));
}

TEST(SdkPagerTest, VisitorReturningFalseStopsWithoutFetchingMore) {
  auto mock = std::make_shared<MockCatalogConnection>();
  EXPECT_CALL(*mock, ListStores(_))
      .WillOnce(Return(StoresPage({"A", "B"}, "t1")));
  int seen = 0;
  Status status = CatalogClient(mock).ForEachStore(
      {}, [&](const v1::Store&) { return ++seen < 1; });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(seen, 1);
}

TEST(SdkPagerTest, AFailedPageEndsTheWalkWithItsError) {
  auto mock = std::make_shared<MockCatalogConnection>();
  EXPECT_CALL(*mock, ListStores(_))
      .WillOnce(Return(StoresPage({"A"}, "t1")))
      .WillOnce(Return(Unavailable()));
  std::vector<std::string> seen;
  Status status =
      CatalogClient(mock).ForEachStore({}, [&](const v1::Store& store) {
        seen.push_back(store.code());
        return true;
      });
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(seen, (std::vector<std::string>{"A"}));
}

TEST(SdkPagerTest, AServerRepeatingItsTokenCannotLoopForEver) {
  auto mock = std::make_shared<MockCatalogConnection>();
  EXPECT_CALL(*mock, ListStores(_))
      .WillOnce(Return(StoresPage({"A"}, "t1")))
      .WillOnce(Return(StoresPage({"B"}, "t1")));
  Status status = CatalogClient(mock).ForEachStore(
      {}, [](const v1::Store&) { return true; });
  EXPECT_EQ(status.reason(), "PAGE_TOKEN_REPEATED");
}

TEST(SdkPagerTest, EveryListHasAForEach) {
  auto catalog = std::make_shared<MockCatalogConnection>();
  auto access = std::make_shared<MockAccessConnection>();
  auto audit = std::make_shared<MockAuditConnection>();
  auto sales = std::make_shared<MockSalesConnection>();
  auto inventory = std::make_shared<MockInventoryConnection>();
  auto credit = std::make_shared<MockCreditConnection>();
  // Two pages each: one item, then one more.
#define BO_TWO_PAGES(mock, Method, add)                   \
  EXPECT_CALL(*mock, Method(_))                           \
      .WillOnce(Invoke([](const v1::Method##Request& r) { \
        EXPECT_EQ(r.page_token(), "");                    \
        v1::Method##Response page;                        \
        page.add();                                       \
        page.set_next_page_token("next");                 \
        return StatusOr<v1::Method##Response>(page);      \
      }))                                                 \
      .WillOnce(Invoke([](const v1::Method##Request& r) { \
        EXPECT_EQ(r.page_token(), "next");                \
        v1::Method##Response page;                        \
        page.add();                                       \
        return StatusOr<v1::Method##Response>(page);      \
      }))
  BO_TWO_PAGES(catalog, ListStores, add_stores);
  BO_TWO_PAGES(catalog, ListTerminals, add_terminals);
  BO_TWO_PAGES(catalog, ListProducts, add_products);
  BO_TWO_PAGES(catalog, ListProductStoreSettings, add_settings);
  BO_TWO_PAGES(catalog, ListSuppliers, add_suppliers);
  BO_TWO_PAGES(catalog, ListCustomers, add_customers);
  BO_TWO_PAGES(access, ListAccessTokens, add_access_tokens);
  BO_TWO_PAGES(audit, ListAuditRecords, add_audit_records);
  BO_TWO_PAGES(sales, ListSales, add_sales);
  BO_TWO_PAGES(inventory, ListStockLevels, add_stock_levels);
  BO_TWO_PAGES(inventory, ListStockMovements, add_stock_movements);
  BO_TWO_PAGES(credit, ListOpenItems, add_documents);
  BO_TWO_PAGES(credit, GetAgeing, add_rows);
  BO_TWO_PAGES(credit, ListCreditExceptions, add_exceptions);
  BO_TWO_PAGES(credit, ListLedgerRequests, add_requests);
  BO_TWO_PAGES(credit, ListPayablesDue, add_payables);
#undef BO_TWO_PAGES
  int count = 0;
  auto visit = [&](const auto&) { return ++count > 0; };
  CatalogClient c(catalog);
  EXPECT_TRUE(c.ForEachStore({}, visit).ok());
  EXPECT_TRUE(c.ForEachTerminal({}, visit).ok());
  EXPECT_TRUE(c.ForEachProduct({}, visit).ok());
  EXPECT_TRUE(c.ForEachProductStoreSetting({}, visit).ok());
  EXPECT_TRUE(c.ForEachSupplier({}, visit).ok());
  EXPECT_TRUE(c.ForEachCustomer({}, visit).ok());
  EXPECT_TRUE(AccessClient(access).ForEachAccessToken({}, visit).ok());
  EXPECT_TRUE(AuditClient(audit).ForEachAuditRecord({}, visit).ok());
  EXPECT_TRUE(SalesClient(sales).ForEachSale({}, visit).ok());
  InventoryClient i(inventory);
  EXPECT_TRUE(i.ForEachStockLevel({}, visit).ok());
  EXPECT_TRUE(i.ForEachStockMovement({}, visit).ok());
  CreditClient credit_client(credit);
  EXPECT_TRUE(credit_client.ForEachOpenItem({}, visit).ok());
  EXPECT_TRUE(credit_client.ForEachAgeingRow({}, visit).ok());
  EXPECT_TRUE(credit_client.ForEachCreditException({}, visit).ok());
  EXPECT_TRUE(credit_client.ForEachLedgerRequest({}, visit).ok());
  EXPECT_TRUE(credit_client.ForEachPayableDue({}, visit).ok());
  EXPECT_EQ(count, 32);
}

// ----------------------------------------------------------------- retry

// Time that passes only when told: waits cost nothing and are recorded.
class FakeClock : public internal::RetryClock {
 public:
  internal::SteadyTime Now() override { return now_; }
  void SleepFor(milliseconds duration) override {
    sleeps.push_back(duration);
    now_ += duration;
  }
  void Advance(milliseconds duration) { now_ += duration; }

  internal::SteadyTime start() const { return start_; }
  std::vector<milliseconds> sleeps;

 private:
  const internal::SteadyTime start_ =
      internal::SteadyTime() + std::chrono::hours(1);
  internal::SteadyTime now_ = start_;
};

class SdkRetryTest : public ::testing::Test {
 protected:
  SdkRetryTest() {
    options_.timeout = milliseconds(1000);
    options_.retry.max_attempts = 5;
    options_.retry.initial_backoff = milliseconds(100);
    options_.retry.max_backoff = milliseconds(400);
    options_.retry.total_timeout = milliseconds(30000);
  }

  std::shared_ptr<internal::Retrier> Retrier() {
    return std::make_shared<internal::Retrier>(options_, clock_);
  }
  std::shared_ptr<SalesConnection> RetryingSales() {
    return internal::MakeRetryingSalesConnection(sales_, Retrier());
  }

  ConnectionOptions options_;
  std::shared_ptr<FakeClock> clock_ = std::make_shared<FakeClock>();
  std::shared_ptr<MockSalesConnection> sales_ =
      std::make_shared<MockSalesConnection>();
};

TEST_F(SdkRetryTest, TransientErrorsAreRetriedWithTheSameRequest) {
  v1::RecordSaleResponse ok;
  ok.mutable_sale()->set_sale_id("S-1");
  EXPECT_CALL(*sales_,
              RecordSale(Property(&v1::RecordSaleRequest::sale,
                                  Property(&v1::Sale::sale_id, "S-1"))))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(Status(StatusCode::kAborted, "ABORTED", "deadlock")))
      .WillOnce(Return(ok));
  v1::RecordSaleRequest request;
  request.mutable_sale()->set_sale_id("S-1");
  auto response = SalesClient(RetryingSales()).RecordSale(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->sale().sale_id(), "S-1");
  EXPECT_EQ(clock_->sleeps.size(), 2u);
}

TEST_F(SdkRetryTest, StopsAfterMaxAttemptsWithTheLastError) {
  EXPECT_CALL(*sales_, GetSale(_))
      .Times(5)
      .WillRepeatedly(Return(Unavailable()));
  auto response = SalesClient(RetryingSales()).GetSale({});
  EXPECT_EQ(response.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(clock_->sleeps.size(), 4u);
}

TEST_F(SdkRetryTest, PermanentErrorsAreNotRetried) {
  EXPECT_CALL(*sales_, RecordSale(_))
      .WillOnce(Return(Status(StatusCode::kFailedPrecondition,
                              "IDEMPOTENCY_KEY_REUSED", "different sale")));
  auto response = SalesClient(RetryingSales()).RecordSale({});
  EXPECT_EQ(response.status().reason(), "IDEMPOTENCY_KEY_REUSED");
  EXPECT_TRUE(clock_->sleeps.empty());
}

TEST_F(SdkRetryTest, NonIdempotentMethodsAreTriedOnce) {
  auto reconciliation = std::make_shared<MockReconciliationConnection>();
  EXPECT_CALL(*reconciliation, VerifyLedger(_)).WillOnce(Return(Unavailable()));
  auto catalog = std::make_shared<MockCatalogConnection>();
  EXPECT_CALL(*catalog, CreateStore(_)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*catalog, GetStore(_))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(v1::GetStoreResponse()));
  ReconciliationClient books(internal::MakeRetryingReconciliationConnection(
      reconciliation, Retrier()));
  CatalogClient master(
      internal::MakeRetryingCatalogConnection(catalog, Retrier()));
  EXPECT_EQ(books.VerifyLedger({}).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(master.CreateStore({}).status().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(master.GetStore({}).ok());
}

TEST_F(SdkRetryTest, CreditCallsAreRetriedWithTheSameRequest) {
  auto credit = std::make_shared<MockCreditConnection>();
  v1::RecordPaymentResponse ok;
  ok.mutable_payment()->set_source_id("pay-1");
  EXPECT_CALL(*credit, RecordPayment(Property(
                           &v1::RecordPaymentRequest::payment_id, "pay-1")))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(ok));
  EXPECT_CALL(*credit, ReleaseCreditAuthorization(_))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(v1::ReleaseCreditAuthorizationResponse()));
  CreditClient client(
      internal::MakeRetryingCreditConnection(credit, Retrier()));
  v1::RecordPaymentRequest request;
  request.set_payment_id("pay-1");
  auto response = client.RecordPayment(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->payment().source_id(), "pay-1");
  EXPECT_TRUE(client.ReleaseCreditAuthorization({}).ok());
  EXPECT_EQ(clock_->sleeps.size(), 2u);
}

TEST_F(SdkRetryTest, WriteOffsAndTheirDecisionsAreRetriedWithTheSameRequest) {
  auto credit = std::make_shared<MockCreditConnection>();
  v1::RequestWriteOffResponse waiting;
  waiting.mutable_request()->set_ledger_request_id("wo-1");
  EXPECT_CALL(*credit, RequestWriteOff(Property(
                           &v1::RequestWriteOffRequest::write_off_id, "wo-1")))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(waiting));
  EXPECT_CALL(*credit, ApproveLedgerRequest(_))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(v1::ApproveLedgerRequestResponse()));
  EXPECT_CALL(*credit, RejectLedgerRequest(_))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(v1::RejectLedgerRequestResponse()));
  EXPECT_CALL(*credit, UpdateCreditSettings(_))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(v1::UpdateCreditSettingsResponse()));
  CreditClient client(
      internal::MakeRetryingCreditConnection(credit, Retrier()));
  v1::RequestWriteOffRequest request;
  request.set_write_off_id("wo-1");
  auto response = client.RequestWriteOff(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->request().ledger_request_id(), "wo-1");
  EXPECT_TRUE(client.ApproveLedgerRequest({}).ok());
  EXPECT_TRUE(client.RejectLedgerRequest({}).ok());
  EXPECT_TRUE(client.UpdateCreditSettings({}).ok());
  EXPECT_EQ(clock_->sleeps.size(), 4u);
}

TEST_F(SdkRetryTest, SupplierInvoicesAreRetriedWithTheSameRequest) {
  auto credit = std::make_shared<MockCreditConnection>();
  v1::MatchSupplierInvoiceResponse matched;
  matched.mutable_invoice()->set_invoice_id("inv-1");
  EXPECT_CALL(*credit,
              MatchSupplierInvoice(Property(
                  &v1::MatchSupplierInvoiceRequest::invoice_id, "inv-1")))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(matched));
  EXPECT_CALL(*credit, AcceptSupplierInvoice(_))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(v1::AcceptSupplierInvoiceResponse()));
  EXPECT_CALL(*credit, GetSupplierInvoice(_))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(v1::GetSupplierInvoiceResponse()));
  CreditClient client(
      internal::MakeRetryingCreditConnection(credit, Retrier()));
  v1::MatchSupplierInvoiceRequest request;
  request.set_invoice_id("inv-1");
  auto response = client.MatchSupplierInvoice(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->invoice().invoice_id(), "inv-1");
  EXPECT_TRUE(client.AcceptSupplierInvoice({}).ok());
  EXPECT_TRUE(client.GetSupplierInvoice({}).ok());
  EXPECT_EQ(clock_->sleeps.size(), 3u);
}

TEST_F(SdkRetryTest, DefaultIdempotencyFollowsTheApi) {
  const auto idempotent = std::optional<Idempotency>(Idempotency::kIdempotent);
  const auto once = std::optional<Idempotency>(Idempotency::kNonIdempotent);
  EXPECT_EQ(DefaultIdempotency("backoffice.v1.SalesService.RecordSale"),
            idempotent);
  EXPECT_EQ(DefaultIdempotency("backoffice.v1.SalesService.UploadSales"),
            idempotent);
  EXPECT_EQ(DefaultIdempotency("backoffice.v1.InventoryService.AdjustStock"),
            idempotent);
  EXPECT_EQ(DefaultIdempotency("backoffice.v1.CatalogService.ListProducts"),
            idempotent);
  EXPECT_EQ(DefaultIdempotency("backoffice.v1.CatalogService.CreateProduct"),
            once);
  EXPECT_EQ(DefaultIdempotency("backoffice.v1.CatalogService.UpdateStore"),
            once);
  EXPECT_EQ(DefaultIdempotency("backoffice.v1.AccessService.CreateAccessToken"),
            once);
  EXPECT_EQ(
      DefaultIdempotency("backoffice.v1.ReconciliationService.VerifyLedger"),
      once);
  for (const char* method : {"AuthorizeCredit",
                             "OverrideCreditAuthorization",
                             "GetCreditAuthorization",
                             "ReleaseCreditAuthorization",
                             "RecordPayment",
                             "ReversePayment",
                             "GetAccount",
                             "ListOpenItems",
                             "GetStatement",
                             "GetAgeing",
                             "ListCreditExceptions",
                             "RequestWriteOff",
                             "ApproveLedgerRequest",
                             "RejectLedgerRequest",
                             "ListLedgerRequests",
                             "ListPayablesDue",
                             "MatchSupplierInvoice",
                             "AcceptSupplierInvoice",
                             "GetSupplierInvoice",
                             "GetCreditSettings",
                             "UpdateCreditSettings"}) {
    EXPECT_EQ(DefaultIdempotency(std::string("backoffice.v1.CreditService.") +
                                 method),
              idempotent)
        << method;
  }
  EXPECT_EQ(DefaultIdempotency("SalesService.RecordSale"), std::nullopt);
}

TEST_F(SdkRetryTest, MethodOptionsOverrideThePolicyAndTheIdempotency) {
  options_.methods["backoffice.v1.SalesService.RecordSale"].retry =
      RetryPolicy{2, milliseconds(10), milliseconds(10), milliseconds(0)};
  options_.methods["backoffice.v1.SalesService.GetSale"].idempotency =
      Idempotency::kNonIdempotent;
  EXPECT_CALL(*sales_, RecordSale(_))
      .Times(2)
      .WillRepeatedly(Return(Unavailable()));
  EXPECT_CALL(*sales_, GetSale(_)).WillOnce(Return(Unavailable()));
  SalesClient client(RetryingSales());
  EXPECT_FALSE(client.RecordSale({}).ok());
  EXPECT_FALSE(client.GetSale({}).ok());
  ASSERT_EQ(clock_->sleeps.size(), 1u);
  EXPECT_LE(clock_->sleeps[0], milliseconds(10));
}

TEST_F(SdkRetryTest, UnknownMethodNamesAreRefusedUpFront) {
  options_.methods["SalesService.RecordSale"].idempotency =
      Idempotency::kNonIdempotent;
  auto connection = MakeConnection(options_);
  EXPECT_EQ(connection.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(connection.status().reason(), "UNKNOWN_METHOD");
}

TEST_F(SdkRetryTest, TheOverallDeadlineStopsRetries) {
  options_.retry.max_attempts = 1000;
  options_.retry.initial_backoff = milliseconds(300);
  options_.retry.max_backoff = milliseconds(300);
  options_.retry.total_timeout = milliseconds(2000);
  const auto deadline = clock_->start() + milliseconds(2000);
  int attempts = 0;
  EXPECT_CALL(*sales_, RecordSale(_))
      .WillRepeatedly(Invoke([&](const v1::RecordSaleRequest&) {
        ++attempts;
        // No attempt starts at the deadline; each knows it, and takes 250ms.
        EXPECT_LT(clock_->Now(), deadline);
        EXPECT_EQ(internal::DeadlineScope::Current(), deadline);
        clock_->Advance(milliseconds(250));
        return StatusOr<v1::RecordSaleResponse>(Unavailable());
      }));
  auto response = SalesClient(RetryingSales()).RecordSale({});
  EXPECT_EQ(response.status().code(), StatusCode::kUnavailable);
  // At least 2000 / (250 + 300) attempts, at most 2000 / 250.
  EXPECT_GE(attempts, 3);
  EXPECT_LE(attempts, 8);
  EXPECT_EQ(internal::DeadlineScope::Current(), std::nullopt);
}

TEST_F(SdkRetryTest, TheOverallDeadlineNeverCutsOneAttemptBelowTheTimeout) {
  options_.timeout = milliseconds(60000);  // A long VerifyLedger, say.
  options_.retry.total_timeout = milliseconds(1000);
  EXPECT_CALL(*sales_, GetSale(_)).WillOnce(Invoke([&](const auto&) {
    EXPECT_EQ(internal::DeadlineScope::Current(),
              clock_->start() + milliseconds(60000));
    return StatusOr<v1::GetSaleResponse>(v1::GetSaleResponse());
  }));
  EXPECT_TRUE(SalesClient(RetryingSales()).GetSale({}).ok());
}

TEST_F(SdkRetryTest, ZeroTotalTimeoutLeavesOnlyMaxAttempts) {
  options_.retry.total_timeout = milliseconds(0);
  EXPECT_CALL(*sales_, GetSale(_))
      .Times(5)
      .WillRepeatedly(Invoke([&](const auto&) {
        EXPECT_EQ(internal::DeadlineScope::Current(), std::nullopt);
        clock_->Advance(milliseconds(100000));
        return StatusOr<v1::GetSaleResponse>(Unavailable());
      }));
  EXPECT_FALSE(SalesClient(RetryingSales()).GetSale({}).ok());
}

TEST(SdkBackoffTest, FullJitterIsUniformUpToTheDoublingCap) {
  RetryPolicy policy;
  policy.initial_backoff = milliseconds(100);
  policy.max_backoff = milliseconds(1000);
  std::mt19937_64 random(42);
  const milliseconds caps[] = {milliseconds(100),  milliseconds(200),
                               milliseconds(400),  milliseconds(800),
                               milliseconds(1000), milliseconds(1000)};
  for (int n = 1; n <= 6; ++n) {
    milliseconds low = caps[n - 1];
    milliseconds high = milliseconds(0);
    for (int i = 0; i < 2000; ++i) {
      auto wait = internal::FullJitterBackoff(policy, n, random);
      ASSERT_GE(wait, milliseconds(0));
      ASSERT_LE(wait, caps[n - 1]) << "retry " << n;
      low = std::min(low, wait);
      high = std::max(high, wait);
    }
    // Full jitter reaches down to zero and up to the cap, not only the
    // upper half of the range.
    EXPECT_LT(low, caps[n - 1] / 10) << "retry " << n;
    EXPECT_GT(high, caps[n - 1] * 9 / 10) << "retry " << n;
  }
  EXPECT_LE(internal::FullJitterBackoff(policy, 1000, random),
            policy.max_backoff);
}

}  // namespace
}  // namespace backoffice
