// The domain's value types. They carry no protobuf and no SQL: transport maps
// them to and from the wire, storage to and from rows.
#ifndef BACKOFFICE_SERVER_DOMAIN_MODEL_H_
#define BACKOFFICE_SERVER_DOMAIN_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

struct Money {
  std::string currency_code;
  std::int64_t minor_units = 0;
  friend bool operator==(const Money& a, const Money& b) {
    return a.currency_code == b.currency_code && a.minor_units == b.minor_units;
  }
};

struct Store {
  std::string code;
  std::string display_name;
  std::string time_zone;
  std::string currency_code;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
};

struct Terminal {
  std::string store_code;
  std::string code;
  std::string display_name;
  bool active = true;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
};

struct Product {
  std::string sku;
  std::vector<std::string> barcodes;  // Kept sorted, without duplicates.
  std::string display_name;
  std::string unit_of_measure;
  bool sold_by_weight = false;
  std::int32_t tax_rate_basis_points = 0;
  Money default_price;
  bool active = true;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;

  // Whether the business fields (not the timestamps) are equal.
  bool SameContentAs(const Product& other) const;
};

struct ProductStoreSetting {
  std::string store_code;
  std::string sku;
  std::optional<Money> price_override;
  std::int64_t reorder_point_milli = 0;
  std::int64_t min_quantity_milli = 0;
  std::int64_t max_quantity_milli = 0;
  TimeMicros update_time = 0;
};

struct Supplier {
  std::string code;
  std::string display_name;
  std::string phone;
  std::string email;
  std::string address;
  std::int32_t payment_terms_days = 0;
  bool active = true;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
};

struct Customer {
  std::string store_code;
  std::string code;
  std::string display_name;
  std::string phone;
  Money credit_limit;
  bool active = true;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
};

// An access token without its secret.
struct AccessToken {
  std::int64_t id = 0;
  std::string display_name;
  Role role = Role::kUnspecified;
  std::string store_code;     // Empty for chain-wide roles.
  std::string terminal_code;  // Only for kPosTerminal.
  TimeMicros create_time = 0;
  std::optional<TimeMicros> revoke_time;
  std::optional<std::int64_t> creator_id;
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
};

// One audited change, appended in the transaction of the change itself.
struct AuditEntry {
  std::string entity_type;
  std::string entity_id;
  std::string store_code;  // Empty for chain-wide entities.
};

struct AuditRecord {
  std::int64_t id = 0;
  TimeMicros create_time = 0;
  std::int64_t principal_id = 0;
  std::string principal_name;
  Role role = Role::kUnspecified;
  std::string store_code;
  std::string method;
  std::string entity_type;
  std::string entity_id;
  std::string request_id;
  std::string peer;
};

struct AuditFilter {
  std::string store_code;
  std::string method;
  std::string entity_type;
  std::string entity_id;
  std::optional<std::int64_t> principal_id;
  std::optional<TimeMicros> start_time;
  std::optional<TimeMicros> end_time;
};

struct ProductFilter {
  std::string text;
  bool active_only = false;
};

// A page request after validation: `after_key` is the last key of the
// previous page (empty for the first page).
struct PageRequest {
  int page_size = 100;
  std::string after_key;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_page_token;
};

enum class ImportOutcome { kCreated, kUpdated, kUnchanged, kRejected };

struct ImportRow {
  int line_number = 0;
  Product product;
};

struct ImportResult {
  int line_number = 0;
  std::string sku;
  ImportOutcome outcome = ImportOutcome::kRejected;
  std::string reason;
  std::string message;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_DOMAIN_MODEL_H_
