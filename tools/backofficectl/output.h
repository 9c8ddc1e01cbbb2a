// Rendering of responses for the terminal and for scripts. Everything is
// driven by protobuf reflection, so a field added to a proto shows up in
// every command without touching the CLI.
//
// The table view writes quantities and money as people read them; JSON and
// CSV keep the API's exact integers and field names. In a table:
//   - an integer field named `*_milli` is a quantity in thousandths of the
//     product's unit: "60 pcs", "1.250 kg" (FormatQuantity). The unit is the
//     `unit_of_measure` (and `sold_by_weight`) of the message or of a message
//     around it, else the unit of the product named by the nearest `sku`
//     field, looked up in the DisplayContext, else none ("60").
//   - an integer field named `*_minor` is money in minor units: "Rp 15.000"
//     (FormatMoney). The currency is the `currency_code` of the message or
//     of a message around it, else the currency of the store named by the
//     nearest `store_code` field, looked up in the DisplayContext, else
//     unknown and the integer is printed alone.
//   - a backoffice.v1.Money is money in its own currency.
//   - the column of a quantity or money field drops its suffix: `on_hand`
//     for `on_hand_milli`, `total` for `total_minor`.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_OUTPUT_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_OUTPUT_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "backoffice/status.h"
#include "display.h"

namespace backoffice::ctl {

enum class OutputFormat {
  /// Aligned columns for people: "field  value" lines for one message, one
  /// row per message for a list.
  kTable,
  /// JSON with the proto field names: an object for one message, an array
  /// of objects (one a line) for a list.
  kJson,
  /// RFC 4180 CSV: a header row, then one row per message.
  kCsv,
};

/// "table", "json" or "csv".
std::optional<OutputFormat> ParseOutputFormat(const std::string& name);

/// What the table view knows beyond the messages it prints: the unit of
/// measure of products and the currency of stores. What it lacks is printed
/// without a unit or currency, never guessed.
struct DisplayContext {
  std::map<std::string, Unit> units_by_sku;
  std::map<std::string, std::string> currency_by_store;
};

/// The products (by SKU) and stores (by code) whose unit or currency the
/// table view of `messages` would look up in a DisplayContext: those named
/// next to a `*_milli` or `*_minor` field that its message does not qualify
/// itself.
struct DisplayNeeds {
  std::set<std::string> skus;
  std::set<std::string> store_codes;
};
DisplayNeeds NeededForDisplay(
    const std::vector<const google::protobuf::Message*>& messages);

/// The name of a field in the table view: without the `_milli` of a
/// quantity or the `_minor` of an amount of money.
std::string TableFieldName(const google::protobuf::FieldDescriptor& field);

/// Prints one message. Fails only when a message cannot be encoded as JSON.
/// `context` serves the table view only.
Status PrintMessage(std::ostream& out, OutputFormat format,
                    const google::protobuf::Message& message,
                    const DisplayContext& context = DisplayContext());

/// Prints messages of one type; `type` gives the columns even when `items`
/// is empty. Fails only when a message cannot be encoded as JSON.
/// `context` serves the table view only.
Status PrintList(std::ostream& out, OutputFormat format,
                 const google::protobuf::Descriptor& type,
                 const std::vector<const google::protobuf::Message*>& items,
                 const DisplayContext& context = DisplayContext());

/// The single message field a response wraps (the store of a
/// GetStoreResponse), or the response itself when it has other fields.
const google::protobuf::Message& ResponseEntity(
    const google::protobuf::Message& response);

/// The repeated message field holding a list response's items (the stores
/// of a ListStoresResponse); null when there is none.
const google::protobuf::FieldDescriptor* ListItemsField(
    const google::protobuf::Descriptor& response_type);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_OUTPUT_H_
