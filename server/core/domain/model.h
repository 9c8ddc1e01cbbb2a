// The value types every module shares. They carry no protobuf and no SQL:
// transport maps them to and from the wire, storage to and from rows.
#ifndef BACKOFFICE_SERVER_CORE_DOMAIN_MODEL_H_
#define BACKOFFICE_SERVER_CORE_DOMAIN_MODEL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/status.h"

namespace backoffice::domain {

// Microseconds since the Unix epoch, UTC. Every instant is stored in UTC.
using TimeMicros = std::int64_t;

enum class Role {
  kUnspecified = 0,
  kPosTerminal = 1,
  kStoreStaff = 2,
  kStoreManager = 3,
  kHeadOffice = 4,
  kAdmin = 5,
};

const char* RoleName(Role role);
std::optional<Role> RoleFromName(const std::string& name);
// Head office and admins see every store; every other role is bound to one.
bool IsChainWide(Role role);
// Store managers, head office and admins: the checkers of maker-checker.
bool IsManagerOrAbove(Role role);

// "tok_<n>" <-> n: how token ids read in the API and the audit trail.
std::string FormatTokenId(std::int64_t id);
StatusOr<std::int64_t> ParseTokenId(const std::string& text);

struct Money {
  std::string currency_code;
  std::int64_t minor_units = 0;
  friend bool operator==(const Money& a, const Money& b) {
    return a.currency_code == b.currency_code && a.minor_units == b.minor_units;
  }
};

// The authenticated caller of an RPC.
struct Principal {
  std::int64_t token_id = 0;
  std::string display_name;
  Role role = Role::kUnspecified;
  std::string store_code;
  std::string terminal_code;
};

// What the domain needs to know about the RPC being served: who calls, which
// method, the client's request id and address. It is what the audit records.
struct RequestContext {
  Principal principal;
  std::string method;
  std::string request_id;
  std::string peer;
  // When the caller stops waiting; long units of work check it between
  // their steps.
  std::optional<TimeMicros> deadline;
  // Whether the caller has gone (cancelled the call, or its connection
  // closed); long units of work check it between their steps. Unset means
  // never cancelled.
  std::function<bool()> cancelled;

  bool IsCancelled() const { return cancelled && cancelled(); }
};

// One audited change, appended in the transaction of the change itself.
struct AuditEntry {
  std::string entity_type;
  std::string entity_id;
  std::string store_code;  // Empty for chain-wide entities.
};

// A page request after validation (see MakePageRequest).
struct PageRequest {
  int page_size = 100;
  // The last key of the previous page; empty for the first page.
  std::string after_key;
  // For a list ordered by a sequence number (a row id): `after_key` as that
  // number, already checked; unset for the first page.
  std::optional<std::int64_t> after_sequence;
  // The digest of the list and filters this request is bound to; the token
  // of the next page carries it.
  std::string scope_digest;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_page_token;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CORE_DOMAIN_MODEL_H_
