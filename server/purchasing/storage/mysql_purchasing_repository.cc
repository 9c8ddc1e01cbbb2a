#include "purchasing/storage/mysql_purchasing_repository.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "core/storage/session_value.h"
#include "core/storage/sql_util.h"
#include "purchasing/domain/supplier_item_rules.h"

namespace backoffice::storage {
namespace {

using domain::AuditEntry;
using domain::RequestContext;
using domain::SupplierItem;
using domain::SupplierItemImportOutcome;
using domain::SupplierItemImportResult;

// How many changed or new rows of an import share one transaction.
constexpr std::size_t kImportRowsPerTransaction = 50;

const std::string kSelectItem =
    "SELECT su.code, p.sku, i.supplier_sku, i.pack_size_milli, "
    "i.min_order_quantity_milli, i.unit_cost_minor, i.cost_currency_code, "
    "i.tax_rate_basis_points, i.lead_time_days, i.active, " BO_MICROS(
        "i.create_time") ", " BO_MICROS("i.update_time") " FROM supplier_items "
                                                         "i JOIN suppliers su "
                                                         "ON su.id = "
                                                         "i.supplier_id JOIN "
                                                         "products p ON p.id "
                                                         "= i.product_id";

SupplierItem ReadItem(const soci::row& r) {
  SupplierItem i;
  i.supplier_code = GetString(r, 0);
  i.sku = GetString(r, 1);
  i.supplier_sku = GetString(r, 2);
  i.pack_size_milli = GetInt64(r, 3);
  i.min_order_quantity_milli = GetInt64(r, 4);
  i.unit_cost.minor_units = GetInt64(r, 5);
  i.unit_cost.currency_code = GetString(r, 6);
  i.tax_rate_basis_points = static_cast<std::int32_t>(GetInt64(r, 7));
  i.lead_time_days = static_cast<std::int32_t>(GetInt64(r, 8));
  i.active = GetBool(r, 9);
  i.create_time = GetInt64(r, 10);
  i.update_time = GetInt64(r, 11);
  return i;
}

std::optional<SupplierItem> FindItem(soci::session& s,
                                     const std::string& supplier_code,
                                     const std::string& sku, bool for_update) {
  return QueryOne(s,
                  kSelectItem + " WHERE su.code = :s AND p.sku = :p" +
                      (for_update ? " FOR UPDATE" : ""),
                  &ReadItem, supplier_code, sku);
}

// The ids a supplier item refers to, and what it must agree with.
struct References {
  long long supplier_id = 0;
  long long product_id = 0;
  domain::ItemProductFacts product;
};

// Reads the supplier and the product (a shared lock on each, so that neither
// changes under the check); NOT_FOUND for either.
References RequireReferences(soci::session& s, const std::string& supplier_code,
                             const std::string& sku) {
  References refs;
  auto supplier = QueryOne(
      s, "SELECT id FROM suppliers WHERE code = :c LOCK IN SHARE MODE",
      +[](const soci::row& r) { return GetInt64(r, 0); }, supplier_code);
  if (!supplier) {
    Fail(domain::NotFound("SUPPLIER_NOT_FOUND",
                          "supplier " + supplier_code + " not found"));
  }
  refs.supplier_id = *supplier;
  struct ProductFacts {
    long long id;
    domain::ItemProductFacts facts;
  };
  auto product = QueryOne(
      s,
      "SELECT id, sold_by_weight, price_currency_code FROM products WHERE "
      "sku = :p LOCK IN SHARE MODE",
      +[](const soci::row& r) {
        return ProductFacts{
            GetInt64(r, 0),
            domain::ItemProductFacts{GetBool(r, 1), GetString(r, 2)}};
      },
      sku);
  if (!product) {
    Fail(
        domain::NotFound("PRODUCT_NOT_FOUND", "product " + sku + " not found"));
  }
  refs.product_id = product->id;
  refs.product = product->facts;
  return refs;
}

void Check(Status status) {
  if (!status.ok()) Fail(std::move(status));
}

void InsertItem(soci::session& s, const References& refs,
                const SupplierItem& i) {
  long long pack = i.pack_size_milli;
  long long moq = i.min_order_quantity_milli;
  long long cost = i.unit_cost.minor_units;
  int tax = i.tax_rate_basis_points;
  int lead = i.lead_time_days;
  int active = i.active ? 1 : 0;
  ExecuteOrConflict(
      [&] {
        s << "INSERT INTO supplier_items (supplier_id, product_id, "
             "supplier_sku, pack_size_milli, min_order_quantity_milli, "
             "unit_cost_minor, cost_currency_code, tax_rate_basis_points, "
             "lead_time_days, active, create_time, update_time) VALUES (:s, "
             ":p, :ssku, :pack, :moq, :cost, :cur, :tax, :lead, :a, "
             "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
            soci::use(refs.supplier_id), soci::use(refs.product_id),
            soci::use(i.supplier_sku), soci::use(pack), soci::use(moq),
            soci::use(cost), soci::use(i.unit_cost.currency_code),
            soci::use(tax), soci::use(lead), soci::use(active);
      },
      "SUPPLIER_ITEM_ALREADY_EXISTS",
      "supplier " + i.supplier_code + " already has an item for product " +
          i.sku);
}

// Refuses to deactivate the item of a product's preferred supplier, chain
// wide or in any store: the preference would point at nothing orderable.
void CheckDeactivation(soci::session& s, const References& refs,
                       const SupplierItem& before, const SupplierItem& after) {
  if (!before.active || after.active) return;
  int preferred = 0;
  s << "SELECT EXISTS (SELECT 1 FROM products WHERE id = :p1 AND "
       "preferred_supplier_id = :s1) OR EXISTS (SELECT 1 FROM "
       "product_store_settings WHERE product_id = :p2 AND "
       "preferred_supplier_id = :s2)",
      soci::use(refs.product_id), soci::use(refs.supplier_id),
      soci::use(refs.product_id), soci::use(refs.supplier_id),
      soci::into(preferred);
  if (preferred != 0) {
    Fail(domain::FailedPrecondition(
        "SUPPLIER_ITEM_IS_PREFERRED",
        "supplier " + after.supplier_code + " is a preferred supplier of " +
            after.sku + "; choose another preferred supplier first"));
  }
}

void WriteItem(soci::session& s, const References& refs,
               const SupplierItem& i) {
  long long pack = i.pack_size_milli;
  long long moq = i.min_order_quantity_milli;
  long long cost = i.unit_cost.minor_units;
  int tax = i.tax_rate_basis_points;
  int lead = i.lead_time_days;
  int active = i.active ? 1 : 0;
  s << "UPDATE supplier_items SET supplier_sku = :ssku, pack_size_milli = "
       ":pack, min_order_quantity_milli = :moq, unit_cost_minor = :cost, "
       "cost_currency_code = :cur, tax_rate_basis_points = :tax, "
       "lead_time_days = :lead, active = :a, update_time = UTC_TIMESTAMP(6) "
       "WHERE supplier_id = :s AND product_id = :p",
      soci::use(i.supplier_sku), soci::use(pack), soci::use(moq),
      soci::use(cost), soci::use(i.unit_cost.currency_code), soci::use(tax),
      soci::use(lead), soci::use(active), soci::use(refs.supplier_id),
      soci::use(refs.product_id);
}

AuditEntry AuditOf(const SupplierItem& i) {
  return AuditEntry{"supplier_item", i.supplier_code + "/" + i.sku, ""};
}

SupplierItem RequireItem(soci::session& s, const std::string& supplier_code,
                         const std::string& sku, bool for_update = false) {
  auto item = FindItem(s, supplier_code, sku, for_update);
  if (!item) {
    Fail(domain::NotFound(
        "SUPPLIER_ITEM_NOT_FOUND",
        "supplier " + supplier_code + " has no item for product " + sku));
  }
  return *item;
}

}  // namespace

StatusOr<SupplierItem> MySqlPurchasingRepository::CreateSupplierItem(
    const SupplierItem& item, const RequestContext& ctx) {
  return WriteValue<SupplierItem>(db_, [&](soci::session& s) {
    References refs = RequireReferences(s, item.supplier_code, item.sku);
    Check(domain::CheckSupplierItemFitsProduct(item, refs.product));
    InsertItem(s, refs, item);
    AppendAudit(s, &ctx, AuditOf(item));
    return RequireItem(s, item.supplier_code, item.sku);
  });
}

StatusOr<SupplierItem> MySqlPurchasingRepository::GetSupplierItem(
    const std::string& supplier_code, const std::string& sku) {
  return ReadValue<SupplierItem>(db_, [&](soci::session& s) {
    auto item = FindItem(s, supplier_code, sku, false);
    if (!item) {
      // Tells an unknown supplier or product apart from a missing item.
      RequireReferences(s, supplier_code, sku);
      RequireItem(s, supplier_code, sku);
    }
    return *item;
  });
}

StatusOr<SupplierItem> MySqlPurchasingRepository::UpdateSupplierItem(
    const std::string& supplier_code, const std::string& sku,
    const domain::SupplierItemMutation& mutate, const RequestContext& ctx) {
  return WriteValue<SupplierItem>(db_, [&](soci::session& s) {
    References refs = RequireReferences(s, supplier_code, sku);
    SupplierItem before = RequireItem(s, supplier_code, sku, true);
    SupplierItem after = before;
    Check(mutate(after));
    Check(domain::CheckSupplierItemFitsProduct(after, refs.product));
    CheckDeactivation(s, refs, before, after);
    WriteItem(s, refs, after);
    AppendAudit(s, &ctx, AuditOf(after));
    return RequireItem(s, supplier_code, sku);
  });
}

StatusOr<std::vector<SupplierItem>>
MySqlPurchasingRepository::ListSupplierItems(
    const domain::SupplierItemFilter& f, const domain::PageRequest& page) {
  return ReadValue<std::vector<SupplierItem>>(db_, [&](soci::session& s) {
    long long limit = page.page_size + 1;
    int active_only = f.active_only ? 1 : 0;
    if (!f.supplier_code.empty()) {
      return QueryAll(s,
                      kSelectItem +
                          " WHERE su.code = :s AND p.sku > :after AND (:k1 = "
                          "'' OR p.sku = :k2) AND (:a = 0 OR i.active = 1) "
                          "ORDER BY p.sku LIMIT :limit",
                      &ReadItem, f.supplier_code, page.after_key, f.sku, f.sku,
                      active_only, limit);
    }
    return QueryAll(s,
                    kSelectItem +
                        " WHERE p.sku = :p AND su.code > :after AND (:a = 0 "
                        "OR i.active = 1) ORDER BY su.code LIMIT :limit",
                    &ReadItem, f.sku, page.after_key, active_only, limit);
  });
}

StatusOr<std::vector<SupplierItemImportResult>>
MySqlPurchasingRepository::ImportSupplierItems(
    const std::vector<domain::SupplierItemImportRow>& rows,
    const RequestContext& ctx) {
  // Like the product import: one plain read of what is stored, unchanged
  // rows left alone and unlocked, then the changed and new rows in short
  // transactions of kImportRowsPerTransaction, each locking and re-checking
  // only its own rows, with a savepoint per row.
  std::vector<SupplierItemImportResult> results(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    results[i].line_number = rows[i].line_number;
    results[i].supplier_code = rows[i].item.supplier_code;
    results[i].sku = rows[i].item.sku;
  }
  using Key = std::pair<std::string, std::string>;
  auto key_of = [](const SupplierItem& i) {
    return Key{i.supplier_code, i.sku};
  };

  // 1. What is stored now, per supplier of the batch, without locks.
  std::map<std::string, std::vector<std::string>> skus_by_supplier;
  for (const auto& row : rows) {
    skus_by_supplier[row.item.supplier_code].push_back(row.item.sku);
  }
  auto stored =
      ReadValue<std::map<Key, SupplierItem>>(db_, [&](soci::session& s) {
        std::map<Key, SupplierItem> out;
        for (const auto& [supplier, skus] : skus_by_supplier) {
          for (auto& item : QueryIn(
                   s, kSelectItem + " WHERE su.code = :s AND p.sku IN ({in})",
                   &ReadItem, skus, {supplier})) {
            Key key = key_of(item);
            out.emplace(std::move(key), std::move(item));
          }
        }
        return out;
      });
  if (!stored.ok()) return stored.status();

  // 2. Unchanged rows are done.
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto it = stored->find(key_of(rows[i].item));
    if (it != stored->end() && it->second.SameContentAs(rows[i].item)) {
      results[i].outcome = SupplierItemImportOutcome::kUnchanged;
    } else {
      pending.push_back(i);
    }
  }
  // Rows in key order, so that concurrent imports lock in one order.
  std::sort(pending.begin(), pending.end(), [&](std::size_t a, std::size_t b) {
    return key_of(rows[a].item) < key_of(rows[b].item);
  });

  // 3. The changes, a few rows per transaction.
  for (std::size_t begin = 0; begin < pending.size();
       begin += kImportRowsPerTransaction) {
    const std::size_t end =
        std::min(pending.size(), begin + kImportRowsPerTransaction);
    auto batch = WriteValue<std::vector<SupplierItemImportResult>>(
        db_, [&](soci::session& s) {
          std::vector<SupplierItemImportResult> out;
          for (std::size_t k = begin; k < end; ++k) {
            const SupplierItem& item = rows[pending[k]].item;
            SupplierItemImportResult result = results[pending[k]];
            s << "SAVEPOINT import_row";
            try {
              References refs =
                  RequireReferences(s, item.supplier_code, item.sku);
              Check(domain::CheckSupplierItemFitsProduct(item, refs.product));
              // Locks the row, re-read: it may have changed since step 1.
              auto existing = FindItem(s, item.supplier_code, item.sku,
                                       /*for_update=*/true);
              if (!existing) {
                InsertItem(s, refs, item);
                result.outcome = SupplierItemImportOutcome::kCreated;
              } else if (existing->SameContentAs(item)) {
                result.outcome = SupplierItemImportOutcome::kUnchanged;
              } else {
                CheckDeactivation(s, refs, *existing, item);
                WriteItem(s, refs, item);
                result.outcome = SupplierItemImportOutcome::kUpdated;
              }
              if (result.outcome != SupplierItemImportOutcome::kUnchanged) {
                AppendAudit(s, &ctx, AuditOf(item));
              }
              s << "RELEASE SAVEPOINT import_row";
            } catch (const StatusError& e) {
              s << "ROLLBACK TO SAVEPOINT import_row";
              result.outcome = SupplierItemImportOutcome::kRejected;
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

StatusOr<std::string> MySqlPurchasingRepository::StoreTimeZone(
    const std::string& store_code) {
  return ReadValue<std::string>(db_, [&](soci::session& s) {
    auto zone = QueryOne(
        s, "SELECT time_zone FROM stores WHERE code = :c",
        +[](const soci::row& r) { return GetString(r, 0); }, store_code);
    if (!zone) {
      Fail(domain::NotFound("STORE_NOT_FOUND",
                            "store " + store_code + " not found"));
    }
    return *zone;
  });
}

StatusOr<std::vector<domain::DemandDay>>
MySqlPurchasingRepository::ListDemandDays(const std::string& store_code,
                                          const std::string& sku,
                                          const std::string& start_day,
                                          const std::string& end_day,
                                          const std::string& after_sku,
                                          int max_products) {
  return ReadValue<std::vector<domain::DemandDay>>(db_, [&](soci::session& s) {
    long long store_id = RequireStoreId(s, store_code);
    auto read = +[](const soci::row& r) {
      domain::DemandDay d;
      d.sku = GetString(r, 0);
      d.business_day = GetString(r, 1);
      d.sold_milli = GetInt64(r, 2);
      d.returned_milli = GetInt64(r, 3);
      d.voided_milli = GetInt64(r, 4);
      return d;
    };
    if (!sku.empty()) {
      auto product = QueryOne(
          s, "SELECT id FROM products WHERE sku = :p",
          +[](const soci::row& r) { return GetInt64(r, 0); }, sku);
      if (!product) {
        Fail(domain::NotFound("PRODUCT_NOT_FOUND",
                              "product " + sku + " not found"));
      }
      // The primary key (store, product, day): a range read.
      return QueryAll(
          s,
          "SELECT p.sku, DATE_FORMAT(d.business_day, '%Y-%m-%d'), "
          "d.sold_milli, d.returned_milli, d.voided_milli FROM daily_demand d "
          "JOIN products p ON p.id = d.product_id WHERE d.store_id = :s AND "
          "d.product_id = :p AND d.business_day BETWEEN :a AND :b ORDER BY "
          "d.business_day",
          read, store_id, *product, start_day, end_day);
    }
    long long limit = max_products;
    // A page of products with demand in the window, then their rows.
    return QueryAll(
        s,
        "SELECT p.sku, DATE_FORMAT(d.business_day, '%Y-%m-%d'), d.sold_milli, "
        "d.returned_milli, d.voided_milli FROM (SELECT DISTINCT p2.id, p2.sku "
        "FROM daily_demand d2 JOIN products p2 ON p2.id = d2.product_id WHERE "
        "d2.store_id = :s1 AND d2.business_day BETWEEN :a1 AND :b1 AND "
        "p2.sku > :after ORDER BY p2.sku LIMIT :limit) p JOIN daily_demand d "
        "ON d.store_id = :s2 AND d.product_id = p.id AND d.business_day "
        "BETWEEN :a2 AND :b2 ORDER BY p.sku, d.business_day",
        read, store_id, start_day, end_day, after_sku, limit, store_id,
        start_day, end_day);
  });
}

}  // namespace backoffice::storage
