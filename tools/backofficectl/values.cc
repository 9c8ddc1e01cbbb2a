#include "values.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>

namespace backoffice::ctl {
namespace {

constexpr int kMilliDigits = 3;
constexpr std::uint64_t kMilliPerUnit = 1000;

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string AsciiUpper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// The value of the digits text[begin, begin + count), or -1 when one of
// them is not a digit.
int Digits(std::string_view text, std::size_t begin, std::size_t count) {
  int value = 0;
  for (std::size_t i = begin; i < begin + count; ++i) {
    if (!IsDigit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

Status InvalidDecimal(std::string_view text, const std::string& why) {
  return Status(StatusCode::kInvalidArgument, "INVALID_DECIMAL",
                Quoted(text) + " " + why);
}

// The names of an enum's values but the zero one, without `prefix`.
std::string JoinEnumNames(const google::protobuf::EnumDescriptor& type,
                          std::string_view prefix, std::string_view separator) {
  std::string joined;
  for (int i = 0; i < type.value_count(); ++i) {
    const google::protobuf::EnumValueDescriptor& value = *type.value(i);
    if (value.number() == 0) continue;
    std::string_view name = value.name();
    if (name.substr(0, prefix.size()) == prefix) {
      name.remove_prefix(prefix.size());
    }
    if (!joined.empty()) joined += separator;
    joined += name;
  }
  return joined;
}

}  // namespace

StatusOr<std::int64_t> ParseInt64(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  // from_chars, unlike strtoll, takes no base prefix, sign '+' or spaces.
  auto [stop, error] = std::from_chars(text.data(), end, value, 10);
  if (text.empty() || error == std::errc::invalid_argument || stop != end) {
    return Status(StatusCode::kInvalidArgument, "INVALID_INTEGER",
                  Quoted(text) + " is not a whole number");
  }
  if (error == std::errc::result_out_of_range) {
    return Status(StatusCode::kInvalidArgument, "INVALID_INTEGER",
                  Quoted(text) + " is out of range");
  }
  return value;
}

StatusOr<std::int64_t> ParseMilli(std::string_view text) {
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++pos;

  // The magnitude is accumulated unsigned so that the most negative int64
  // (whose magnitude exceeds the largest positive one) is still reachable.
  std::uint64_t magnitude = 0;
  const std::uint64_t limit =
      negative ? static_cast<std::uint64_t>(
                     std::numeric_limits<std::int64_t>::max()) +
                     1
               : static_cast<std::uint64_t>(
                     std::numeric_limits<std::int64_t>::max());
  const std::uint64_t unit_limit = limit / kMilliPerUnit;
  int digits = 0;
  for (; pos < text.size() && IsDigit(text[pos]); ++pos, ++digits) {
    const auto digit = static_cast<std::uint64_t>(text[pos] - '0');
    if (magnitude > (unit_limit - digit) / 10) {
      return InvalidDecimal(text, "is too large");
    }
    magnitude = magnitude * 10 + digit;
  }
  magnitude *= kMilliPerUnit;

  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::uint64_t scale = kMilliPerUnit;
    int decimals = 0;
    for (; pos < text.size() && IsDigit(text[pos]); ++pos, ++decimals) {
      if (decimals == kMilliDigits) {
        return InvalidDecimal(
            text,
            "has more than 3 decimal places (quantities are exact to "
            "the thousandth)");
      }
      scale /= 10;
      magnitude += static_cast<std::uint64_t>(text[pos] - '0') * scale;
    }
    if (decimals == 0) {
      return InvalidDecimal(text, "needs digits after the decimal point");
    }
    digits += decimals;
    if (magnitude > limit) return InvalidDecimal(text, "is too large");
  }

  if (digits == 0 || pos != text.size()) {
    return InvalidDecimal(text, "is not a decimal number such as 12 or 12.5");
  }
  if (negative) {
    // Negating in unsigned arithmetic is exact for every magnitude <= 2^63.
    return static_cast<std::int64_t>(~magnitude + 1);
  }
  return static_cast<std::int64_t>(magnitude);
}

StatusOr<bool> ParseBool(std::string_view text) {
  if (text == "1" || EqualsIgnoringCase(text, "true")) return true;
  if (text == "0" || EqualsIgnoringCase(text, "false")) return false;
  return Status(StatusCode::kInvalidArgument, "INVALID_BOOLEAN",
                Quoted(text) + " is not true, false, 1 or 0");
}

StatusOr<google::protobuf::Timestamp> ParseTimestamp(std::string_view text) {
  google::protobuf::Timestamp timestamp;
  if (!google::protobuf::util::TimeUtil::FromString(std::string(text),
                                                    &timestamp)) {
    return Status(StatusCode::kInvalidArgument, "INVALID_TIMESTAMP",
                  Quoted(text) +
                      " is not an RFC 3339 time such as "
                      "2024-05-01T00:00:00Z or 2024-05-01T07:00:00+07:00");
  }
  return timestamp;
}

StatusOr<std::string> ParseDate(std::string_view text) {
  const Status invalid(
      StatusCode::kInvalidArgument, "INVALID_DATE",
      Quoted(text) + " is not a date YYYY-MM-DD such as " + "2024-05-01");
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return invalid;
  const int year = Digits(text, 0, 4);
  const int month = Digits(text, 5, 2);
  const int day = Digits(text, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return invalid;
  }
  return std::string(text);
}

StatusOr<int> ParseEnumName(const google::protobuf::EnumDescriptor& type,
                            std::string_view prefix, std::string_view text) {
  // "write-off" reads as WRITE_OFF: a shell user types dashes.
  std::string upper = AsciiUpper(text);
  std::replace(upper.begin(), upper.end(), '-', '_');
  const google::protobuf::EnumValueDescriptor* value =
      type.FindValueByName(std::string(prefix) + upper);
  // The full name, as the JSON output prints it, is accepted too.
  if (value == nullptr && upper.size() > prefix.size() &&
      upper.compare(0, prefix.size(), prefix) == 0) {
    value = type.FindValueByName(upper);
  }
  if (value == nullptr || value->number() == 0) {
    return Status(
        StatusCode::kInvalidArgument, "INVALID_CHOICE",
        Quoted(text) + " is not one of " + JoinEnumNames(type, prefix, ", "));
  }
  return value->number();
}

std::string EnumChoices(const google::protobuf::EnumDescriptor& type,
                        std::string_view prefix) {
  return JoinEnumNames(type, prefix, "|");
}

}  // namespace backoffice::ctl
