#include "sales_input.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "values.h"

namespace backoffice::ctl {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// "damaged" in any case.
bool IsDamaged(std::string_view word) {
  constexpr std::string_view kDamaged = "damaged";
  if (word.size() != kDamaged.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const char lower =
        (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != kDamaged[i]) return false;
  }
  return true;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

Status InvalidReturnLine(std::string_view text, const std::string& why) {
  return Status(
      StatusCode::kInvalidArgument, "INVALID_RETURN_LINE",
      Quoted(text) + " is not a returned line N:QTY[:damaged]: " + why);
}

}  // namespace

StatusOr<v1::Sale> ParseSaleJson(std::string_view json) {
  if (json.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    json.remove_prefix(kByteOrderMark.size());
  }
  v1::Sale sale;
  // The default options accept both spellings of field names and refuse
  // unknown fields.
  auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &sale);
  if (!parsed.ok()) {
    // Only the first line: the parser adds an excerpt with a caret below it,
    // which would break the one-line failure report.
    std::string why(parsed.message());
    why.erase(std::min(why.size(), why.find('\n')));
    return Status(StatusCode::kInvalidArgument, "INVALID_SALE_JSON",
                  "not a sale: " + why);
  }
  return sale;
}

StatusOr<std::vector<v1::Sale>> ParseSaleJsonLines(std::string_view text) {
  std::vector<v1::Sale> sales;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line_number == 1 &&
        line.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
      line.remove_prefix(kByteOrderMark.size());
    }
    if (IsBlank(line)) continue;
    auto sale = ParseSaleJson(line);
    if (!sale.ok()) {
      return Status(sale.status().code(), sale.status().reason(),
                    "line " + std::to_string(line_number) + ": " +
                        sale.status().message());
    }
    sales.push_back(std::move(*sale));
  }
  return sales;
}

StatusOr<v1::ReturnLine> ParseReturnLine(std::string_view text) {
  const std::size_t first = text.find(':');
  if (first == std::string_view::npos) {
    return InvalidReturnLine(text, "it needs a line number and a quantity");
  }
  const std::string_view number_text = text.substr(0, first);
  std::string_view quantity_text = text.substr(first + 1);
  std::string_view flag_text;
  const std::size_t second = quantity_text.find(':');
  const bool has_flag = second != std::string_view::npos;
  if (has_flag) {
    flag_text = quantity_text.substr(second + 1);
    quantity_text = quantity_text.substr(0, second);
  }

  auto number = ParseInt64(number_text);
  if (!number.ok() || *number < 1 ||
      *number > std::numeric_limits<std::int32_t>::max()) {
    return InvalidReturnLine(
        text, Quoted(number_text) + " is not a line number (1, 2, ...)");
  }
  auto quantity = ParseMilli(quantity_text);
  if (!quantity.ok()) {
    return InvalidReturnLine(text, quantity.status().message());
  }
  if (*quantity <= 0) {
    return InvalidReturnLine(text, "the quantity must be above zero");
  }
  v1::ReturnLine line;
  line.set_sale_line_number(static_cast<std::int32_t>(*number));
  line.set_quantity_milli(*quantity);
  if (has_flag) {
    // Only "damaged" may follow, so that a typo such as "damage" or a
    // fourth field is not read as goods fit for the shelf.
    if (!IsDamaged(flag_text)) {
      return InvalidReturnLine(
          text, Quoted(flag_text) + " is not \"damaged\" (or nothing)");
    }
    line.set_damaged(true);
  }
  return line;
}

}  // namespace backoffice::ctl
