// What a unit of work of sales looked up once and may need again: stores,
// tills, products and customers by their codes.
#ifndef BACKOFFICE_SERVER_SALES_STORAGE_SALE_LOOKUP_CACHE_H_
#define BACKOFFICE_SERVER_SALES_STORAGE_SALE_LOOKUP_CACHE_H_

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "sales/domain/sale_model.h"

namespace backoffice::storage {

class LookupCache {
 public:
  struct StoreInfo {
    long long id = 0;
    std::string time_zone;
    std::string currency_code;
  };
  // A till, product or customer the sale names, and whether it is active.
  struct Ref {
    long long id = 0;
    bool active = true;
    // Products only: what FEFO needs to tell a sellable lot.
    int sell_by_margin_days = 0;
    // Customers only: days until a charge falls due.
    int credit_terms_days = 0;
  };

  // Loads, in one query per table, what a group of sales will look up: their
  // stores with every till, and their products by SKU and by barcode.
  void Prefetch(soci::session& s,
                const std::vector<const domain::Sale*>& sales) {
    std::vector<std::string> store_codes;
    std::vector<std::string> skus;
    std::vector<std::string> barcodes;
    for (const domain::Sale* sale : sales) {
      if (!stores_.count(sale->store_code))
        store_codes.push_back(sale->store_code);
      for (const auto& line : sale->lines) {
        if (!line.sku.empty()) {
          if (!products_by_sku_.count(line.sku)) skus.push_back(line.sku);
        } else if (!products_by_barcode_.count(line.barcode)) {
          barcodes.push_back(line.barcode);
        }
      }
    }
    Unique(store_codes);
    Unique(skus);
    Unique(barcodes);
    struct StoreRow {
      std::string code;
      StoreInfo info;
      std::string terminal_code;
      std::optional<long long> terminal_id;
      bool terminal_active = false;
    };
    for (const auto& row : QueryIn(
             s,
             "SELECT s.code, s.id, s.time_zone, s.currency_code, t.code, t.id, "
             "t.active FROM stores s "
             "LEFT JOIN "
             "terminals t ON t.store_id = s.id WHERE s.code IN ({in})",
             +[](const soci::row& r) {
               return StoreRow{
                   GetString(r, 0),
                   {GetInt64(r, 1), GetString(r, 2), GetString(r, 3)},
                   GetString(r, 4),
                   GetOptionalInt64(r, 5),
                   GetOptionalInt64(r, 6).value_or(0) != 0};
             },
             store_codes)) {
      stores_.emplace(row.code, row.info);
      if (row.terminal_id)
        terminals_.emplace(std::make_pair(row.info.id, row.terminal_code),
                           Ref{*row.terminal_id, row.terminal_active});
    }
    using KeyRef = std::pair<std::string, Ref>;
    auto read_key_ref = +[](const soci::row& r) {
      return KeyRef{GetString(r, 0), Ref{GetInt64(r, 1), GetBool(r, 2),
                                         static_cast<int>(GetInt64(r, 3))}};
    };
    for (const auto& [sku, ref] :
         QueryIn(s,
                 "SELECT sku, id, active, sell_by_margin_days FROM products "
                 "WHERE sku IN ({in})",
                 read_key_ref, skus)) {
      products_by_sku_.emplace(sku, ref);
    }
    for (const auto& [barcode, ref] :
         QueryIn(s,
                 "SELECT b.barcode, b.product_id, p.active, "
                 "p.sell_by_margin_days FROM "
                 "product_barcodes b JOIN products p ON p.id = b.product_id "
                 "WHERE b.barcode IN ({in})",
                 read_key_ref, barcodes)) {
      products_by_barcode_.emplace(barcode, ref);
    }
  }

  const StoreInfo& Store(soci::session& s, const std::string& code) {
    auto it = stores_.find(code);
    if (it != stores_.end()) return it->second;
    StoreInfo info;
    soci::indicator ind = soci::i_null;
    s << "SELECT id, time_zone, currency_code FROM stores WHERE code = :c",
        soci::use(code), soci::into(info.id), soci::into(info.time_zone, ind),
        soci::into(info.currency_code);
    if (!s.got_data()) {
      Fail(domain::NotFound("STORE_NOT_FOUND", "store " + code + " not found"));
    }
    return stores_.emplace(code, info).first->second;
  }

  Ref Terminal(soci::session& s, long long store_id,
               const std::string& store_code, const std::string& code) {
    auto key = std::make_pair(store_id, code);
    auto it = terminals_.find(key);
    if (it != terminals_.end()) return it->second;
    Ref ref;
    int active = 0;
    s << "SELECT id, active FROM terminals WHERE store_id = :s AND code = :c",
        soci::use(store_id), soci::use(code), soci::into(ref.id),
        soci::into(active);
    ref.active = active != 0;
    if (!s.got_data()) {
      Fail(domain::NotFound(
          "TERMINAL_NOT_FOUND",
          "terminal " + code + " not found in store " + store_code));
    }
    return terminals_.emplace(key, ref).first->second;
  }

  Ref Product(soci::session& s, const domain::SaleLine& line) {
    const bool by_sku = !line.sku.empty();
    const std::string& key = by_sku ? line.sku : line.barcode;
    auto& cache = by_sku ? products_by_sku_ : products_by_barcode_;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    Ref ref;
    int active = 0;
    if (by_sku) {
      s << "SELECT id, active, sell_by_margin_days FROM products WHERE "
           "sku = :k",
          soci::use(key), soci::into(ref.id), soci::into(active),
          soci::into(ref.sell_by_margin_days);
    } else {
      s << "SELECT b.product_id, p.active, p.sell_by_margin_days FROM "
           "product_barcodes b JOIN products p ON p.id = b.product_id WHERE "
           "b.barcode = :k",
          soci::use(key), soci::into(ref.id), soci::into(active),
          soci::into(ref.sell_by_margin_days);
    }
    ref.active = active != 0;
    if (!s.got_data()) {
      Fail(domain::NotFound("PRODUCT_NOT_FOUND",
                            "line " + std::to_string(line.line_number) +
                                ": no product has " +
                                (by_sku ? "sku " : "barcode ") + key)
               .WithMetadata("line_number", std::to_string(line.line_number)));
    }
    return cache.emplace(key, ref).first->second;
  }

  Ref Customer(soci::session& s, long long store_id, const std::string& code) {
    auto key = std::make_pair(store_id, code);
    auto it = customers_.find(key);
    if (it != customers_.end()) return it->second;
    Ref ref;
    int active = 0;
    s << "SELECT id, active, credit_terms_days FROM customers WHERE store_id "
         "= :s AND code = :c",
        soci::use(store_id), soci::use(code), soci::into(ref.id),
        soci::into(active), soci::into(ref.credit_terms_days);
    ref.active = active != 0;
    if (!s.got_data()) {
      Fail(domain::NotFound(
          "CUSTOMER_NOT_FOUND",
          "credit customer " + code + " not found in this store"));
    }
    return customers_.emplace(key, ref).first->second;
  }

 private:
  std::map<std::string, StoreInfo> stores_;
  std::map<std::pair<long long, std::string>, Ref> terminals_;
  std::map<std::string, Ref> products_by_sku_;
  std::map<std::string, Ref> products_by_barcode_;
  std::map<std::pair<long long, std::string>, Ref> customers_;

  static void Unique(std::vector<std::string>& values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
  }
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_SALES_STORAGE_SALE_LOOKUP_CACHE_H_
