#include "core/domain/model.h"

#include <cctype>

#include "core/domain/errors.h"

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

bool IsManagerOrAbove(Role role) {
  return role == Role::kStoreManager || role == Role::kHeadOffice ||
         role == Role::kAdmin;
}

bool IsChainWide(Role role) {
  return role == Role::kHeadOffice || role == Role::kAdmin;
}

std::string FormatTokenId(std::int64_t id) {
  return "tok_" + std::to_string(id);
}

StatusOr<std::int64_t> ParseTokenId(const std::string& text) {
  const std::string digits = text.rfind("tok_", 0) == 0 ? text.substr(4) : text;
  if (digits.empty() || digits.size() > 18) {
    return InvalidField("id", "must look like tok_12");
  }
  std::int64_t id = 0;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return InvalidField("id", "must look like tok_12");
    }
    id = id * 10 + (c - '0');
  }
  return id;
}

}  // namespace backoffice::domain
