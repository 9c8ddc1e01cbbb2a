#include "credit_input.h"

#include <cstdint>
#include <string>

#include "values.h"

namespace backoffice::ctl {
namespace {

constexpr std::string_view kPaymentMethodPrefix = "PAYMENT_METHOD_";

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

Status InvalidAllocation(std::string_view text, const std::string& why) {
  return Status(StatusCode::kInvalidArgument, "INVALID_ALLOCATION",
                "allocation " + Quoted(text) + ": " + why +
                    " (an allocation is DOCUMENT_NUMBER=AMOUNT_MINOR, such "
                    "as 1042=15000)");
}

}  // namespace

StatusOr<v1::AllocationInput> ParseAllocation(std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    return InvalidAllocation(text, "it needs a document number and an amount");
  }
  const std::string_view number_text = text.substr(0, equals);
  const std::string_view amount_text = text.substr(equals + 1);
  auto number = ParseInt64(number_text);
  if (!number.ok() || *number < 1) {
    return InvalidAllocation(
        text, Quoted(number_text) + " is not a document number (1, 2, ...)");
  }
  auto amount = ParseInt64(amount_text);
  if (!amount.ok()) {
    return InvalidAllocation(
        text, Quoted(amount_text) + " is not an integer amount in minor units");
  }
  if (*amount <= 0) {
    return InvalidAllocation(text, "the amount must be above zero");
  }
  v1::AllocationInput allocation;
  allocation.set_document_number(*number);
  allocation.mutable_amount()->set_minor_units(*amount);
  return allocation;
}

StatusOr<v1::PaymentMethod> ParsePaymentMethod(std::string_view text) {
  std::string name(text);
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  auto number = ParseEnumName(*v1::PaymentMethod_descriptor(),
                              kPaymentMethodPrefix, name);
  if (!number.ok()) {
    return Status(StatusCode::kInvalidArgument, "INVALID_CHOICE",
                  Quoted(text) + " is not one of " + PaymentMethodChoices());
  }
  return static_cast<v1::PaymentMethod>(*number);
}

std::string PaymentMethodChoices() {
  std::string choices =
      EnumChoices(*v1::PaymentMethod_descriptor(), kPaymentMethodPrefix);
  for (char& c : choices) {
    if (c == '_') {
      c = '-';
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return choices;
}

}  // namespace backoffice::ctl
