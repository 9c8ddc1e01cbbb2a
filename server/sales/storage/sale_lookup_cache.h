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
    };
    for (const auto& row : QueryIn(
             s,
             "SELECT s.code, s.id, s.time_zone, t.code, t.id FROM stores s "
             "LEFT JOIN "
             "terminals t ON t.store_id = s.id WHERE s.code IN ({in})",
             +[](const soci::row& r) {
               return StoreRow{GetString(r, 0),
                               {GetInt64(r, 1), GetString(r, 2)},
                               GetString(r, 3),
                               GetOptionalInt64(r, 4)};
             },
             store_codes)) {
      stores_.emplace(row.code, row.info);
      if (row.terminal_id)
        terminals_.emplace(std::make_pair(row.info.id, row.terminal_code),
                           *row.terminal_id);
    }
    using KeyId = std::pair<std::string, long long>;
    auto read_key_id = +[](const soci::row& r) {
      return KeyId{GetString(r, 0), GetInt64(r, 1)};
    };
    for (const auto& [sku, id] :
         QueryIn(s, "SELECT sku, id FROM products WHERE sku IN ({in})",
                 read_key_id, skus)) {
      products_by_sku_.emplace(sku, id);
    }
    for (const auto& [barcode, id] :
         QueryIn(s,
                 "SELECT barcode, product_id FROM product_barcodes WHERE "
                 "barcode IN ({in})",
                 read_key_id, barcodes)) {
      products_by_barcode_.emplace(barcode, id);
    }
  }

  const StoreInfo& Store(soci::session& s, const std::string& code) {
    auto it = stores_.find(code);
    if (it != stores_.end()) return it->second;
    StoreInfo info;
    soci::indicator ind = soci::i_null;
    s << "SELECT id, time_zone FROM stores WHERE code = :c", soci::use(code),
        soci::into(info.id), soci::into(info.time_zone, ind);
    if (!s.got_data()) {
      Fail(domain::NotFound("STORE_NOT_FOUND", "store " + code + " not found"));
    }
    return stores_.emplace(code, info).first->second;
  }

  long long Terminal(soci::session& s, long long store_id,
                     const std::string& store_code, const std::string& code) {
    auto key = std::make_pair(store_id, code);
    auto it = terminals_.find(key);
    if (it != terminals_.end()) return it->second;
    long long id = 0;
    s << "SELECT id FROM terminals WHERE store_id = :s AND code = :c",
        soci::use(store_id), soci::use(code), soci::into(id);
    if (!s.got_data()) {
      Fail(domain::NotFound(
          "TERMINAL_NOT_FOUND",
          "terminal " + code + " not found in store " + store_code));
    }
    return terminals_.emplace(key, id).first->second;
  }

  long long Product(soci::session& s, const domain::SaleLine& line) {
    const bool by_sku = !line.sku.empty();
    const std::string& key = by_sku ? line.sku : line.barcode;
    auto& cache = by_sku ? products_by_sku_ : products_by_barcode_;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    long long id = 0;
    if (by_sku) {
      s << "SELECT id FROM products WHERE sku = :k", soci::use(key),
          soci::into(id);
    } else {
      s << "SELECT product_id FROM product_barcodes WHERE barcode = :k",
          soci::use(key), soci::into(id);
    }
    if (!s.got_data()) {
      Fail(domain::NotFound("PRODUCT_NOT_FOUND",
                            "line " + std::to_string(line.line_number) +
                                ": no product has " +
                                (by_sku ? "sku " : "barcode ") + key)
               .WithMetadata("line_number", std::to_string(line.line_number)));
    }
    return cache.emplace(key, id).first->second;
  }

  long long Customer(soci::session& s, long long store_id,
                     const std::string& code) {
    auto key = std::make_pair(store_id, code);
    auto it = customers_.find(key);
    if (it != customers_.end()) return it->second;
    long long id = 0;
    s << "SELECT id FROM customers WHERE store_id = :s AND code = :c",
        soci::use(store_id), soci::use(code), soci::into(id);
    if (!s.got_data()) {
      Fail(domain::NotFound(
          "CUSTOMER_NOT_FOUND",
          "credit customer " + code + " not found in this store"));
    }
    return customers_.emplace(key, id).first->second;
  }

 private:
  std::map<std::string, StoreInfo> stores_;
  std::map<std::pair<long long, std::string>, long long> terminals_;
  std::map<std::string, long long> products_by_sku_;
  std::map<std::string, long long> products_by_barcode_;
  std::map<std::pair<long long, std::string>, long long> customers_;

  static void Unique(std::vector<std::string>& values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
  }
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_SALES_STORAGE_SALE_LOOKUP_CACHE_H_
