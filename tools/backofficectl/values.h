// Strict parsers for the scalar values backofficectl reads from flags and
// CSV cells. They exist because the usual conversions are too lenient for
// money and stock: strtoll with base 0 reads "012000" as octal, and a double
// cannot hold 0.1 exactly. Every parser accepts the whole text or nothing.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_VALUES_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_VALUES_H_

#include <cstdint>
#include <string_view>

#include "backoffice/status.h"

namespace backoffice::ctl {

/// A base-10 integer with an optional leading '-': "12000", "-5", "007".
/// Fails with reason INVALID_INTEGER on anything else, including "12.5",
/// "0x10", " 1" and values outside int64.
StatusOr<std::int64_t> ParseInt64(std::string_view text);

/// A decimal quantity as an exact count of thousandths: "12.5" is 12500,
/// "0.001" is 1, "7" is 7000, ".5" is 500, "-1.25" is -1250. At most three
/// digits may follow the point. Fails with reason INVALID_DECIMAL on more
/// decimals, an exponent, spaces, an empty text or an int64 overflow.
StatusOr<std::int64_t> ParseMilli(std::string_view text);

/// "true", "false" (any case), "1" or "0". Fails with reason
/// INVALID_BOOLEAN on anything else.
StatusOr<bool> ParseBool(std::string_view text);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_VALUES_H_
