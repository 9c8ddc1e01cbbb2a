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

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STORAGE_QUERY_H_
