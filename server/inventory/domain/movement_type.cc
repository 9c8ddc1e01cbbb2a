#include "inventory/domain/movement_type.h"

namespace backoffice::domain {

const std::vector<MovementType>& AllMovementTypes() {
  static const auto* const kAll = new std::vector<MovementType>{
#define BACKOFFICE_MOVEMENT_VALUE(name, number, stored) MovementType::name,
      BACKOFFICE_MOVEMENT_TYPES(BACKOFFICE_MOVEMENT_VALUE)
#undef BACKOFFICE_MOVEMENT_VALUE
  };
  return *kAll;
}

const char* MovementTypeName(MovementType type) {
  switch (type) {
#define BACKOFFICE_MOVEMENT_NAME(name, number, stored) \
  case MovementType::name:                             \
    return stored;
    BACKOFFICE_MOVEMENT_TYPES(BACKOFFICE_MOVEMENT_NAME)
#undef BACKOFFICE_MOVEMENT_NAME
    case MovementType::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

std::optional<MovementType> MovementTypeFromName(const std::string& name) {
  for (MovementType type : AllMovementTypes()) {
    if (name == MovementTypeName(type)) return type;
  }
  return std::nullopt;
}

std::optional<MovementType> MovementTypeFromNumber(int number) {
  for (MovementType type : AllMovementTypes()) {
    if (static_cast<int>(type) == number) return type;
  }
  return std::nullopt;
}

std::string MovementTypeSql(MovementType type) {
  return std::string("'") + MovementTypeName(type) + "'";
}

}  // namespace backoffice::domain
