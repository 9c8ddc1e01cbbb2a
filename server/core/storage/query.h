// Typed query helpers over SOCI rowsets: every value goes through use(),
// never into the SQL text.
#ifndef BACKOFFICE_SERVER_STORAGE_QUERY_H_
#define BACKOFFICE_SERVER_STORAGE_QUERY_H_

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace backoffice::storage {

template <typename T>
using RowReader = T (*)(const soci::row&);

// Runs `sql` with `args` bound in order and reads every row.
template <typename T, typename... Args>
std::vector<T> QueryAll(soci::session& session, const std::string& sql,
                        RowReader<T> read, const Args&... args) {
  soci::rowset<soci::row> rows =
      ((session.prepare << sql), ..., soci::use(args));
  std::vector<T> out;
  for (const auto& row : rows) out.push_back(read(row));
  return out;
}

// Like QueryAll, for at most one row.
template <typename T, typename... Args>
std::optional<T> QueryOne(soci::session& session, const std::string& sql,
                          RowReader<T> read, const Args&... args) {
  soci::rowset<soci::row> rows =
      ((session.prepare << sql), ..., soci::use(args));
  for (const auto& row : rows) return read(row);
  return std::nullopt;
}

// Runs `sql`, whose "{in}" marker becomes one bound placeholder per value,
// and reads every row. `leading` binds the placeholders that stand before
// the marker, in order. No values, no query.
template <typename T>
std::vector<T> QueryIn(soci::session& session, const std::string& sql,
                       RowReader<T> read,
                       const std::vector<std::string>& values,
                       const std::vector<std::string>& leading = {}) {
  std::vector<T> out;
  if (values.empty()) return out;
  std::string placeholders;
  for (std::size_t i = 0; i < values.size(); ++i) {
    placeholders += (i == 0 ? ":in" : ", :in") + std::to_string(i);
  }
  std::string text = sql;
  text.replace(text.find("{in}"), 4, placeholders);
  soci::details::prepare_temp_type prepared = (session.prepare << text);
  for (const auto& value : leading) prepared, soci::use(value);
  for (const auto& value : values) prepared, soci::use(value);
  soci::rowset<soci::row> rows(prepared);
  for (const auto& row : rows) out.push_back(read(row));
  return out;
}

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STORAGE_QUERY_H_
