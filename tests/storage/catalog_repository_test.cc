// The catalog repositories against the private MariaDB with the real
// migrations: keys, audit in the same transaction, import, paging and
// concurrent writers.
#include <gtest/gtest.h>

#include <atomic>
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
      {2, MakeProduct("P1", {"101"})},
      {3, MakeProduct("P2", {"555"})},  // Barcode of another product.
      {4, MakeProduct("TAKEN", {"555", "556"})},
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
