// The catalog repository's products: create, read, update, list and the
// CSV import, and the product rows the other catalog files share
// (catalog_rows.h).
#include <algorithm>
#include <map>

#include "catalog/domain/catalog_validation.h"
#include "catalog/storage/catalog_rows.h"
#include "catalog/storage/mysql_catalog_repository.h"
#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "core/storage/session_value.h"
#include "core/storage/sql_util.h"

namespace backoffice::storage {
namespace {

using domain::AuditEntry;
using domain::ImportResult;
using domain::Product;
using domain::RequestContext;

const std::string kSelectProduct =
    "SELECT p.id, p.sku, p.display_name, p.unit_of_measure, p.sold_by_weight, "
    "p.tax_rate_basis_points, p.default_price_minor, p.price_currency_code, "
    "p.active, " BO_MICROS("p.create_time") ", " BO_MICROS(
        "p.update_time") ", (SELECT GROUP_CONCAT(b.barcode ORDER BY b.barcode "
                         "SEPARATOR ',') FROM product_barcodes b WHERE "
                         "b.product_id = p.id), p.shelf_life_days, "
                         "p.sell_by_margin_days, (SELECT su.code FROM "
                         "suppliers su WHERE su.id = "
                         "p.preferred_supplier_id) FROM products p";

ProductRow ReadProductRow(const soci::row& r) {
  ProductRow row;
  row.id = GetInt64(r, 0);
  Product& p = row.product;
  p.sku = GetString(r, 1);
  p.display_name = GetString(r, 2);
  p.unit_of_measure = GetString(r, 3);
  p.sold_by_weight = GetBool(r, 4);
  p.tax_rate_basis_points = static_cast<std::int32_t>(GetInt64(r, 5));
  p.default_price.minor_units = GetInt64(r, 6);
  p.default_price.currency_code = GetString(r, 7);
  p.active = GetBool(r, 8);
  p.create_time = GetInt64(r, 9);
  p.update_time = GetInt64(r, 10);
  std::string barcodes = GetString(r, 11);
  std::size_t start = 0;
  while (start < barcodes.size()) {
    std::size_t comma = barcodes.find(',', start);
    if (comma == std::string::npos) comma = barcodes.size();
    p.barcodes.push_back(barcodes.substr(start, comma - start));
    start = comma + 1;
  }
  p.shelf_life_days = static_cast<std::int32_t>(GetInt64(r, 12));
  p.sell_by_margin_days = static_cast<std::int32_t>(GetInt64(r, 13));
  p.preferred_supplier = GetString(r, 14);
  return row;
}

Product ReadProduct(const soci::row& r) { return ReadProductRow(r).product; }

std::optional<ProductRow> FindProductRow(soci::session& s,
                                         const std::string& sku,
                                         bool for_update) {
  return QueryOne(s,
                  kSelectProduct + " WHERE p.sku = :sku" +
                      (for_update ? " FOR UPDATE" : ""),
                  &ReadProductRow, sku);
}

// The stored products among `skus`, by SKU, read without locks.
std::map<std::string, Product> FindProductsBySku(
    soci::session& s, const std::vector<std::string>& skus) {
  std::map<std::string, Product> out;
  for (auto& product : QueryIn(s, kSelectProduct + " WHERE p.sku IN ({in})",
                               &ReadProduct, skus)) {
    std::string sku = product.sku;
    out.emplace(std::move(sku), std::move(product));
  }
  return out;
}

// How many changed or new rows of an import share one transaction.
constexpr std::size_t kImportRowsPerTransaction = 50;

// The id of `supplier_code`, which must have an ACTIVE supplier item for
// the product: the item's row is share-locked until the transaction ends,
// so that the item cannot be deactivated (UpdateSupplierItem locks it for
// update, then refuses with SUPPLIER_ITEM_IS_PREFERRED) while it becomes
// preferred. NOT_FOUND SUPPLIER_NOT_FOUND, or FAILED_PRECONDITION
// PREFERRED_SUPPLIER_HAS_NO_ITEM.
long long LockPreferredSupplier(soci::session& s, long long product_id,
                                const std::string& sku,
                                const std::string& supplier_code) {
  auto supplier = QueryOne(
      s, "SELECT id FROM suppliers WHERE code = :c",
      +[](const soci::row& r) { return GetInt64(r, 0); }, supplier_code);
  if (!supplier) {
    Fail(domain::NotFound("SUPPLIER_NOT_FOUND",
                          "supplier " + supplier_code + " not found")
             .WithMetadata("field", "preferred_supplier"));
  }
  auto active = QueryOne(
      s,
      "SELECT active FROM supplier_items WHERE supplier_id = :s AND "
      "product_id = :p LOCK IN SHARE MODE",
      +[](const soci::row& r) { return GetBool(r, 0); }, *supplier, product_id);
  if (!active || !*active) {
    Fail(domain::FailedPrecondition("PREFERRED_SUPPLIER_HAS_NO_ITEM",
                                    "supplier " + supplier_code +
                                        " has no active supplier item for " +
                                        sku + "; create or activate one first")
             .WithMetadata("field", "preferred_supplier"));
  }
  return *supplier;
}

void InsertBarcodes(soci::session& s, std::int64_t product_id,
                    const std::vector<std::string>& barcodes) {
  long long id = product_id;
  for (const auto& barcode : barcodes) {
    ExecuteOrConflict(
        [&] {
          s << "INSERT INTO product_barcodes (barcode, product_id) "
               "VALUES (:b, :p)",
              soci::use(barcode), soci::use(id);
        },
        "BARCODE_ALREADY_EXISTS",
        "barcode " + barcode + " already belongs to another product");
  }
}

std::int64_t InsertProduct(soci::session& s, const Product& p) {
  int sold_by_weight = p.sold_by_weight ? 1 : 0;
  int active = p.active ? 1 : 0;
  long long price = p.default_price.minor_units;
  int tax = p.tax_rate_basis_points;
  int shelf_life = p.shelf_life_days;
  int margin = p.sell_by_margin_days;
  ExecuteOrConflict(
      [&] {
        s << "INSERT INTO products (sku, display_name, unit_of_measure, "
             "sold_by_weight, tax_rate_basis_points, default_price_minor, "
             "price_currency_code, active, shelf_life_days, "
             "sell_by_margin_days, create_time, update_time) VALUES "
             "(:sku, :name, :uom, :w, :tax, :price, :cur, :active, :l, :m, "
             "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
            soci::use(p.sku), soci::use(p.display_name),
            soci::use(p.unit_of_measure), soci::use(sold_by_weight),
            soci::use(tax), soci::use(price),
            soci::use(p.default_price.currency_code), soci::use(active),
            soci::use(shelf_life), soci::use(margin);
      },
      "SKU_ALREADY_EXISTS", "a product with sku " + p.sku + " already exists");
  long long id = LastInsertId(s);
  InsertBarcodes(s, id, p.barcodes);
  // A new product has no supplier item yet, so a preferred supplier given
  // here is refused (PREFERRED_SUPPLIER_HAS_NO_ITEM) by the same check.
  if (!p.preferred_supplier.empty()) {
    LockPreferredSupplier(s, id, p.sku, p.preferred_supplier);
  }
  return id;
}

void WriteProduct(soci::session& s, std::int64_t id, const Product& before,
                  const Product& after) {
  int sold_by_weight = after.sold_by_weight ? 1 : 0;
  int active = after.active ? 1 : 0;
  long long price = after.default_price.minor_units;
  int tax = after.tax_rate_basis_points;
  long long product_id = id;
  int shelf_life = after.shelf_life_days;
  int margin = after.sell_by_margin_days;
  SupplierRef preferred =
      PreferredSupplierRef(s, product_id, after.sku, after.preferred_supplier);
  s << "UPDATE products SET display_name = :name, unit_of_measure = :uom, "
       "sold_by_weight = :w, tax_rate_basis_points = :tax, "
       "default_price_minor = :price, price_currency_code = :cur, "
       "active = :active, shelf_life_days = :l, sell_by_margin_days = :m, "
       "preferred_supplier_id = :ps, update_time = UTC_TIMESTAMP(6) "
       "WHERE id = :id",
      soci::use(after.display_name), soci::use(after.unit_of_measure),
      soci::use(sold_by_weight), soci::use(tax), soci::use(price),
      soci::use(after.default_price.currency_code), soci::use(active),
      soci::use(shelf_life), soci::use(margin),
      soci::use(preferred.id, preferred.ind), soci::use(product_id);
  if (before.barcodes != after.barcodes) {
    s << "DELETE FROM product_barcodes WHERE product_id = :id",
        soci::use(product_id);
    InsertBarcodes(s, id, after.barcodes);
  }
}

}  // namespace

ProductRow RequireProductRow(soci::session& s, const std::string& sku,
                             bool for_update) {
  auto row = FindProductRow(s, sku, for_update);
  if (!row) {
    Fail(
        domain::NotFound("PRODUCT_NOT_FOUND", "product " + sku + " not found"));
  }
  return *row;
}

SupplierRef PreferredSupplierRef(soci::session& s, long long product_id,
                                 const std::string& sku,
                                 const std::string& supplier_code) {
  SupplierRef ref;
  if (supplier_code.empty()) return ref;
  ref.id = LockPreferredSupplier(s, product_id, sku, supplier_code);
  ref.ind = soci::i_ok;
  return ref;
}

StatusOr<Product> MySqlCatalogRepository::CreateProduct(
    const Product& product, const RequestContext& ctx) {
  return WriteValue<Product>(db_, [&](soci::session& s) {
    InsertProduct(s, product);
    AppendAudit(s, &ctx, AuditEntry{"product", product.sku, ""});
    return RequireProductRow(s, product.sku).product;
  });
}

StatusOr<Product> MySqlCatalogRepository::GetProductBySku(
    const std::string& sku) {
  return ReadValue<Product>(
      db_, [&](soci::session& s) { return RequireProductRow(s, sku).product; });
}

StatusOr<Product> MySqlCatalogRepository::GetProductByBarcode(
    const std::string& barcode) {
  return ReadValue<Product>(db_, [&](soci::session& s) {
    auto product = QueryOne(
        s,
        kSelectProduct +
            " WHERE p.id = (SELECT product_id FROM product_barcodes WHERE "
            "barcode = :b)",
        &ReadProduct, barcode);
    if (!product) {
      Fail(domain::NotFound("PRODUCT_NOT_FOUND",
                            "no product has barcode " + barcode));
    }
    return *product;
  });
}

StatusOr<Product> MySqlCatalogRepository::UpdateProduct(
    const std::string& sku, const domain::Mutation<Product>& mutate,
    const RequestContext& ctx) {
  return WriteValue<Product>(db_, [&](soci::session& s) {
    ProductRow row = RequireProductRow(s, sku, true);
    Product updated = row.product;
    ApplyMutation(mutate(updated));
    WriteProduct(s, row.id, row.product, updated);
    AppendAudit(s, &ctx, AuditEntry{"product", sku, ""});
    return RequireProductRow(s, sku).product;
  });
}

StatusOr<std::vector<Product>> MySqlCatalogRepository::ListProducts(
    const domain::ProductFilter& filter, const domain::PageRequest& page) {
  return ReadValue<std::vector<Product>>(db_, [&](soci::session& s) {
    std::string pattern = ContainsPattern(filter.text);
    int active_only = filter.active_only ? 1 : 0;
    return QueryAll(
        s,
        kSelectProduct +
            " WHERE p.sku > :after AND (:t1 = '' OR LOWER(p.sku) LIKE :p1 OR "
            "LOWER(p.display_name) LIKE :p2) AND (:a = 0 OR p.active = 1) "
            "ORDER BY p.sku LIMIT :limit",
        &ReadProduct, page.after_key, filter.text, pattern, pattern,
        active_only, Limit(page));
  });
}

StatusOr<std::vector<ImportResult>> MySqlCatalogRepository::ImportProducts(
    const std::vector<domain::ImportRow>& rows, const RequestContext& ctx) {
  // Sales of the imported products take shared locks on their rows (the
  // sale_lines foreign key), so the import locks only what it changes and
  // holds those locks briefly: one plain read of every row's current state,
  // then the changed and new rows in short transactions of
  // kImportRowsPerTransaction, each of which locks, re-checks, writes and
  // audits only its own rows. An unchanged row is never locked.
  std::vector<ImportResult> results(rows.size());
  std::vector<std::string> skus;
  skus.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    results[i].line_number = rows[i].line_number;
    results[i].sku = rows[i].product.sku;
    skus.push_back(rows[i].product.sku);
  }

  // 1. What is stored now: one plain (non-locking) query, barcodes included.
  auto stored = ReadValue<std::map<std::string, Product>>(
      db_, [&](soci::session& s) { return FindProductsBySku(s, skus); });
  if (!stored.ok()) return stored.status();

  // 2. Unchanged rows are done; the others are applied below.
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto it = stored->find(rows[i].product.sku);
    if (it == stored->end()) continue;
    Product row = rows[i].product;
    domain::KeepUnsetOptionalFields(rows[i].optional_fields, it->second, row);
    if (it->second.SameContentAs(row)) {
      results[i].outcome = domain::ImportOutcome::kUnchanged;
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (results[i].outcome != domain::ImportOutcome::kUnchanged) {
      pending.push_back(i);
    }
  }

  // 3. The changes, a few rows per transaction. A savepoint per row lets a
  // bad row (a duplicate barcode or SKU) be undone alone.
  for (std::size_t begin = 0; begin < pending.size();
       begin += kImportRowsPerTransaction) {
    const std::size_t end =
        std::min(pending.size(), begin + kImportRowsPerTransaction);
    std::vector<std::string> batch_skus;
    for (std::size_t k = begin; k < end; ++k) {
      batch_skus.push_back(rows[pending[k]].product.sku);
    }
    auto batch = WriteValue<std::vector<ImportResult>>(db_, [&](soci::session&
                                                                    s) {
      // Locks the batch's existing rows (in SKU order) and re-reads them:
      // another writer may have changed them since the plain read.
      std::map<std::string, ProductRow> locked;
      for (auto& row :
           QueryIn(s,
                   kSelectProduct + " WHERE p.sku IN ({in}) ORDER BY p.sku "
                                    "FOR UPDATE",
                   &ReadProductRow, batch_skus)) {
        std::string sku = row.product.sku;
        locked.emplace(std::move(sku), std::move(row));
      }
      std::vector<ImportResult> out;
      for (std::size_t k = begin; k < end; ++k) {
        const domain::ImportRow& row = rows[pending[k]];
        ImportResult result = results[pending[k]];
        s << "SAVEPOINT import_row";
        try {
          auto existing = locked.find(row.product.sku);
          // The optional fields the row leaves out: the stored values, or a
          // new product's defaults.
          Product product = row.product;
          domain::KeepUnsetOptionalFields(
              row.optional_fields,
              existing == locked.end() ? Product() : existing->second.product,
              product);
          ApplyMutation(domain::ValidateProduct(product));
          if (existing == locked.end()) {
            InsertProduct(s, product);
            result.outcome = domain::ImportOutcome::kCreated;
          } else if (existing->second.product.SameContentAs(product)) {
            result.outcome = domain::ImportOutcome::kUnchanged;
          } else {
            WriteProduct(s, existing->second.id, existing->second.product,
                         product);
            result.outcome = domain::ImportOutcome::kUpdated;
          }
          if (result.outcome != domain::ImportOutcome::kUnchanged) {
            AppendAudit(s, &ctx, AuditEntry{"product", row.product.sku, ""});
          }
          s << "RELEASE SAVEPOINT import_row";
        } catch (const StatusError& e) {
          s << "ROLLBACK TO SAVEPOINT import_row";
          result.outcome = domain::ImportOutcome::kRejected;
          result.reason = e.status.reason();
          result.message = e.status.message();
        }
        out.push_back(std::move(result));
      }
      return out;
    });
    if (!batch.ok()) return batch.status();
    for (std::size_t k = begin; k < end; ++k) {
      results[pending[k]] = std::move((*batch)[k - begin]);
    }
  }
  return results;
}

}  // namespace backoffice::storage
