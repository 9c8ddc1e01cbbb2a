#include "sales/domain/sales_rules.h"

#include <gtest/gtest.h>

namespace backoffice::domain {
namespace {

constexpr TimeMicros kNow = 1'790'000'000'000'000;  // 2026-09-21

Sale GoodSale() {
  Sale sale;
  sale.sale_id = "s-1";
  sale.store_code = "JKT01";
  sale.terminal_code = "T1";
  sale.cashier = "ani";
  sale.receipt_number = 7;
  sale.sale_time = kNow - 1'000'000;
  SaleLine rice{1, "BERAS", "", 1250, 14000, 17500, 500, 1100, 1700};
  SaleLine noodles{2, "", "8990001000005", 3000, 3500, 10500, 0, 1100, 1040};
  sale.lines = {rice, noodles};
  Tender cash{TenderType::kCash, 30000, 2500, "", "", ""};
  sale.tenders = {cash};
  return sale;
}

TEST(LineAmount, RoundsHalfUpToTheMinorUnit) {
  EXPECT_EQ(LineAmount(1250, 14000), 17500);
  EXPECT_EQ(LineAmount(1, 3500), 4);  // 3.5 -> 4
  EXPECT_EQ(LineAmount(1, 3499), 3);  // 3.499 -> 3
  EXPECT_EQ(LineAmount(333, 29000), 9657);
  EXPECT_EQ(LineAmount(1'000'000, 10'000'000'000'000), 10'000'000'000'000'000);
  EXPECT_EQ(LineAmount(1'000'000'000, 10'000'000'000'000),
            -1);  // Beyond int64.
}

TEST(ValidateSale, AcceptsAGoodSaleAndTotalsIt) {
  Sale sale = GoodSale();
  ASSERT_TRUE(ValidateSale(sale, kNow).ok()) << ValidateSale(sale, kNow);
  EXPECT_EQ(sale.total_minor, 27500);
}

struct BadSaleCase {
  const char* name;
  void (*mutate)(Sale&);
  const char* reason;
};

// A giveaway: every line free or fully discounted, nothing to pay.
Sale FreeSale() {
  Sale sale = GoodSale();
  sale.lines[0].unit_price_minor = 0;
  sale.lines[0].amount_minor = 0;
  sale.lines[0].discount_minor = 0;
  sale.lines[0].tax_minor = 0;
  sale.lines[1].discount_minor = sale.lines[1].amount_minor;
  sale.lines[1].tax_minor = 0;
  sale.tenders.clear();
  return sale;
}

TEST(ValidateSale, RecordsAZeroTotalSaleWithoutTenders) {
  Sale sale = FreeSale();
  Status status = ValidateSale(sale, kNow);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(sale.total_minor, 0);
}

TEST(ValidateSale, RecordsAZeroTotalSaleWithZeroTenders) {
  Sale sale = FreeSale();
  sale.tenders = {Tender{TenderType::kCash, 0, 0, "", "", ""}};
  Status status = ValidateSale(sale, kNow);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(sale.total_minor, 0);
}

TEST(ValidateSale, AZeroTotalSaleKeepsEveryOtherCheck) {
  const BadSaleCase cases[] = {
      {"paid for a free sale",
       [](Sale& s) {
         s.tenders = {Tender{TenderType::kCash, 500, 0, "", "", ""}};
       },
       "TOTALS_MISMATCH"},
      {"change on a zero card tender",
       [](Sale& s) {
         s.tenders = {Tender{TenderType::kCard, 0, 0, "", "", ""}};
         s.tenders[0].change_minor = 1;
       },
       "INVALID_TENDERS_CHANGE_MINOR"},
      {"amount not qty x price", [](Sale& s) { s.lines[0].amount_minor = 1; },
       "LINE_AMOUNT_MISMATCH"},
      {"discount above a zero amount",
       [](Sale& s) { s.lines[0].discount_minor = 1; },
       "INVALID_LINES_DISCOUNT_MINOR"},
      {"tax on nothing", [](Sale& s) { s.lines[0].tax_minor = 1; },
       "INVALID_LINES_TAX_MINOR"},
      {"negative tender",
       [](Sale& s) {
         s.tenders = {Tender{TenderType::kCash, -1, 0, "", "", ""}};
       },
       "INVALID_TENDERS_AMOUNT_MINOR"},
      {"zero tender without a type",
       [](Sale& s) {
         s.tenders = {Tender{TenderType::kUnspecified, 0, 0, "", "", ""}};
       },
       "INVALID_TENDERS_TYPE"},
      {"zero quantity", [](Sale& s) { s.lines[0].quantity_milli = 0; },
       "INVALID_LINES_QUANTITY_MILLI"},
  };
  for (const auto& c : cases) {
    Sale sale = FreeSale();
    c.mutate(sale);
    Status status = ValidateSale(sale, kNow);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument)
        << c.name << ": " << status;
    EXPECT_EQ(status.reason(), c.reason) << c.name << ": " << status;
  }
}

TEST(ValidateSale, AZeroTenderIsRefusedInASaleWithSomethingToPay) {
  Sale sale = GoodSale();
  sale.tenders.push_back(Tender{TenderType::kCard, 0, 0, "", "", ""});
  EXPECT_EQ(ValidateSale(sale, kNow).reason(), "INVALID_TENDERS_AMOUNT_MINOR");
}

TEST(ValidateSale, RefusesBadInputWithAStableReason) {
  const BadSaleCase cases[] = {
      {"no lines", [](Sale& s) { s.lines.clear(); }, "NO_LINES"},
      {"no tenders", [](Sale& s) { s.tenders.clear(); }, "NO_TENDERS"},
      {"zero quantity", [](Sale& s) { s.lines[0].quantity_milli = 0; },
       "INVALID_LINES_QUANTITY_MILLI"},
      {"negative quantity", [](Sale& s) { s.lines[0].quantity_milli = -5; },
       "INVALID_LINES_QUANTITY_MILLI"},
      {"amount not qty x price", [](Sale& s) { s.lines[0].amount_minor += 1; },
       "LINE_AMOUNT_MISMATCH"},
      {"totals do not add up",
       [](Sale& s) { s.tenders[0].change_minor = 2000; }, "TOTALS_MISMATCH"},
      {"discount above amount",
       [](Sale& s) { s.lines[0].discount_minor = 17501; },
       "INVALID_LINES_DISCOUNT_MINOR"},
      {"future sale", [](Sale& s) { s.sale_time = kNow + 3600LL * 1'000'000; },
       "SALE_TIME_IN_FUTURE"},
      {"no sale time", [](Sale& s) { s.sale_time = 0; }, "INVALID_SALE_TIME"},
      {"no receipt", [](Sale& s) { s.receipt_number = 0; },
       "INVALID_RECEIPT_NUMBER"},
      {"bad sale id", [](Sale& s) { s.sale_id = "has space"; },
       "INVALID_SALE_ID"},
      {"long sale id", [](Sale& s) { s.sale_id = std::string(65, 'x'); },
       "INVALID_SALE_ID"},
      {"long cashier", [](Sale& s) { s.cashier = std::string(65, 'c'); },
       "INVALID_CASHIER"},
      {"sku and barcode", [](Sale& s) { s.lines[0].barcode = "1"; },
       "SKU_OR_BARCODE_REQUIRED"},
      {"duplicate line numbers", [](Sale& s) { s.lines[1].line_number = 1; },
       "INVALID_LINES_LINE_NUMBER"},
      {"change on card", [](Sale& s) { s.tenders[0].type = TenderType::kCard; },
       "INVALID_TENDERS_CHANGE_MINOR"},
      {"credit without customer",
       [](Sale& s) {
         s.tenders[0] = Tender{TenderType::kStoreCredit, 27500, 0, "", "", ""};
       },
       "INVALID_TENDERS_CUSTOMER_CODE"},
      {"thousands of lines",
       [](Sale& s) {
         s.lines.assign(2000, s.lines[0]);
         for (int i = 0; i < 2000; ++i) s.lines[i].line_number = i + 1;
       },
       "TOO_MANY_LINES"},
  };
  for (const auto& c : cases) {
    Sale sale = GoodSale();
    c.mutate(sale);
    Status status = ValidateSale(sale, kNow);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument)
        << c.name << ": " << status;
    EXPECT_EQ(status.reason(), c.reason) << c.name << ": " << status;
  }
}

TEST(SaleFingerprint, ChangesWithAnyContentButNotWithServerFields) {
  Sale a = GoodSale();
  Sale b = GoodSale();
  b.record_time = 123;
  b.business_day = "2026-01-01";
  b.total_minor = 99;
  EXPECT_EQ(SaleFingerprint(a), SaleFingerprint(b));
  b.lines[1].quantity_milli += 1;
  EXPECT_NE(SaleFingerprint(a), SaleFingerprint(b));
  Sale c = GoodSale();
  c.cashier = "budi";
  EXPECT_NE(SaleFingerprint(a), SaleFingerprint(c));
}

TEST(CheckMayPostFor, TillsPostOnlyForThemselves) {
  Principal till{1, "till", Role::kPosTerminal, "JKT01", "T1"};
  EXPECT_TRUE(CheckMayPostFor(till, "JKT01", "T1").ok());
  EXPECT_EQ(CheckMayPostFor(till, "JKT01", "T2").reason(), "TERMINAL_MISMATCH");
  EXPECT_EQ(CheckMayPostFor(till, "MKS01", "T1").reason(), "TERMINAL_MISMATCH");
  Principal manager{2, "m", Role::kStoreManager, "JKT01", ""};
  EXPECT_TRUE(CheckMayPostFor(manager, "JKT01", "T2").ok());
  EXPECT_EQ(CheckMayPostFor(manager, "MKS01", "T1").reason(),
            "STORE_OUT_OF_SCOPE");
}

TEST(BusinessDay, FollowsTheStoresTimeZone) {
  // 2026-11-28 22:30 UTC.
  const TimeMicros instant = 1'795'905'000'000'000;
  EXPECT_EQ(*BusinessDay(instant, "UTC"), "2026-11-28");
  EXPECT_EQ(*BusinessDay(instant, "Asia/Jakarta"), "2026-11-29");
  EXPECT_EQ(*BusinessDay(instant, "Asia/Jayapura"), "2026-11-29");
  EXPECT_FALSE(ValidateBusinessDay("day", "2026-13-01").ok());
  EXPECT_TRUE(ValidateBusinessDay("day", "2026-11-29").ok());
}

TEST(BusinessDay, AZoneThatDoesNotLoadIsNeverAnInternalError) {
  const TimeMicros instant = 1'795'905'000'000'000;
  for (const char* zone : {"leapseconds", "zone.tab", "Asia/Atlantis", ""}) {
    auto day = BusinessDay(instant, zone);
    EXPECT_EQ(day.status().code(), StatusCode::kFailedPrecondition) << zone;
    EXPECT_EQ(day.status().reason(), "STORE_TIME_ZONE_INVALID") << zone;
  }
}

TEST(RefundFor, NeverRefundsMoreThanTheNetAmount) {
  // 3 units for a net of 10000: two returns of one, then the last one.
  EXPECT_EQ(RefundFor(10000, 3000, 0, 0, 1000), 3333);
  EXPECT_EQ(RefundFor(10000, 3000, 1000, 3333, 1000), 3333);
  EXPECT_EQ(RefundFor(10000, 3000, 2000, 6666, 1000), 3334);
  EXPECT_EQ(RefundFor(10000, 3000, 0, 0, 3000), 10000);
}

TEST(MissingReceipts, ListsTheGapsUpToALimit) {
  EXPECT_EQ(MissingReceipts({1, 2, 5, 6, 9}, 10),
            (std::vector<std::int64_t>{3, 4, 7, 8}));
  EXPECT_EQ(MissingReceipts({1, 100}, 3), (std::vector<std::int64_t>{2, 3, 4}));
  EXPECT_TRUE(MissingReceipts({}, 10).empty());
}

}  // namespace
}  // namespace backoffice::domain

namespace backoffice::domain {
namespace {

// The rules returns and voids check on the rows storage locked; before issue
// 6 they were written inside the SQL code.
TEST(ReturnRules, AVoidedSaleTakesNoReturns) {
  EXPECT_TRUE(CheckSaleTakesReturns("S1", SaleState::kRecorded).ok());
  Status voided = CheckSaleTakesReturns("S1", SaleState::kVoided);
  EXPECT_EQ(voided.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(voided.reason(), "SALE_VOIDED");
}

TEST(ReturnRules, AReturnNeverTakesBackMoreThanWasSold) {
  EXPECT_TRUE(CheckReturnFits(1, 2000, 0, 2000).ok());
  EXPECT_TRUE(CheckReturnFits(1, 2000, 1500, 500).ok());
  Status over = CheckReturnFits(3, 2000, 1500, 501);
  EXPECT_EQ(over.reason(), "RETURN_EXCEEDS_SOLD");
  EXPECT_EQ(over.metadata().at("line_number"), "3");
}

TEST(VoidRules, ASaleWithReturnsIsNotVoided) {
  EXPECT_TRUE(CheckSaleMayBeVoided("S1", 0).ok());
  EXPECT_EQ(CheckSaleMayBeVoided("S1", 1).reason(), "SALE_HAS_RETURNS");
}

TEST(SaleRules, InactiveTillsAndCustomersAreRefusedInactiveProductsFlagged) {
  EXPECT_TRUE(CheckTillMayRecord("T1", true).ok());
  EXPECT_EQ(CheckTillMayRecord("T1", false).reason(), "TERMINAL_INACTIVE");
  EXPECT_TRUE(CheckCustomerMayBuyOnCredit("C1", true).ok());
  EXPECT_EQ(CheckCustomerMayBuyOnCredit("C1", false).reason(),
            "CUSTOMER_INACTIVE");
  Sale sale;
  sale.lines.resize(3);
  for (int i = 0; i < 3; ++i) sale.lines[i].line_number = i + 1;
  const auto exceptions = SaleExceptions(sale, {true, false, true});
  ASSERT_EQ(exceptions.size(), 1u);
  EXPECT_EQ(exceptions[0], (SaleException{"PRODUCT_INACTIVE", 2}));
}

}  // namespace
}  // namespace backoffice::domain
