#include "csv.h"

namespace backoffice::ctl {
namespace {

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// Reads one CSV text front to back, one record per call.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {
    if (text_.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
      pos_ = kUtf8ByteOrderMark.size();
    }
  }

  // Reads the next non-blank record; false at the end of the text.
  bool Next(CsvRecord& record) {
    while (!AtEnd() && AtLineBreak()) SkipLineBreak();
    if (AtEnd()) return false;
    record = CsvRecord();
    record.line_number = line_;
    while (true) {
      std::string field;
      const bool ok = Peek() == '"' ? ReadQuoted(field, record.error)
                                    : ReadUnquoted(field, record.error);
      if (!ok) {
        SkipRestOfLine();
        return true;
      }
      record.fields.push_back(std::move(field));
      if (AtEnd()) return true;
      if (AtLineBreak()) {
        SkipLineBreak();
        return true;
      }
      ++pos_;  // The ',' before the next field.
    }
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool AtLineBreak() const {
    return Peek() == '\n' || (Peek() == '\r' && pos_ + 1 < text_.size() &&
                              text_[pos_ + 1] == '\n');
  }
  void SkipLineBreak() {
    pos_ += Peek() == '\r' ? 2 : 1;
    ++line_;
  }
  bool AtFieldEnd() const { return AtEnd() || Peek() == ',' || AtLineBreak(); }

  void SkipRestOfLine() {
    while (!AtEnd() && !AtLineBreak()) ++pos_;
    if (!AtEnd()) SkipLineBreak();
  }

  bool ReadUnquoted(std::string& field, std::string& error) {
    while (!AtFieldEnd()) {
      if (Peek() == '"') {
        error =
            "a quote inside an unquoted field (quote the whole field "
            "and double the quote)";
        return false;
      }
      field += text_[pos_++];
    }
    return true;
  }

  bool ReadQuoted(std::string& field, std::string& error) {
    const int opening_line = line_;
    ++pos_;  // The opening quote.
    while (true) {
      if (AtEnd()) {
        error = "the quoted field opened on line " +
                std::to_string(opening_line) + " is never closed";
        return false;
      }
      const char c = text_[pos_++];
      if (c == '"') {
        if (Peek() != '"') break;
        ++pos_;  // "" stands for one quote.
      } else if (c == '\n') {
        ++line_;
      }
      field += c;
    }
    if (!AtFieldEnd()) {
      error = "text after the closing quote of a field";
      return false;
    }
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

bool NeedsQuotes(const std::string& field) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  return field.find_first_of(",\"\r\n") != std::string::npos;
}

}  // namespace

std::vector<CsvRecord> ParseCsv(std::string_view text) {
  std::vector<CsvRecord> records;
  CsvReader reader(text);
  CsvRecord record;
  while (reader.Next(record)) records.push_back(std::move(record));
  return records;
}

std::string FormatCsvRow(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    if (!NeedsQuotes(fields[i])) {
      line += fields[i];
      continue;
    }
    line += '"';
    for (char c : fields[i]) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  return line;
}

}  // namespace backoffice::ctl
