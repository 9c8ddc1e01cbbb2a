#include "display.h"

#include <array>

namespace backoffice::ctl {
namespace {

constexpr std::uint64_t kMilliPerUnit = 1000;

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string AsciiUpper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

// The magnitude of a value as an unsigned number. Negating in unsigned
// arithmetic is defined for every value, the most negative int64 included
// (whose magnitude no int64 holds).
std::uint64_t Magnitude(std::int64_t value) {
  const auto bits = static_cast<std::uint64_t>(value);
  return value < 0 ? ~bits + 1 : bits;
}

// `value` in base 10 with `separator` between groups of three digits (none
// when `separator` is 0).
std::string Digits(std::uint64_t value, char separator) {
  std::string reversed;
  int count = 0;
  do {
    if (separator != 0 && count > 0 && count % 3 == 0) reversed += separator;
    reversed += static_cast<char>('0' + value % 10);
    value /= 10;
    ++count;
  } while (value != 0);
  return std::string(reversed.rbegin(), reversed.rend());
}

// `value` written with exactly `width` digits, leading zeros included.
std::string ZeroPadded(std::uint64_t value, int width) {
  std::string text(static_cast<std::size_t>(width), '0');
  for (int i = width - 1; i >= 0; --i) {
    text[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return text;
}

std::uint64_t PowerOfTen(int exponent) {
  std::uint64_t power = 1;
  for (int i = 0; i < exponent; ++i) power *= 10;
  return power;
}

}  // namespace

Unit UnitOf(std::string_view unit_of_measure, bool sold_by_weight) {
  // Weights, volumes and lengths, as Indonesian shops write them too
  // ("ons" is 100 g, "ltr" a litre).
  static constexpr std::array<std::string_view, 18> kMeasures = {
      "kg",    "g",     "gr", "gram", "mg", "ons", "l",  "lt", "ltr",
      "liter", "litre", "ml", "cl",   "m",  "cm",  "mm", "m2", "m3"};
  const std::string lower = AsciiLower(unit_of_measure);
  bool measured = sold_by_weight;
  for (std::string_view measure : kMeasures) {
    if (lower == measure) measured = true;
  }
  return Unit{std::string(unit_of_measure), measured};
}

std::string FormatQuantity(std::int64_t milli, const Unit& unit) {
  const std::uint64_t magnitude = Magnitude(milli);
  std::string text = milli < 0 ? "-" : "";
  text += Digits(magnitude / kMilliPerUnit, 0);
  std::string decimals = ZeroPadded(magnitude % kMilliPerUnit, 3);
  if (!unit.measured) {
    // A count shows only the decimals it has: 60, 1.5, 0.001.
    decimals.erase(decimals.find_last_not_of('0') + 1);
  }
  if (!decimals.empty()) text += "." + decimals;
  if (!unit.symbol.empty()) text += " " + unit.symbol;
  return text;
}

int CurrencyDecimals(std::string_view currency_code) {
  static constexpr std::array<std::string_view, 18> kNoMinorUnit = {
      "IDR", "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW",
      "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
  static constexpr std::array<std::string_view, 7> kThousandths = {
      "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  const std::string code = AsciiUpper(currency_code);
  for (std::string_view candidate : kNoMinorUnit) {
    if (code == candidate) return 0;
  }
  for (std::string_view candidate : kThousandths) {
    if (code == candidate) return 3;
  }
  return 2;
}

std::string FormatMoney(std::int64_t minor_units,
                        std::string_view currency_code) {
  const std::uint64_t magnitude = Magnitude(minor_units);
  const std::string sign = minor_units < 0 ? "-" : "";
  if (currency_code.empty()) return sign + Digits(magnitude, 0);
  const std::string code = AsciiUpper(currency_code);
  if (code == "IDR") return sign + "Rp " + Digits(magnitude, '.');
  const int decimals = CurrencyDecimals(code);
  const std::uint64_t scale = PowerOfTen(decimals);
  std::string text = sign + code + " " + Digits(magnitude / scale, ',');
  if (decimals > 0) text += "." + ZeroPadded(magnitude % scale, decimals);
  return text;
}

}  // namespace backoffice::ctl
