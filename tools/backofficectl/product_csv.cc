#include "product_csv.h"

#include <limits>
#include <string_view>

#include "values.h"

namespace backoffice::ctl {
namespace {

// Positions in kProductCsvColumns.
enum Column : std::size_t {
  kSku,
  kBarcodes,
  kDisplayName,
  kUnitOfMeasure,
  kSoldByWeight,
  kTaxRateBasisPoints,
  kPrice,
  kCurrency,
  kActive,
};

constexpr char kBarcodeSeparator = '|';

Status RowError(const std::string& reason, const std::string& message) {
  return Status(StatusCode::kInvalidArgument, reason, message);
}

// Names the column in a value parser's failure, keeping its reason.
Status InColumn(Column column, const Status& status) {
  return RowError(status.reason(), std::string(kProductCsvColumns[column]) +
                                       ": " + status.message());
}

std::string ExpectedHeader() {
  std::string header;
  for (const char* name : kProductCsvColumns) {
    if (!header.empty()) header += ',';
    header += name;
  }
  return header;
}

}  // namespace

StatusOr<ProductCsvLayout> ParseProductCsvHeader(const CsvRecord& header) {
  auto invalid = [](const std::string& why) {
    return Status(
        StatusCode::kInvalidArgument, "INVALID_CSV_HEADER",
        "line 1: " + why + "; expected the header " + ExpectedHeader());
  };
  if (!header.error.empty()) return invalid(header.error);
  ProductCsvLayout layout;
  layout.width = header.fields.size();
  std::array<bool, kProductCsvColumns.size()> seen{};
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::size_t column = 0;
    while (column < kProductCsvColumns.size() &&
           header.fields[i] != kProductCsvColumns[column]) {
      ++column;
    }
    std::size_t optional = 0;
    while (optional < kProductCsvOptionalColumns.size() &&
           header.fields[i] != kProductCsvOptionalColumns[optional]) {
      ++optional;
    }
    if (optional < kProductCsvOptionalColumns.size()) {
      if (layout.optional_index[optional] != kAbsentColumn) {
        return invalid("column \"" + header.fields[i] + "\" appears twice");
      }
      layout.optional_index[optional] = i;
      continue;
    }
    if (column == kProductCsvColumns.size()) {
      return invalid("unknown column \"" + header.fields[i] + "\"");
    }
    if (seen[column]) {
      return invalid("column \"" + header.fields[i] + "\" appears twice");
    }
    seen[column] = true;
    layout.index[column] = i;
  }
  for (std::size_t column = 0; column < kProductCsvColumns.size(); ++column) {
    if (!seen[column]) {
      return invalid("column \"" + std::string(kProductCsvColumns[column]) +
                     "\" is missing");
    }
  }
  return layout;
}

StatusOr<v1::Product> ParseProductCsvRow(const ProductCsvLayout& layout,
                                         const CsvRecord& record) {
  if (!record.error.empty()) return RowError("MALFORMED_CSV", record.error);
  if (record.fields.size() != layout.width) {
    return RowError("WRONG_COLUMN_COUNT",
                    "the row has " + std::to_string(record.fields.size()) +
                        " fields, the header " + std::to_string(layout.width));
  }
  auto cell = [&](Column column) -> const std::string& {
    return record.fields[layout.index[column]];
  };

  v1::Product product;
  product.set_sku(cell(kSku));
  product.set_display_name(cell(kDisplayName));
  product.set_unit_of_measure(cell(kUnitOfMeasure));

  // An empty cell means no barcodes; an empty element between separators is
  // a typo that would otherwise drop a barcode unnoticed.
  std::string_view barcodes = cell(kBarcodes);
  while (!barcodes.empty()) {
    const std::size_t end = barcodes.find(kBarcodeSeparator);
    const std::string_view barcode = barcodes.substr(0, end);
    if (barcode.empty()) {
      return RowError("INVALID_BARCODES",
                      "barcodes: an empty barcode in \"" + cell(kBarcodes) +
                          "\" (separate barcodes with a single '|')");
    }
    product.add_barcodes(std::string(barcode));
    if (end == std::string_view::npos) break;
    barcodes.remove_prefix(end + 1);
    if (barcodes.empty()) {
      return RowError("INVALID_BARCODES",
                      "barcodes: \"" + cell(kBarcodes) + "\" ends with a '|'");
    }
  }

  auto sold_by_weight = ParseBool(cell(kSoldByWeight));
  if (!sold_by_weight.ok()) {
    return InColumn(kSoldByWeight, sold_by_weight.status());
  }
  product.set_sold_by_weight(*sold_by_weight);

  auto tax_rate = ParseInt64(cell(kTaxRateBasisPoints));
  if (tax_rate.ok() && (*tax_rate < std::numeric_limits<std::int32_t>::min() ||
                        *tax_rate > std::numeric_limits<std::int32_t>::max())) {
    tax_rate = RowError("INVALID_INTEGER", "\"" + cell(kTaxRateBasisPoints) +
                                               "\" is out of range");
  }
  if (!tax_rate.ok()) return InColumn(kTaxRateBasisPoints, tax_rate.status());
  product.set_tax_rate_basis_points(static_cast<std::int32_t>(*tax_rate));

  auto price = ParseInt64(cell(kPrice));
  if (!price.ok()) {
    return InColumn(kPrice,
                    RowError(price.status().reason(),
                             price.status().message() +
                                 " (prices are integers in minor units)"));
  }
  product.mutable_default_price()->set_minor_units(*price);
  product.mutable_default_price()->set_currency_code(cell(kCurrency));

  auto active = ParseBool(cell(kActive));
  if (!active.ok()) return InColumn(kActive, active.status());
  product.set_active(*active);

  // The optional columns: kProductCsvOptionalColumns' order.
  if (layout.optional_index[0] != kAbsentColumn) {
    product.set_preferred_supplier(record.fields[layout.optional_index[0]]);
  }
  for (std::size_t k = 1; k < kProductCsvOptionalColumns.size(); ++k) {
    if (layout.optional_index[k] == kAbsentColumn) continue;
    const std::string& text = record.fields[layout.optional_index[k]];
    // An empty cell is 0: no shelf life, no margin.
    auto days = text.empty() ? StatusOr<std::int64_t>(0) : ParseInt64(text);
    if (days.ok() && (*days < std::numeric_limits<std::int32_t>::min() ||
                      *days > std::numeric_limits<std::int32_t>::max())) {
      days = RowError("INVALID_INTEGER", "\"" + text + "\" is out of range");
    }
    if (!days.ok()) {
      return RowError(days.status().reason(),
                      std::string(kProductCsvOptionalColumns[k]) + ": " +
                          days.status().message());
    }
    if (k == 1) {
      product.set_shelf_life_days(static_cast<std::int32_t>(*days));
    } else {
      product.set_sell_by_margin_days(static_cast<std::int32_t>(*days));
    }
  }
  return product;
}

std::vector<std::string> ProductCsvOptionalFields(
    const ProductCsvLayout& layout) {
  std::vector<std::string> fields;
  for (std::size_t k = 0; k < kProductCsvOptionalColumns.size(); ++k) {
    if (layout.optional_index[k] != kAbsentColumn) {
      fields.push_back(kProductCsvOptionalColumns[k]);
    }
  }
  return fields;
}

std::string ProductCsvSku(const ProductCsvLayout& layout,
                          const CsvRecord& record) {
  const std::size_t index = layout.index[kSku];
  return index < record.fields.size() ? record.fields[index] : std::string();
}

}  // namespace backoffice::ctl
