// The audit trail's values.
#ifndef BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_MODEL_H_
#define BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"

namespace backoffice::domain {

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

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_MODEL_H_
