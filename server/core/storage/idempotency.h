// Exactly once for client documents (sales, returns, adjustments, and every
// later order, receipt, payment or close): the same steps for every kind.
//
//   1. A plain read by the document's key (its client id within its store).
//      Found: the same fingerprint is a replay of the recorded result,
//      another is IDEMPOTENCY_KEY_REUSED.
//   2. Otherwise the document's row is inserted under its unique key, which
//      is the last judge of duplicates.
//   3. A duplicate on that key means a concurrent copy committed first: a
//      current read finds it, and step 1's decision applies.
#ifndef BACKOFFICE_SERVER_CORE_STORAGE_IDEMPOTENCY_H_
#define BACKOFFICE_SERVER_CORE_STORAGE_IDEMPOTENCY_H_

#include <functional>
#include <optional>
#include <string>

#include "core/domain/status.h"

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

// A document's key row as storage found it.
struct StoredDocument {
  long long pk = 0;
  std::string fingerprint;
};

// ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED): `id` holds another document.
Status IdempotencyKeyReused(const std::string& kind, const std::string& id);

// One client document in the transaction that records it.
class ClientDocument {
 public:
  using Find = std::function<std::optional<StoredDocument>(KeyRead)>;
  using Replay = std::function<Status(long long pk)>;

  // `kind` names the document in messages ("return"); `unique_key` is the
  // name of its unique key; `find` reads it by key; `replay` loads the
  // recorded result into the caller's outcome.
  ClientDocument(std::string kind, std::string id, std::string fingerprint,
                 std::string unique_key, Find find, Replay replay);

  // Step 1 (or a later re-check with another read): the outcome when the id
  // is recorded already, nullopt when it is not.
  std::optional<Status> Recorded(KeyRead read = KeyRead::kSnapshot) const;

  // Steps 2 and 3: runs `insert`; nullopt when it wrote the document, the
  // outcome of the concurrent copy when that one committed first. Any other
  // error propagates.
  std::optional<Status> Insert(const std::function<void()>& insert) const;

 private:
  Status ReplayOrRefuse(const StoredDocument& existing) const;

  std::string kind_;
  std::string id_;
  std::string fingerprint_;
  std::string unique_key_;
  Find find_;
  Replay replay_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_CORE_STORAGE_IDEMPOTENCY_H_
