#include "catalog/storage/mysql_catalog_repository.h"

#include <algorithm>
#include <limits>
#include <map>

#include "catalog/domain/catalog_validation.h"
#include "catalog/storage/catalog_rows.h"
#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "core/storage/session_value.h"
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
        "c.create_time") ", " BO_MICROS("c.update_time") ", "
                         "c.credit_terms_days FROM customers c "
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
  c.credit_terms_days = static_cast<int>(GetInt64(r, 9));
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

}  // namespace

void ApplyMutation(Status status) {
  if (!status.ok()) Fail(std::move(status));
}

long long Limit(const domain::PageRequest& page) { return page.page_size + 1; }

// ----- Stores -----

StatusOr<Store> MySqlCatalogRepository::CreateStore(const Store& store,
                                                    const RequestContext& ctx) {
  return WriteValue<Store>(db_, [&](soci::session& s) {
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
  return ReadValue<Store>(
      db_, [&](soci::session& s) { return RequireStore(s, code); });
}

StatusOr<Store> MySqlCatalogRepository::UpdateStore(
    const std::string& code, const domain::StoreMutation& mutate,
    const RequestContext& ctx) {
  return WriteValue<Store>(db_, [&](soci::session& s) {
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
  return ReadValue<std::vector<Store>>(db_, [&](soci::session& s) {
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
  return WriteValue<Terminal>(db_, [&](soci::session& s) {
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
  return ReadValue<Terminal>(db_, [&](soci::session& s) {
    return RequireTerminal(s, store_code, code);
  });
}

StatusOr<Terminal> MySqlCatalogRepository::UpdateTerminal(
    const std::string& store_code, const std::string& code,
    const domain::Mutation<Terminal>& mutate, const RequestContext& ctx) {
  return WriteValue<Terminal>(db_, [&](soci::session& s) {
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
  return ReadValue<std::vector<Terminal>>(db_, [&](soci::session& s) {
    RequireStoreId(s, store_code);
    return QueryAll(s,
                    kSelectTerminal +
                        " WHERE s.code = :store AND t.code > :after ORDER BY "
                        "t.code LIMIT :limit",
                    &ReadTerminal, store_code, page.after_key, Limit(page));
  });
}

// ----- Product store settings -----

StatusOr<ProductStoreSetting> MySqlCatalogRepository::SetProductStoreSetting(
    const ProductStoreSetting& x, const RequestContext& ctx) {
  return WriteValue<ProductStoreSetting>(db_, [&](soci::session& s) {
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
  return ReadValue<ProductStoreSetting>(db_, [&](soci::session& s) {
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
  return ReadValue<std::vector<ProductStoreSetting>>(
      db_, [&](soci::session& s) {
        RequireStoreId(s, store_code);
        return QueryAll(
            s,
            kSelectSetting +
                " WHERE s.code = :s AND p.sku > :after ORDER BY p.sku "
                "LIMIT :limit",
            &ReadSetting, store_code, page.after_key, Limit(page));
      });
}

// ----- Suppliers -----

StatusOr<Supplier> MySqlCatalogRepository::CreateSupplier(
    const Supplier& x, const RequestContext& ctx) {
  return WriteValue<Supplier>(db_, [&](soci::session& s) {
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
  return ReadValue<Supplier>(
      db_, [&](soci::session& s) { return RequireSupplier(s, code); });
}

StatusOr<Supplier> MySqlCatalogRepository::UpdateSupplier(
    const std::string& code, const domain::Mutation<Supplier>& mutate,
    const RequestContext& ctx) {
  return WriteValue<Supplier>(db_, [&](soci::session& s) {
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
  return ReadValue<std::vector<Supplier>>(db_, [&](soci::session& s) {
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
  return WriteValue<Customer>(db_, [&](soci::session& s) {
    const StoreMoney store = LockStoreMoney(s, x.store_code);
    ApplyMutation(domain::ValidateCustomer(x, store.currency_code));
    const long long store_id = store.id;
    int active = x.active ? 1 : 0;
    long long limit = x.credit_limit.minor_units;
    int terms = x.credit_terms_days;
    ExecuteOrConflict(
        [&] {
          s << "INSERT INTO customers (store_id, code, display_name, phone, "
               "credit_limit_minor, credit_limit_currency_code, active, "
               "credit_terms_days, create_time, update_time) VALUES (:s, :c, "
               ":n, :ph, :l, :cur, :a, :terms, UTC_TIMESTAMP(6), "
               "UTC_TIMESTAMP(6))",
              soci::use(store_id), soci::use(x.code), soci::use(x.display_name),
              soci::use(x.phone), soci::use(limit),
              soci::use(x.credit_limit.currency_code), soci::use(active),
              soci::use(terms);
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
  return ReadValue<Customer>(db_, [&](soci::session& s) {
    return RequireCustomer(s, store_code, code);
  });
}

StatusOr<Customer> MySqlCatalogRepository::UpdateCustomer(
    const std::string& store_code, const std::string& code,
    const domain::Mutation<Customer>& mutate, const RequestContext& ctx) {
  return WriteValue<Customer>(db_, [&](soci::session& s) {
    Customer x = RequireCustomer(s, store_code, code, true);
    std::string currency = x.credit_limit.currency_code;
    ApplyMutation(mutate(x));
    if (x.credit_limit.currency_code != currency) {
      Fail(domain::InvalidField("credit_limit.currency_code",
                                "must be the store's currency " + currency));
    }
    int active = x.active ? 1 : 0;
    long long limit = x.credit_limit.minor_units;
    int terms = x.credit_terms_days;
    s << "UPDATE customers c JOIN stores s ON s.id = c.store_id SET "
         "c.display_name = :n, c.phone = :ph, c.credit_limit_minor = :l, "
         "c.active = :a, c.credit_terms_days = :terms, c.update_time = "
         "UTC_TIMESTAMP(6) WHERE s.code = :s AND c.code = :c",
        soci::use(x.display_name), soci::use(x.phone), soci::use(limit),
        soci::use(active), soci::use(terms), soci::use(store_code),
        soci::use(code);
    AppendAudit(s, &ctx,
                AuditEntry{"customer", store_code + "/" + code, store_code});
    return RequireCustomer(s, store_code, code);
  });
}

StatusOr<std::vector<Customer>> MySqlCatalogRepository::ListCustomers(
    const std::string& store_code, const domain::PageRequest& page) {
  return ReadValue<std::vector<Customer>>(db_, [&](soci::session& s) {
    RequireStoreId(s, store_code);
    return QueryAll(s,
                    kSelectCustomer +
                        " WHERE s.code = :s AND c.code > :after ORDER BY "
                        "c.code LIMIT :limit",
                    &ReadCustomer, store_code, page.after_key, Limit(page));
  });
}

}  // namespace backoffice::storage
