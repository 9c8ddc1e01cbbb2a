#include "purchasing/domain/supplier_item_rules.h"

#include "core/domain/errors.h"
#include "core/domain/validation.h"

namespace backoffice::domain {

bool SupplierItem::SameContentAs(const SupplierItem& o) const {
  return supplier_code == o.supplier_code && sku == o.sku &&
         supplier_sku == o.supplier_sku &&
         pack_size_milli == o.pack_size_milli &&
         min_order_quantity_milli == o.min_order_quantity_milli &&
         unit_cost == o.unit_cost &&
         tax_rate_basis_points == o.tax_rate_basis_points &&
         lead_time_days == o.lead_time_days && active == o.active;
}

Status ValidateSupplierItemKey(const std::string& supplier_code,
                               const std::string& sku) {
  BO_RETURN_IF_ERROR(ValidateCode("supplier_code", supplier_code));
  if (sku.empty() || sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is required, at most 64 characters");
  }
  return Status();
}

Status ValidateSupplierItem(const SupplierItem& item) {
  BO_RETURN_IF_ERROR(ValidateSupplierItemKey(item.supplier_code, item.sku));
  BO_RETURN_IF_ERROR(ValidateOptionalText("supplier_sku", item.supplier_sku,
                                          kMaxSupplierSkuLength));
  if (item.pack_size_milli <= 0 || item.pack_size_milli > kMaxQuantityMilli) {
    return InvalidField("pack_size_milli",
                        "must be more than 0 and at most 1000000 units");
  }
  if (item.min_order_quantity_milli < 0 ||
      item.min_order_quantity_milli > kMaxQuantityMilli) {
    return InvalidField("min_order_quantity_milli",
                        "must be 0 to 1000000 units");
  }
  // A currency code and a cost that is not negative.
  BO_RETURN_IF_ERROR(ValidateMoney("unit_cost", item.unit_cost));
  if (item.tax_rate_basis_points < 0 || item.tax_rate_basis_points > 10000) {
    return InvalidField("tax_rate_basis_points", "must be 0-10000");
  }
  if (item.lead_time_days < 0 || item.lead_time_days > kMaxLeadTimeDays) {
    return InvalidField("lead_time_days", "must be 0-365");
  }
  return Status();
}

Status CheckSupplierItemFitsProduct(const SupplierItem& item,
                                    const ItemProductFacts& product) {
  if (item.unit_cost.currency_code != product.price_currency_code) {
    return InvalidArgument("CURRENCY_MISMATCH",
                           "the unit cost is in " +
                               item.unit_cost.currency_code + " but product " +
                               item.sku + " is priced in " +
                               product.price_currency_code)
        .WithMetadata("field", "unit_cost");
  }
  if (!product.sold_by_weight) {
    if (item.pack_size_milli % 1000 != 0) {
      return InvalidField("pack_size_milli", "must be whole units: product " +
                                                 item.sku +
                                                 " is not sold by weight");
    }
    if (item.min_order_quantity_milli % 1000 != 0) {
      return InvalidField("min_order_quantity_milli",
                          "must be whole units: product " + item.sku +
                              " is not sold by weight");
    }
  }
  return Status();
}

Status ApplySupplierItemMask(const std::vector<std::string>& mask,
                             const SupplierItem& patch, SupplierItem& target) {
  BO_RETURN_IF_ERROR(CheckMaskPaths(
      mask,
      {"supplier_sku", "pack_size_milli", "min_order_quantity_milli",
       "unit_cost", "tax_rate_basis_points", "lead_time_days", "active"}));
  if (MaskHas(mask, "supplier_sku")) target.supplier_sku = patch.supplier_sku;
  if (MaskHas(mask, "pack_size_milli")) {
    target.pack_size_milli = patch.pack_size_milli;
  }
  if (MaskHas(mask, "min_order_quantity_milli")) {
    target.min_order_quantity_milli = patch.min_order_quantity_milli;
  }
  if (MaskHas(mask, "unit_cost")) target.unit_cost = patch.unit_cost;
  if (MaskHas(mask, "tax_rate_basis_points")) {
    target.tax_rate_basis_points = patch.tax_rate_basis_points;
  }
  if (MaskHas(mask, "lead_time_days")) {
    target.lead_time_days = patch.lead_time_days;
  }
  if (MaskHas(mask, "active")) target.active = patch.active;
  return ValidateSupplierItem(target);
}

}  // namespace backoffice::domain
