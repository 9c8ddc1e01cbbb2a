#include "domain/model.h"

namespace backoffice::domain {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kPosTerminal:
      return "POS_TERMINAL";
    case Role::kStoreStaff:
      return "STORE_STAFF";
    case Role::kStoreManager:
      return "STORE_MANAGER";
    case Role::kHeadOffice:
      return "HEAD_OFFICE";
    case Role::kAdmin:
      return "ADMIN";
    case Role::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

std::optional<Role> RoleFromName(const std::string& name) {
  for (Role r : {Role::kPosTerminal, Role::kStoreStaff, Role::kStoreManager,
                 Role::kHeadOffice, Role::kAdmin}) {
    if (name == RoleName(r)) return r;
  }
  return std::nullopt;
}

bool IsChainWide(Role role) {
  return role == Role::kHeadOffice || role == Role::kAdmin;
}

bool Product::SameContentAs(const Product& other) const {
  return sku == other.sku && barcodes == other.barcodes &&
         display_name == other.display_name &&
         unit_of_measure == other.unit_of_measure &&
         sold_by_weight == other.sold_by_weight &&
         tax_rate_basis_points == other.tax_rate_basis_points &&
         default_price == other.default_price && active == other.active;
}

}  // namespace backoffice::domain
