#include "catalog/domain/catalog_validation.h"

#include <algorithm>
#include <set>

#include "core/domain/errors.h"
#include "core/domain/validation.h"

namespace backoffice::domain {

Status ValidateStore(const Store& store) {
  if (auto s = ValidateCode("code", store.code); !s.ok()) return s;
  if (auto s = ValidateName("display_name", store.display_name); !s.ok()) {
    return s;
  }
  if (auto s = ValidateTimeZone("time_zone", store.time_zone); !s.ok()) {
    return s;
  }
  return ValidateCurrencyCode("currency_code", store.currency_code);
}

Status ValidateTerminal(const Terminal& terminal) {
  if (auto s = ValidateCode("store_code", terminal.store_code); !s.ok()) {
    return s;
  }
  if (auto s = ValidateCode("code", terminal.code); !s.ok()) return s;
  return ValidateName("display_name", terminal.display_name);
}

Status ValidateProduct(Product& product) {
  const std::string& sku = product.sku;
  if (sku.empty()) return InvalidField("sku", "is required");
  if (sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is longer than 64 characters");
  }
  if (!std::all_of(sku.begin(), sku.end(),
                   [](char c) { return IsCodeChar(c) || c == '.'; })) {
    return InvalidField("sku", "may hold only A-Z, a-z, 0-9, '.', '-', '_'");
  }
  if (product.barcodes.size() > kMaxBarcodesPerProduct) {
    return InvalidField("barcodes", "more than 20 barcodes");
  }
  for (const auto& barcode : product.barcodes) {
    if (barcode.empty() || barcode.size() > kMaxBarcodeLength ||
        !std::all_of(barcode.begin(), barcode.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c));
        })) {
      return InvalidField("barcodes", "each barcode is 1-64 letters or digits");
    }
  }
  std::sort(product.barcodes.begin(), product.barcodes.end());
  if (std::adjacent_find(product.barcodes.begin(), product.barcodes.end()) !=
      product.barcodes.end()) {
    return InvalidField("barcodes", "the same barcode is listed twice");
  }
  if (auto s = ValidateName("display_name", product.display_name); !s.ok()) {
    return s;
  }
  if (auto s = ValidateName("unit_of_measure", product.unit_of_measure, 16);
      !s.ok()) {
    return s;
  }
  if (product.tax_rate_basis_points < 0 ||
      product.tax_rate_basis_points > 10000) {
    return InvalidField("tax_rate_basis_points", "must be within 0-10000");
  }
  BO_RETURN_IF_ERROR(ValidateMoney("default_price", product.default_price));
  if (!product.preferred_supplier.empty()) {
    BO_RETURN_IF_ERROR(
        ValidateCode("preferred_supplier", product.preferred_supplier));
  }
  return ValidateShelfLife(product.shelf_life_days,
                           product.sell_by_margin_days);
}

Status ValidateShelfLife(std::int32_t shelf_life_days,
                         std::int32_t sell_by_margin_days) {
  if (shelf_life_days < 0 || shelf_life_days > kMaxShelfLifeDays) {
    return InvalidField("shelf_life_days",
                        "must be within 0-3650 (0: does not expire)");
  }
  if (sell_by_margin_days < 0 || sell_by_margin_days > kMaxShelfLifeDays) {
    return InvalidField("sell_by_margin_days", "must be within 0-3650");
  }
  if (shelf_life_days > 0 && sell_by_margin_days >= shelf_life_days) {
    return InvalidField("sell_by_margin_days",
                        "must be less than shelf_life_days (" +
                            std::to_string(shelf_life_days) +
                            "): a lot would never be sellable");
  }
  return Status();
}

Status ValidateProductStoreSetting(const ProductStoreSetting& setting,
                                   const std::string& store_currency) {
  if (auto s = ValidateCode("store_code", setting.store_code); !s.ok()) {
    return s;
  }
  if (setting.sku.empty() || setting.sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is required, at most 64 characters");
  }
  if (setting.price_override) {
    if (auto s = ValidateMoney("price_override", *setting.price_override);
        !s.ok()) {
      return s;
    }
    if (setting.price_override->currency_code != store_currency) {
      return InvalidField("price_override.currency_code",
                          "must be the store's currency " + store_currency);
    }
  }
  if (setting.reorder_point_milli < 0) {
    return InvalidField("reorder_point_milli", "must not be negative");
  }
  if (setting.min_quantity_milli < 0) {
    return InvalidField("min_quantity_milli", "must not be negative");
  }
  if (setting.max_quantity_milli < 0 ||
      (setting.max_quantity_milli != 0 &&
       setting.max_quantity_milli < setting.min_quantity_milli)) {
    return InvalidField("max_quantity_milli",
                        "must be 0 (no maximum) or at least the minimum");
  }
  if (!setting.preferred_supplier.empty()) {
    return ValidateCode("preferred_supplier", setting.preferred_supplier);
  }
  return Status();
}

Status ValidateSupplier(const Supplier& supplier) {
  if (auto s = ValidateCode("code", supplier.code); !s.ok()) return s;
  if (auto s = ValidateName("display_name", supplier.display_name); !s.ok()) {
    return s;
  }
  if (auto s = ValidateOptionalText("phone", supplier.phone, 32); !s.ok()) {
    return s;
  }
  if (auto s = ValidateOptionalText("email", supplier.email, 200); !s.ok()) {
    return s;
  }
  if (!supplier.email.empty() &&
      supplier.email.find('@') == std::string::npos) {
    return InvalidField("email", "is not an e-mail address");
  }
  if (auto s = ValidateOptionalText("address", supplier.address, 500);
      !s.ok()) {
    return s;
  }
  if (supplier.payment_terms_days < 0 || supplier.payment_terms_days > 365) {
    return InvalidField("payment_terms_days", "must be within 0-365");
  }
  return Status();
}

Status ValidateCustomer(const Customer& customer,
                        const std::string& store_currency) {
  if (auto s = ValidateCode("store_code", customer.store_code); !s.ok()) {
    return s;
  }
  if (auto s = ValidateCode("code", customer.code); !s.ok()) return s;
  if (auto s = ValidateName("display_name", customer.display_name); !s.ok()) {
    return s;
  }
  if (auto s = ValidateOptionalText("phone", customer.phone, 32); !s.ok()) {
    return s;
  }
  if (auto s = ValidateMoney("credit_limit", customer.credit_limit); !s.ok()) {
    return s;
  }
  if (customer.credit_limit.currency_code != store_currency) {
    return InvalidField("credit_limit.currency_code",
                        "must be the store's currency " + store_currency);
  }
  if (customer.credit_terms_days < 0 || customer.credit_terms_days > 365) {
    return InvalidField("credit_terms_days", "must be within 0-365");
  }
  return Status();
}

Status ApplyStoreMask(const std::vector<std::string>& mask, const Store& patch,
                      Store& target) {
  if (auto s =
          CheckMaskPaths(mask, {"display_name", "time_zone", "currency_code"});
      !s.ok()) {
    return s;
  }
  if (MaskHas(mask, "display_name")) target.display_name = patch.display_name;
  if (MaskHas(mask, "time_zone")) target.time_zone = patch.time_zone;
  if (MaskHas(mask, "currency_code")) {
    target.currency_code = patch.currency_code;
  }
  return ValidateStore(target);
}

Status CheckStoreCurrencyChange(const Store& before, const Store& after,
                                const StoreMoneyUse& use) {
  if (before.currency_code == after.currency_code) return Status();
  std::string what;
  if (use.has_sales) what = "sales";
  if (use.has_price_overrides)
    what += what.empty() ? "price overrides" : ", price overrides";
  if (use.has_customers)
    what += what.empty() ? "credit customers" : ", credit customers";
  if (what.empty()) return Status();
  return FailedPrecondition("STORE_CURRENCY_IN_USE",
                            "store " + before.code + " has " + what + " in " +
                                before.currency_code +
                                "; its currency cannot change to " +
                                after.currency_code)
      .WithMetadata("field", "currency_code");
}

Status ApplyTerminalMask(const std::vector<std::string>& mask,
                         const Terminal& patch, Terminal& target) {
  if (auto s = CheckMaskPaths(mask, {"display_name", "active"}); !s.ok()) {
    return s;
  }
  if (MaskHas(mask, "display_name")) target.display_name = patch.display_name;
  if (MaskHas(mask, "active")) target.active = patch.active;
  return ValidateTerminal(target);
}

Status ApplyProductMask(const std::vector<std::string>& mask,
                        const Product& patch, Product& target) {
  if (auto s =
          CheckMaskPaths(mask, {"barcodes", "display_name", "unit_of_measure",
                                "sold_by_weight", "tax_rate_basis_points",
                                "default_price", "active", "preferred_supplier",
                                "shelf_life_days", "sell_by_margin_days"});
      !s.ok()) {
    return s;
  }
  if (MaskHas(mask, "barcodes")) target.barcodes = patch.barcodes;
  if (MaskHas(mask, "display_name")) target.display_name = patch.display_name;
  if (MaskHas(mask, "unit_of_measure")) {
    target.unit_of_measure = patch.unit_of_measure;
  }
  if (MaskHas(mask, "sold_by_weight")) {
    target.sold_by_weight = patch.sold_by_weight;
  }
  if (MaskHas(mask, "tax_rate_basis_points")) {
    target.tax_rate_basis_points = patch.tax_rate_basis_points;
  }
  if (MaskHas(mask, "default_price")) {
    target.default_price = patch.default_price;
  }
  if (MaskHas(mask, "active")) target.active = patch.active;
  if (MaskHas(mask, "preferred_supplier")) {
    target.preferred_supplier = patch.preferred_supplier;
  }
  if (MaskHas(mask, "shelf_life_days")) {
    target.shelf_life_days = patch.shelf_life_days;
  }
  if (MaskHas(mask, "sell_by_margin_days")) {
    target.sell_by_margin_days = patch.sell_by_margin_days;
  }
  return ValidateProduct(target);
}

Status ApplySupplierMask(const std::vector<std::string>& mask,
                         const Supplier& patch, Supplier& target) {
  if (auto s =
          CheckMaskPaths(mask, {"display_name", "phone", "email", "address",
                                "payment_terms_days", "active"});
      !s.ok()) {
    return s;
  }
  if (MaskHas(mask, "display_name")) target.display_name = patch.display_name;
  if (MaskHas(mask, "phone")) target.phone = patch.phone;
  if (MaskHas(mask, "email")) target.email = patch.email;
  if (MaskHas(mask, "address")) target.address = patch.address;
  if (MaskHas(mask, "payment_terms_days")) {
    target.payment_terms_days = patch.payment_terms_days;
  }
  if (MaskHas(mask, "active")) target.active = patch.active;
  return ValidateSupplier(target);
}

Status ApplyCustomerMask(const std::vector<std::string>& mask,
                         const Customer& patch, Customer& target) {
  if (auto s = CheckMaskPaths(mask, {"display_name", "phone", "credit_limit",
                                     "active", "credit_terms_days"});
      !s.ok()) {
    return s;
  }
  if (MaskHas(mask, "display_name")) target.display_name = patch.display_name;
  if (MaskHas(mask, "phone")) target.phone = patch.phone;
  if (MaskHas(mask, "credit_limit")) target.credit_limit = patch.credit_limit;
  if (MaskHas(mask, "active")) target.active = patch.active;
  if (MaskHas(mask, "credit_terms_days")) {
    target.credit_terms_days = patch.credit_terms_days;
  }
  // The store's currency cannot be read here; the customer keeps the
  // currency it was created with unless the patch names the same one.
  return ValidateCustomer(target, target.credit_limit.currency_code);
}

bool Product::SameContentAs(const Product& other) const {
  return sku == other.sku && barcodes == other.barcodes &&
         display_name == other.display_name &&
         unit_of_measure == other.unit_of_measure &&
         sold_by_weight == other.sold_by_weight &&
         tax_rate_basis_points == other.tax_rate_basis_points &&
         default_price == other.default_price && active == other.active &&
         preferred_supplier == other.preferred_supplier &&
         shelf_life_days == other.shelf_life_days &&
         sell_by_margin_days == other.sell_by_margin_days;
}

Status CheckImportOptionalFields(const std::vector<std::string>& fields) {
  for (const auto& field : fields) {
    bool known = false;
    for (const char* name : kProductImportOptionalFields) {
      known = known || field == name;
    }
    if (!known) {
      return InvalidArgument(
                 "INVALID_OPTIONAL_FIELDS",
                 "optional_fields may name only preferred_supplier, "
                 "shelf_life_days and sell_by_margin_days, not \"" +
                     field + "\"")
          .WithMetadata("field", "optional_fields");
    }
  }
  return Status();
}

void KeepUnsetOptionalFields(const std::vector<std::string>& fields,
                             const Product& stored, Product& row) {
  auto named = [&](const char* name) {
    return std::find(fields.begin(), fields.end(), name) != fields.end();
  };
  if (!named("preferred_supplier")) {
    row.preferred_supplier = stored.preferred_supplier;
  }
  if (!named("shelf_life_days")) row.shelf_life_days = stored.shelf_life_days;
  if (!named("sell_by_margin_days")) {
    row.sell_by_margin_days = stored.sell_by_margin_days;
  }
}

}  // namespace backoffice::domain
