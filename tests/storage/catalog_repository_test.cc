// The catalog repositories against the private MariaDB with the real
// migrations: keys, audit in the same transaction, import, paging and
// concurrent writers.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "access/storage/mysql_access_repository.h"
#include "catalog/domain/catalog.h"
#include "catalog/storage/mysql_catalog_repository.h"
#include "core/domain/errors.h"
#include "core/storage/migrations.h"
#include "test_env.h"

namespace backoffice::storage {
namespace {

using domain::Product;
using domain::RequestContext;
using domain::Store;

class CatalogRepositoryTest : public ::testing::Test {
 protected:
  CatalogRepositoryTest() : db_(scratch_.config()), repository_(db_) {
    auto migrated = Migrate(db_);
    if (!migrated.ok()) throw std::runtime_error(migrated.status().ToString());
    ctx_.principal =
        domain::Principal{1, "tester", domain::Role::kAdmin, "", ""};
    ctx_.method = "/backoffice.v1.CatalogService/Test";
    ctx_.request_id = "req-1";
    ctx_.peer = "ipv4:127.0.0.1:1";
  }

  static Store MakeStore(const std::string& code) {
    return Store{code, "Store " + code, "Asia/Jakarta", "IDR", 0, 0};
  }

  static Product MakeProduct(const std::string& sku,
                             std::vector<std::string> barcodes) {
    Product p;
    p.sku = sku;
    p.barcodes = std::move(barcodes);
    p.display_name = "Product " + sku;
    p.unit_of_measure = "pcs";
    p.tax_rate_basis_points = 1100;
    p.default_price = domain::Money{"IDR", 5000};
    return p;
  }

  testing::ScratchDatabase scratch_;
  Database db_;
  MySqlCatalogRepository repository_;
  RequestContext ctx_;
};

TEST_F(CatalogRepositoryTest, CreateWritesTheRowAndItsAuditRecordTogether) {
  auto store = repository_.CreateStore(MakeStore("JKT01"), ctx_);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(store->code, "JKT01");
  EXPECT_GT(store->create_time, 0);
  EXPECT_EQ(scratch_.CountRows("audit_records WHERE entity_type = 'store' AND "
                               "entity_id = 'JKT01' AND request_id = 'req-1' "
                               "AND principal_id = 1"),
            1);
}

TEST_F(CatalogRepositoryTest, DuplicateStoreIsRefusedAndLeavesNoAudit) {
  ASSERT_TRUE(repository_.CreateStore(MakeStore("JKT01"), ctx_).ok());
  auto again = repository_.CreateStore(MakeStore("JKT01"), ctx_);
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.status().reason(), "STORE_ALREADY_EXISTS");
  EXPECT_EQ(scratch_.CountRows("stores"), 1);
  EXPECT_EQ(scratch_.CountRows("audit_records"), 1);
}

TEST_F(CatalogRepositoryTest, DuplicateBarcodeRollsBackTheWholeProduct) {
  ASSERT_TRUE(repository_.CreateProduct(MakeProduct("A", {"111"}), ctx_).ok());
  auto clash =
      repository_.CreateProduct(MakeProduct("B", {"222", "111"}), ctx_);
  EXPECT_EQ(clash.status().reason(), "BARCODE_ALREADY_EXISTS");
  EXPECT_EQ(scratch_.CountRows("products"), 1);
  EXPECT_EQ(scratch_.CountRows("product_barcodes"), 1);
  EXPECT_EQ(scratch_.CountRows("audit_records"), 1);
  auto dup_sku = repository_.CreateProduct(MakeProduct("A", {"333"}), ctx_);
  EXPECT_EQ(dup_sku.status().reason(), "SKU_ALREADY_EXISTS");
}

TEST_F(CatalogRepositoryTest, FailedMutationChangesNothingAndIsNotAudited) {
  ASSERT_TRUE(repository_.CreateStore(MakeStore("JKT01"), ctx_).ok());
  auto updated = repository_.UpdateStore(
      "JKT01",
      [](Store& s, const domain::StoreMoneyUse&) {
        s.display_name = "changed";
        return domain::InvalidArgument("NOPE", "refused by the rule");
      },
      ctx_);
  EXPECT_EQ(updated.status().reason(), "NOPE");
  EXPECT_EQ(repository_.GetStore("JKT01")->display_name, "Store JKT01");
  EXPECT_EQ(scratch_.CountRows("audit_records"), 1);
}

// The domain checks a price override or a credit limit against the store's
// currency before it writes, but the currency may change in between. The
// repository checks again against the store row it share-locks, so an
// amount in the old currency is refused and nothing is written.
TEST_F(CatalogRepositoryTest, MoneyIsCheckedAgainstTheLockedStoreCurrency) {
  ASSERT_TRUE(repository_.CreateStore(MakeStore("JKT01"), ctx_).ok());
  ASSERT_TRUE(repository_.CreateProduct(MakeProduct("RICE", {}), ctx_).ok());
  // The currency changes after the caller read IDR (the store has nothing
  // priced yet, so the change is allowed).
  auto changed = repository_.UpdateStore(
      "JKT01",
      [](Store& store, const domain::StoreMoneyUse&) {
        store.currency_code = "USD";
        return Status();
      },
      ctx_);
  ASSERT_TRUE(changed.ok()) << changed.status();

  domain::ProductStoreSetting setting;
  setting.store_code = "JKT01";
  setting.sku = "RICE";
  setting.price_override = domain::Money{"IDR", 4000};
  auto priced = repository_.SetProductStoreSetting(setting, ctx_);
  EXPECT_EQ(priced.status().reason(), "INVALID_PRICE_OVERRIDE_CURRENCY_CODE");
  EXPECT_EQ(scratch_.CountRows("product_store_settings"), 0);

  domain::Customer customer;
  customer.store_code = "JKT01";
  customer.code = "C1";
  customer.display_name = "Customer";
  customer.credit_limit = domain::Money{"IDR", 100000};
  auto created = repository_.CreateCustomer(customer, ctx_);
  EXPECT_EQ(created.status().reason(), "INVALID_CREDIT_LIMIT_CURRENCY_CODE");
  EXPECT_EQ(scratch_.CountRows("customers"), 0);

  setting.price_override = domain::Money{"USD", 300};
  EXPECT_TRUE(repository_.SetProductStoreSetting(setting, ctx_).ok());
}

TEST_F(CatalogRepositoryTest, ProductIsFoundByEachBarcodeAndBarcodesCanMove) {
  ASSERT_TRUE(
      repository_.CreateProduct(MakeProduct("A", {"111", "112"}), ctx_).ok());
  EXPECT_EQ(repository_.GetProductByBarcode("112")->sku, "A");
  EXPECT_EQ(repository_.GetProductByBarcode("999").status().reason(),
            "PRODUCT_NOT_FOUND");
  auto updated = repository_.UpdateProduct(
      "A",
      [](Product& p) {
        p.barcodes = {"113"};
        return Status();
      },
      ctx_);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->barcodes, std::vector<std::string>{"113"});
  EXPECT_EQ(repository_.GetProductByBarcode("111").status().code(),
            StatusCode::kNotFound);
}

TEST_F(CatalogRepositoryTest, ImportCreatesUpdatesAndThenChangesNothing) {
  ASSERT_TRUE(
      repository_.CreateProduct(MakeProduct("TAKEN", {"555"}), ctx_).ok());
  std::vector<domain::ImportRow> rows = {
      {2, MakeProduct("P1", {"101"}), {}},
      {3, MakeProduct("P2", {"555"}), {}},  // Barcode of another product.
      {4, MakeProduct("TAKEN", {"555", "556"}), {}},
  };
  auto first = repository_.ImportProducts(rows, ctx_);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ((*first)[0].outcome, domain::ImportOutcome::kCreated);
  EXPECT_EQ((*first)[1].outcome, domain::ImportOutcome::kRejected);
  EXPECT_EQ((*first)[1].reason, "BARCODE_ALREADY_EXISTS");
  EXPECT_EQ((*first)[1].line_number, 3);
  EXPECT_EQ((*first)[2].outcome, domain::ImportOutcome::kUpdated);
  EXPECT_EQ(scratch_.CountRows("products WHERE sku = 'P2'"), 0);
  const long long audits = scratch_.CountRows("audit_records");

  auto second = repository_.ImportProducts({rows[0], rows[2]}, ctx_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ((*second)[0].outcome, domain::ImportOutcome::kUnchanged);
  EXPECT_EQ((*second)[1].outcome, domain::ImportOutcome::kUnchanged);
  EXPECT_EQ(scratch_.CountRows("audit_records"), audits);
}

// An import of many rows, most unchanged, while a till's sale holds the
// shared lock that its sale line's foreign key takes on an unchanged
// product: the import must neither lock that row nor wait for it. (A single
// transaction that locked every row it read timed out here.)
TEST_F(CatalogRepositoryTest, ImportDoesNotLockOrWaitForUnchangedRows) {
  constexpr int kRows = 1000;
  auto sku = [](int i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "SKU%04d", i);
    return std::string(buf);
  };
  std::vector<domain::ImportRow> rows;
  for (int i = 0; i < kRows; ++i) {
    rows.push_back({i + 2, MakeProduct(sku(i), {"77" + sku(i)}), {}});
  }
  auto first = repository_.ImportProducts(rows, ctx_);
  ASSERT_TRUE(first.ok()) << first.status();
  for (const auto& r : *first) {
    ASSERT_EQ(r.outcome, domain::ImportOutcome::kCreated) << r.sku;
  }
  const long long audits = scratch_.CountRows("audit_records");
  const long long before_time = scratch_.CountRows(
      "products WHERE sku = 'SKU0000' AND update_time = create_time");
  ASSERT_EQ(before_time, 1);

  // The second file: a price change, a moved barcode, a new product, a row
  // whose barcode belongs to another product, and 996 unchanged rows.
  rows[10].product.default_price.minor_units = 6000;
  rows[20].product.barcodes = {"88SKU0020"};
  rows[999].product = MakeProduct("NEW", {"99NEW"});
  rows[30].product.barcodes = {"77SKU0040"};
  rows[30].product.display_name = "Clash";

  domain::Product untouched_before = *repository_.GetProductBySku("SKU0500");

  // The import's pool waits for a row lock at most 1 s (and retries).
  auto config = scratch_.config();
  config.lock_wait_timeout_seconds = 1;
  config.io_timeout_seconds = 3;
  Database import_db(config);
  MySqlCatalogRepository importer(import_db);
  Database till_db(scratch_.config());

  StatusOr<std::vector<domain::ImportResult>> second =
      Status(StatusCode::kUnknown, "NOT_RUN", "not run");
  const auto start = std::chrono::steady_clock::now();
  Status till = till_db.InTransaction([&](soci::session& s) {
    // What a sale line's foreign key check does to the product row.
    long long id = 0;
    s << "SELECT id FROM products WHERE sku = 'SKU0000' LOCK IN SHARE MODE",
        soci::into(id);
    s << "SELECT id FROM products WHERE sku = 'SKU0500' LOCK IN SHARE MODE",
        soci::into(id);
    second = importer.ImportProducts(rows, ctx_);
    return Status();
  });
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(till.ok()) << till;
  ASSERT_TRUE(second.ok())
      << second.status() << " after "
      << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()
      << " ms";

  int created = 0, updated = 0, unchanged = 0, rejected = 0;
  for (std::size_t i = 0; i < second->size(); ++i) {
    const auto& r = (*second)[i];
    EXPECT_EQ(r.line_number, rows[i].line_number);
    EXPECT_EQ(r.sku, rows[i].product.sku);
    switch (r.outcome) {
      case domain::ImportOutcome::kCreated:
        ++created;
        break;
      case domain::ImportOutcome::kUpdated:
        ++updated;
        break;
      case domain::ImportOutcome::kUnchanged:
        ++unchanged;
        break;
      case domain::ImportOutcome::kRejected:
        ++rejected;
        break;
    }
  }
  EXPECT_EQ((*second)[10].outcome, domain::ImportOutcome::kUpdated);
  EXPECT_EQ((*second)[20].outcome, domain::ImportOutcome::kUpdated);
  EXPECT_EQ((*second)[999].outcome, domain::ImportOutcome::kCreated);
  EXPECT_EQ((*second)[30].outcome, domain::ImportOutcome::kRejected);
  EXPECT_EQ((*second)[30].reason, "BARCODE_ALREADY_EXISTS");
  EXPECT_EQ(created, 1);
  EXPECT_EQ(updated, 2);
  EXPECT_EQ(rejected, 1);
  EXPECT_EQ(unchanged, kRows - 4);

  // Each change is written with its audit record; nothing else is.
  EXPECT_EQ(scratch_.CountRows("audit_records"), audits + 3);
  EXPECT_EQ(scratch_.CountRows("products WHERE sku = 'SKU0010' AND "
                               "default_price_minor = 6000"),
            1);
  EXPECT_EQ(repository_.GetProductByBarcode("88SKU0020")->sku, "SKU0020");
  EXPECT_EQ(repository_.GetProductByBarcode("77SKU0040")->sku, "SKU0040");
  EXPECT_EQ(repository_.GetProductBySku("SKU0030")->display_name,
            "Product SKU0030");
  EXPECT_EQ(repository_.GetProductBySku("SKU0030")->barcodes,
            std::vector<std::string>{"77SKU0030"});
  EXPECT_EQ(repository_.GetProductBySku("NEW")->barcodes,
            std::vector<std::string>{"99NEW"});
  EXPECT_EQ(repository_.GetProductBySku("SKU0500")->update_time,
            untouched_before.update_time);
}

TEST_F(CatalogRepositoryTest, PagesCoverEveryStoreOnceInOrder) {
  domain::Catalog catalog(repository_);
  for (int i = 0; i < 25; ++i) {
    char code[8];
    std::snprintf(code, sizeof code, "S%02d", i);
    ASSERT_TRUE(repository_.CreateStore(MakeStore(code), ctx_).ok());
  }
  std::vector<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    auto page = catalog.ListStores(ctx_, 10, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& s : page->items) seen.push_back(s.code);
    token = page->next_page_token;
    ++pages;
  } while (!token.empty());
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 25u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}

TEST_F(CatalogRepositoryTest, ConcurrentCreatesOfOneSkuLeaveExactlyOne) {
  constexpr int kWriters = 8;
  std::atomic<int> created{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      auto p = MakeProduct("HOT", {"9" + std::to_string(i)});
      auto result = repository_.CreateProduct(p, ctx_);
      if (result.ok()) {
        ++created;
      } else if (result.status().reason() == "SKU_ALREADY_EXISTS") {
        ++refused;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(refused.load(), kWriters - 1);
  EXPECT_EQ(scratch_.CountRows("products"), 1);
  EXPECT_EQ(scratch_.CountRows("product_barcodes"), 1);
  EXPECT_EQ(scratch_.CountRows("audit_records"), 1);
}

TEST_F(CatalogRepositoryTest, TheDatabaseRefusesToEditOrDeleteAudit) {
  ASSERT_TRUE(repository_.CreateStore(MakeStore("JKT01"), ctx_).ok());
  EXPECT_ANY_THROW(
      scratch_.Execute("UPDATE audit_records SET entity_id = 'x'"));
  EXPECT_ANY_THROW(scratch_.Execute("DELETE FROM audit_records"));
  EXPECT_EQ(scratch_.CountRows("audit_records WHERE entity_id = 'JKT01'"), 1);
}

TEST_F(CatalogRepositoryTest, TokensAreStoredAsHashesAndRevocationIsImmediate) {
  MySqlAccessRepository access(db_);
  domain::AccessToken token;
  token.display_name = "admin";
  token.role = domain::Role::kAdmin;
  auto created = access.CreateToken(token, std::string(64, 'a'), nullptr);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_TRUE(access.FindPrincipalByTokenHash(std::string(64, 'a')).ok());
  ASSERT_TRUE(access.RevokeToken(created->id, ctx_).ok());
  EXPECT_EQ(
      access.FindPrincipalByTokenHash(std::string(64, 'a')).status().code(),
      StatusCode::kUnauthenticated);
  EXPECT_EQ(
      scratch_.CountRows("audit_records WHERE entity_type = 'access_token'"),
      2);
}

}  // namespace
}  // namespace backoffice::storage
