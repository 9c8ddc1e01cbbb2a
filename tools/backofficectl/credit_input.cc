#include "credit_input.h"

#include <cstdint>
#include <string>

#include "display.h"
#include "values.h"

namespace backoffice::ctl {
namespace {

constexpr std::string_view kPaymentMethodPrefix = "PAYMENT_METHOD_";
constexpr std::string_view kLedgerRequestTypePrefix = "LEDGER_REQUEST_TYPE_";
constexpr std::string_view kLedgerRequestStatePrefix = "LEDGER_REQUEST_STATE_";

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// The value of `type` named `text` without `prefix`, in any case, with '-'
// or '_' between words; INVALID_CHOICE listing `choices` otherwise.
StatusOr<int> ParseDashedEnumName(const google::protobuf::EnumDescriptor& type,
                                  std::string_view prefix,
                                  std::string_view text,
                                  const std::string& choices) {
  std::string name(text);
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  auto number = ParseEnumName(type, prefix, name);
  if (!number.ok()) {
    return Status(StatusCode::kInvalidArgument, "INVALID_CHOICE",
                  Quoted(text) + " is not one of " + choices);
  }
  return *number;
}

// The names of `type` without `prefix`, lower case with '-' between words,
// separated by '|'.
std::string DashedEnumChoices(const google::protobuf::EnumDescriptor& type,
                              std::string_view prefix) {
  std::string choices = EnumChoices(type, prefix);
  for (char& c : choices) {
    if (c == '_') {
      c = '-';
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return choices;
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
  auto number =
      ParseDashedEnumName(*v1::PaymentMethod_descriptor(), kPaymentMethodPrefix,
                          text, PaymentMethodChoices());
  if (!number.ok()) return number.status();
  return static_cast<v1::PaymentMethod>(*number);
}

std::string PaymentMethodChoices() {
  return DashedEnumChoices(*v1::PaymentMethod_descriptor(),
                           kPaymentMethodPrefix);
}

StatusOr<v1::LedgerRequestType> ParseLedgerRequestType(std::string_view text) {
  auto number = ParseDashedEnumName(*v1::LedgerRequestType_descriptor(),
                                    kLedgerRequestTypePrefix, text,
                                    LedgerRequestTypeChoices());
  if (!number.ok()) return number.status();
  return static_cast<v1::LedgerRequestType>(*number);
}

std::string LedgerRequestTypeChoices() {
  return DashedEnumChoices(*v1::LedgerRequestType_descriptor(),
                           kLedgerRequestTypePrefix);
}

StatusOr<v1::LedgerRequestState> ParseLedgerRequestState(
    std::string_view text) {
  // "pending" is short for PENDING_APPROVAL, the one state people name
  // otherwise.
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  const std::string_view name =
      upper == "PENDING" ? std::string_view("PENDING_APPROVAL") : text;
  auto number = ParseDashedEnumName(*v1::LedgerRequestState_descriptor(),
                                    kLedgerRequestStatePrefix, name,
                                    LedgerRequestStateChoices());
  if (!number.ok()) {
    return Status(
        StatusCode::kInvalidArgument, "INVALID_CHOICE",
        Quoted(text) + " is not one of " + LedgerRequestStateChoices());
  }
  return static_cast<v1::LedgerRequestState>(*number);
}

std::string LedgerRequestStateChoices() { return "pending|posted|rejected"; }

std::string BlockedInvoiceNotice(const v1::SupplierInvoice& invoice) {
  auto money = [](const v1::Money& m) {
    return FormatMoney(m.minor_units(), m.currency_code());
  };
  std::string receipts;
  for (const auto& receipt_id : invoice.receipt_ids()) {
    if (!receipts.empty()) receipts += ", ";
    receipts += receipt_id;
  }
  return "backofficectl: invoice " + invoice.invoice_id() +
         " is BLOCKED: " + "it differs from what was received by " +
         money(invoice.difference()) + " (tolerance " +
         money(invoice.tolerance()) + "); the payables of receipt" +
         (invoice.receipt_ids_size() == 1 ? " " : "s ") + receipts +
         " are blocked until a manager runs: backofficectl invoice accept " +
         invoice.store_code() + " " + invoice.invoice_id() + " --reason TEXT\n";
}

}  // namespace backoffice::ctl
