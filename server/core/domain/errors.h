// Builders of the domain's errors. A reason is a stable identifier that
// clients branch on; the message is for humans and may change.
#ifndef BACKOFFICE_SERVER_DOMAIN_ERRORS_H_
#define BACKOFFICE_SERVER_DOMAIN_ERRORS_H_

#include <string>

#include "core/domain/status.h"

// Returns early with the error of a Status expression (or a StatusOr's
// status); the enclosing function returns Status or StatusOr<T>.
#define BO_RETURN_IF_ERROR(expr)                  \
  do {                                            \
    if (auto _st = (expr); !_st.ok()) return _st; \
  } while (0)

namespace backoffice::domain {

// INVALID_ARGUMENT with reason "INVALID_<FIELD>" and metadata field=<field>.
Status InvalidField(const std::string& field, const std::string& message);
Status InvalidArgument(std::string reason, std::string message);
Status NotFound(std::string reason, std::string message);
Status AlreadyExists(std::string reason, std::string message);
Status PermissionDenied(std::string reason, std::string message);
Status FailedPrecondition(std::string reason, std::string message);
Status Unauthenticated(std::string reason, std::string message);
Status Unavailable(std::string reason, std::string message);
Status Aborted(std::string reason, std::string message);
Status Internal(std::string reason, std::string message);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_DOMAIN_ERRORS_H_
