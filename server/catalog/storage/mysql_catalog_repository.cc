#include "catalog/storage/mysql_catalog_repository.h"

#include <algorithm>
#include <limits>
#include <map>

#include "catalog/domain/catalog_validation.h"
#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"

namespace backoffice::storage {
namespace {

using domain::AuditEntry;
using domain::Customer;
using domain::ImportResult;
using domain::Product;
using domain::ProductStoreSetting;
using domain::RequestContext;
using domain::Store;
using domain::Supplier;
using domain::Terminal;

// ----- Stores -----

const std::string kSelectStore =
    "SELECT code, display_name, time_zone, currency_code, " BO_MICROS(
        "create_time") ", " BO_MICROS("update_time") " FROM stores";

Store ReadStore(const soci::row& r) {
  Store s;
  s.code = GetString(r, 0);
  s.display_name = GetString(r, 1);
  s.time_zone = GetString(r, 2);
  s.currency_code = GetString(r, 3);
  s.create_time = GetInt64(r, 4);
  s.update_time = GetInt64(r, 5);
  return s;
}

Store RequireStore(soci::session& s, const std::string& code,
                   bool for_update = false) {
  auto store = QueryOne(
      s,
      kSelectStore + " WHERE code = :code" + (for_update ? " FOR UPDATE" : ""),
      &ReadStore, code);
  if (!store) {
    Fail(domain::NotFound("STORE_NOT_FOUND", "store " + code + " not found"));
  }
  return *store;
}

// ----- Terminals -----

const std::string kSelectTerminal =
    "SELECT s.code, t.code, t.display_name, t.active, " BO_MICROS(
        "t.create_time") ", " BO_MICROS("t.update_time") " FROM terminals t "
                                                         "JOIN stores s ON "
                                                         "s.id = t.store_id";

Terminal ReadTerminal(const soci::row& r) {
  Terminal t;
  t.store_code = GetString(r, 0);
  t.code = GetString(r, 1);
  t.display_name = GetString(r, 2);
  t.active = GetBool(r, 3);
  t.create_time = GetInt64(r, 4);
  t.update_time = GetInt64(r, 5);
  return t;
}

// A store's id and currency, share-locked until the transaction ends. A
// write that prices something in the store's currency checks it against
// this locked value: UpdateStore locks the row for update, so a currency
// change either waits for that write (and then sees its row) or is seen by
// it.
struct StoreMoney {
  long long id = 0;
  std::string currency_code;
};

StoreMoney LockStoreMoney(soci::session& s, const std::string& code) {
  StoreMoney store;
  s << "SELECT id, currency_code FROM stores WHERE code = :c "
       "LOCK IN SHARE MODE",
      soci::use(code), soci::into(store.id), soci::into(store.currency_code);
  if (!s.got_data()) {
    Fail(domain::NotFound("STORE_NOT_FOUND", "store " + code + " not found"));
  }
  return store;
}

Terminal RequireTerminal(soci::session& s, const std::string& store_code,
                         const std::string& code, bool for_update = false) {
  auto terminal =
      QueryOne(s,
               kSelectTerminal + " WHERE s.code = :store AND t.code = :code" +
                   (for_update ? " FOR UPDATE" : ""),
               &ReadTerminal, store_code, code);
  if (!terminal) {
    RequireStoreId(s, store_code);  // Tells a missing store apart.
    Fail(domain::NotFound(
        "TERMINAL_NOT_FOUND",
        "terminal " + code + " not found in store " + store_code));
  }
  return *terminal;
}

// ----- Products -----

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

struct ProductRow {
  std::int64_t id = 0;
  Product product;
};

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

ProductRow RequireProductRow(soci::session& s, const std::string& sku,
                             bool for_update = false) {
  auto row = FindProductRow(s, sku, for_update);
  if (!row) {
    Fail(
        domain::NotFound("PRODUCT_NOT_FOUND", "product " + sku + " not found"));
  }
  return *row;
}

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

// The preferred_supplier_id column's value: NULL for none.
struct SupplierRef {
  long long id = 0;
  soci::indicator ind = soci::i_null;
};

SupplierRef PreferredSupplierRef(soci::session& s, long long product_id,
                                 const std::string& sku,
                                 const std::string& supplier_code) {
  SupplierRef ref;
  if (supplier_code.empty()) return ref;
  ref.id = LockPreferredSupplier(s, product_id, sku, supplier_code);
  ref.ind = soci::i_ok;
  return ref;
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

// ----- Product store settings -----

const std::string kSelectSetting =
    "SELECT s.code, p.sku, x.price_override_minor, "
    "x.price_override_currency_code, x.reorder_point_milli, "
    "x.min_quantity_milli, x.max_quantity_milli, " BO_MICROS(
        "x.update_time") ", (SELECT su.code FROM suppliers su WHERE su.id = "
                         "x.preferred_supplier_id) FROM "
                         "product_store_settings x JOIN stores s ON "
                         "s.id = x.store_id JOIN products p ON p.id = "
                         "x.product_id";

ProductStoreSetting ReadSetting(const soci::row& r) {
  ProductStoreSetting x;
  x.store_code = GetString(r, 0);
  x.sku = GetString(r, 1);
  if (auto price = GetOptionalInt64(r, 2)) {
    x.price_override = domain::Money{GetString(r, 3), *price};
  }
  x.reorder_point_milli = GetInt64(r, 4);
  x.min_quantity_milli = GetInt64(r, 5);
  x.max_quantity_milli = GetInt64(r, 6);
  x.update_time = GetInt64(r, 7);
  x.preferred_supplier = GetString(r, 8);
  return x;
}

// ----- Suppliers -----

const std::string kSelectSupplier =
    "SELECT code, display_name, phone, email, address, payment_terms_days, "
    "active, " BO_MICROS("create_time") ", " BO_MICROS(
        "update_time") " FROM suppliers";

Supplier ReadSupplier(const soci::row& r) {
  Supplier s;
  s.code = GetString(r, 0);
  s.display_name = GetString(r, 1);
  s.phone = GetString(r, 2);
  s.email = GetString(r, 3);
  s.address = GetString(r, 4);
  s.payment_terms_days = static_cast<std::int32_t>(GetInt64(r, 5));
  s.active = GetBool(r, 6);
  s.create_time = GetInt64(r, 7);
  s.update_time = GetInt64(r, 8);
  return s;
}

Supplier RequireSupplier(soci::session& s, const std::string& code,
                         bool for_update = false) {
  auto supplier = QueryOne(s,
                           kSelectSupplier + " WHERE code = :code" +
                               (for_update ? " FOR UPDATE" : ""),
                           &ReadSupplier, code);
  if (!supplier) {
    Fail(domain::NotFound("SUPPLIER_NOT_FOUND",
                          "supplier " + code + " not found"));
  }
  return *supplier;
}

// ----- Customers -----

const std::string kSelectCustomer =
    "SELECT s.code, c.code, c.display_name, c.phone, c.credit_limit_minor, "
    "c.credit_limit_currency_code, c.active, " BO_MICROS(
        "c.create_time") ", " BO_MICROS("c.update_time") " FROM customers c "
                                                         "JOIN stores s ON "
                                                         "s.id = c.store_id";

Customer ReadCustomer(const soci::row& r) {
  Customer c;
  c.store_code = GetString(r, 0);
  c.code = GetString(r, 1);
  c.display_name = GetString(r, 2);
  c.phone = GetString(r, 3);
  c.credit_limit.minor_units = GetInt64(r, 4);
  c.credit_limit.currency_code = GetString(r, 5);
  c.active = GetBool(r, 6);
  c.create_time = GetInt64(r, 7);
  c.update_time = GetInt64(r, 8);
  return c;
}

Customer RequireCustomer(soci::session& s, const std::string& store_code,
                         const std::string& code, bool for_update = false) {
  auto customer =
      QueryOne(s,
               kSelectCustomer + " WHERE s.code = :store AND c.code = :code" +
                   (for_update ? " FOR UPDATE" : ""),
               &ReadCustomer, store_code, code);
  if (!customer) {
    RequireStoreId(s, store_code);
    Fail(domain::NotFound(
        "CUSTOMER_NOT_FOUND",
        "customer " + code + " not found in store " + store_code));
  }
  return *customer;
}

// Runs `read` on a session and returns its value.
template <typename T, typename Fn>
StatusOr<T> Read(Database& db, Fn&& read) {
  std::optional<T> out;
  Status status = db.WithSession([&](soci::session& s) {
    out = read(s);
    return Status();
  });
  if (!status.ok()) return status;
  return std::move(*out);
}

// Runs `write` in a transaction and returns its value.
template <typename T, typename Fn>
StatusOr<T> Write(Database& db, Fn&& write) {
  std::optional<T> out;
  Status status = db.InTransaction([&](soci::session& s) {
    out = write(s);
    return Status();
  });
  if (!status.ok()) return status;
  return std::move(*out);
}

void ApplyMutation(Status status) {
  if (!status.ok()) Fail(std::move(status));
}

long long Limit(const domain::PageRequest& page) { return page.page_size + 1; }

}  // namespace

// ----- Stores -----

StatusOr<Store> MySqlCatalogRepository::CreateStore(const Store& store,
                                                    const RequestContext& ctx) {
  return Write<Store>(db_, [&](soci::session& s) {
    ExecuteOrConflict(
        [&] {
          s << "INSERT INTO stores (code, display_name, time_zone, "
               "currency_code, create_time, update_time) VALUES (:c, :n, :tz, "
               ":cur, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
              soci::use(store.code), soci::use(store.display_name),
              soci::use(store.time_zone), soci::use(store.currency_code);
        },
        "STORE_ALREADY_EXISTS", "store " + store.code + " already exists");
    AppendAudit(s, &ctx, AuditEntry{"store", store.code, store.code});
    return RequireStore(s, store.code);
  });
}

StatusOr<Store> MySqlCatalogRepository::GetStore(const std::string& code) {
  return Read<Store>(db_,
                     [&](soci::session& s) { return RequireStore(s, code); });
}

StatusOr<Store> MySqlCatalogRepository::UpdateStore(
    const std::string& code, const domain::StoreMutation& mutate,
    const RequestContext& ctx) {
  return Write<Store>(db_, [&](soci::session& s) {
    Store store = RequireStore(s, code, /*for_update=*/true);
    // Each of these rows references the store: inserting one takes a shared
    // lock on the store's row, which waits for ours, so the answer holds
    // until this transaction ends.
    int sales = 0;
    int priced = 0;
    int customers = 0;
    s << "SELECT EXISTS (SELECT 1 FROM sales WHERE store_id = st.id), "
         "EXISTS (SELECT 1 FROM product_store_settings WHERE store_id = st.id "
         "AND price_override_minor IS NOT NULL), "
         "EXISTS (SELECT 1 FROM customers WHERE store_id = st.id) "
         "FROM stores st WHERE st.code = :c",
        soci::into(sales), soci::into(priced), soci::into(customers),
        soci::use(code);
    domain::StoreMoneyUse use;
    use.has_sales = sales != 0;
    use.has_price_overrides = priced != 0;
    use.has_customers = customers != 0;
    ApplyMutation(mutate(store, use));
    s << "UPDATE stores SET display_name = :n, time_zone = :tz, "
         "currency_code = :cur, update_time = UTC_TIMESTAMP(6) WHERE code = :c",
        soci::use(store.display_name), soci::use(store.time_zone),
        soci::use(store.currency_code), soci::use(code);
    AppendAudit(s, &ctx, AuditEntry{"store", code, code});
    return RequireStore(s, code);
  });
}

StatusOr<std::vector<Store>> MySqlCatalogRepository::ListStores(
    const domain::PageRequest& page, const std::string& only_code) {
  return Read<std::vector<Store>>(db_, [&](soci::session& s) {
    return QueryAll(s,
                    kSelectStore +
                        " WHERE code > :after AND (:only1 = '' OR code = "
                        ":only2) ORDER BY code LIMIT :limit",
                    &ReadStore, page.after_key, only_code, only_code,
                    Limit(page));
  });
}

// ----- Terminals -----

StatusOr<Terminal> MySqlCatalogRepository::CreateTerminal(
    const Terminal& terminal, const RequestContext& ctx) {
  return Write<Terminal>(db_, [&](soci::session& s) {
    long long store_id = RequireStoreId(s, terminal.store_code);
    int active = terminal.active ? 1 : 0;
    ExecuteOrConflict(
        [&] {
          s << "INSERT INTO terminals (store_id, code, display_name, active, "
               "create_time, update_time) VALUES (:s, :c, :n, :a, "
               "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
              soci::use(store_id), soci::use(terminal.code),
              soci::use(terminal.display_name), soci::use(active);
        },
        "TERMINAL_ALREADY_EXISTS",
        "terminal " + terminal.code + " already exists in store " +
            terminal.store_code);
    AppendAudit(
        s, &ctx,
        AuditEntry{"terminal", terminal.store_code + "/" + terminal.code,
                   terminal.store_code});
    return RequireTerminal(s, terminal.store_code, terminal.code);
  });
}

StatusOr<Terminal> MySqlCatalogRepository::GetTerminal(
    const std::string& store_code, const std::string& code) {
  return Read<Terminal>(db_, [&](soci::session& s) {
    return RequireTerminal(s, store_code, code);
  });
}

StatusOr<Terminal> MySqlCatalogRepository::UpdateTerminal(
    const std::string& store_code, const std::string& code,
    const domain::Mutation<Terminal>& mutate, const RequestContext& ctx) {
  return Write<Terminal>(db_, [&](soci::session& s) {
    Terminal terminal = RequireTerminal(s, store_code, code, true);
    ApplyMutation(mutate(terminal));
    int active = terminal.active ? 1 : 0;
    s << "UPDATE terminals t JOIN stores s ON s.id = t.store_id SET "
         "t.display_name = :n, t.active = :a, t.update_time = "
         "UTC_TIMESTAMP(6) WHERE s.code = :s AND t.code = :c",
        soci::use(terminal.display_name), soci::use(active),
        soci::use(store_code), soci::use(code);
    AppendAudit(s, &ctx,
                AuditEntry{"terminal", store_code + "/" + code, store_code});
    return RequireTerminal(s, store_code, code);
  });
}

StatusOr<std::vector<Terminal>> MySqlCatalogRepository::ListTerminals(
    const std::string& store_code, const domain::PageRequest& page) {
  return Read<std::vector<Terminal>>(db_, [&](soci::session& s) {
    RequireStoreId(s, store_code);
    return QueryAll(s,
                    kSelectTerminal +
                        " WHERE s.code = :store AND t.code > :after ORDER BY "
                        "t.code LIMIT :limit",
                    &ReadTerminal, store_code, page.after_key, Limit(page));
  });
}

// ----- Products -----

StatusOr<Product> MySqlCatalogRepository::CreateProduct(
    const Product& product, const RequestContext& ctx) {
  return Write<Product>(db_, [&](soci::session& s) {
    InsertProduct(s, product);
    AppendAudit(s, &ctx, AuditEntry{"product", product.sku, ""});
    return RequireProductRow(s, product.sku).product;
  });
}

StatusOr<Product> MySqlCatalogRepository::GetProductBySku(
    const std::string& sku) {
  return Read<Product>(
      db_, [&](soci::session& s) { return RequireProductRow(s, sku).product; });
}

StatusOr<Product> MySqlCatalogRepository::GetProductByBarcode(
    const std::string& barcode) {
  return Read<Product>(db_, [&](soci::session& s) {
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
  return Write<Product>(db_, [&](soci::session& s) {
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
  return Read<std::vector<Product>>(db_, [&](soci::session& s) {
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
  auto stored = Read<std::map<std::string, Product>>(
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
    auto batch = Write<std::vector<ImportResult>>(db_, [&](soci::session& s) {
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

// ----- Product store settings -----

StatusOr<ProductStoreSetting> MySqlCatalogRepository::SetProductStoreSetting(
    const ProductStoreSetting& x, const RequestContext& ctx) {
  return Write<ProductStoreSetting>(db_, [&](soci::session& s) {
    const StoreMoney store = LockStoreMoney(s, x.store_code);
    ApplyMutation(domain::ValidateProductStoreSetting(x, store.currency_code));
    const long long store_id = store.id;
    long long product_id = RequireProductRow(s, x.sku).id;
    SupplierRef preferred =
        PreferredSupplierRef(s, product_id, x.sku, x.preferred_supplier);
    long long price = x.price_override ? x.price_override->minor_units : 0;
    std::string currency =
        x.price_override ? x.price_override->currency_code : "";
    soci::indicator price_ind = x.price_override ? soci::i_ok : soci::i_null;
    soci::indicator currency_ind = price_ind;
    long long reorder = x.reorder_point_milli;
    long long min = x.min_quantity_milli;
    long long max = x.max_quantity_milli;
    // An upsert that names every value once: portable to MySQL 8 (no
    // VALUES() in the update clause).
    s << "INSERT INTO product_store_settings (store_id, product_id, "
         "price_override_minor, price_override_currency_code, "
         "reorder_point_milli, min_quantity_milli, max_quantity_milli, "
         "preferred_supplier_id, update_time) VALUES (:s, :p, :price, :cur, "
         ":r, :mn, :mx, :ps, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE "
         "price_override_minor = :price2, price_override_currency_code = "
         ":cur2, reorder_point_milli = :r2, min_quantity_milli = :mn2, "
         "max_quantity_milli = :mx2, preferred_supplier_id = :ps2, "
         "update_time = UTC_TIMESTAMP(6)",
        soci::use(store_id), soci::use(product_id), soci::use(price, price_ind),
        soci::use(currency, currency_ind), soci::use(reorder), soci::use(min),
        soci::use(max), soci::use(preferred.id, preferred.ind),
        soci::use(price, price_ind), soci::use(currency, currency_ind),
        soci::use(reorder), soci::use(min), soci::use(max),
        soci::use(preferred.id, preferred.ind);
    AppendAudit(s, &ctx,
                AuditEntry{"product_store_setting", x.store_code + "/" + x.sku,
                           x.store_code});
    return *QueryOne(s, kSelectSetting + " WHERE s.code = :s AND p.sku = :p",
                     &ReadSetting, x.store_code, x.sku);
  });
}

StatusOr<ProductStoreSetting> MySqlCatalogRepository::GetProductStoreSetting(
    const std::string& store_code, const std::string& sku) {
  return Read<ProductStoreSetting>(db_, [&](soci::session& s) {
    auto setting =
        QueryOne(s, kSelectSetting + " WHERE s.code = :s AND p.sku = :p",
                 &ReadSetting, store_code, sku);
    if (!setting) {
      RequireStoreId(s, store_code);
      RequireProductRow(s, sku);
      Fail(domain::NotFound(
          "PRODUCT_STORE_SETTING_NOT_FOUND",
          "product " + sku + " has no settings in store " + store_code));
    }
    return *setting;
  });
}

StatusOr<std::vector<ProductStoreSetting>>
MySqlCatalogRepository::ListProductStoreSettings(
    const std::string& store_code, const domain::PageRequest& page) {
  return Read<std::vector<ProductStoreSetting>>(db_, [&](soci::session& s) {
    RequireStoreId(s, store_code);
    return QueryAll(s,
                    kSelectSetting +
                        " WHERE s.code = :s AND p.sku > :after ORDER BY p.sku "
                        "LIMIT :limit",
                    &ReadSetting, store_code, page.after_key, Limit(page));
  });
}

// ----- Suppliers -----

StatusOr<Supplier> MySqlCatalogRepository::CreateSupplier(
    const Supplier& x, const RequestContext& ctx) {
  return Write<Supplier>(db_, [&](soci::session& s) {
    int active = x.active ? 1 : 0;
    int terms = x.payment_terms_days;
    ExecuteOrConflict(
        [&] {
          s << "INSERT INTO suppliers (code, display_name, phone, email, "
               "address, payment_terms_days, active, create_time, "
               "update_time) VALUES (:c, :n, :ph, :em, :ad, :t, :a, "
               "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
              soci::use(x.code), soci::use(x.display_name), soci::use(x.phone),
              soci::use(x.email), soci::use(x.address), soci::use(terms),
              soci::use(active);
        },
        "SUPPLIER_ALREADY_EXISTS", "supplier " + x.code + " already exists");
    AppendAudit(s, &ctx, AuditEntry{"supplier", x.code, ""});
    return RequireSupplier(s, x.code);
  });
}

StatusOr<Supplier> MySqlCatalogRepository::GetSupplier(
    const std::string& code) {
  return Read<Supplier>(
      db_, [&](soci::session& s) { return RequireSupplier(s, code); });
}

StatusOr<Supplier> MySqlCatalogRepository::UpdateSupplier(
    const std::string& code, const domain::Mutation<Supplier>& mutate,
    const RequestContext& ctx) {
  return Write<Supplier>(db_, [&](soci::session& s) {
    Supplier x = RequireSupplier(s, code, true);
    ApplyMutation(mutate(x));
    int active = x.active ? 1 : 0;
    int terms = x.payment_terms_days;
    s << "UPDATE suppliers SET display_name = :n, phone = :ph, email = :em, "
         "address = :ad, payment_terms_days = :t, active = :a, update_time = "
         "UTC_TIMESTAMP(6) WHERE code = :c",
        soci::use(x.display_name), soci::use(x.phone), soci::use(x.email),
        soci::use(x.address), soci::use(terms), soci::use(active),
        soci::use(code);
    AppendAudit(s, &ctx, AuditEntry{"supplier", code, ""});
    return RequireSupplier(s, code);
  });
}

StatusOr<std::vector<Supplier>> MySqlCatalogRepository::ListSuppliers(
    bool active_only, const domain::PageRequest& page) {
  return Read<std::vector<Supplier>>(db_, [&](soci::session& s) {
    int only = active_only ? 1 : 0;
    return QueryAll(s,
                    kSelectSupplier +
                        " WHERE code > :after AND (:a = 0 OR active = 1) "
                        "ORDER BY code LIMIT :limit",
                    &ReadSupplier, page.after_key, only, Limit(page));
  });
}

// ----- Customers -----

StatusOr<Customer> MySqlCatalogRepository::CreateCustomer(
    const Customer& x, const RequestContext& ctx) {
  return Write<Customer>(db_, [&](soci::session& s) {
    const StoreMoney store = LockStoreMoney(s, x.store_code);
    ApplyMutation(domain::ValidateCustomer(x, store.currency_code));
    const long long store_id = store.id;
    int active = x.active ? 1 : 0;
    long long limit = x.credit_limit.minor_units;
    ExecuteOrConflict(
        [&] {
          s << "INSERT INTO customers (store_id, code, display_name, phone, "
               "credit_limit_minor, credit_limit_currency_code, active, "
               "create_time, update_time) VALUES (:s, :c, :n, :ph, :l, :cur, "
               ":a, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
              soci::use(store_id), soci::use(x.code), soci::use(x.display_name),
              soci::use(x.phone), soci::use(limit),
              soci::use(x.credit_limit.currency_code), soci::use(active);
        },
        "CUSTOMER_ALREADY_EXISTS",
        "customer " + x.code + " already exists in store " + x.store_code);
    AppendAudit(
        s, &ctx,
        AuditEntry{"customer", x.store_code + "/" + x.code, x.store_code});
    return RequireCustomer(s, x.store_code, x.code);
  });
}

StatusOr<Customer> MySqlCatalogRepository::GetCustomer(
    const std::string& store_code, const std::string& code) {
  return Read<Customer>(db_, [&](soci::session& s) {
    return RequireCustomer(s, store_code, code);
  });
}

StatusOr<Customer> MySqlCatalogRepository::UpdateCustomer(
    const std::string& store_code, const std::string& code,
    const domain::Mutation<Customer>& mutate, const RequestContext& ctx) {
  return Write<Customer>(db_, [&](soci::session& s) {
    Customer x = RequireCustomer(s, store_code, code, true);
    std::string currency = x.credit_limit.currency_code;
    ApplyMutation(mutate(x));
    if (x.credit_limit.currency_code != currency) {
      Fail(domain::InvalidField("credit_limit.currency_code",
                                "must be the store's currency " + currency));
    }
    int active = x.active ? 1 : 0;
    long long limit = x.credit_limit.minor_units;
    s << "UPDATE customers c JOIN stores s ON s.id = c.store_id SET "
         "c.display_name = :n, c.phone = :ph, c.credit_limit_minor = :l, "
         "c.active = :a, c.update_time = UTC_TIMESTAMP(6) WHERE s.code = :s "
         "AND c.code = :c",
        soci::use(x.display_name), soci::use(x.phone), soci::use(limit),
        soci::use(active), soci::use(store_code), soci::use(code);
    AppendAudit(s, &ctx,
                AuditEntry{"customer", store_code + "/" + code, store_code});
    return RequireCustomer(s, store_code, code);
  });
}

StatusOr<std::vector<Customer>> MySqlCatalogRepository::ListCustomers(
    const std::string& store_code, const domain::PageRequest& page) {
  return Read<std::vector<Customer>>(db_, [&](soci::session& s) {
    RequireStoreId(s, store_code);
    return QueryAll(s,
                    kSelectCustomer +
                        " WHERE s.code = :s AND c.code > :after ORDER BY "
                        "c.code LIMIT :limit",
                    &ReadCustomer, store_code, page.after_key, Limit(page));
  });
}

}  // namespace backoffice::storage
