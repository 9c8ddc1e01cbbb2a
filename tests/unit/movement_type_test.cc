#include "inventory/domain/movement_type.h"

#include <gtest/gtest.h>

#include <string>

#include "backoffice/v1/inventory_service.pb.h"
#include "inventory/transport/inventory_mapping.h"

namespace backoffice::transport {
namespace {

// Movement types are declared once (inventory/domain/movement_type.h); the
// wire enum must carry the same numbers under the same names, since
// transport maps by number.
TEST(MovementTypes, TheWireEnumHasTheDomainsNumbersAndNames) {
  for (domain::MovementType type : domain::AllMovementTypes()) {
    const int number = static_cast<int>(type);
    ASSERT_TRUE(v1::MovementType_IsValid(number)) << number;
    EXPECT_EQ(v1::MovementType_Name(static_cast<v1::MovementType>(number)),
              std::string("MOVEMENT_TYPE_") + domain::MovementTypeName(type));
    EXPECT_EQ(FromProto(static_cast<v1::MovementType>(number)), type);
    EXPECT_EQ(domain::MovementTypeFromName(domain::MovementTypeName(type)),
              type);
  }
  // And nothing on the wire that the domain does not declare.
  const auto* wire = v1::MovementType_descriptor();
  EXPECT_EQ(wire->value_count(),
            static_cast<int>(domain::AllMovementTypes().size()) + 1);
}

}  // namespace
}  // namespace backoffice::transport
