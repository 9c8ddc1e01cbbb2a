// Every kind of stock movement, declared once. The numbers are the wire
// numbers of backoffice.v1.MovementType (transport maps by number, checked
// by a test); the names are what stock_movements.movement_type stores, and
// SQL names a type only through MovementTypeName. A new kind of document
// that moves stock adds one line here.
#ifndef BACKOFFICE_SERVER_INVENTORY_DOMAIN_MOVEMENT_TYPE_H_
#define BACKOFFICE_SERVER_INVENTORY_DOMAIN_MOVEMENT_TYPE_H_

#include <optional>
#include <string>
#include <vector>

// X(enumerator, wire number, stored name)
#define BACKOFFICE_MOVEMENT_TYPES(X)       \
  X(kSale, 1, "SALE")                      \
  X(kReturn, 2, "RETURN")                  \
  X(kVoid, 3, "VOID")                      \
  X(kAdjustment, 4, "ADJUSTMENT")          \
  X(kReceipt, 5, "RECEIPT")                \
  X(kSupplierReturn, 6, "SUPPLIER_RETURN") \
  X(kTransferOut, 7, "TRANSFER_OUT")       \
  X(kTransferIn, 8, "TRANSFER_IN")         \
  X(kStockCount, 9, "STOCK_COUNT")

namespace backoffice::domain {

enum class MovementType {
  kUnspecified = 0,
#define BACKOFFICE_MOVEMENT_ENUMERATOR(name, number, stored) name = number,
  BACKOFFICE_MOVEMENT_TYPES(BACKOFFICE_MOVEMENT_ENUMERATOR)
#undef BACKOFFICE_MOVEMENT_ENUMERATOR
};

// Every declared type, in wire order, kUnspecified excluded.
const std::vector<MovementType>& AllMovementTypes();
// The stored name ("SALE"); "UNSPECIFIED" for kUnspecified.
const char* MovementTypeName(MovementType type);
std::optional<MovementType> MovementTypeFromName(const std::string& name);
// The type with this wire number, or nullopt (0 and unknown numbers).
std::optional<MovementType> MovementTypeFromNumber(int number);
// A quoted SQL literal of the stored name ('SALE'), for queries that filter
// on a fixed type. The name is a compile-time constant, never client input.
std::string MovementTypeSql(MovementType type);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_MOVEMENT_TYPE_H_
