// Quantities and money as people read them, for the table output. The API
// keeps exact integers (thousandths of a unit, minor units of a currency);
// these functions only write them for people and never round: every digit
// the integer holds is shown. JSON and CSV output keep the integers.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_DISPLAY_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_DISPLAY_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace backoffice::ctl {

/// How the quantities of a product read.
struct Unit {
  /// The unit of measure as the catalog names it ("pcs", "kg"); empty when
  /// unknown, and the quantity is then printed without a unit.
  std::string symbol;
  /// Weighed or measured goods (kg, l...): always three decimals, "1.250
  /// kg". Counted goods print whole numbers, "60 pcs", and only the decimals
  /// a fractional count needs, "1.5 pcs".
  bool measured = false;
};

/// The Unit of a product from the catalog's `unit_of_measure` and
/// `sold_by_weight`: measured when sold by weight or when the unit is a
/// weight, volume or length (kg, g, ons, l, ml, m...; any case).
Unit UnitOf(std::string_view unit_of_measure, bool sold_by_weight);

/// A quantity in thousandths as people read it: "60 pcs", "1.5 pcs",
/// "1.250 kg", "-0.250 kg", and "60" or "1.25" when the unit is unknown. No
/// thousands separator, so that '.' is always the decimal point.
std::string FormatQuantity(std::int64_t milli, const Unit& unit);

/// The decimals of a currency's minor unit as the project stores amounts:
/// 0 for IDR (15000 IDR is `minor_units: 15000`, see common.proto) and for
/// the ISO 4217 currencies without a minor unit (JPY, KRW, VND...), 3 for
/// BHD, IQD, JOD, KWD, LYD, OMR, TND, and 2 for every other code.
int CurrencyDecimals(std::string_view currency_code);

/// An amount in minor units as the currency is written:
///   IDR            "Rp 15.000", "-Rp 1.250.000" ('.' groups thousands)
///   other codes    "USD 12.34", "-USD 0.05", "USD 1,234.56", "JPY 1,500",
///                  "KWD 1.250" (',' groups thousands)
///   no currency    the integer alone, "15000": its scale is unknown.
std::string FormatMoney(std::int64_t minor_units,
                        std::string_view currency_code);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_DISPLAY_H_
