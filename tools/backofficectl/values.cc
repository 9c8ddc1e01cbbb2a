#include "values.h"

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

}  // namespace backoffice::ctl
