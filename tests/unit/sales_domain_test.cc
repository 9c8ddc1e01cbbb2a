// The sales service above storage, with a mock repository: what reaches
// storage, in which groups, and what a database failure means per sale.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sales/domain/sales.h"
#include "sales/domain/sales_rules.h"

namespace backoffice::domain {
namespace {

using ::testing::_;
using ::testing::StrictMock;

class MockSalesRepository : public SalesRepository {
 public:
  MOCK_METHOD(StatusOr<SalesSummary>, SummarizeSales,
              (const std::string&, const std::string&, const std::string&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<SaleOutcome>>, RecordSales,
              (const std::vector<Sale>&, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<ReturnOutcome>, RecordReturn,
              (const SaleReturn&, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<VoidOutcome>, VoidSale,
              (const std::string&, const std::string&, const std::string&,
               const RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<Sale>, GetSale, (const std::string&, const std::string&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<Sale>>, ListSales,
              (const SaleFilter&, const PageRequest&), (override));
  MOCK_METHOD(StatusOr<ReceiptCheck>, CheckReceipts,
              (const std::string&, const std::string&, const std::string&),
              (override));
};

constexpr TimeMicros kNow = 1'795'905'000'000'000;

Sale MakeSale(int n) {
  Sale sale;
  sale.sale_id = "s-" + std::to_string(n);
  sale.store_code = "A";
  sale.terminal_code = "T1";
  sale.cashier = "ani";
  sale.receipt_number = n;
  sale.sale_time = kNow - 1'000'000;
  sale.lines = {SaleLine{1, "P1", "", 1000, 5000, 5000, 0, 1100, 495}};
  sale.tenders = {Tender{TenderType::kCard, 5000, 0, "", "", ""}};
  return sale;
}

RequestContext Till() {
  RequestContext ctx;
  ctx.principal = Principal{3, "till", Role::kPosTerminal, "A", "T1"};
  return ctx;
}

std::vector<SaleOutcome> Recorded(const std::vector<Sale>& sales) {
  std::vector<SaleOutcome> out;
  for (const auto& s : sales) out.push_back(SaleOutcome{Status(), false, s});
  return out;
}

TEST(Sales, InvalidOrForeignSalesNeverReachStorage) {
  StrictMock<MockSalesRepository> repository;
  Sales sales(repository, [] { return kNow; });
  Sale bad = MakeSale(1);
  bad.tenders[0].amount_minor = 4999;
  EXPECT_EQ(sales.RecordSale(Till(), bad).status().reason(), "TOTALS_MISMATCH");
  Sale other_till = MakeSale(2);
  other_till.terminal_code = "T2";
  EXPECT_EQ(sales.RecordSale(Till(), other_till).status().reason(),
            "TERMINAL_MISMATCH");
}

TEST(Sales, UploadCommitsValidSalesInGroupsAndKeepsTheOrder) {
  StrictMock<MockSalesRepository> repository;
  Sales sales(repository, [] { return kNow; });
  std::vector<Sale> upload;
  for (int i = 1; i <= 2 * kUploadGroupSize + 10; ++i)
    upload.push_back(MakeSale(i));
  upload[7].lines.clear();  // Refused before storage.
  std::vector<std::size_t> group_sizes;
  EXPECT_CALL(repository, RecordSales(_, _))
      .Times(3)
      .WillRepeatedly(
          [&](const std::vector<Sale>& group, const RequestContext&) {
            group_sizes.push_back(group.size());
            return StatusOr<std::vector<SaleOutcome>>(Recorded(group));
          });
  auto outcomes = sales.UploadSales(Till(), upload);
  ASSERT_TRUE(outcomes.ok());
  ASSERT_EQ(outcomes->size(), upload.size());
  EXPECT_EQ(group_sizes,
            (std::vector<std::size_t>{kUploadGroupSize, kUploadGroupSize, 9}));
  EXPECT_EQ((*outcomes)[7].status.reason(), "NO_LINES");
  for (std::size_t i = 0; i < upload.size(); ++i) {
    EXPECT_EQ((*outcomes)[i].sale.sale_id, upload[i].sale_id);
    if (i != 7) {
      EXPECT_TRUE((*outcomes)[i].status.ok());
    }
  }
}

TEST(Sales, ADatabaseFailureFailsTheWholeUploadForResending) {
  StrictMock<MockSalesRepository> repository;
  Sales sales(repository, [] { return kNow; });
  std::vector<Sale> upload;
  for (int i = 1; i <= 3 * kUploadGroupSize; ++i) upload.push_back(MakeSale(i));
  int calls = 0;
  EXPECT_CALL(repository, RecordSales(_, _))
      .Times(2)  // The third group is not even tried.
      .WillRepeatedly(
          [&](const std::vector<Sale>& group,
              const RequestContext&) -> StatusOr<std::vector<SaleOutcome>> {
            if (++calls == 2) {
              return Status(StatusCode::kUnavailable, "DATABASE_UNAVAILABLE",
                            "down");
            }
            return Recorded(group);
          });
  auto outcomes = sales.UploadSales(Till(), upload);
  EXPECT_EQ(outcomes.status().code(), StatusCode::kUnavailable);
}

TEST(Sales, AnUploadStopsAtItsDeadline) {
  StrictMock<MockSalesRepository> repository;
  TimeMicros now = kNow;
  Sales sales(repository, [&] { return now; });
  std::vector<Sale> upload;
  for (int i = 1; i <= 2 * kUploadGroupSize; ++i) upload.push_back(MakeSale(i));
  RequestContext ctx = Till();
  ctx.deadline = kNow + 1000;
  EXPECT_CALL(repository, RecordSales(_, _))
      .WillOnce([&](const std::vector<Sale>& group, const RequestContext&) {
        now += 2000;  // The first group outlasts the deadline.
        return StatusOr<std::vector<SaleOutcome>>(Recorded(group));
      });
  EXPECT_EQ(sales.UploadSales(ctx, upload).status().code(),
            StatusCode::kDeadlineExceeded);
}

TEST(Sales, AnUploadStopsWhenItsCallerIsGone) {
  StrictMock<MockSalesRepository> repository;
  Sales sales(repository, [] { return kNow; });
  std::vector<Sale> upload;
  for (int i = 1; i <= 3 * kUploadGroupSize; ++i) upload.push_back(MakeSale(i));
  RequestContext ctx = Till();
  bool gone = false;
  ctx.cancelled = [&] { return gone; };
  EXPECT_CALL(repository, RecordSales(_, _))
      .WillOnce([&](const std::vector<Sale>& group, const RequestContext&) {
        gone = true;  // The client cancels while the first group commits.
        return StatusOr<std::vector<SaleOutcome>>(Recorded(group));
      });
  auto outcome = sales.UploadSales(ctx, upload);
  EXPECT_EQ(outcome.status().code(), StatusCode::kCancelled);
  EXPECT_EQ(outcome.status().reason(), "CANCELLED");
}

TEST(Sales, UploadSizeIsBounded) {
  StrictMock<MockSalesRepository> repository;
  Sales sales(repository, [] { return kNow; });
  EXPECT_EQ(sales.UploadSales(Till(), {}).status().reason(), "NO_SALES");
  std::vector<Sale> too_many(kMaxUploadSales + 1, MakeSale(1));
  EXPECT_EQ(sales.UploadSales(Till(), too_many).status().reason(),
            "TOO_MANY_SALES");
}

}  // namespace
}  // namespace backoffice::domain
