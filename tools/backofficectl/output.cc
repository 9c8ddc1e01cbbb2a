#include "output.h"

#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <limits>
#include <sstream>

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
// by its dotted path such as "access_token.role".
struct Column {
  std::string name;
  std::vector<const FieldDescriptor*> path;
};

// Messages shown in one cell rather than spread over columns.
bool IsCellMessage(const Descriptor& type) {
  return type.full_name() == kMoneyType ||
         type.file()->package() == "google.protobuf";
}

void AddColumns(const Descriptor& type, const std::string& prefix,
                std::vector<const FieldDescriptor*> path, int nesting,
                std::vector<Column>& columns) {
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor* field = type.field(i);
    path.push_back(field);
    const std::string name = prefix + field->name();
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
        !field->is_repeated() && !IsCellMessage(*field->message_type()) &&
        nesting < kMaxNesting) {
      AddColumns(*field->message_type(), name + ".", path, nesting + 1,
                 columns);
    } else {
      columns.push_back({name, path});
    }
    path.pop_back();
  }
}

std::vector<Column> ColumnsOf(const Descriptor& type) {
  std::vector<Column> columns;
  AddColumns(type, "", {}, 0, columns);
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

std::string Cell(const Message& root, const Column& column) {
  const Message* message = &root;
  for (std::size_t i = 0; i + 1 < column.path.size(); ++i) {
    const Reflection& reflection = *message->GetReflection();
    // An unset nested message shows as empty cells, not as its defaults.
    if (!reflection.HasField(*message, column.path[i])) return "";
    message = &reflection.GetMessage(*message, column.path[i]);
  }
  const FieldDescriptor& field = *column.path.back();
  if (!field.is_repeated()) return FormatValue(*message, field, 0);
  std::string joined;
  const int size = message->GetReflection()->FieldSize(*message, &field);
  for (int i = 0; i < size; ++i) {
    if (i > 0) joined += kRepeatedSeparator;
    joined += FormatValue(*message, field, i);
  }
  return joined;
}

std::vector<std::string> Row(const Message& message,
                             const std::vector<Column>& columns) {
  std::vector<std::string> row;
  row.reserve(columns.size());
  for (const Column& column : columns) row.push_back(Cell(message, column));
  return row;
}

std::vector<std::string> Header(const std::vector<Column>& columns) {
  std::vector<std::string> header;
  for (const Column& column : columns) header.push_back(column.name);
  return header;
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

std::optional<OutputFormat> ParseOutputFormat(const std::string& name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  return std::nullopt;
}

Status PrintMessage(std::ostream& out, OutputFormat format,
                    const Message& message) {
  const std::vector<Column> columns = ColumnsOf(*message.GetDescriptor());
  switch (format) {
    case OutputFormat::kTable: {
      std::vector<std::vector<std::string>> lines;
      for (const Column& column : columns) {
        lines.push_back({column.name, ForTable(Cell(message, column))});
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
      out << FormatCsvRow(Header(columns)) << '\n'
          << FormatCsvRow(Row(message, columns)) << '\n';
      return Status();
  }
  return Status();
}

Status PrintList(std::ostream& out, OutputFormat format, const Descriptor& type,
                 const std::vector<const Message*>& items) {
  const std::vector<Column> columns = ColumnsOf(type);
  switch (format) {
    case OutputFormat::kTable: {
      std::vector<std::vector<std::string>> rows{Header(columns)};
      for (const Message* item : items) {
        std::vector<std::string> row = Row(*item, columns);
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
      out << FormatCsvRow(Header(columns)) << '\n';
      for (const Message* item : items) {
        out << FormatCsvRow(Row(*item, columns)) << '\n';
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
