// Strict parsers for the scalar values backofficectl reads from flags and
// CSV cells. They exist because the usual conversions are too lenient for
// money and stock: strtoll with base 0 reads "012000" as octal, and a double
// cannot hold 0.1 exactly. Every parser accepts the whole text or nothing.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_VALUES_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_VALUES_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/timestamp.pb.h>

#include <cstdint>
#include <string>
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

/// An RFC 3339 time with its offset: "2024-05-01T00:00:00Z" or
/// "2024-05-01T07:00:00+07:00". Fails with reason INVALID_TIMESTAMP.
StatusOr<google::protobuf::Timestamp> ParseTimestamp(std::string_view text);

/// A calendar date written YYYY-MM-DD, such as a store's business day
/// "2024-02-29". Fails with reason INVALID_DATE on another layout or a day
/// the calendar lacks ("2023-02-29").
StatusOr<std::string> ParseDate(std::string_view text);

/// A value of a proto enum named without its prefix, in any case: with
/// prefix "TENDER_TYPE_", "cash", "Cash" and "TENDER_TYPE_CASH" all give
/// TENDER_TYPE_CASH. The zero value (..._UNSPECIFIED) is never accepted,
/// since it means "not set". Fails with reason INVALID_CHOICE, listing the
/// choices.
StatusOr<int> ParseEnumName(const google::protobuf::EnumDescriptor& type,
                            std::string_view prefix, std::string_view text);

/// The names ParseEnumName accepts, without the prefix, separated by '|':
/// "CASH|CARD|QRIS|EWALLET|STORE_CREDIT".
std::string EnumChoices(const google::protobuf::EnumDescriptor& type,
                        std::string_view prefix);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_VALUES_H_
