#include "core/storage/idempotency.h"

#include <soci/soci.h>

#include <utility>

#include "core/domain/errors.h"
#include "core/storage/sql_util.h"

namespace backoffice::storage {

Status IdempotencyKeyReused(const std::string& kind, const std::string& id) {
  return domain::AlreadyExists(
             "IDEMPOTENCY_KEY_REUSED",
             kind + " id " + id + " was recorded before with different content")
      .WithMetadata("id", id);
}

ClientDocument::ClientDocument(std::string kind, std::string id,
                               std::string fingerprint, std::string unique_key,
                               Find find, Replay replay)
    : kind_(std::move(kind)),
      id_(std::move(id)),
      fingerprint_(std::move(fingerprint)),
      unique_key_(std::move(unique_key)),
      find_(std::move(find)),
      replay_(std::move(replay)) {}

std::optional<Status> ClientDocument::Recorded(KeyRead read) const {
  auto existing = find_(read);
  if (!existing) return std::nullopt;
  return ReplayOrRefuse(*existing);
}

std::optional<Status> ClientDocument::Insert(
    const std::function<void()>& insert) const {
  try {
    insert();
    return std::nullopt;
  } catch (const soci::soci_error& e) {
    if (!IsDuplicateOf(e, unique_key_.c_str())) throw;
    // The copy that won has committed: only a current read sees it.
    auto existing = find_(KeyRead::kCurrent);
    if (!existing) throw;
    return ReplayOrRefuse(*existing);
  }
}

Status ClientDocument::ReplayOrRefuse(const StoredDocument& existing) const {
  if (existing.fingerprint != fingerprint_) {
    return IdempotencyKeyReused(kind_, id_);
  }
  return replay_(existing.pk);
}

}  // namespace backoffice::storage
