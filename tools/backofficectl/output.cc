#include "output.h"

#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

#include "csv.h"

namespace backoffice::ctl {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr char kMoneyType[] = "backoffice.v1.Money";
constexpr char kTimestampType[] = "google.protobuf.Timestamp";
constexpr char kRepeatedSeparator[] = ";";
constexpr char kColumnGap[] = "  ";
// Guards the flattening of nested messages against recursive types.
constexpr int kMaxNesting = 3;

// A column of the output: a field, possibly inside nested messages, named
// by its dotted path such as "access_token.role"; `table_name` is the name
// in the table view ("stock_level.on_hand" for "stock_level.on_hand_milli").
struct Column {
  std::string name;
  std::string table_name;
  std::vector<const FieldDescriptor*> path;
};

// How the table view reads an integer field.
enum class FieldKind { kPlain, kQuantity, kMoney };

constexpr std::string_view kQuantitySuffix = "_milli";
constexpr std::string_view kMoneySuffix = "_minor";

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() &&
         text.substr(text.size() - suffix.size()) == suffix;
}

FieldKind KindOf(const FieldDescriptor& field) {
  if (field.cpp_type() != FieldDescriptor::CPPTYPE_INT64 &&
      field.cpp_type() != FieldDescriptor::CPPTYPE_INT32) {
    return FieldKind::kPlain;
  }
  if (EndsWith(field.name(), kQuantitySuffix)) return FieldKind::kQuantity;
  if (EndsWith(field.name(), kMoneySuffix)) return FieldKind::kMoney;
  return FieldKind::kPlain;
}

// What the messages around a field say about its unit and currency: the
// innermost message that names one wins.
struct Scope {
  std::string sku;
  std::string store_code;
  std::string currency_code;
  std::optional<Unit> unit;
};

// A singular string field of `message` by name; empty when there is none.
std::string StringField(const Message& message, const char* name) {
  const FieldDescriptor* field = message.GetDescriptor()->FindFieldByName(name);
  if (field == nullptr || field->is_repeated() ||
      field->cpp_type() != FieldDescriptor::CPPTYPE_STRING) {
    return "";
  }
  return message.GetReflection()->GetString(message, field);
}

bool BoolField(const Message& message, const char* name) {
  const FieldDescriptor* field = message.GetDescriptor()->FindFieldByName(name);
  if (field == nullptr || field->is_repeated() ||
      field->cpp_type() != FieldDescriptor::CPPTYPE_BOOL) {
    return false;
  }
  return message.GetReflection()->GetBool(message, field);
}

// The scope inside `message`, a message within `scope`.
Scope Enter(Scope scope, const Message& message) {
  if (std::string sku = StringField(message, "sku"); !sku.empty()) {
    scope.sku = std::move(sku);
  }
  if (std::string store = StringField(message, "store_code"); !store.empty()) {
    scope.store_code = std::move(store);
  }
  if (std::string currency = StringField(message, "currency_code");
      !currency.empty()) {
    scope.currency_code = std::move(currency);
  }
  if (std::string unit = StringField(message, "unit_of_measure");
      !unit.empty()) {
    scope.unit = UnitOf(unit, BoolField(message, "sold_by_weight"));
  }
  return scope;
}

Unit UnitIn(const Scope& scope, const DisplayContext& context) {
  if (scope.unit) return *scope.unit;
  auto found = context.units_by_sku.find(scope.sku);
  return found == context.units_by_sku.end() ? Unit() : found->second;
}

std::string CurrencyIn(const Scope& scope, const DisplayContext& context) {
  if (!scope.currency_code.empty()) return scope.currency_code;
  auto found = context.currency_by_store.find(scope.store_code);
  return found == context.currency_by_store.end() ? "" : found->second;
}

// Messages shown in one cell rather than spread over columns.
bool IsCellMessage(const Descriptor& type) {
  return type.full_name() == kMoneyType ||
         type.file()->package() == "google.protobuf";
}

void AddColumns(const Descriptor& type, const std::string& prefix,
                const std::string& table_prefix,
                std::vector<const FieldDescriptor*> path, int nesting,
                std::vector<Column>& columns) {
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor* field = type.field(i);
    path.push_back(field);
    const std::string name = prefix + field->name();
    const std::string table_name = table_prefix + TableFieldName(*field);
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
        !field->is_repeated() && !IsCellMessage(*field->message_type()) &&
        nesting < kMaxNesting) {
      AddColumns(*field->message_type(), name + ".", table_name + ".", path,
                 nesting + 1, columns);
    } else {
      columns.push_back({name, table_name, path});
    }
    path.pop_back();
  }
}

std::vector<Column> ColumnsOf(const Descriptor& type) {
  std::vector<Column> columns;
  AddColumns(type, "", "", {}, 0, columns);
  return columns;
}

std::string FormatCellMessage(const Message& message) {
  const Descriptor& type = *message.GetDescriptor();
  const Reflection& reflection = *message.GetReflection();
  if (type.full_name() == kMoneyType) {
    const std::string currency =
        reflection.GetString(message, type.FindFieldByName("currency_code"));
    const std::string amount = std::to_string(
        reflection.GetInt64(message, type.FindFieldByName("minor_units")));
    return currency.empty() ? amount : amount + " " + currency;
  }
  if (type.full_name() == kTimestampType) {
    // Copied field by field: the message may come from a dynamic pool.
    google::protobuf::Timestamp timestamp;
    timestamp.set_seconds(
        reflection.GetInt64(message, type.FindFieldByName("seconds")));
    timestamp.set_nanos(
        reflection.GetInt32(message, type.FindFieldByName("nanos")));
    return google::protobuf::util::TimeUtil::ToString(timestamp);
  }
  return message.ShortDebugString();
}

// One value of a field; `index` selects an element of a repeated field and
// is ignored for a singular one.
std::string FormatValue(const Message& message, const FieldDescriptor& field,
                        int index) {
  const Reflection& r = *message.GetReflection();
  const bool repeated = field.is_repeated();
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return std::to_string(repeated
                                ? r.GetRepeatedInt32(message, &field, index)
                                : r.GetInt32(message, &field));
    case FieldDescriptor::CPPTYPE_INT64:
      return std::to_string(repeated
                                ? r.GetRepeatedInt64(message, &field, index)
                                : r.GetInt64(message, &field));
    case FieldDescriptor::CPPTYPE_UINT32:
      return std::to_string(repeated
                                ? r.GetRepeatedUInt32(message, &field, index)
                                : r.GetUInt32(message, &field));
    case FieldDescriptor::CPPTYPE_UINT64:
      return std::to_string(repeated
                                ? r.GetRepeatedUInt64(message, &field, index)
                                : r.GetUInt64(message, &field));
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT: {
      std::ostringstream text;
      text.precision(std::numeric_limits<double>::max_digits10);
      if (field.cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE) {
        text << (repeated ? r.GetRepeatedDouble(message, &field, index)
                          : r.GetDouble(message, &field));
      } else {
        text << (repeated ? r.GetRepeatedFloat(message, &field, index)
                          : r.GetFloat(message, &field));
      }
      return text.str();
    }
    case FieldDescriptor::CPPTYPE_BOOL:
      return (repeated ? r.GetRepeatedBool(message, &field, index)
                       : r.GetBool(message, &field))
                 ? "true"
                 : "false";
    case FieldDescriptor::CPPTYPE_ENUM:
      return (repeated ? r.GetRepeatedEnum(message, &field, index)
                       : r.GetEnum(message, &field))
          ->name();
    case FieldDescriptor::CPPTYPE_STRING:
      return repeated ? r.GetRepeatedString(message, &field, index)
                      : r.GetString(message, &field);
    case FieldDescriptor::CPPTYPE_MESSAGE:
      if (!repeated && !r.HasField(message, &field)) return "";
      return FormatCellMessage(
          repeated ? r.GetRepeatedMessage(message, &field, index)
                   : r.GetMessage(message, &field));
  }
  return "";
}

std::int64_t IntegerValue(const Message& message, const FieldDescriptor& field,
                          int index) {
  const Reflection& r = *message.GetReflection();
  if (field.cpp_type() == FieldDescriptor::CPPTYPE_INT32) {
    return field.is_repeated() ? r.GetRepeatedInt32(message, &field, index)
                               : r.GetInt32(message, &field);
  }
  return field.is_repeated() ? r.GetRepeatedInt64(message, &field, index)
                             : r.GetInt64(message, &field);
}

std::string FormatMoneyMessage(const Message& money) {
  const Descriptor& type = *money.GetDescriptor();
  const Reflection& reflection = *money.GetReflection();
  return FormatMoney(
      reflection.GetInt64(money, type.FindFieldByName("minor_units")),
      reflection.GetString(money, type.FindFieldByName("currency_code")));
}

std::string Quoted(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string TableValue(const Message& message, const FieldDescriptor& field,
                       int index, const Scope& scope,
                       const DisplayContext& context);

// A message shown in one table cell (a line of a sale, a tender): its set
// fields as "name: value", like a short debug string, but with quantities
// and money as people read them.
std::string TableText(const Message& message, const Scope& scope,
                      const DisplayContext& context) {
  const Reflection& reflection = *message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection.ListFields(message, &fields);
  std::string text;
  for (const FieldDescriptor* field : fields) {
    const int count =
        field->is_repeated() ? reflection.FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      if (!text.empty()) text += ' ';
      text += TableFieldName(*field);
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
          !IsCellMessage(*field->message_type())) {
        const Message& inner =
            field->is_repeated()
                ? reflection.GetRepeatedMessage(message, field, i)
                : reflection.GetMessage(message, field);
        text += " { " + TableText(inner, Enter(scope, inner), context) + " }";
      } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
        text += ": " + Quoted(TableValue(message, *field, i, scope, context));
      } else {
        text += ": " + TableValue(message, *field, i, scope, context);
      }
    }
  }
  return text;
}

// One value of a field in the table view; `scope` is the scope inside
// `message`.
std::string TableValue(const Message& message, const FieldDescriptor& field,
                       int index, const Scope& scope,
                       const DisplayContext& context) {
  switch (KindOf(field)) {
    case FieldKind::kQuantity:
      return FormatQuantity(IntegerValue(message, field, index),
                            UnitIn(scope, context));
    case FieldKind::kMoney:
      return FormatMoney(IntegerValue(message, field, index),
                         CurrencyIn(scope, context));
    case FieldKind::kPlain:
      break;
  }
  if (field.cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
    return FormatValue(message, field, index);
  }
  const Reflection& reflection = *message.GetReflection();
  if (!field.is_repeated() && !reflection.HasField(message, &field)) return "";
  const Message& inner =
      field.is_repeated()
          ? reflection.GetRepeatedMessage(message, &field, index)
          : reflection.GetMessage(message, &field);
  if (inner.GetDescriptor()->full_name() == kMoneyType) {
    return FormatMoneyMessage(inner);
  }
  if (IsCellMessage(*inner.GetDescriptor())) return FormatCellMessage(inner);
  return TableText(inner, Enter(scope, inner), context);
}

// A column's cell: the exact values when `context` is null (CSV), the
// values as people read them otherwise (tables).
std::string Cell(const Message& root, const Column& column,
                 const DisplayContext* context) {
  const Message* message = &root;
  Scope scope;
  if (context != nullptr) scope = Enter(scope, root);
  for (std::size_t i = 0; i + 1 < column.path.size(); ++i) {
    const Reflection& reflection = *message->GetReflection();
    // An unset nested message shows as empty cells, not as its defaults.
    if (!reflection.HasField(*message, column.path[i])) return "";
    message = &reflection.GetMessage(*message, column.path[i]);
    if (context != nullptr) scope = Enter(scope, *message);
  }
  const FieldDescriptor& field = *column.path.back();
  auto value = [&](int index) {
    return context == nullptr
               ? FormatValue(*message, field, index)
               : TableValue(*message, field, index, scope, *context);
  };
  if (!field.is_repeated()) return value(0);
  std::string joined;
  const int size = message->GetReflection()->FieldSize(*message, &field);
  for (int i = 0; i < size; ++i) {
    if (i > 0) joined += kRepeatedSeparator;
    joined += value(i);
  }
  return joined;
}

std::vector<std::string> Row(const Message& message,
                             const std::vector<Column>& columns,
                             const DisplayContext* context) {
  std::vector<std::string> row;
  row.reserve(columns.size());
  for (const Column& column : columns) {
    row.push_back(Cell(message, column, context));
  }
  return row;
}

std::vector<std::string> Header(const std::vector<Column>& columns,
                                bool table) {
  std::vector<std::string> header;
  for (const Column& column : columns) {
    header.push_back(table ? column.table_name : column.name);
  }
  return header;
}

void CollectNeeds(const Message& message, Scope scope, DisplayNeeds& needs) {
  scope = Enter(std::move(scope), message);
  const Descriptor& type = *message.GetDescriptor();
  const Reflection& reflection = *message.GetReflection();
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor& field = *type.field(i);
    switch (KindOf(field)) {
      case FieldKind::kQuantity:
        if (!scope.unit && !scope.sku.empty()) needs.skus.insert(scope.sku);
        break;
      case FieldKind::kMoney:
        if (scope.currency_code.empty() && !scope.store_code.empty()) {
          needs.store_codes.insert(scope.store_code);
        }
        break;
      case FieldKind::kPlain:
        break;
    }
    if (field.cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE ||
        IsCellMessage(*field.message_type())) {
      continue;
    }
    if (field.is_repeated()) {
      for (int j = 0; j < reflection.FieldSize(message, &field); ++j) {
        CollectNeeds(reflection.GetRepeatedMessage(message, &field, j), scope,
                     needs);
      }
    } else if (reflection.HasField(message, &field)) {
      CollectNeeds(reflection.GetMessage(message, &field), scope, needs);
    }
  }
}

// Keeps a table's rows on one line each whatever the data holds.
std::string ForTable(const std::string& value) {
  std::string out;
  for (char c : value) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The width on a terminal: UTF-8 continuation bytes take no column.
std::size_t DisplayWidth(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(),
      [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Prints rows with each column padded to its widest cell; the last column
// is not padded, so that no line ends in spaces.
void PrintAligned(std::ostream& out,
                  const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) line += kColumnGap;
      line += row[i];
      if (i + 1 < row.size()) {
        line.append(widths[i] - DisplayWidth(row[i]), ' ');
      }
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  }
}

Status ToJson(const Message& message, bool pretty, std::string& json) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  // Scripts should see `"active": false` rather than a missing key.
  options.always_print_primitive_fields = true;
  // The same names as the table and CSV headers.
  options.preserve_proto_field_names = true;
  json.clear();
  auto status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return Status(StatusCode::kInternal, "JSON_ENCODING_FAILED",
                  status.ToString());
  }
  while (!json.empty() && json.back() == '\n') json.pop_back();
  return Status();
}

}  // namespace

DisplayNeeds NeededForDisplay(const std::vector<const Message*>& messages) {
  DisplayNeeds needs;
  for (const Message* message : messages) {
    CollectNeeds(*message, Scope(), needs);
  }
  return needs;
}

std::string TableFieldName(const FieldDescriptor& field) {
  const std::string& name = field.name();
  switch (KindOf(field)) {
    case FieldKind::kQuantity:
      return name.substr(0, name.size() - kQuantitySuffix.size());
    case FieldKind::kMoney:
      return name.substr(0, name.size() - kMoneySuffix.size());
    case FieldKind::kPlain:
      break;
  }
  return name;
}

std::optional<OutputFormat> ParseOutputFormat(const std::string& name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  return std::nullopt;
}

Status PrintMessage(std::ostream& out, OutputFormat format,
                    const Message& message, const DisplayContext& context) {
  const std::vector<Column> columns = ColumnsOf(*message.GetDescriptor());
  switch (format) {
    case OutputFormat::kTable: {
      std::vector<std::vector<std::string>> lines;
      for (const Column& column : columns) {
        lines.push_back(
            {column.table_name, ForTable(Cell(message, column, &context))});
      }
      PrintAligned(out, lines);
      return Status();
    }
    case OutputFormat::kJson: {
      std::string json;
      Status status = ToJson(message, /*pretty=*/true, json);
      if (status.ok()) out << json << '\n';
      return status;
    }
    case OutputFormat::kCsv:
      out << FormatCsvRow(Header(columns, /*table=*/false)) << '\n'
          << FormatCsvRow(Row(message, columns, nullptr)) << '\n';
      return Status();
  }
  return Status();
}

Status PrintList(std::ostream& out, OutputFormat format, const Descriptor& type,
                 const std::vector<const Message*>& items,
                 const DisplayContext& context) {
  const std::vector<Column> columns = ColumnsOf(type);
  switch (format) {
    case OutputFormat::kTable: {
      std::vector<std::vector<std::string>> rows{
          Header(columns, /*table=*/true)};
      for (const Message* item : items) {
        std::vector<std::string> row = Row(*item, columns, &context);
        for (std::string& cell : row) cell = ForTable(cell);
        rows.push_back(std::move(row));
      }
      PrintAligned(out, rows);
      return Status();
    }
    case OutputFormat::kJson: {
      // One compact object a line: easy to read, to grep and to jq.
      std::string text = "[";
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::string json;
        Status status = ToJson(*items[i], /*pretty=*/false, json);
        if (!status.ok()) return status;
        text += (i == 0 ? "\n" : ",\n") + json;
      }
      out << text << (items.empty() ? "]\n" : "\n]\n");
      return Status();
    }
    case OutputFormat::kCsv:
      out << FormatCsvRow(Header(columns, /*table=*/false)) << '\n';
      for (const Message* item : items) {
        out << FormatCsvRow(Row(*item, columns, nullptr)) << '\n';
      }
      return Status();
  }
  return Status();
}

const Message& ResponseEntity(const Message& response) {
  const Descriptor& type = *response.GetDescriptor();
  if (type.field_count() == 1) {
    const FieldDescriptor* field = type.field(0);
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
        !field->is_repeated()) {
      return response.GetReflection()->GetMessage(response, field);
    }
  }
  return response;
}

const FieldDescriptor* ListItemsField(const Descriptor& response_type) {
  for (int i = 0; i < response_type.field_count(); ++i) {
    const FieldDescriptor* field = response_type.field(i);
    if (field->is_repeated() && !field->is_map() &&
        field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      return field;
    }
  }
  return nullptr;
}

}  // namespace backoffice::ctl
