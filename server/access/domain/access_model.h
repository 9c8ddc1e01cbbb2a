// Access tokens as the server keeps them: never with their secret.
#ifndef BACKOFFICE_SERVER_ACCESS_DOMAIN_ACCESS_MODEL_H_
#define BACKOFFICE_SERVER_ACCESS_DOMAIN_ACCESS_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"

namespace backoffice::domain {

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

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_ACCESS_DOMAIN_ACCESS_MODEL_H_
