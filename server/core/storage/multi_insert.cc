#include "core/storage/multi_insert.h"

#include <stdexcept>

namespace backoffice::storage {

MultiInsert::MultiInsert(std::string head, int columns, std::string row_sql,
                         std::string tail)
    : head_(std::move(head)),
      columns_(columns),
      row_sql_(std::move(row_sql)),
      tail_(std::move(tail)) {
  if (row_sql_.empty()) {
    row_sql_ = "(";
    for (int i = 0; i < columns_; ++i) row_sql_ += i == 0 ? "?" : ", ?";
    row_sql_ += ")";
  }
}

void MultiInsert::AddRow(std::vector<Value> values) {
  if (static_cast<int>(values.size()) != columns_) {
    throw std::logic_error("MultiInsert: wrong number of values");
  }
  for (auto& v : values) values_.push_back(std::move(v));
  ++rows_;
}

void MultiInsert::Execute(soci::session& session) {
  if (rows_ == 0) return;
  // Placeholders are numbered, since SOCI binds by position once named.
  std::string sql = head_ + " VALUES ";
  int placeholder = 0;
  for (int r = 0; r < rows_; ++r) {
    if (r > 0) sql += ", ";
    for (char c : row_sql_) {
      if (c == '?') {
        sql += ":v" + std::to_string(placeholder++);
      } else {
        sql += c;
      }
    }
  }
  if (!tail_.empty()) sql += " " + tail_;
  // Bound values must stay put until the statement has run: deques do not
  // move their elements when they grow.
  std::deque<long long> ints;
  std::deque<std::string> strings;
  std::deque<soci::indicator> indicators;
  soci::statement statement(session);
  statement.alloc();
  statement.prepare(sql);
  for (const auto& value : values_) {
    switch (value.kind) {
      case Value::kInt:
        ints.push_back(value.integer);
        indicators.push_back(soci::i_ok);
        statement.exchange(soci::use(ints.back(), indicators.back()));
        break;
      case Value::kString:
        strings.push_back(value.text);
        indicators.push_back(soci::i_ok);
        statement.exchange(soci::use(strings.back(), indicators.back()));
        break;
      case Value::kNull:
        ints.push_back(0);
        indicators.push_back(soci::i_null);
        statement.exchange(soci::use(ints.back(), indicators.back()));
        break;
    }
  }
  statement.define_and_bind();
  statement.execute(true);
}

}  // namespace backoffice::storage
