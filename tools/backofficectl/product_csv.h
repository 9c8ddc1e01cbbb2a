// The product file of `backofficectl import products`: its header and the
// local checks of each row, before any row is sent to the server.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_PRODUCT_CSV_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_PRODUCT_CSV_H_

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "backoffice/status.h"
#include "backoffice/v1/catalog_service.pb.h"
#include "csv.h"

namespace backoffice::ctl {

/// The columns of a product file, in the order the documentation lists
/// them; a file may order them differently.
inline constexpr std::array<const char*, 9> kProductCsvColumns = {
    "sku",
    "barcodes",
    "display_name",
    "unit_of_measure",
    "sold_by_weight",
    "tax_rate_basis_points",
    "price",
    "currency",
    "active"};

/// The columns a product file may have or leave out: a product's ordering
/// fields. A column left out leaves the field as it is stored (a new
/// product: its default). preferred_supplier is a supplier's code (empty:
/// none), the two others whole days.
inline constexpr std::array<const char*, 3> kProductCsvOptionalColumns = {
    "preferred_supplier", "shelf_life_days", "sell_by_margin_days"};

/// Where each column of kProductCsvColumns (and of
/// kProductCsvOptionalColumns, kAbsentColumn when left out) sits in the
/// file's rows.
inline constexpr std::size_t kAbsentColumn = static_cast<std::size_t>(-1);
struct ProductCsvLayout {
  std::array<std::size_t, kProductCsvColumns.size()> index{};
  std::array<std::size_t, kProductCsvOptionalColumns.size()> optional_index{
      kAbsentColumn, kAbsentColumn, kAbsentColumn};
  std::size_t width = 0;
};

/// Reads the header record. Every column of kProductCsvColumns must appear
/// exactly once, those of kProductCsvOptionalColumns at most once, and no
/// other column may appear, so that a misspelt name fails the whole file
/// instead of silently emptying a field on every row. Fails with reason
/// INVALID_CSV_HEADER.
StatusOr<ProductCsvLayout> ParseProductCsvHeader(const CsvRecord& header);

/// Turns one data record into a product. Fails, with a reason and a message
/// naming the column, on a malformed record (MALFORMED_CSV), a field count
/// unlike the header's (WRONG_COLUMN_COUNT), a non-integer price or tax rate
/// (INVALID_INTEGER), a bad boolean (INVALID_BOOLEAN) or an empty barcode
/// between '|' separators (INVALID_BARCODES). Business rules (SKU syntax,
/// known currency, ...) are left to the server.
StatusOr<v1::Product> ParseProductCsvRow(const ProductCsvLayout& layout,
                                         const CsvRecord& record);

/// The optional columns the file has, as the `optional_fields` of its
/// import rows name them.
std::vector<std::string> ProductCsvOptionalFields(
    const ProductCsvLayout& layout);

/// The record's SKU cell as well as it can be told, for reporting a row
/// that could not be parsed; empty when there is none.
std::string ProductCsvSku(const ProductCsvLayout& layout,
                          const CsvRecord& record);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_PRODUCT_CSV_H_
