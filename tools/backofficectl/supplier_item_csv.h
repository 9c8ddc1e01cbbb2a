// The supplier item file of `backofficectl supplier-item import`: its header
// and the local checks of each row, before any row is sent to the server.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_SUPPLIER_ITEM_CSV_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_SUPPLIER_ITEM_CSV_H_

#include <array>
#include <cstddef>
#include <string>

#include "backoffice/status.h"
#include "backoffice/v1/purchasing_service.pb.h"
#include "csv.h"

namespace backoffice::ctl {

/// The columns of a supplier item file; a file may order them differently.
/// Quantities (pack_size, min_order_quantity) are decimals in the product's
/// unit with up to 3 places ("12", "10", "2.5"); unit_cost is an integer in
/// the currency's minor unit, before VAT.
inline constexpr std::array<const char*, 10> kSupplierItemCsvColumns = {
    "supplier_code",      "sku",       "supplier_sku", "pack_size",
    "min_order_quantity", "unit_cost", "currency",     "tax_rate_basis_points",
    "lead_time_days",     "active"};

/// Where each column of kSupplierItemCsvColumns sits in the file's rows.
struct SupplierItemCsvLayout {
  std::array<std::size_t, kSupplierItemCsvColumns.size()> index{};
  std::size_t width = 0;
};

/// Reads the header record: every column exactly once, no other column
/// (INVALID_CSV_HEADER).
StatusOr<SupplierItemCsvLayout> ParseSupplierItemCsvHeader(
    const CsvRecord& header);

/// Turns one data record into a supplier item. Fails, naming the column, on
/// a malformed record (MALFORMED_CSV), a field count unlike the header's
/// (WRONG_COLUMN_COUNT), a bad quantity (INVALID_DECIMAL), a bad integer
/// (INVALID_INTEGER) or a bad boolean (INVALID_BOOLEAN). Business rules are
/// left to the server.
StatusOr<v1::SupplierItem> ParseSupplierItemCsvRow(
    const SupplierItemCsvLayout& layout, const CsvRecord& record);

/// "SUPPLIER/SKU" of a record as well as it can be told, for reporting a
/// row that could not be parsed.
std::string SupplierItemCsvKey(const SupplierItemCsvLayout& layout,
                               const CsvRecord& record);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_SUPPLIER_ITEM_CSV_H_
