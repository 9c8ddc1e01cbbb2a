// A repository's read or write that returns a value: the work runs on a
// pooled session (ReadValue) or in one transaction (WriteValue), and a
// StatusError it throws becomes the returned Status (see Database).
#ifndef BACKOFFICE_SERVER_CORE_STORAGE_SESSION_VALUE_H_
#define BACKOFFICE_SERVER_CORE_STORAGE_SESSION_VALUE_H_

#include <soci/soci.h>

#include <optional>
#include <utility>

#include "core/domain/status.h"
#include "core/storage/database.h"

namespace backoffice::storage {

template <typename T, typename Fn>
StatusOr<T> ReadValue(Database& db, Fn&& read) {
  std::optional<T> out;
  Status status = db.WithSession([&](soci::session& s) {
    out = read(s);
    return Status();
  });
  if (!status.ok()) return status;
  return std::move(*out);
}

template <typename T, typename Fn>
StatusOr<T> WriteValue(Database& db, Fn&& write) {
  std::optional<T> out;
  Status status = db.InTransaction([&](soci::session& s) {
    out = write(s);
    return Status();
  });
  if (!status.ok()) return status;
  return std::move(*out);
}

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_CORE_STORAGE_SESSION_VALUE_H_
