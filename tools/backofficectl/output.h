// Rendering of responses for the terminal and for scripts. Everything is
// driven by protobuf reflection, so a field added to a proto shows up in
// every command without touching the CLI.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_OUTPUT_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_OUTPUT_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "backoffice/status.h"

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

/// Prints one message. Fails only when a message cannot be encoded as JSON.
Status PrintMessage(std::ostream& out, OutputFormat format,
                    const google::protobuf::Message& message);

/// Prints messages of one type; `type` gives the columns even when `items`
/// is empty. Fails only when a message cannot be encoded as JSON.
Status PrintList(std::ostream& out, OutputFormat format,
                 const google::protobuf::Descriptor& type,
                 const std::vector<const google::protobuf::Message*>& items);

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
