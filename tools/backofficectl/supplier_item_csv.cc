#include "supplier_item_csv.h"

#include <limits>

#include "values.h"

namespace backoffice::ctl {
namespace {

// Positions in kSupplierItemCsvColumns.
enum Column : std::size_t {
  kSupplierCode,
  kSku,
  kSupplierSku,
  kPackSize,
  kMinOrderQuantity,
  kUnitCost,
  kCurrency,
  kTaxRateBasisPoints,
  kLeadTimeDays,
  kActive,
};

Status RowError(const std::string& reason, const std::string& message) {
  return Status(StatusCode::kInvalidArgument, reason, message);
}

Status InColumn(Column column, const Status& status) {
  return RowError(
      status.reason(),
      std::string(kSupplierItemCsvColumns[column]) + ": " + status.message());
}

std::string ExpectedHeader() {
  std::string header;
  for (const char* name : kSupplierItemCsvColumns) {
    if (!header.empty()) header += ',';
    header += name;
  }
  return header;
}

// An int32 cell, such as a tax rate or a number of days.
StatusOr<std::int32_t> ParseInt32(const std::string& text) {
  auto value = ParseInt64(text);
  if (!value.ok()) return value.status();
  if (*value < std::numeric_limits<std::int32_t>::min() ||
      *value > std::numeric_limits<std::int32_t>::max()) {
    return RowError("INVALID_INTEGER", "\"" + text + "\" is out of range");
  }
  return static_cast<std::int32_t>(*value);
}

}  // namespace

StatusOr<SupplierItemCsvLayout> ParseSupplierItemCsvHeader(
    const CsvRecord& header) {
  auto invalid = [](const std::string& why) {
    return Status(
        StatusCode::kInvalidArgument, "INVALID_CSV_HEADER",
        "line 1: " + why + "; expected the header " + ExpectedHeader());
  };
  if (!header.error.empty()) return invalid(header.error);
  SupplierItemCsvLayout layout;
  layout.width = header.fields.size();
  std::array<bool, kSupplierItemCsvColumns.size()> seen{};
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::size_t column = 0;
    while (column < kSupplierItemCsvColumns.size() &&
           header.fields[i] != kSupplierItemCsvColumns[column]) {
      ++column;
    }
    if (column == kSupplierItemCsvColumns.size()) {
      return invalid("unknown column \"" + header.fields[i] + "\"");
    }
    if (seen[column]) {
      return invalid("column \"" + header.fields[i] + "\" appears twice");
    }
    seen[column] = true;
    layout.index[column] = i;
  }
  for (std::size_t column = 0; column < kSupplierItemCsvColumns.size();
       ++column) {
    if (!seen[column]) {
      return invalid("column \"" +
                     std::string(kSupplierItemCsvColumns[column]) +
                     "\" is missing");
    }
  }
  return layout;
}

StatusOr<v1::SupplierItem> ParseSupplierItemCsvRow(
    const SupplierItemCsvLayout& layout, const CsvRecord& record) {
  if (!record.error.empty()) return RowError("MALFORMED_CSV", record.error);
  if (record.fields.size() != layout.width) {
    return RowError("WRONG_COLUMN_COUNT",
                    "the row has " + std::to_string(record.fields.size()) +
                        " fields, the header " + std::to_string(layout.width));
  }
  auto cell = [&](Column column) -> const std::string& {
    return record.fields[layout.index[column]];
  };

  v1::SupplierItem item;
  item.set_supplier_code(cell(kSupplierCode));
  item.set_sku(cell(kSku));
  item.set_supplier_sku(cell(kSupplierSku));

  auto pack = ParseMilli(cell(kPackSize));
  if (!pack.ok()) return InColumn(kPackSize, pack.status());
  item.set_pack_size_milli(*pack);
  auto moq = ParseMilli(cell(kMinOrderQuantity));
  if (!moq.ok()) return InColumn(kMinOrderQuantity, moq.status());
  item.set_min_order_quantity_milli(*moq);

  auto cost = ParseInt64(cell(kUnitCost));
  if (!cost.ok()) {
    return InColumn(kUnitCost,
                    RowError(cost.status().reason(),
                             cost.status().message() +
                                 " (costs are integers in minor units)"));
  }
  item.mutable_unit_cost()->set_minor_units(*cost);
  item.mutable_unit_cost()->set_currency_code(cell(kCurrency));

  auto tax = ParseInt32(cell(kTaxRateBasisPoints));
  if (!tax.ok()) return InColumn(kTaxRateBasisPoints, tax.status());
  item.set_tax_rate_basis_points(*tax);
  auto lead = ParseInt32(cell(kLeadTimeDays));
  if (!lead.ok()) return InColumn(kLeadTimeDays, lead.status());
  item.set_lead_time_days(*lead);

  auto active = ParseBool(cell(kActive));
  if (!active.ok()) return InColumn(kActive, active.status());
  item.set_active(*active);
  return item;
}

std::string SupplierItemCsvKey(const SupplierItemCsvLayout& layout,
                               const CsvRecord& record) {
  auto at = [&](Column column) {
    const std::size_t index = layout.index[column];
    return index < record.fields.size() ? record.fields[index] : std::string();
  };
  const std::string supplier = at(kSupplierCode);
  const std::string sku = at(kSku);
  if (supplier.empty() && sku.empty()) return "";
  return supplier + "/" + sku;
}

}  // namespace backoffice::ctl
