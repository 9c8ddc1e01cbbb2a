#include "core/domain/validation.h"

#include <gtest/gtest.h>

#include "access/domain/access.h"
#include "catalog/domain/catalog_validation.h"
#include "core/domain/token_secret.h"

namespace backoffice::domain {
namespace {

Store GoodStore() {
  return Store{"JKT-01", "Jakarta Satu", "Asia/Jakarta", "IDR", 0, 0};
}

Product GoodProduct() {
  Product p;
  p.sku = "SKU-1";
  p.barcodes = {"8991234567890", "0123"};
  p.display_name = "Indomie Goreng";
  p.unit_of_measure = "pcs";
  p.tax_rate_basis_points = 1100;
  p.default_price = Money{"IDR", 3500};
  return p;
}

TEST(ValidateCode, AcceptsLettersDigitsDashUnderscore) {
  EXPECT_TRUE(ValidateCode("code", "A-b_9").ok());
}

TEST(ValidateCode, RefusesEmptyLongAndOddCharacters) {
  EXPECT_EQ(ValidateCode("code", "").reason(), "INVALID_CODE");
  EXPECT_EQ(ValidateCode("code", std::string(33, 'A')).reason(),
            "INVALID_CODE");
  EXPECT_EQ(ValidateCode("store_code", "A B").reason(), "INVALID_STORE_CODE");
  EXPECT_EQ(ValidateCode("code", "A B").code(), StatusCode::kInvalidArgument);
}

TEST(ValidateName, CountsCharactersNotBytes) {
  std::string two_hundred_e_acute;
  for (int i = 0; i < 200; ++i) two_hundred_e_acute += "\xc3\xa9";
  EXPECT_TRUE(ValidateName("display_name", two_hundred_e_acute).ok());
  EXPECT_FALSE(ValidateName("display_name", two_hundred_e_acute + "x").ok());
}

TEST(ValidateName, RefusesControlsAndBrokenUtf8) {
  EXPECT_FALSE(ValidateName("display_name", "a\nb").ok());
  EXPECT_FALSE(ValidateName("display_name", "\xc3").ok());
  EXPECT_FALSE(ValidateName("display_name", "").ok());
}

TEST(ValidateStore, AcceptsAGoodStore) {
  EXPECT_TRUE(ValidateStore(GoodStore()).ok());
}

TEST(ValidateStore, RefusesUnknownTimeZoneAndBadCurrency) {
  Store s = GoodStore();
  s.time_zone = "Asia/Atlantis";
  EXPECT_EQ(ValidateStore(s).reason(), "INVALID_TIME_ZONE");
  s.time_zone = "../../etc/passwd";
  EXPECT_EQ(ValidateStore(s).reason(), "INVALID_TIME_ZONE");
  s = GoodStore();
  s.currency_code = "idr";
  EXPECT_EQ(ValidateStore(s).reason(), "INVALID_CURRENCY_CODE");
}

TEST(ValidateTimeZone, AcceptsOnlyZonesTheTimeZoneLibraryLoads) {
  for (const char* zone :
       {"leapseconds", "zone.tab", "zone1970.tab", "iso3166.tab", "tzdata.zi",
        "posixrules", "localtime", "Asia", "", "/usr/share/zoneinfo/UTC",
        "Asia/../Asia/Jakarta", "Asia/Jakarta "}) {
    EXPECT_EQ(ValidateTimeZone("time_zone", zone).reason(), "INVALID_TIME_ZONE")
        << zone;
  }
  EXPECT_FALSE(ValidateTimeZone("time_zone", std::string(70, 'A')).ok());
  for (const char* zone :
       {"UTC", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Etc/GMT-7",
        "EST5EDT", "America/Argentina/Buenos_Aires"}) {
    EXPECT_TRUE(ValidateTimeZone("time_zone", zone).ok()) << zone;
  }
}

TEST(ValidateProduct, SortsBarcodesAndRefusesDuplicates) {
  Product p = GoodProduct();
  ASSERT_TRUE(ValidateProduct(p).ok());
  EXPECT_EQ(p.barcodes, (std::vector<std::string>{"0123", "8991234567890"}));
  p.barcodes.push_back("0123");
  EXPECT_EQ(ValidateProduct(p).reason(), "INVALID_BARCODES");
}

TEST(ValidateProduct, RefusesNegativePriceAndTaxOutOfRange) {
  Product p = GoodProduct();
  p.default_price.minor_units = -1;
  EXPECT_EQ(ValidateProduct(p).reason(), "INVALID_DEFAULT_PRICE_MINOR_UNITS");
  p = GoodProduct();
  p.tax_rate_basis_points = 10001;
  EXPECT_EQ(ValidateProduct(p).reason(), "INVALID_TAX_RATE_BASIS_POINTS");
}

TEST(ValidateSetting, RefusesMaximumBelowMinimumAndForeignCurrency) {
  ProductStoreSetting x{"JKT-01", "SKU-1", std::nullopt, 10, 20, 5, 0, ""};
  EXPECT_EQ(ValidateProductStoreSetting(x, "IDR").reason(),
            "INVALID_MAX_QUANTITY_MILLI");
  x.max_quantity_milli = 0;  // No maximum.
  EXPECT_TRUE(ValidateProductStoreSetting(x, "IDR").ok());
  x.price_override = Money{"USD", 100};
  EXPECT_EQ(ValidateProductStoreSetting(x, "IDR").reason(),
            "INVALID_PRICE_OVERRIDE_CURRENCY_CODE");
}

TEST(ValidateAccessToken, BindsStoreRolesToAStoreAndTillsToATerminal) {
  AccessToken t;
  t.display_name = "till 1";
  t.role = Role::kPosTerminal;
  t.store_code = "JKT-01";
  EXPECT_EQ(ValidateAccessToken(t).reason(), "INVALID_TERMINAL_CODE");
  t.terminal_code = "T1";
  EXPECT_TRUE(ValidateAccessToken(t).ok());
  t.role = Role::kHeadOffice;
  EXPECT_FALSE(ValidateAccessToken(t).ok());
  t.store_code.clear();
  t.terminal_code.clear();
  EXPECT_TRUE(ValidateAccessToken(t).ok());
}

TEST(UpdateMask, AppliesOnlyNamedPathsAndRefusesUnknownOnes) {
  Store current = GoodStore();
  Store patch = GoodStore();
  patch.display_name = "New name";
  patch.time_zone = "Asia/Makassar";
  ASSERT_TRUE(ApplyStoreMask({"display_name"}, patch, current).ok());
  EXPECT_EQ(current.display_name, "New name");
  EXPECT_EQ(current.time_zone, "Asia/Jakarta");
  EXPECT_EQ(ApplyStoreMask({"code"}, patch, current).reason(),
            "INVALID_UPDATE_MASK");
}

PageScope ProductsScope(const std::string& text = "") {
  return PageScope("products", PageKeyKind::kText).Add(text).Add(false);
}

PageScope SalesScope(const std::string& store = "JKT01") {
  return PageScope("sales", PageKeyKind::kSequence).Add(store);
}

TEST(PageToken, RoundTripsAndRefusesGarbage) {
  auto request = MakePageRequest(
      10, EncodePageToken(ProductsScope().Digest(), "SKU-42"), ProductsScope());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->after_key, "SKU-42");
  EXPECT_EQ(request->page_size, 10);
  EXPECT_EQ(MakePageRequest(0, "", ProductsScope())->page_size,
            kDefaultPageSize);
  EXPECT_EQ(MakePageRequest(10, "zz", ProductsScope()).status().reason(),
            "INVALID_PAGE_TOKEN");
  EXPECT_EQ(MakePageRequest(1001, "", ProductsScope()).status().reason(),
            "INVALID_PAGE_SIZE");
  EXPECT_EQ(MakePageRequest(-1, "", ProductsScope()).status().reason(),
            "INVALID_PAGE_SIZE");
}

TEST(PageToken, IsBoundToItsListAndFilters) {
  const std::string token =
      EncodePageToken(ProductsScope("kopi").Digest(), "SKU-42");
  EXPECT_TRUE(MakePageRequest(10, token, ProductsScope("kopi")).ok());
  EXPECT_EQ(MakePageRequest(10, token, ProductsScope("teh")).status().reason(),
            "INVALID_PAGE_TOKEN");
  EXPECT_EQ(MakePageRequest(10, token, ProductsScope()).status().reason(),
            "INVALID_PAGE_TOKEN");
  EXPECT_EQ(
      MakePageRequest(
          10, token,
          PageScope("suppliers", PageKeyKind::kText).Add("kopi").Add(false))
          .status()
          .reason(),
      "INVALID_PAGE_TOKEN");
  // Filters are length-prefixed: ("ab", "c") is not ("a", "bc").
  EXPECT_NE(PageScope("x", PageKeyKind::kText).Add("ab").Add("c").Digest(),
            PageScope("x", PageKeyKind::kText).Add("a").Add("bc").Digest());
  EXPECT_NE(PageScope("x", PageKeyKind::kText)
                .Add(std::optional<std::int64_t>())
                .Digest(),
            PageScope("x", PageKeyKind::kText)
                .Add(std::optional<std::int64_t>(0))
                .Digest());
}

TEST(PageToken, ASequenceKeyIsADecimalAsIssued) {
  const std::string digest = SalesScope().Digest();
  auto request =
      MakePageRequest(5, EncodePageToken(digest, "42"), SalesScope());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->after_sequence, 42);
  EXPECT_FALSE(MakePageRequest(5, "", SalesScope())->after_sequence);
  for (const char* key : {"abc", "-1", "+1", " 1", "1 ", "042", "1e3", "tok_5",
                          "9999999999999999999", "99999999999999999999999"}) {
    EXPECT_EQ(MakePageRequest(5, EncodePageToken(digest, key), SalesScope())
                  .status()
                  .reason(),
              "INVALID_PAGE_TOKEN")
        << key;
  }
}

TEST(PageToken, RefusesMalformedTokens) {
  const std::string digest = ProductsScope().Digest();
  const std::string good = EncodePageToken(digest, "SKU-1");
  const std::string bad[] = {
      "p1" + good.substr(2),            // An old or foreign version.
      good.substr(0, good.size() - 1),  // Odd length.
      good.substr(0, 18),               // No key.
      "p2" + digest.substr(0, 8),       // Cut inside the digest.
      good + "0a",                      // A control character in the key.
      good + "ff",                      // Not UTF-8.
      "p2" + digest + std::string(2 * 65, '4'),  // A key beyond 64 bytes.
      "P2" + good.substr(2),
      good.substr(0, 18) + "4G",
      "p2" + std::string(16, 'A') + "41",
  };
  for (const auto& token : bad) {
    EXPECT_EQ(MakePageRequest(5, token, ProductsScope()).status().reason(),
              "INVALID_PAGE_TOKEN")
        << token;
  }
}

TEST(MakePage, SetsNextTokenOnlyWhenMoreItemsFollow) {
  PageRequest request;
  request.page_size = 2;
  request.scope_digest = ProductsScope().Digest();
  auto page = MakePage(std::vector<std::string>{"a", "b", "c"}, request,
                       [](const std::string& s) { return s; });
  EXPECT_EQ(page.items, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(page.next_page_token, EncodePageToken(request.scope_digest, "b"));
  auto next = MakePageRequest(2, page.next_page_token, ProductsScope());
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->after_key, "b");
  auto last = MakePage(std::vector<std::string>{"a", "b"}, request,
                       [](const std::string& s) { return s; });
  EXPECT_TRUE(last.next_page_token.empty());
}

TEST(UpdateMask, AnEmptyMaskChangesNothingAndStarChangesEverything) {
  EXPECT_FALSE(MaskHas({}, "display_name"));
  EXPECT_TRUE(MaskHas({"*"}, "display_name"));
  EXPECT_TRUE(MaskHas({"active", "display_name"}, "display_name"));
  Terminal current{"JKT01", "T1", "Front", true, 0, 0};
  Terminal patch{"JKT01", "T1", "Back", false, 0, 0};
  ASSERT_TRUE(ApplyTerminalMask({}, patch, current).ok());
  EXPECT_EQ(current.display_name, "Front");
  EXPECT_TRUE(current.active);
  ASSERT_TRUE(ApplyTerminalMask({"display_name"}, patch, current).ok());
  EXPECT_EQ(current.display_name, "Back");
  EXPECT_TRUE(current.active);
  ASSERT_TRUE(ApplyTerminalMask({"*"}, patch, current).ok());
  EXPECT_FALSE(current.active);
  EXPECT_EQ(ApplyTerminalMask({"*", "active"}, patch, current).reason(),
            "INVALID_UPDATE_MASK");
}

TEST(StoreCurrency, IsFixedOnceMoneyIsCountedInIt) {
  Store before = GoodStore();
  Store after = GoodStore();
  after.currency_code = "USD";
  EXPECT_TRUE(CheckStoreCurrencyChange(before, after, {}).ok());
  EXPECT_TRUE(
      CheckStoreCurrencyChange(before, before, {true, true, true}).ok());
  for (StoreMoneyUse use :
       {StoreMoneyUse{true, false, false}, StoreMoneyUse{false, true, false},
        StoreMoneyUse{false, false, true}}) {
    Status s = CheckStoreCurrencyChange(before, after, use);
    EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s;
    EXPECT_EQ(s.reason(), "STORE_CURRENCY_IN_USE");
  }
}

TEST(TokenSecret, IsRandomAndHashedToHex) {
  std::string a = GenerateTokenSecret();
  std::string b = GenerateTokenSecret();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 67u);
  EXPECT_EQ(a.rfind("bo_", 0), 0u);
  EXPECT_EQ(HashTokenSecret(a).size(), 64u);
  EXPECT_NE(HashTokenSecret(a), HashTokenSecret(b));
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace backoffice::domain
