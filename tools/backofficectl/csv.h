// RFC 4180 CSV: reading files for `import products` and writing the `csv`
// output format.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_CSV_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace backoffice::ctl {

/// One record of a CSV text.
struct CsvRecord {
  /// The 1-based line the record starts on. A quoted field may span lines,
  /// so the next record's line can be more than one further.
  int line_number = 0;
  std::vector<std::string> fields;
  /// Why the record is malformed (a stray or unterminated quote); empty
  /// when it is well-formed. A malformed record ends at the end of its line
  /// so that one bad row does not swallow the rows after it.
  std::string error;
};

/// Splits a CSV text into records. Fields are separated by ',' and records
/// by "\n" or "\r\n"; a field in double quotes may hold commas, line breaks
/// and "" (one quote). Blank lines are skipped and a leading UTF-8 byte
/// order mark is ignored, as spreadsheets write one. Never fails as a whole:
/// each malformed record says why in its `error`.
std::vector<CsvRecord> ParseCsv(std::string_view text);

/// One CSV line without its line break: the fields joined by ',', each
/// quoted when it holds a comma, a quote, a line break or edge spaces.
std::string FormatCsvRow(const std::vector<std::string>& fields);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_CSV_H_
