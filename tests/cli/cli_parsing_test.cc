// The parsers backofficectl runs before anything reaches the server: CSV
// records, exact decimals and integers, times, dates and enum names, the
// product import file, the sales files and the returned lines of a return;
// and the output: quantities and money as people read them in tables, the
// exact integers in JSON and CSV.
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "backoffice/v1/catalog_service.pb.h"
#include "backoffice/v1/credit_service.pb.h"
#include "backoffice/v1/inventory_service.pb.h"
#include "backoffice/v1/purchasing_service.pb.h"
#include "backoffice/v1/sales_service.pb.h"
#include "credit_input.h"
#include "csv.h"
#include "display.h"
#include "output.h"
#include "product_csv.h"
#include "sales_input.h"
#include "supplier_item_csv.h"
#include "values.h"

namespace backoffice::ctl {
namespace {

using Fields = std::vector<std::string>;

// --- ParseCsv ---

TEST(ParseCsvTest, SplitsRecordsAndFields) {
  auto records = ParseCsv("a,b,c\n1,2,3\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(records[0].line_number, 1);
  EXPECT_EQ(records[1].fields, (Fields{"1", "2", "3"}));
  EXPECT_EQ(records[1].line_number, 2);
  EXPECT_TRUE(records[1].error.empty());
}

TEST(ParseCsvTest, LastLineNeedsNoLineBreak) {
  auto records = ParseCsv("a,b\n1,2");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
}

TEST(ParseCsvTest, KeepsEmptyFieldsIncludingTheLast) {
  auto records = ParseCsv(",x,\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"", "x", ""}));
}

TEST(ParseCsvTest, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  auto records = ParseCsv("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a,b", "say \"hi\"", "two\nlines"}));
  EXPECT_TRUE(records[0].error.empty());
  // The record after a two-line field starts on line 3.
  EXPECT_EQ(records[1].line_number, 3);
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
}

TEST(ParseCsvTest, QuotedEmptyFieldIsEmpty) {
  auto records = ParseCsv("\"\",\"\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"", ""}));
}

TEST(ParseCsvTest, AcceptsCrLfLineBreaks) {
  auto records = ParseCsv("a,b\r\n1,\"x\r\ny\"\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "x\r\ny"}));
}

TEST(ParseCsvTest, SkipsBlankLinesButCountsThem) {
  auto records = ParseCsv("a\n\n\r\nb\n\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"b"}));
  EXPECT_EQ(records[1].line_number, 4);
}

TEST(ParseCsvTest, IgnoresUtf8ByteOrderMark) {
  auto records = ParseCsv("\xEF\xBB\xBFsku,price\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"sku", "price"}));
}

TEST(ParseCsvTest, EmptyTextHasNoRecords) {
  EXPECT_TRUE(ParseCsv("").empty());
  EXPECT_TRUE(ParseCsv("\n\n").empty());
}

TEST(ParseCsvTest, StrayQuoteSpoilsOnlyItsOwnLine) {
  auto records = ParseCsv("a,b\"c,d\nok,1\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].error.empty());
  EXPECT_EQ(records[0].line_number, 1);
  EXPECT_TRUE(records[1].error.empty());
  EXPECT_EQ(records[1].fields, (Fields{"ok", "1"}));
  EXPECT_EQ(records[1].line_number, 2);
}

TEST(ParseCsvTest, TextAfterClosingQuoteIsAnError) {
  auto records = ParseCsv("\"a\"b,c\nnext\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_NE(records[0].error.find("closing quote"), std::string::npos);
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
}

TEST(ParseCsvTest, UnterminatedQuoteIsReportedWithItsLine) {
  auto records = ParseCsv("h\nx,\"never closed\nmore\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].line_number, 2);
  EXPECT_NE(records[1].error.find("line 2"), std::string::npos);
}

// --- FormatCsvRow ---

TEST(FormatCsvRowTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(FormatCsvRow({"plain", "", "12000 IDR"}), "plain,,12000 IDR");
  EXPECT_EQ(FormatCsvRow({"a,b", "say \"hi\"", "x\ny", " pad"}),
            "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\" pad\"");
}

TEST(FormatCsvRowTest, RoundTripsThroughParseCsv) {
  const Fields fields = {"a,b", "q\"uote", "multi\r\nline", "", "  "};
  auto records = ParseCsv(FormatCsvRow(fields) + "\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, fields);
}

// --- ParseMilli ---

TEST(ParseMilliTest, ParsesExactThousandths) {
  EXPECT_EQ(*ParseMilli("12.5"), 12500);
  EXPECT_EQ(*ParseMilli("12.500"), 12500);
  EXPECT_EQ(*ParseMilli("7"), 7000);
  EXPECT_EQ(*ParseMilli("0"), 0);
  EXPECT_EQ(*ParseMilli("0.001"), 1);
  EXPECT_EQ(*ParseMilli("0.1"), 100);
  EXPECT_EQ(*ParseMilli(".5"), 500);
  EXPECT_EQ(*ParseMilli("007.250"), 7250);
  EXPECT_EQ(*ParseMilli("-1.25"), -1250);
}

TEST(ParseMilliTest, ValuesThatFloatsGetWrongAreExact) {
  // As doubles, 0.29 * 1000 is 289.99999999999994 and 1.005 * 1000 is
  // 1004.9999999999999.
  EXPECT_EQ(*ParseMilli("0.29"), 290);
  EXPECT_EQ(*ParseMilli("1.005"), 1005);
  EXPECT_EQ(*ParseMilli("4503599627370.497"), 4503599627370497);
}

TEST(ParseMilliTest, ReachesBothInt64Limits) {
  EXPECT_EQ(*ParseMilli("9223372036854775.807"),
            std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(*ParseMilli("-9223372036854775.808"),
            std::numeric_limits<std::int64_t>::min());
}

TEST(ParseMilliTest, RejectsOverflow) {
  for (const char* text :
       {"9223372036854775.808", "9223372036854776", "-9223372036854775.809",
        "99999999999999999999999"}) {
    auto value = ParseMilli(text);
    ASSERT_FALSE(value.ok()) << text;
    EXPECT_EQ(value.status().reason(), "INVALID_DECIMAL");
    EXPECT_NE(value.status().message().find("too large"), std::string::npos);
  }
}

TEST(ParseMilliTest, RejectsMoreThanThreeDecimals) {
  auto value = ParseMilli("1.2345");
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.status().reason(), "INVALID_DECIMAL");
  EXPECT_NE(value.status().message().find("more than 3 decimal places"),
            std::string::npos);
  EXPECT_FALSE(ParseMilli("0.0001").ok());
}

TEST(ParseMilliTest, RejectsGarbage) {
  for (const char* text :
       {"", "-", ".", "12.", "abc", "1e3", "1,5", " 1", "1 ", "+1", "1.2.3",
        "0x10", "1.5kg", "--1", "nan", "inf"}) {
    auto value = ParseMilli(text);
    EXPECT_FALSE(value.ok()) << '"' << text << '"';
    EXPECT_EQ(value.status().reason(), "INVALID_DECIMAL") << text;
  }
}

// --- ParseInt64 and ParseBool ---

TEST(ParseInt64Test, IsStrictlyDecimal) {
  EXPECT_EQ(*ParseInt64("12000"), 12000);
  // strtoll with base 0 would read this as octal 5120.
  EXPECT_EQ(*ParseInt64("012000"), 12000);
  EXPECT_EQ(*ParseInt64("-5"), -5);
  EXPECT_EQ(*ParseInt64("9223372036854775807"),
            std::numeric_limits<std::int64_t>::max());
  for (const char* text : {"", "12.5", "0x10", " 1", "1 ", "+1", "1e3",
                           "9223372036854775808", "12k"}) {
    auto value = ParseInt64(text);
    EXPECT_FALSE(value.ok()) << '"' << text << '"';
    EXPECT_EQ(value.status().reason(), "INVALID_INTEGER") << text;
  }
}

TEST(ParseBoolTest, AcceptsTrueFalseOneZero) {
  EXPECT_TRUE(*ParseBool("true"));
  EXPECT_TRUE(*ParseBool("TRUE"));
  EXPECT_TRUE(*ParseBool("1"));
  EXPECT_FALSE(*ParseBool("false"));
  EXPECT_FALSE(*ParseBool("False"));
  EXPECT_FALSE(*ParseBool("0"));
  for (const char* text : {"", "yes", "no", "t", "2", " true"}) {
    auto value = ParseBool(text);
    EXPECT_FALSE(value.ok()) << '"' << text << '"';
    EXPECT_EQ(value.status().reason(), "INVALID_BOOLEAN");
  }
}

// --- ParseTimestamp, ParseDate and ParseEnumName ---

TEST(ParseTimestampTest, ReadsRfc3339WithItsOffset) {
  auto utc = ParseTimestamp("2024-05-01T00:00:00Z");
  ASSERT_TRUE(utc.ok()) << utc.status();
  EXPECT_EQ(utc->seconds(), 1714521600);
  auto jakarta = ParseTimestamp("2024-05-01T07:00:00+07:00");
  ASSERT_TRUE(jakarta.ok()) << jakarta.status();
  EXPECT_EQ(jakarta->seconds(), 1714521600);
  for (const char* text : {"", "2024-05-01", "yesterday",
                           "2024-05-01 00:00:00Z", "2024-13-01T00:00:00Z"}) {
    auto value = ParseTimestamp(text);
    EXPECT_FALSE(value.ok()) << '"' << text << '"';
    EXPECT_EQ(value.status().reason(), "INVALID_TIMESTAMP") << text;
  }
}

TEST(ParseDateTest, AcceptsCalendarDays) {
  EXPECT_EQ(*ParseDate("2024-05-01"), "2024-05-01");
  EXPECT_EQ(*ParseDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(*ParseDate("2000-02-29"), "2000-02-29");
  EXPECT_EQ(*ParseDate("2023-12-31"), "2023-12-31");
}

TEST(ParseDateTest, RejectsOtherLayoutsAndMissingDays) {
  for (const char* text :
       {"", "2024-5-1", "2024/05/01", "20240501", "2024-05-01T00:00:00Z",
        " 2024-05-01", "2024-05-01 ", "2024-00-10", "2024-13-01", "2024-04-31",
        "2023-02-29", "1900-02-29", "2024-05-00", "0000-01-01", "2024-+5-01",
        "abcd-ef-gh"}) {
    auto value = ParseDate(text);
    EXPECT_FALSE(value.ok()) << '"' << text << '"';
    EXPECT_EQ(value.status().reason(), "INVALID_DATE") << text;
  }
}

TEST(ParseEnumNameTest, AcceptsShortAndFullNamesInAnyCase) {
  const auto& tender = *v1::TenderType_descriptor();
  EXPECT_EQ(*ParseEnumName(tender, "TENDER_TYPE_", "CASH"),
            v1::TENDER_TYPE_CASH);
  EXPECT_EQ(*ParseEnumName(tender, "TENDER_TYPE_", "cash"),
            v1::TENDER_TYPE_CASH);
  EXPECT_EQ(*ParseEnumName(tender, "TENDER_TYPE_", "Store_Credit"),
            v1::TENDER_TYPE_STORE_CREDIT);
  EXPECT_EQ(*ParseEnumName(tender, "TENDER_TYPE_", "tender_type_qris"),
            v1::TENDER_TYPE_QRIS);
  EXPECT_EQ(*ParseEnumName(*v1::AdjustmentReason_descriptor(),
                           "ADJUSTMENT_REASON_", "count_correction"),
            v1::ADJUSTMENT_REASON_COUNT_CORRECTION);
}

TEST(ParseEnumNameTest, RejectsUnspecifiedNumbersAndUnknownNames) {
  const auto& tender = *v1::TenderType_descriptor();
  for (const char* text : {"", "UNSPECIFIED", "TENDER_TYPE_UNSPECIFIED", "1",
                           "bitcoin", " cash", "TENDER_TYPE_", "card "}) {
    auto value = ParseEnumName(tender, "TENDER_TYPE_", text);
    EXPECT_FALSE(value.ok()) << '"' << text << '"';
    EXPECT_EQ(value.status().reason(), "INVALID_CHOICE") << text;
  }
  // The message lists what would have been accepted.
  EXPECT_NE(ParseEnumName(tender, "TENDER_TYPE_", "bitcoin")
                .status()
                .message()
                .find("CASH, CARD, QRIS, EWALLET, STORE_CREDIT"),
            std::string::npos);
}

TEST(EnumChoicesTest, ListsTheValuesButTheZeroOne) {
  EXPECT_EQ(EnumChoices(*v1::TenderType_descriptor(), "TENDER_TYPE_"),
            "CASH|CARD|QRIS|EWALLET|STORE_CREDIT");
  EXPECT_EQ(EnumChoices(*v1::MovementType_descriptor(), "MOVEMENT_TYPE_"),
            "SALE|RETURN|VOID|ADJUSTMENT|RECEIPT|SUPPLIER_RETURN|TRANSFER_OUT|"
            "TRANSFER_IN|STOCK_COUNT");
}

// --- the product import file ---

constexpr char kHeader[] =
    "sku,barcodes,display_name,unit_of_measure,sold_by_weight,"
    "tax_rate_basis_points,price,currency,active\n";

ProductCsvLayout StandardLayout() {
  auto layout = ParseProductCsvHeader(ParseCsv(kHeader).at(0));
  EXPECT_TRUE(layout.ok()) << layout.status();
  return *layout;
}

StatusOr<v1::Product> ParseRow(const std::string& line) {
  return ParseProductCsvRow(StandardLayout(), ParseCsv(line).at(0));
}

TEST(ProductCsvTest, ParsesAFullRow) {
  auto product = ParseRow(
      "RICE-5KG,8991234567890|2000001,\"Rice 5kg, premium\",pcs,false,1100,"
      "78000,IDR,true");
  ASSERT_TRUE(product.ok()) << product.status();
  EXPECT_EQ(product->sku(), "RICE-5KG");
  ASSERT_EQ(product->barcodes_size(), 2);
  EXPECT_EQ(product->barcodes(0), "8991234567890");
  EXPECT_EQ(product->barcodes(1), "2000001");
  EXPECT_EQ(product->display_name(), "Rice 5kg, premium");
  EXPECT_EQ(product->unit_of_measure(), "pcs");
  EXPECT_FALSE(product->sold_by_weight());
  EXPECT_EQ(product->tax_rate_basis_points(), 1100);
  EXPECT_EQ(product->default_price().minor_units(), 78000);
  EXPECT_EQ(product->default_price().currency_code(), "IDR");
  EXPECT_TRUE(product->active());
}

TEST(ProductCsvTest, EmptyBarcodesMeansNone) {
  auto product = ParseRow("SKU-1,,Salt,kg,1,0,5000,IDR,0");
  ASSERT_TRUE(product.ok()) << product.status();
  EXPECT_EQ(product->barcodes_size(), 0);
  EXPECT_TRUE(product->sold_by_weight());
  EXPECT_FALSE(product->active());
}

TEST(ProductCsvTest, ColumnsMayComeInAnyOrder) {
  auto layout = ParseProductCsvHeader(
      ParseCsv("price,currency,sku,barcodes,display_name,unit_of_measure,"
               "sold_by_weight,tax_rate_basis_points,active\n")
          .at(0));
  ASSERT_TRUE(layout.ok()) << layout.status();
  auto product = ParseProductCsvRow(
      *layout, ParseCsv("15000,IDR,SKU-9,123,Tea,pcs,false,1100,true").at(0));
  ASSERT_TRUE(product.ok()) << product.status();
  EXPECT_EQ(product->sku(), "SKU-9");
  EXPECT_EQ(product->default_price().minor_units(), 15000);
}

TEST(ProductCsvTest, RejectsBadHeaders) {
  for (const char* header :
       {"sku,barcodes\n",
        "sku,barcode,display_name,unit_of_measure,sold_by_weight,"
        "tax_rate_basis_points,price,currency,active\n",
        "sku,sku,barcodes,display_name,unit_of_measure,sold_by_weight,"
        "tax_rate_basis_points,price,currency,active\n"}) {
    auto layout = ParseProductCsvHeader(ParseCsv(header).at(0));
    ASSERT_FALSE(layout.ok()) << header;
    EXPECT_EQ(layout.status().reason(), "INVALID_CSV_HEADER");
  }
}

TEST(ProductCsvTest, RejectsWrongColumnCount) {
  auto product = ParseRow("SKU-1,,Salt,kg,false,0,5000,IDR");
  ASSERT_FALSE(product.ok());
  EXPECT_EQ(product.status().reason(), "WRONG_COLUMN_COUNT");
  EXPECT_FALSE(ParseRow("SKU-1,,Salt,kg,false,0,5000,IDR,true,extra").ok());
}

TEST(ProductCsvTest, RejectsNonIntegerPrice) {
  auto product = ParseRow("SKU-1,,Salt,kg,false,0,50.5,IDR,true");
  ASSERT_FALSE(product.ok());
  EXPECT_EQ(product.status().reason(), "INVALID_INTEGER");
  EXPECT_NE(product.status().message().find("price"), std::string::npos);
}

TEST(ProductCsvTest, RejectsBadTaxRate) {
  EXPECT_EQ(ParseRow("S,,Salt,kg,false,11%,5000,IDR,true").status().reason(),
            "INVALID_INTEGER");
  EXPECT_EQ(
      ParseRow("S,,Salt,kg,false,3000000000,5000,IDR,true").status().reason(),
      "INVALID_INTEGER");
}

TEST(ProductCsvTest, RejectsBadBooleans) {
  auto product = ParseRow("SKU-1,,Salt,kg,yes,0,5000,IDR,true");
  ASSERT_FALSE(product.ok());
  EXPECT_EQ(product.status().reason(), "INVALID_BOOLEAN");
  EXPECT_NE(product.status().message().find("sold_by_weight"),
            std::string::npos);
  EXPECT_EQ(ParseRow("SKU-1,,Salt,kg,0,0,5000,IDR,").status().reason(),
            "INVALID_BOOLEAN");
}

TEST(ProductCsvTest, RejectsEmptyBarcodes) {
  EXPECT_EQ(ParseRow("S,1||2,Salt,kg,0,0,5000,IDR,1").status().reason(),
            "INVALID_BARCODES");
  EXPECT_EQ(ParseRow("S,1|,Salt,kg,0,0,5000,IDR,1").status().reason(),
            "INVALID_BARCODES");
  EXPECT_EQ(ParseRow("S,|1,Salt,kg,0,0,5000,IDR,1").status().reason(),
            "INVALID_BARCODES");
}

TEST(ProductCsvTest, MalformedRecordKeepsItsCsvError) {
  auto product = ParseRow("S,1,Sa\"lt,kg,0,0,5000,IDR,1");
  ASSERT_FALSE(product.ok());
  EXPECT_EQ(product.status().reason(), "MALFORMED_CSV");
}

TEST(ProductCsvTest, SkuOfAnUnparsableRowIsReportedWhenPresent) {
  const ProductCsvLayout layout = StandardLayout();
  EXPECT_EQ(ProductCsvSku(layout, ParseCsv("SKU-1,too,few").at(0)), "SKU-1");
  CsvRecord empty;
  EXPECT_EQ(ProductCsvSku(layout, empty), "");
}

// --- the returned lines of `sale return` ---

TEST(ParseReturnLineTest, ReadsLineQuantityAndDamage) {
  auto line = ParseReturnLine("1:2");
  ASSERT_TRUE(line.ok()) << line.status();
  EXPECT_EQ(line->sale_line_number(), 1);
  EXPECT_EQ(line->quantity_milli(), 2000);
  EXPECT_FALSE(line->damaged());

  line = ParseReturnLine("3:0.5:damaged");
  ASSERT_TRUE(line.ok()) << line.status();
  EXPECT_EQ(line->sale_line_number(), 3);
  EXPECT_EQ(line->quantity_milli(), 500);
  EXPECT_TRUE(line->damaged());

  line = ParseReturnLine("12:1.25:DAMAGED");
  ASSERT_TRUE(line.ok()) << line.status();
  EXPECT_EQ(line->quantity_milli(), 1250);
  EXPECT_TRUE(line->damaged());

  // Exact thousandths, as everywhere: 0.29 does not become 289.
  EXPECT_EQ(ParseReturnLine("2:0.29")->quantity_milli(), 290);
  EXPECT_EQ(ParseReturnLine("2:0.001")->quantity_milli(), 1);
  EXPECT_EQ(ParseReturnLine("2147483647:1")->sale_line_number(), 2147483647);
}

TEST(ParseReturnLineTest, RejectsMalformedLines) {
  for (const char* text :
       {"",         "1",    "1:",         ":1",         "0:1",
        "-1:1",     "x:1",  "1.5:1",      "01x:1",      "2147483648:1",
        "1:0",      "1:-1", "1:1.2345",   "1:abc",      "1:1e3",
        "1: 1",     "1:1:", "1:1:damage", "1:1:broken", "1:1:damaged:x",
        "1:1:true", " 1:1"}) {
    auto line = ParseReturnLine(text);
    EXPECT_FALSE(line.ok()) << '"' << text << '"';
    EXPECT_EQ(line.status().reason(), "INVALID_RETURN_LINE") << text;
  }
  // The message quotes the whole flag and says what is wrong in it.
  const std::string message = ParseReturnLine("2:1.2345").status().message();
  EXPECT_NE(message.find("\"2:1.2345\""), std::string::npos) << message;
  EXPECT_NE(message.find("more than 3 decimal places"), std::string::npos)
      << message;
}

// --- the sales files of `sale record` and `sale upload` ---

constexpr char kSaleJson[] =
    R"({"sale_id": "s-1", "store_code": "JKT01", "terminal_code": "T1",
        "cashier": "ani", "receipt_number": 1042,
        "sale_time": "2024-05-01T10:15:00+07:00",
        "lines": [{"line_number": 1, "sku": "RICE-5KG",
                   "quantity_milli": 1500, "unit_price_minor": 78000,
                   "amount_minor": 117000}],
        "tenders": [{"type": "TENDER_TYPE_CASH", "amount_minor": 120000,
                     "change_minor": 3000}]})";

TEST(ParseSaleJsonTest, ReadsProtoFieldNames) {
  auto sale = ParseSaleJson(kSaleJson);
  ASSERT_TRUE(sale.ok()) << sale.status();
  EXPECT_EQ(sale->sale_id(), "s-1");
  EXPECT_EQ(sale->receipt_number(), 1042);
  EXPECT_EQ(sale->sale_time().seconds(), 1714533300);
  ASSERT_EQ(sale->lines_size(), 1);
  EXPECT_EQ(sale->lines(0).quantity_milli(), 1500);
  ASSERT_EQ(sale->tenders_size(), 1);
  EXPECT_EQ(sale->tenders(0).type(), v1::TENDER_TYPE_CASH);
  EXPECT_EQ(sale->tenders(0).change_minor(), 3000);
}

TEST(ParseSaleJsonTest, ReadsLowerCamelNamesAndIgnoresByteOrderMark) {
  auto sale = ParseSaleJson(
      "\xEF\xBB\xBF{\"saleId\": \"s-2\", \"receiptNumber\": \"7\", "
      "\"lines\": [{\"lineNumber\": 1, \"quantityMilli\": 250}]}");
  ASSERT_TRUE(sale.ok()) << sale.status();
  EXPECT_EQ(sale->sale_id(), "s-2");
  EXPECT_EQ(sale->receipt_number(), 7);
  EXPECT_EQ(sale->lines(0).quantity_milli(), 250);
}

TEST(ParseSaleJsonTest, RejectsBadJsonAndUnknownFields) {
  for (const char* text :
       {"", "{", "[]", "{\"sale_id\": 1.5}", "{\"sale_idd\": \"s\"}",
        "{\"receipt_number\": \"seven\"}",
        "{\"tenders\": [{\"type\": \"BITCOIN\"}]}"}) {
    auto sale = ParseSaleJson(text);
    EXPECT_FALSE(sale.ok()) << text;
    EXPECT_EQ(sale.status().reason(), "INVALID_SALE_JSON") << text;
  }
}

TEST(ParseSaleJsonLinesTest, ReadsOneSalePerLineSkippingBlankLines) {
  auto sales = ParseSaleJsonLines(
      "{\"sale_id\": \"a\"}\n\n  \t\r\n{\"sale_id\": \"b\"}\r\n"
      "{\"saleId\": \"c\"}");
  ASSERT_TRUE(sales.ok()) << sales.status();
  ASSERT_EQ(sales->size(), 3u);
  EXPECT_EQ((*sales)[0].sale_id(), "a");
  EXPECT_EQ((*sales)[1].sale_id(), "b");
  EXPECT_EQ((*sales)[2].sale_id(), "c");
}

TEST(ParseSaleJsonLinesTest, EmptyTextHasNoSales) {
  EXPECT_TRUE(ParseSaleJsonLines("")->empty());
  EXPECT_TRUE(ParseSaleJsonLines("\n\n")->empty());
}

TEST(ParseSaleJsonLinesTest, NamesTheFirstBadLine) {
  auto sales =
      ParseSaleJsonLines("{\"sale_id\": \"a\"}\n\n{\"sale_id\": }\n{oops}\n");
  ASSERT_FALSE(sales.ok());
  EXPECT_EQ(sales.status().reason(), "INVALID_SALE_JSON");
  // Blank lines count: the bad sale is on line 3.
  EXPECT_EQ(sales.status().message().rfind("line 3: ", 0), 0u)
      << sales.status().message();
  // One line, so that the failure stays a one-line report.
  EXPECT_EQ(sales.status().message().find('\n'), std::string::npos);
}

TEST(ParseSaleJsonLinesTest, ASaleSpreadOverLinesIsRefused) {
  // JSON Lines allows no line break inside an object.
  auto sales = ParseSaleJsonLines("{\n\"sale_id\": \"a\"\n}\n");
  ASSERT_FALSE(sales.ok());
  EXPECT_EQ(sales.status().message().rfind("line 1: ", 0), 0u);
}

// --- quantities and money as people read them ---

constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

TEST(UnitOfTest, WeightsAndVolumesAreMeasuredCountsAreNot) {
  EXPECT_FALSE(UnitOf("pcs", false).measured);
  EXPECT_FALSE(UnitOf("pack", false).measured);
  EXPECT_EQ(UnitOf("pcs", false).symbol, "pcs");
  for (const char* unit : {"kg", "KG", "g", "l", "L", "ml", "ltr", "ons"}) {
    EXPECT_TRUE(UnitOf(unit, false).measured) << unit;
    EXPECT_EQ(UnitOf(unit, false).symbol, unit);
  }
  // Sold by weight whatever the unit is called.
  EXPECT_TRUE(UnitOf("ikat", true).measured);
}

TEST(FormatQuantityTest, CountsAreWholeUnlessTheyHaveAFraction) {
  const Unit pcs{"pcs", false};
  EXPECT_EQ(FormatQuantity(60000, pcs), "60 pcs");
  EXPECT_EQ(FormatQuantity(0, pcs), "0 pcs");
  EXPECT_EQ(FormatQuantity(-6000, pcs), "-6 pcs");
  // Never rounded: a fractional count shows the decimals it has.
  EXPECT_EQ(FormatQuantity(1500, pcs), "1.5 pcs");
  EXPECT_EQ(FormatQuantity(1250, pcs), "1.25 pcs");
  EXPECT_EQ(FormatQuantity(1, pcs), "0.001 pcs");
  EXPECT_EQ(FormatQuantity(-500, pcs), "-0.5 pcs");
  // No thousands separator: '.' is always the decimal point.
  EXPECT_EQ(FormatQuantity(1234567000, pcs), "1234567 pcs");
}

TEST(FormatQuantityTest, MeasuredGoodsHaveThreeDecimals) {
  const Unit kg{"kg", true};
  EXPECT_EQ(FormatQuantity(1250, kg), "1.250 kg");
  EXPECT_EQ(FormatQuantity(25500, kg), "25.500 kg");
  EXPECT_EQ(FormatQuantity(60000, kg), "60.000 kg");
  EXPECT_EQ(FormatQuantity(0, kg), "0.000 kg");
  EXPECT_EQ(FormatQuantity(5, kg), "0.005 kg");
  EXPECT_EQ(FormatQuantity(-1250, kg), "-1.250 kg");
  EXPECT_EQ(FormatQuantity(-1, kg), "-0.001 kg");
}

TEST(FormatQuantityTest, UnknownUnitPrintsTheNumberAlone) {
  EXPECT_EQ(FormatQuantity(60000, Unit()), "60");
  EXPECT_EQ(FormatQuantity(-1250, Unit()), "-1.25");
}

TEST(FormatQuantityTest, ExtremesAreExact) {
  EXPECT_EQ(FormatQuantity(kInt64Max, Unit{"kg", true}),
            "9223372036854775.807 kg");
  EXPECT_EQ(FormatQuantity(kInt64Min, Unit{"kg", true}),
            "-9223372036854775.808 kg");
  EXPECT_EQ(FormatQuantity(kInt64Min, Unit{"pcs", false}),
            "-9223372036854775.808 pcs");
  EXPECT_EQ(FormatQuantity(kInt64Min + 808, Unit{"pcs", false}),
            "-9223372036854775 pcs");
}

TEST(CurrencyDecimalsTest, IdrIsStoredInWholeRupiah) {
  EXPECT_EQ(CurrencyDecimals("IDR"), 0);
  EXPECT_EQ(CurrencyDecimals("JPY"), 0);
  EXPECT_EQ(CurrencyDecimals("USD"), 2);
  EXPECT_EQ(CurrencyDecimals("SGD"), 2);
  EXPECT_EQ(CurrencyDecimals("KWD"), 3);
}

TEST(FormatMoneyTest, RupiahGroupsThousandsWithDots) {
  EXPECT_EQ(FormatMoney(15000, "IDR"), "Rp 15.000");
  EXPECT_EQ(FormatMoney(0, "IDR"), "Rp 0");
  EXPECT_EQ(FormatMoney(999, "IDR"), "Rp 999");
  EXPECT_EQ(FormatMoney(1000, "IDR"), "Rp 1.000");
  EXPECT_EQ(FormatMoney(2000000, "IDR"), "Rp 2.000.000");
  EXPECT_EQ(FormatMoney(-15000, "IDR"), "-Rp 15.000");
  EXPECT_EQ(FormatMoney(-5, "IDR"), "-Rp 5");
}

TEST(FormatMoneyTest, OtherCurrenciesByCodeWithTheirDecimals) {
  EXPECT_EQ(FormatMoney(1234, "USD"), "USD 12.34");
  EXPECT_EQ(FormatMoney(5, "USD"), "USD 0.05");
  EXPECT_EQ(FormatMoney(-5, "USD"), "-USD 0.05");
  EXPECT_EQ(FormatMoney(123456789, "USD"), "USD 1,234,567.89");
  EXPECT_EQ(FormatMoney(1500, "JPY"), "JPY 1,500");
  EXPECT_EQ(FormatMoney(1250, "KWD"), "KWD 1.250");
  EXPECT_EQ(FormatMoney(1234, "usd"), "USD 12.34");
}

TEST(FormatMoneyTest, UnknownCurrencyPrintsTheIntegerAlone) {
  EXPECT_EQ(FormatMoney(15000, ""), "15000");
  EXPECT_EQ(FormatMoney(-15000, ""), "-15000");
}

TEST(FormatMoneyTest, ExtremesAreExact) {
  EXPECT_EQ(FormatMoney(kInt64Min, "IDR"), "-Rp 9.223.372.036.854.775.808");
  EXPECT_EQ(FormatMoney(kInt64Max, "IDR"), "Rp 9.223.372.036.854.775.807");
  EXPECT_EQ(FormatMoney(kInt64Min, "USD"), "-USD 92,233,720,368,547,758.08");
  EXPECT_EQ(FormatMoney(kInt64Min, ""), "-9223372036854775808");
}

// --- table, JSON and CSV output ---

v1::StockLevel MakeStockLevel(const std::string& sku, std::int64_t on_hand) {
  v1::StockLevel level;
  level.set_store_code("JKT01");
  level.set_sku(sku);
  level.set_display_name(sku == "RICE" ? "Beras" : "Indomie");
  level.set_on_hand_milli(on_hand);
  level.set_reorder_point_milli(48000);
  level.mutable_last_movement_time()->set_seconds(1714533300);
  return level;
}

DisplayContext UnitsOfRiceAndNoodles() {
  DisplayContext context;
  context.units_by_sku["NOODLE"] = UnitOf("pcs", false);
  context.units_by_sku["RICE"] = UnitOf("kg", true);
  return context;
}

std::string Printed(OutputFormat format, const google::protobuf::Message& item,
                    const DisplayContext& context = DisplayContext()) {
  std::ostringstream out;
  EXPECT_TRUE(PrintMessage(out, format, item, context).ok());
  return out.str();
}

std::string PrintedList(
    OutputFormat format,
    const std::vector<const google::protobuf::Message*>& items,
    const DisplayContext& context = DisplayContext()) {
  std::ostringstream out;
  EXPECT_TRUE(
      PrintList(out, format, *items.at(0)->GetDescriptor(), items, context)
          .ok());
  return out.str();
}

TEST(TableOutputTest, StockLevelsShowQuantitiesInTheProductsUnits) {
  const v1::StockLevel noodles = MakeStockLevel("NOODLE", 60000);
  const v1::StockLevel rice = MakeStockLevel("RICE", -1250);
  EXPECT_EQ(PrintedList(OutputFormat::kTable, {&noodles, &rice},
                        UnitsOfRiceAndNoodles()),
            "store_code  sku     display_name  on_hand    reorder_point  "
            "max_quantity  last_movement_time\n"
            "JKT01       NOODLE  Indomie       60 pcs     48 pcs         "
            "0 pcs         2024-05-01T03:15:00Z\n"
            "JKT01       RICE    Beras         -1.250 kg  48.000 kg      "
            "0.000 kg      2024-05-01T03:15:00Z\n");
}

TEST(TableOutputTest, OneStockLevelDropsTheSuffixToo) {
  const v1::StockLevel rice = MakeStockLevel("RICE", 1250);
  const std::string table =
      Printed(OutputFormat::kTable, rice, UnitsOfRiceAndNoodles());
  EXPECT_NE(table.find("on_hand             1.250 kg\n"), std::string::npos)
      << table;
  EXPECT_EQ(table.find("_milli"), std::string::npos) << table;
}

TEST(TableOutputTest, UnknownProductPrintsPlainUnits) {
  const v1::StockLevel level = MakeStockLevel("GONE", 1500);
  const std::string table = Printed(OutputFormat::kTable, level);
  EXPECT_NE(table.find("on_hand             1.5\n"), std::string::npos)
      << table;
}

TEST(TableOutputTest, JsonAndCsvKeepTheExactIntegers) {
  const v1::StockLevel rice = MakeStockLevel("RICE", -1250);
  const DisplayContext context = UnitsOfRiceAndNoodles();
  const std::string csv = PrintedList(OutputFormat::kCsv, {&rice}, context);
  EXPECT_EQ(csv,
            "store_code,sku,display_name,on_hand_milli,reorder_point_milli,"
            "max_quantity_milli,last_movement_time\n"
            "JKT01,RICE,Beras,-1250,48000,0,2024-05-01T03:15:00Z\n");
  const std::string json = Printed(OutputFormat::kJson, rice, context);
  EXPECT_NE(json.find("\"on_hand_milli\": \"-1250\""), std::string::npos)
      << json;
  EXPECT_EQ(json.find("kg"), std::string::npos) << json;
}

TEST(TableOutputTest, AdjustResponseQualifiesEachNestedMessage) {
  v1::AdjustStockResponse response;
  v1::StockMovement& movement = *response.mutable_stock_movement();
  movement.set_store_code("JKT01");
  movement.set_sku("RICE");
  movement.set_quantity_milli(-250);
  *response.mutable_stock_level() = MakeStockLevel("RICE", 1000);
  const std::string table =
      Printed(OutputFormat::kTable, response, UnitsOfRiceAndNoodles());
  EXPECT_NE(table.find("stock_movement.quantity "), std::string::npos) << table;
  EXPECT_NE(table.find(" -0.250 kg\n"), std::string::npos) << table;
  EXPECT_NE(table.find("stock_level.on_hand "), std::string::npos) << table;
  EXPECT_NE(table.find(" 1.000 kg\n"), std::string::npos) << table;
}

TEST(TableOutputTest, SalesShowMoneyInTheStoresCurrency) {
  v1::Sale sale;
  sale.set_sale_id("s-1");
  sale.set_store_code("JKT01");
  sale.set_total_minor(-15000);
  v1::SaleLine& line = *sale.add_lines();
  line.set_line_number(1);
  line.set_sku("RICE");
  line.set_quantity_milli(1250);
  line.set_unit_price_minor(12000);
  line.set_amount_minor(15000);
  v1::Tender& tender = *sale.add_tenders();
  tender.set_type(v1::TENDER_TYPE_CASH);
  tender.set_amount_minor(20000);
  tender.set_change_minor(5000);

  DisplayContext context = UnitsOfRiceAndNoodles();
  context.currency_by_store["JKT01"] = "IDR";
  const std::string table = Printed(OutputFormat::kTable, sale, context);
  EXPECT_NE(table.find("total           -Rp 15.000\n"), std::string::npos)
      << table;
  EXPECT_NE(table.find("lines           line_number: 1 sku: \"RICE\" "
                       "quantity: 1.250 kg unit_price: Rp 12.000 "
                       "amount: Rp 15.000\n"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("tenders         type: TENDER_TYPE_CASH "
                       "amount: Rp 20.000 change: Rp 5.000\n"),
            std::string::npos)
      << table;

  // Without the store's currency the amounts stay integers.
  const std::string unknown = Printed(OutputFormat::kTable, sale);
  EXPECT_NE(unknown.find("total           -15000\n"), std::string::npos)
      << unknown;

  const std::string csv = Printed(OutputFormat::kCsv, sale, context);
  EXPECT_NE(csv.find("total_minor"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",-15000,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("quantity_milli: 1250"), std::string::npos) << csv;
}

TEST(TableOutputTest, MoneyMessagesCarryTheirCurrency) {
  v1::Product product;
  product.set_sku("NOODLE");
  product.set_unit_of_measure("pcs");
  product.mutable_default_price()->set_currency_code("IDR");
  product.mutable_default_price()->set_minor_units(3500);
  const std::string table = Printed(OutputFormat::kTable, product);
  EXPECT_NE(table.find("default_price          Rp 3.500\n"), std::string::npos)
      << table;
  EXPECT_NE(Printed(OutputFormat::kCsv, product).find("3500 IDR"),
            std::string::npos);
}

TEST(TableOutputTest, AUnitOfMeasureInTheMessageWins) {
  // A message type the CLI has never seen: any *_milli and *_minor field is
  // read as a quantity and as money, qualified by the message itself.
  google::protobuf::FileDescriptorProto file;
  file.set_name("future_row.proto");
  file.set_package("future");
  file.set_syntax("proto3");
  google::protobuf::DescriptorProto& type = *file.add_message_type();
  type.set_name("Row");
  int number = 0;
  auto add = [&](const char* name,
                 google::protobuf::FieldDescriptorProto::Type field_type) {
    google::protobuf::FieldDescriptorProto& field = *type.add_field();
    field.set_name(name);
    field.set_number(++number);
    field.set_type(field_type);
    field.set_label(google::protobuf::FieldDescriptorProto::LABEL_OPTIONAL);
  };
  add("sku", google::protobuf::FieldDescriptorProto::TYPE_STRING);
  add("unit_of_measure", google::protobuf::FieldDescriptorProto::TYPE_STRING);
  add("currency_code", google::protobuf::FieldDescriptorProto::TYPE_STRING);
  add("counted_milli", google::protobuf::FieldDescriptorProto::TYPE_INT64);
  add("value_minor", google::protobuf::FieldDescriptorProto::TYPE_INT64);
  google::protobuf::DescriptorPool pool;
  const google::protobuf::FileDescriptor* built = pool.BuildFile(file);
  ASSERT_NE(built, nullptr);
  google::protobuf::DynamicMessageFactory factory(&pool);
  std::unique_ptr<google::protobuf::Message> row(
      factory.GetPrototype(built->message_type(0))->New());
  const google::protobuf::Reflection& r = *row->GetReflection();
  const google::protobuf::Descriptor& d = *row->GetDescriptor();
  r.SetString(row.get(), d.FindFieldByName("sku"), "NOODLE");
  r.SetString(row.get(), d.FindFieldByName("unit_of_measure"), "ltr");
  r.SetString(row.get(), d.FindFieldByName("currency_code"), "USD");
  r.SetInt64(row.get(), d.FindFieldByName("counted_milli"), 2500);
  r.SetInt64(row.get(), d.FindFieldByName("value_minor"), 1999);

  const std::string table =
      PrintedList(OutputFormat::kTable, {row.get()}, UnitsOfRiceAndNoodles());
  EXPECT_NE(table.find("counted    value"), std::string::npos) << table;
  EXPECT_NE(table.find("2.500 ltr  USD 19.99"), std::string::npos) << table;
  // Nothing to look up: the row names its own unit and currency.
  const DisplayNeeds needs = NeededForDisplay({row.get()});
  EXPECT_TRUE(needs.skus.empty());
  EXPECT_TRUE(needs.store_codes.empty());
}

TEST(NeededForDisplayTest, NamesOnlyWhatQuantitiesAndMoneyNeed) {
  const v1::StockLevel rice = MakeStockLevel("RICE", 1);
  const v1::StockLevel noodles = MakeStockLevel("NOODLE", 1);
  v1::Sale sale;
  sale.set_store_code("MKS01");
  sale.add_lines()->set_sku("TEA");
  v1::Store store;
  store.set_code("JYP01");
  v1::Terminal terminal;
  terminal.set_store_code("JYP01");
  const DisplayNeeds needs =
      NeededForDisplay({&rice, &noodles, &sale, &store, &terminal});
  EXPECT_EQ(needs.skus, (std::set<std::string>{"NOODLE", "RICE", "TEA"}));
  // The sale has amounts; a store and a terminal have none.
  EXPECT_EQ(needs.store_codes, (std::set<std::string>{"MKS01"}));
}

// --- the product file's optional ordering columns ---

TEST(ProductCsvTest, OptionalOrderingColumnsAreReadAndNamed) {
  auto layout = ParseProductCsvHeader(
      ParseCsv("sku,barcodes,display_name,unit_of_measure,sold_by_weight,"
               "shelf_life_days,tax_rate_basis_points,price,currency,active,"
               "preferred_supplier,sell_by_margin_days\n")
          .at(0));
  ASSERT_TRUE(layout.ok()) << layout.status();
  EXPECT_EQ(
      ProductCsvOptionalFields(*layout),
      (Fields{"preferred_supplier", "shelf_life_days", "sell_by_margin_days"}));
  auto product = ParseProductCsvRow(
      *layout,
      ParseCsv("MILK,,Milk 1L,pcs,false,14,1100,19000,IDR,true,SUP-1,3").at(0));
  ASSERT_TRUE(product.ok()) << product.status();
  EXPECT_EQ(product->preferred_supplier(), "SUP-1");
  EXPECT_EQ(product->shelf_life_days(), 14);
  EXPECT_EQ(product->sell_by_margin_days(), 3);
  EXPECT_EQ(product->default_price().minor_units(), 19000);

  // An empty day cell is 0; an empty supplier cell clears the preference.
  auto cleared = ParseProductCsvRow(
      *layout,
      ParseCsv("MILK,,Milk 1L,pcs,false,,1100,19000,IDR,true,,").at(0));
  ASSERT_TRUE(cleared.ok()) << cleared.status();
  EXPECT_EQ(cleared->shelf_life_days(), 0);
  EXPECT_EQ(cleared->preferred_supplier(), "");
}

TEST(ProductCsvTest, WithoutOptionalColumnsNoFieldIsNamed) {
  EXPECT_TRUE(ProductCsvOptionalFields(StandardLayout()).empty());
  auto layout = ParseProductCsvHeader(
      ParseCsv("sku,barcodes,display_name,unit_of_measure,sold_by_weight,"
               "tax_rate_basis_points,price,currency,active,shelf_life_days\n")
          .at(0));
  ASSERT_TRUE(layout.ok()) << layout.status();
  EXPECT_EQ(ProductCsvOptionalFields(*layout), (Fields{"shelf_life_days"}));
}

TEST(ProductCsvTest, RejectsBadOptionalColumns) {
  auto twice = ParseProductCsvHeader(
      ParseCsv("sku,barcodes,display_name,unit_of_measure,sold_by_weight,"
               "tax_rate_basis_points,price,currency,active,shelf_life_days,"
               "shelf_life_days\n")
          .at(0));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.status().reason(), "INVALID_CSV_HEADER");

  auto layout = ParseProductCsvHeader(
      ParseCsv("sku,barcodes,display_name,unit_of_measure,sold_by_weight,"
               "tax_rate_basis_points,price,currency,active,"
               "sell_by_margin_days\n")
          .at(0));
  ASSERT_TRUE(layout.ok()) << layout.status();
  auto product = ParseProductCsvRow(
      *layout, ParseCsv("SKU-1,,Salt,kg,1,0,5000,IDR,0,2.5").at(0));
  ASSERT_FALSE(product.ok());
  EXPECT_EQ(product.status().reason(), "INVALID_INTEGER");
  EXPECT_NE(product.status().message().find("sell_by_margin_days"),
            std::string::npos)
      << product.status();
}

// --- the supplier item import file ---

constexpr char kItemHeader[] =
    "supplier_code,sku,supplier_sku,pack_size,min_order_quantity,unit_cost,"
    "currency,tax_rate_basis_points,lead_time_days,active\n";

StatusOr<v1::SupplierItem> ParseItemRow(const std::string& line) {
  auto layout = ParseSupplierItemCsvHeader(ParseCsv(kItemHeader).at(0));
  EXPECT_TRUE(layout.ok()) << layout.status();
  return ParseSupplierItemCsvRow(*layout, ParseCsv(line).at(0));
}

TEST(SupplierItemCsvTest, ParsesAFullRowWithExactQuantities) {
  auto item = ParseItemRow("SUP-1,RICE,R-5,12,24,65000,IDR,1100,3,true");
  ASSERT_TRUE(item.ok()) << item.status();
  EXPECT_EQ(item->supplier_code(), "SUP-1");
  EXPECT_EQ(item->sku(), "RICE");
  EXPECT_EQ(item->supplier_sku(), "R-5");
  EXPECT_EQ(item->pack_size_milli(), 12000);
  EXPECT_EQ(item->min_order_quantity_milli(), 24000);
  EXPECT_EQ(item->unit_cost().minor_units(), 65000);
  EXPECT_EQ(item->unit_cost().currency_code(), "IDR");
  EXPECT_EQ(item->tax_rate_basis_points(), 1100);
  EXPECT_EQ(item->lead_time_days(), 3);
  EXPECT_TRUE(item->active());

  auto weighed = ParseItemRow("SUP-2,ONION,,2.5,0.001,30000,IDR,0,1,0");
  ASSERT_TRUE(weighed.ok()) << weighed.status();
  EXPECT_EQ(weighed->pack_size_milli(), 2500);
  EXPECT_EQ(weighed->min_order_quantity_milli(), 1);
  EXPECT_FALSE(weighed->active());
}

TEST(SupplierItemCsvTest, ColumnsMayComeInAnyOrder) {
  auto layout = ParseSupplierItemCsvHeader(
      ParseCsv("sku,supplier_code,active,lead_time_days,tax_rate_basis_points,"
               "currency,unit_cost,min_order_quantity,pack_size,"
               "supplier_sku\n")
          .at(0));
  ASSERT_TRUE(layout.ok()) << layout.status();
  auto item = ParseSupplierItemCsvRow(
      *layout, ParseCsv("OIL,SUP-1,true,7,1100,IDR,31000,6,6,O-2").at(0));
  ASSERT_TRUE(item.ok()) << item.status();
  EXPECT_EQ(item->supplier_code(), "SUP-1");
  EXPECT_EQ(item->lead_time_days(), 7);
  EXPECT_EQ(item->pack_size_milli(), 6000);
}

TEST(SupplierItemCsvTest, RejectsBadHeaders) {
  for (const char* header :
       {"supplier_code,sku\n",
        "supplier_code,sku,supplier_sku,pack_size,min_order_quantity,"
        "unit_cost,currency,tax_rate_basis_points,lead_time_days,active,"
        "color\n",
        "supplier_code,supplier_code,sku,supplier_sku,pack_size,"
        "min_order_quantity,unit_cost,currency,tax_rate_basis_points,"
        "lead_time_days,active\n"}) {
    auto layout = ParseSupplierItemCsvHeader(ParseCsv(header).at(0));
    ASSERT_FALSE(layout.ok()) << header;
    EXPECT_EQ(layout.status().reason(), "INVALID_CSV_HEADER");
  }
}

TEST(SupplierItemCsvTest, RejectsBadCellsNamingTheColumn) {
  struct Case {
    const char* row;
    const char* reason;
    const char* column;
  };
  for (const Case& c : {
           Case{"SUP-1,RICE,,12.0005,0,100,IDR,1100,3,true", "INVALID_DECIMAL",
                "pack_size"},
           Case{"SUP-1,RICE,,12,x,100,IDR,1100,3,true", "INVALID_DECIMAL",
                "min_order_quantity"},
           Case{"SUP-1,RICE,,12,0,1.5,IDR,1100,3,true", "INVALID_INTEGER",
                "unit_cost"},
           Case{"SUP-1,RICE,,12,0,100,IDR,11%,3,true", "INVALID_INTEGER",
                "tax_rate_basis_points"},
           Case{"SUP-1,RICE,,12,0,100,IDR,1100,99999999999,true",
                "INVALID_INTEGER", "lead_time_days"},
           Case{"SUP-1,RICE,,12,0,100,IDR,1100,3,yes", "INVALID_BOOLEAN",
                "active"},
       }) {
    auto item = ParseItemRow(c.row);
    ASSERT_FALSE(item.ok()) << c.row;
    EXPECT_EQ(item.status().reason(), c.reason) << c.row;
    EXPECT_EQ(item.status().message().rfind(c.column, 0), 0u)
        << item.status().message();
  }
  auto short_row = ParseItemRow("SUP-1,RICE,,12,0,100,IDR,1100,3");
  ASSERT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.status().reason(), "WRONG_COLUMN_COUNT");
}

TEST(SupplierItemCsvTest, KeyOfAnUnparsableRowIsReported) {
  auto layout = ParseSupplierItemCsvHeader(ParseCsv(kItemHeader).at(0));
  ASSERT_TRUE(layout.ok());
  EXPECT_EQ(SupplierItemCsvKey(*layout, ParseCsv("SUP-1,RICE,x").at(0)),
            "SUP-1/RICE");
  EXPECT_EQ(SupplierItemCsvKey(*layout, ParseCsv(",,x").at(0)), "");
}

// --- supplier items and demand as people read them ---

TEST(TableOutputTest, SupplierItemsShowPacksInUnitsAndCostInCurrency) {
  v1::SupplierItem item;
  item.set_supplier_code("SUP-1");
  item.set_sku("RICE");
  item.set_pack_size_milli(10000);
  item.set_min_order_quantity_milli(20000);
  item.mutable_unit_cost()->set_currency_code("IDR");
  item.mutable_unit_cost()->set_minor_units(15000);
  const std::string table =
      Printed(OutputFormat::kTable, item, UnitsOfRiceAndNoodles());
  EXPECT_NE(table.find("pack_size              10.000 kg\n"), std::string::npos)
      << table;
  EXPECT_NE(table.find("unit_cost              Rp 15.000\n"), std::string::npos)
      << table;
  const std::string csv =
      Printed(OutputFormat::kCsv, item, UnitsOfRiceAndNoodles());
  EXPECT_NE(csv.find("10000,20000,15000 IDR"), std::string::npos) << csv;
}

TEST(TableOutputTest, DemandShowsQuantitiesInTheProductsUnits) {
  v1::ProductDemand noodles;
  noodles.set_sku("NOODLE");
  noodles.set_sold_milli(12000);
  noodles.set_net_quantity_milli(12000);
  noodles.set_average_daily_milli(429);
  v1::ProductDemand rice;
  rice.set_sku("RICE");
  rice.set_sold_milli(1250);
  rice.set_net_quantity_milli(1250);
  const std::string table = PrintedList(OutputFormat::kTable, {&noodles, &rice},
                                        UnitsOfRiceAndNoodles());
  EXPECT_NE(table.find("NOODLE  12 pcs"), std::string::npos) << table;
  EXPECT_NE(table.find("0.429 pcs"), std::string::npos) << table;
  EXPECT_NE(table.find("RICE    1.250 kg"), std::string::npos) << table;
  const std::string csv = PrintedList(OutputFormat::kCsv, {&noodles, &rice},
                                      UnitsOfRiceAndNoodles());
  EXPECT_NE(csv.find("NOODLE,12000,0,0,12000,0,0,429\n"), std::string::npos)
      << csv;
}

// --- the allocations and payment methods of `payment record` ---

TEST(ParseAllocationTest, ReadsDocumentNumberAndAmount) {
  auto allocation = ParseAllocation("1042=15000");
  ASSERT_TRUE(allocation.ok()) << allocation.status();
  EXPECT_EQ(allocation->document_number(), 1042);
  EXPECT_EQ(allocation->amount().minor_units(), 15000);
  // The currency is the caller's to set, as for --amount.
  EXPECT_EQ(allocation->amount().currency_code(), "");
  EXPECT_EQ(ParseAllocation("1=1")->amount().minor_units(), 1);
  EXPECT_EQ(ParseAllocation("9223372036854775807=007")->document_number(),
            std::numeric_limits<std::int64_t>::max());
  // Decimal, never octal.
  EXPECT_EQ(ParseAllocation("7=012000")->amount().minor_units(), 12000);
}

TEST(ParseAllocationTest, RejectsMalformedAllocations) {
  for (const char* text :
       {"", "1042", "=15000", "1042=", "0=100", "-1=100", "x=100", "1.5=100",
        "1042=0", "1042=-5", "1042=15.000", "1042=1e3", "1042= 5", " 1=5",
        "1=2=3", "1042:15000", "9223372036854775808=1"}) {
    auto allocation = ParseAllocation(text);
    EXPECT_FALSE(allocation.ok()) << '"' << text << '"';
    EXPECT_EQ(allocation.status().reason(), "INVALID_ALLOCATION") << text;
  }
  // The message quotes the flag and says what is wrong in it.
  const std::string message = ParseAllocation("1042=0").status().message();
  EXPECT_NE(message.find("\"1042=0\""), std::string::npos) << message;
  EXPECT_NE(message.find("above zero"), std::string::npos) << message;
}

TEST(ParsePaymentMethodTest, AcceptsDashesUnderscoresAndAnyCase) {
  EXPECT_EQ(*ParsePaymentMethod("cash"), v1::PAYMENT_METHOD_CASH);
  EXPECT_EQ(*ParsePaymentMethod("bank-transfer"),
            v1::PAYMENT_METHOD_BANK_TRANSFER);
  EXPECT_EQ(*ParsePaymentMethod("BANK_TRANSFER"),
            v1::PAYMENT_METHOD_BANK_TRANSFER);
  EXPECT_EQ(*ParsePaymentMethod("QRIS"), v1::PAYMENT_METHOD_QRIS);
  EXPECT_EQ(*ParsePaymentMethod("Card"), v1::PAYMENT_METHOD_CARD);
  EXPECT_EQ(*ParsePaymentMethod("cheque"), v1::PAYMENT_METHOD_CHEQUE);
  EXPECT_EQ(*ParsePaymentMethod("payment_method_qris"),
            v1::PAYMENT_METHOD_QRIS);
}

TEST(ParsePaymentMethodTest, RejectsUnspecifiedAndUnknownMethods) {
  for (const char* text : {"", "unspecified", "PAYMENT_METHOD_UNSPECIFIED", "1",
                           "bitcoin", " cash", "bank transfer", "giro"}) {
    auto method = ParsePaymentMethod(text);
    EXPECT_FALSE(method.ok()) << '"' << text << '"';
    EXPECT_EQ(method.status().reason(), "INVALID_CHOICE") << text;
  }
  EXPECT_NE(ParsePaymentMethod("bitcoin").status().message().find(
                "cash|bank-transfer|qris|card|cheque"),
            std::string::npos);
  EXPECT_EQ(PaymentMethodChoices(), "cash|bank-transfer|qris|card|cheque");
}

TEST(TableOutputTest, CreditAccountsShowMoneyInItsCurrency) {
  v1::Account account;
  account.set_store_code("JKT01");
  account.mutable_party()->set_kind(v1::PARTY_KIND_CUSTOMER);
  account.mutable_party()->set_code("C-7");
  auto money = [](std::int64_t minor, v1::Money* out) {
    out->set_currency_code("IDR");
    out->set_minor_units(minor);
  };
  money(1250000, account.mutable_balance());
  money(15000, account.mutable_open_holds());
  money(2000000, account.mutable_credit_limit());
  money(735000, account.mutable_available());
  const std::string table = Printed(OutputFormat::kTable, account);
  EXPECT_NE(table.find("balance       Rp 1.250.000\n"), std::string::npos)
      << table;
  EXPECT_NE(table.find("party.kind    PARTY_KIND_CUSTOMER\n"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("available     Rp 735.000\n"), std::string::npos)
      << table;
  const std::string csv = Printed(OutputFormat::kCsv, account);
  EXPECT_NE(csv.find("1250000 IDR"), std::string::npos) << csv;
  const std::string json = Printed(OutputFormat::kJson, account);
  EXPECT_NE(json.find("\"minor_units\": \"1250000\""), std::string::npos)
      << json;
}

// --- the request types and states of `approve`, `reject`, `requests list` ---

TEST(ParseLedgerRequestTypeTest, AcceptsDashesUnderscoresAndAnyCase) {
  EXPECT_EQ(*ParseLedgerRequestType("supplier-payment"),
            v1::LEDGER_REQUEST_TYPE_SUPPLIER_PAYMENT);
  EXPECT_EQ(*ParseLedgerRequestType("SUPPLIER_PAYMENT"),
            v1::LEDGER_REQUEST_TYPE_SUPPLIER_PAYMENT);
  EXPECT_EQ(*ParseLedgerRequestType("write-off"),
            v1::LEDGER_REQUEST_TYPE_WRITE_OFF);
  EXPECT_EQ(*ParseLedgerRequestType("Write_Off"),
            v1::LEDGER_REQUEST_TYPE_WRITE_OFF);
  EXPECT_EQ(*ParseLedgerRequestType("LEDGER_REQUEST_TYPE_WRITE_OFF"),
            v1::LEDGER_REQUEST_TYPE_WRITE_OFF);
}

TEST(ParseLedgerRequestTypeTest, RejectsUnspecifiedAndUnknownTypes) {
  for (const char* text :
       {"", "unspecified", "LEDGER_REQUEST_TYPE_UNSPECIFIED", "1", "payment",
        "writeoff", "write off", " write-off", "supplier-payments"}) {
    auto type = ParseLedgerRequestType(text);
    EXPECT_FALSE(type.ok()) << '"' << text << '"';
    EXPECT_EQ(type.status().reason(), "INVALID_CHOICE") << text;
  }
  EXPECT_NE(ParseLedgerRequestType("payment").status().message().find(
                "supplier-payment|write-off"),
            std::string::npos);
  EXPECT_EQ(LedgerRequestTypeChoices(), "supplier-payment|write-off");
}

TEST(ParseLedgerRequestStateTest, PendingIsShortForPendingApproval) {
  EXPECT_EQ(*ParseLedgerRequestState("pending"),
            v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL);
  EXPECT_EQ(*ParseLedgerRequestState("PENDING"),
            v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL);
  EXPECT_EQ(*ParseLedgerRequestState("pending-approval"),
            v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL);
  EXPECT_EQ(*ParseLedgerRequestState("LEDGER_REQUEST_STATE_PENDING_APPROVAL"),
            v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL);
  EXPECT_EQ(*ParseLedgerRequestState("posted"),
            v1::LEDGER_REQUEST_STATE_POSTED);
  EXPECT_EQ(*ParseLedgerRequestState("Rejected"),
            v1::LEDGER_REQUEST_STATE_REJECTED);
}

TEST(ParseLedgerRequestStateTest, RejectsUnspecifiedAndUnknownStates) {
  for (const char* text :
       {"", "unspecified", "LEDGER_REQUEST_STATE_UNSPECIFIED", "0", "2",
        "approved", "pend", "pending approval", " posted",
        "LEDGER_REQUEST_STATE_PENDING"}) {
    auto state = ParseLedgerRequestState(text);
    EXPECT_FALSE(state.ok()) << '"' << text << '"';
    EXPECT_EQ(state.status().reason(), "INVALID_CHOICE") << text;
  }
  const std::string message =
      ParseLedgerRequestState("approved").status().message();
  EXPECT_NE(message.find("\"approved\""), std::string::npos) << message;
  EXPECT_NE(message.find("pending|posted|rejected"), std::string::npos)
      << message;
  EXPECT_EQ(LedgerRequestStateChoices(), "pending|posted|rejected");
}

TEST(TableOutputTest, LedgerRequestsAndPayablesShowMoneyInItsCurrency) {
  v1::LedgerRequest request;
  request.set_store_code("JKT01");
  request.set_ledger_request_id("wo-1");
  request.set_type(v1::LEDGER_REQUEST_TYPE_WRITE_OFF);
  request.set_state(v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL);
  request.mutable_amount()->set_currency_code("IDR");
  request.mutable_amount()->set_minor_units(15000);
  const std::string table = Printed(OutputFormat::kTable, request);
  EXPECT_NE(table.find("Rp 15.000"), std::string::npos) << table;
  EXPECT_NE(table.find("LEDGER_REQUEST_STATE_PENDING_APPROVAL"),
            std::string::npos)
      << table;
  const std::string json = Printed(OutputFormat::kJson, request);
  EXPECT_NE(json.find("\"minor_units\": \"15000\""), std::string::npos) << json;

  v1::PayableDue payable;
  payable.set_store_code("JKT01");
  payable.set_supplier_code("SUP-1");
  payable.mutable_amount_due()->set_currency_code("IDR");
  payable.mutable_amount_due()->set_minor_units(2500000);
  payable.mutable_overdue()->set_currency_code("IDR");
  payable.mutable_overdue()->set_minor_units(1000000);
  payable.set_document_count(3);
  const std::string rows = PrintedList(OutputFormat::kTable, {&payable});
  EXPECT_NE(rows.find("Rp 2.500.000"), std::string::npos) << rows;
  EXPECT_NE(rows.find("Rp 1.000.000"), std::string::npos) << rows;
  const std::string csv = PrintedList(OutputFormat::kCsv, {&payable});
  EXPECT_NE(csv.find("2500000 IDR"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("Rp "), std::string::npos) << csv;
}

// --- what `invoice match` says of a blocked invoice ---

TEST(BlockedInvoiceNoticeTest, NamesTheReceiptsAndTheManagersCommand) {
  v1::SupplierInvoice invoice;
  invoice.set_store_code("JKT01");
  invoice.set_invoice_id("inv-7");
  invoice.set_state(v1::SUPPLIER_INVOICE_STATE_BLOCKED);
  invoice.add_receipt_ids("GR-1");
  invoice.add_receipt_ids("GR-2");
  invoice.mutable_difference()->set_currency_code("IDR");
  invoice.mutable_difference()->set_minor_units(-25000);
  invoice.mutable_tolerance()->set_currency_code("IDR");
  invoice.mutable_tolerance()->set_minor_units(10000);
  EXPECT_EQ(BlockedInvoiceNotice(invoice),
            "backofficectl: invoice inv-7 is BLOCKED: it differs from what "
            "was received by -Rp 25.000 (tolerance Rp 10.000); the payables "
            "of receipts GR-1, GR-2 are blocked until a manager runs: "
            "backofficectl invoice accept JKT01 inv-7 --reason TEXT\n");
  invoice.clear_receipt_ids();
  invoice.add_receipt_ids("GR-3");
  EXPECT_NE(BlockedInvoiceNotice(invoice).find(
                "the payables of receipt GR-3 are blocked"),
            std::string::npos);
}

TEST(TableOutputTest, SupplierInvoicesShowMoneyInItsCurrency) {
  v1::SupplierInvoice invoice;
  invoice.set_store_code("JKT01");
  invoice.set_invoice_id("inv-7");
  invoice.set_state(v1::SUPPLIER_INVOICE_STATE_BLOCKED);
  invoice.add_receipt_ids("GR-1");
  invoice.mutable_invoice_amount()->set_currency_code("IDR");
  invoice.mutable_invoice_amount()->set_minor_units(1025000);
  invoice.mutable_difference()->set_currency_code("IDR");
  invoice.mutable_difference()->set_minor_units(25000);
  const std::string table = Printed(OutputFormat::kTable, invoice);
  EXPECT_NE(table.find("Rp 1.025.000"), std::string::npos) << table;
  EXPECT_NE(table.find("SUPPLIER_INVOICE_STATE_BLOCKED"), std::string::npos)
      << table;
  const std::string json = Printed(OutputFormat::kJson, invoice);
  EXPECT_NE(json.find("\"minor_units\": \"1025000\""), std::string::npos)
      << json;
}

}  // namespace
}  // namespace backoffice::ctl
