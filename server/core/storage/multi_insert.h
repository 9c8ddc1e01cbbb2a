// A multi-row INSERT built deliberately: one statement for many rows, every
// value still bound, never pasted into the SQL text. (SOCI's vector use()
// would run one statement per row.)
#ifndef BACKOFFICE_SERVER_STORAGE_MULTI_INSERT_H_
#define BACKOFFICE_SERVER_STORAGE_MULTI_INSERT_H_

#include <soci/soci.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace backoffice::storage {

class MultiInsert {
 public:
  // One bound value: an integer, a string or NULL.
  struct Value {
    Value(long long v)
        : kind(kInt), integer(v) {}  // NOLINT: implicit by design.
    Value(std::string v) : kind(kString), text(std::move(v)) {}  // NOLINT
    Value(std::nullopt_t) : kind(kNull) {}                       // NOLINT
    Value(const std::optional<long long>& v)                     // NOLINT
        : kind(v ? kInt : kNull), integer(v.value_or(0)) {}

    enum Kind { kInt, kString, kNull } kind;
    long long integer = 0;
    std::string text;
  };

  // `head` is "INSERT INTO t (a, b, c)"; each row has one value per column.
  // `row_sql` is the row's SQL with one '?' per column, such as
  // "(?, ?, TIMESTAMPADD(MICROSECOND, ?, '1970-01-01'))"; default "(?, ?, ?)".
  // `tail` follows the rows, such as "ON DUPLICATE KEY UPDATE ...".
  MultiInsert(std::string head, int columns, std::string row_sql = "",
              std::string tail = "");

  void AddRow(std::vector<Value> values);
  bool empty() const { return rows_ == 0; }
  // Runs the statement; does nothing without rows.
  void Execute(soci::session& session);

 private:
  std::string head_;
  int columns_;
  std::string row_sql_;
  std::string tail_;
  int rows_ = 0;
  std::vector<Value> values_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STORAGE_MULTI_INSERT_H_
