// Reading a client document by its idempotency key, the same way for every
// kind of document.
#ifndef BACKOFFICE_SERVER_CORE_STORAGE_IDEMPOTENCY_H_
#define BACKOFFICE_SERVER_CORE_STORAGE_IDEMPOTENCY_H_

namespace backoffice::storage {

// How a lookup by idempotency key reads. The first look is a plain read: a
// locking read of a missing key would take a gap lock, and concurrent
// inserts into that gap deadlock each other. After a duplicate-key error the
// row exists and is committed; only a current (locking) read sees it under
// READ COMMITTED and REPEATABLE READ alike, and it locks just that row.
enum class KeyRead { kSnapshot, kCurrent, kForUpdate };

inline const char* KeyReadSuffix(KeyRead read) {
  switch (read) {
    case KeyRead::kSnapshot:
      return "";
    case KeyRead::kCurrent:
      return " LOCK IN SHARE MODE";
    case KeyRead::kForUpdate:
      return " FOR UPDATE";
  }
  return "";
}

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_CORE_STORAGE_IDEMPOTENCY_H_
